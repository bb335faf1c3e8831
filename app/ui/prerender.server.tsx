import { createHash } from "node:crypto";
import type { ComponentType, ReactElement } from "react";
import { renderToStaticMarkup, renderToString } from "react-dom/server";
import type { AppLoadContext } from "react-router";
import type { PrerenderedFragment } from "./prerendered";

/**
 * The cache's bound, in characters of markup and of what it was made from (about 16 MB): every
 * project of every borough's proposals (a few KB each) several times over, and a fixed ceiling on the
 * memory it can take.
 */
const MAX_CHARACTERS = 8_000_000;
type Kept = { key: string; html: string };
/** By everything the markup is made from ("fragment" or "live", then the input), so a hit costs no hash of it. */
const cache = new Map<string, Kept>();
let cachedCharacters = 0;

/** What is kept for `input`, or `make`'s, kept from now on. */
function kept(input: string, make: () => Kept): Kept {
  let entry = cache.get(input);
  if (entry === undefined) entry = make();
  else {
    cache.delete(input);
    cachedCharacters -= input.length + entry.html.length;
  }
  cache.set(input, entry);
  cachedCharacters += input.length + entry.html.length;
  // A Map keeps insertion order: the first key is the one used longest ago (hits are moved to the end).
  while (cachedCharacters > MAX_CHARACTERS && cache.size > 1) {
    const [oldest, { html }] = cache.entries().next().value!;
    cachedCharacters -= oldest.length + html.length;
    cache.delete(oldest);
  }
  return entry;
}

/**
 * Read-only markup, rendered by React once for each distinct input and kept. The key is a hash of
 * everything the markup is made from (`input`: what it is, then every value `render` reads, as JSON),
 * so a changed project or a renamed priority makes a new key and stale markup is never shown.
 *
 * On a whole-page request the markup goes to the page through the load context (see
 * entry.server.tsx); a client-side navigation gets it in the loader data.
 */
export function prerender(
  context: AppLoadContext | undefined,
  input: readonly string[],
  render: () => ReactElement,
): PrerenderedFragment {
  const text = `fragment\0${input.join("\0")}`;
  const { key, html } = kept(text, () => {
    const key = createHash("sha1").update(text).digest("base64url");
    // Ids from useId (a table's caption, say) must not repeat those of the page or of another fragment.
    return { key, html: renderToStaticMarkup(render(), { identifierPrefix: `p${key.slice(0, 8)}-` }) };
  });
  if (context?.prerendered) {
    context.prerendered.set(key, html);
    return { key };
  }
  return { key, html };
}

/**
 * A component with its props as prerendered markup, keyed on `name` and the props themselves: what
 * the markup is made from is exactly what the key holds, so no fragment can leave a value out of it.
 */
export function prerenderComponent<Props extends object>(
  context: AppLoadContext | undefined,
  name: string,
  Component: ComponentType<Props>,
  props: Props,
): PrerenderedFragment {
  return prerender(context, [name, JSON.stringify(props)], () => <Component {...props} />);
}

/**
 * The markup of a part the browser hydrates (a form not yet posted), rendered once for each distinct
 * `input` and kept beside the fragments: the server writes it as it stands inside the part's own
 * element, and the browser's React hydrates that element's children from it as if it had written them.
 * Written by renderToString, so text that React would split keeps its markers. The part must not use
 * useId, whose ids would differ from the browser's.
 */
export function keptMarkup(input: string, render: () => ReactElement): string {
  return kept(`live\0${input}`, () => ({ key: "", html: renderToString(render()) })).html;
}
