import { createContext, useContext } from "react";

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
 * Shows a fragment. While the page hydrates there is no markup to hand: React keeps what the server
 * sent inside an element with dangerouslySetInnerHTML (it neither compares nor replaces it), and sets
 * it again only when later data brings different markup.
 */
export function Prerendered({ fragment, className }: { fragment: PrerenderedFragment; className?: string }) {
  const rendered = useContext(PrerenderedMarkup);
  const html = fragment.html ?? rendered?.get(fragment.key) ?? "";
  return <div className={className} dangerouslySetInnerHTML={{ __html: html }} suppressHydrationWarning />;
}
