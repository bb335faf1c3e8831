/**
 * Limits on the shape of a submitted form, checked before any parser sees it. conform turns
 * `name[N]` into an array N long, so one request with a huge index can exhaust the heap: every
 * bracketed index must be a plain number below MAX_LIST_INDEX, and nothing else may sit in brackets.
 */
export const MAX_FIELDS = 1000;
export const MAX_FIELD_NAME_LENGTH = 200;
export const MAX_LIST_INDEX = 1000;

/** Why a field name is refused, or null when it is acceptable. */
export function fieldNameProblem(name: string): string | null {
  if (name.length === 0) return "A field has no name.";
  if (name.length > MAX_FIELD_NAME_LENGTH) return "A field name is too long.";
  // Control characters have no place in a field name a page of ours produces.
  if (/[\u0000-\u001f\u007f]/.test(name)) return "A field name contains control characters.";
  let rest = name;
  for (;;) {
    const open = rest.indexOf("[");
    const close = rest.indexOf("]");
    if (open === -1) return close === -1 ? null : "A field name has unbalanced brackets.";
    if (close < open) return "A field name has unbalanced brackets.";
    const index = rest.slice(open + 1, close);
    // Digits only, no leading zero (so each index has one spelling), below the bound.
    if (!/^(0|[1-9]\d{0,3})$/.test(index) || Number(index) >= MAX_LIST_INDEX) return "A field name has an index out of range.";
    rest = rest.slice(close + 1);
  }
}
