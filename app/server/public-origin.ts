/**
 * The origin people's browsers use for the portal. With APP_URL set it is that, whatever the request
 * says; otherwise the request's own scheme and host, which Express takes from X-Forwarded-Proto and
 * X-Forwarded-Host only when TRUST_PROXY trusts the proxy that sent them. Null for a Host header that
 * is not a host.
 */
export function publicOrigin(
  appUrl: string | null,
  request: { protocol: string; host: string | undefined },
): string | null {
  if (appUrl) return new URL(appUrl).origin;
  if (!request.host) return null;
  try {
    const url = new URL(`${request.protocol}://${request.host}`);
    // A Host header with a path, credentials or junk parses to something else: refuse it.
    if (url.host !== request.host.toLowerCase() || url.pathname !== "/" || url.username || url.password) return null;
    return url.origin;
  } catch {
    return null;
  }
}
