import { createContext, useContext, type ReactElement } from "react";

/**
 * Read-only markup the server rendered once and keeps (see prerender.server.tsx): on the check and
 * review pages, eighteen projects' full answers were most of the server's work and most of the page's
 * hydration data, although nothing in them is interactive.
 *
 * A whole-page request carries only `key`: the markup goes straight into the HTML through
 * PrerenderedMarkup (below) and the browser keeps it as it is when the page hydrates, so it is not
 * sent a second time as loader data. A client-side navigation (a `.data` request) carries `html`.
 */
export type PrerenderedFragment = { key: string; html?: string };

/** The markup of this request's fragments, by key; given only while the server renders a page. */
export const PrerenderedMarkup = createContext<ReadonlyMap<string, string> | null>(null);

/**
 * On the server only: the markup of a part of the page that the browser hydrates into live components,
 * rendered once for each distinct `input` (everything the markup is made from) and kept; see
 * keptMarkup in prerender.server.tsx. In the browser there is none, and the part is drawn as usual.
 */
export const KeptMarkup = createContext<((input: string, render: () => ReactElement) => string) | null>(null);

/** In the browser: the markup of each fragment the server sent with the page, by key, read once from the page itself. */
const sentWithPage = new Map<string, string>();

function markupSentWithPage(key: string): string {
  if (typeof document === "undefined") return "";
  let html = sentWithPage.get(key);
  if (html === undefined) {
    html = document.querySelector(`[data-prerendered="${key}"]`)?.innerHTML ?? "";
    sentWithPage.set(key, html);
  }
  return html;
}

/**
 * Shows a fragment. In the browser, a fragment that came with the page (not with later data) is shown
 * from the markup the server sent, read from the page before React first draws it. React keeps that
 * markup as it is while the page hydrates; and should hydration fail (the server and the browser
 * writing some text differently), React draws the whole page afresh, and the fragments must not come
 * back empty.
 */
export function Prerendered({ fragment, className }: { fragment: PrerenderedFragment; className?: string }) {
  const rendered = useContext(PrerenderedMarkup);
  const html = fragment.html ?? rendered?.get(fragment.key) ?? markupSentWithPage(fragment.key);
  return (
    <div
      className={className}
      data-prerendered={fragment.key}
      dangerouslySetInnerHTML={{ __html: html }}
      suppressHydrationWarning
    />
  );
}
