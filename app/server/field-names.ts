/**
 * Limits on the shape of a submitted form, checked before any parser sees it. conform turns
 * `name[N]` into an array N long, so one request with a huge index can exhaust the heap: every
 * bracketed index must be a plain number below MAX_LIST_INDEX, and nothing else may sit in brackets.
 */
export const MAX_FIELDS = 1000;
export const MAX_FIELD_NAME_LENGTH = 200;
export const MAX_LIST_INDEX = 1000;
/**
 * Longest value any one field may carry, in characters: many times the longest text a form allows
 * (3,000), so a person who pastes too much still gets the form's own message, while megabyte values
 * never reach validation and rendering.
 */
export const MAX_FIELD_VALUE_LENGTH = 50_000;
/**
 * Largest uploaded file (an allocations CSV) in bytes. A file is never rendered back whole: the page
 * that takes it reads it as rows with limits of their own. The body limit (MAX_BODY_BYTES) still applies.
 */
export const MAX_FILE_BYTES = 500_000;

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
    if (!/^(0|[1-9]\d{0,3})$/.test(index) || Number(index) >= MAX_LIST_INDEX)
      return "A field name has an index out of range.";
    rest = rest.slice(close + 1);
  }
}

/** Fields conform reserves for itself: it JSON-parses them and throws (a 500) on anything unexpected. */
const CONFORM_INTENT = "__intent__";
const CONFORM_STATE = "__state__";
const MAX_RESERVED_LENGTH = 10_000;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function parseJsonObject(text: string): Record<string, unknown> | null {
  if (text.length > MAX_RESERVED_LENGTH) return null;
  try {
    const value: unknown = JSON.parse(text);
    return isPlainObject(value) ? value : null;
  } catch {
    return null;
  }
}

/** An intent as conform's buttons send it ("validate", "insert" into a list, ...), with bounded names and indices. */
function intentProblem(text: string): string | null {
  const intent = parseJsonObject(text);
  if (!intent || typeof intent.type !== "string" || intent.payload === undefined)
    return "The form’s action is not one this portal sends.";
  if (!isPlainObject(intent.payload)) return null;
  const { name, index, from, to } = intent.payload;
  if (name !== undefined && (typeof name !== "string" || (name !== "" && fieldNameProblem(name))))
    return "The form’s action names a field out of range.";
  for (const position of [index, from, to]) {
    if (
      position !== undefined &&
      !(Number.isInteger(position) && (position as number) >= 0 && (position as number) < MAX_LIST_INDEX)
    ) {
      return "The form’s action has a list position out of range.";
    }
  }
  return null;
}

/** Why the reserved fields of a form are refused, or null. Each may appear once, as text conform can read. */
export function reservedFieldsProblem(fields: Iterable<[string, string | File]>): string | null {
  const seen = new Set<string>();
  for (const [name, value] of fields) {
    if (name !== CONFORM_INTENT && name !== CONFORM_STATE) continue;
    if (seen.has(name)) return "The form repeats a reserved field.";
    seen.add(name);
    if (typeof value !== "string") return "A reserved field holds a file.";
    if (value === "") continue;
    const problem =
      name === CONFORM_INTENT
        ? intentProblem(value)
        : parseJsonObject(value)
          ? null
          : "The form’s state is not readable.";
    if (problem) return problem;
  }
  return null;
}
