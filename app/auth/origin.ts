const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * True when a state-changing request comes from another site. Browsers send Origin on form posts;
 * where it is missing, Sec-Fetch-Site still says whether the request crossed sites.
 */
export function isCrossOriginWrite(
  method: string,
  ownOrigin: string,
  headers: { origin?: string; secFetchSite?: string },
): boolean {
  if (SAFE_METHODS.has(method.toUpperCase())) return false;
  if (headers.origin) return headers.origin !== ownOrigin;
  return headers.secFetchSite === "cross-site" || headers.secFetchSite === "same-site";
}
