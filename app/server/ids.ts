/**
 * A route parameter that names a row, as a number: digits only, no leading zero, no sign, spaces,
 * hex or decimals, within the safe integers. Anything else is null (so "page not found"): each id has
 * exactly one address.
 */
export function parseId(param: string | null | undefined): number | null {
  if (typeof param !== "string" || !/^[1-9]\d{0,15}$/.test(param)) return null;
  const id = Number(param);
  return Number.isSafeInteger(id) ? id : null;
}
