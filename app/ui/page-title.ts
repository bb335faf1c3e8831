export const SERVICE_NAME = "London Crime Prevention Fund";

/**
 * GOV.UK page titles: the page, then the service; errors first when the form has them.
 * The one way to title a page: render `<title>{pageTitle(...)}</title>` in the route's component
 * (React puts it in the head). Not `meta()`: it cannot see the action's errors, and both together
 * render two titles.
 */
export function pageTitle(page: string, hasErrors = false): string {
  return `${hasErrors ? "Error: " : ""}${page} – ${SERVICE_NAME}`;
}
