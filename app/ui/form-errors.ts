/**
 * Conform keeps errors by field name ("" for the form as a whole). The GOV.UK error summary wants them
 * as links to the fields, in the order the fields appear on the page.
 */
export function errorSummaryItems(
  allErrors: Record<string, string[] | undefined>,
  fieldOrder: readonly string[] = [],
  firstFieldId?: string,
): { href: string; message: string }[] {
  const rank = (name: string) => {
    const index = fieldOrder.findIndex(
      (field) => name === field || name.startsWith(`${field}.`) || name.startsWith(`${field}[`),
    );
    return index === -1 ? fieldOrder.length : index;
  };
  return Object.entries(allErrors)
    .filter(([, messages]) => messages && messages.length > 0)
    .sort(([a], [b]) => rank(a) - rank(b))
    .map(([name, messages]) => ({
      // The form as a whole, or its hidden version: there is no field to go to, so the first one.
      href: `#${name === "" || name === "version" ? (firstFieldId ?? fieldOrder[0] ?? "main-content") : fieldId(name)}`,
      message: messages![0]!,
    }));
}

/** Field names like `costs[0].lcpf` make awkward ids; ours use dashes. */
export function fieldId(name: string): string {
  return name.replace(/[[\].]+/g, "-").replace(/-$/, "");
}
