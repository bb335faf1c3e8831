/** A form's values as flat names (`lcpf-12`, `categories`) to text or a list of choices. */
export type FlatFormValues = Record<string, string | string[] | undefined>;

/** No answer, an empty box and an empty list all mean the same: nothing given. */
function normalised(value: string | string[] | undefined): string[] {
  if (value === undefined) return [];
  if (Array.isArray(value)) return value.filter((v) => v !== "").sort();
  const trimmed = value.trim();
  return trimmed === "" ? [] : [trimmed];
}

export function sameAnswer(a: string | string[] | undefined, b: string | string[] | undefined): boolean {
  const left = normalised(a);
  const right = normalised(b);
  return left.length === right.length && left.every((v, i) => v === right[i]);
}

/**
 * The fields whose answer differs between two sets of values, in page order (names the order does not
 * know come last, alphabetically), so a conflict lists them as the page asks them.
 */
export function changedFields(before: FlatFormValues, after: FlatFormValues, pageOrder: readonly string[]): string[] {
  const names = new Set([...Object.keys(before), ...Object.keys(after)]);
  const changed = [...names].filter((name) => !sameAnswer(before[name], after[name]));
  const rank = (name: string) => {
    const index = pageOrder.indexOf(name);
    return index === -1 ? pageOrder.length : index;
  };
  return changed.sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}
