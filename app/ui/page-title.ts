export const SERVICE_NAME = "London Crime Prevention Fund";

/** GOV.UK page titles: the page, then the service; errors first when the form has them. */
export function pageTitle(page: string, hasErrors = false): string {
  return `${hasErrors ? "Error: " : ""}${page} – ${SERVICE_NAME}`;
}
