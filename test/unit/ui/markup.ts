import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type { ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";

export function render(element: ReactElement): string {
  return renderToStaticMarkup(element);
}

const require = createRequire(import.meta.url);
const componentsDir = join(dirname(require.resolve("govuk-frontend/package.json")), "dist/govuk/components");

/** The HTML GOV.UK Frontend 6 renders for one of its own examples, e.g. ("input", "with-prefix"). */
export function govukFixture(component: string, example: string): string {
  return readFileSync(join(componentsDir, component, `template-${example}.html`), "utf8");
}

const entities: Record<string, string> = {
  "&amp;": "&",
  "&lt;": "<",
  "&gt;": ">",
  "&quot;": '"',
  "&#39;": "'",
  "&#x27;": "'",
};

function decode(text: string): string {
  return text.replace(/&(?:amp|lt|gt|quot|#39|#x27);/g, (entity) => entities[entity] ?? entity);
}

/**
 * A comparable form of an HTML fragment: one entry per tag or text run, with attributes
 * sorted and lower-cased, class lists sorted, empty and boolean attributes made alike, and whitespace between
 * tags (which Nunjucks templates have and React does not) ignored. `data-module` is dropped
 * because we deliberately do not hand components to GOV.UK Frontend's JavaScript.
 */
export function canonical(html: string, ignoreAttributes: readonly string[] = []): string[] {
  const ignored = new Set(["data-module", ...ignoreAttributes]);
  const tokens: string[] = [];
  const pattern = /<(\/?)([a-zA-Z][a-zA-Z0-9]*)((?:\s+[^\s=>/]+(?:="[^"]*")?)*)\s*\/?>|([^<]+)/g;
  for (const match of html.matchAll(pattern)) {
    const [, closing, tag, attributeText, text] = match;
    if (text !== undefined) {
      const collapsed = decode(text).replace(/\s+/g, " ").trim();
      if (collapsed !== "") tokens.push(collapsed);
      continue;
    }
    if (closing) {
      tokens.push(`</${tag}>`);
      continue;
    }
    const attributes: string[] = [];
    for (const [, name, value] of (attributeText ?? "").matchAll(/([^\s=]+)(?:="([^"]*)")?/g)) {
      if (name === undefined) continue;
      // React writes a few attribute names in camel case (inputMode); HTML ignores case.
      const key = name.toLowerCase();
      if (ignored.has(key)) continue;
      const decoded = decode(value ?? "");
      const normalised = key === "class" ? decoded.split(/\s+/).filter(Boolean).sort().join(" ") : decoded;
      attributes.push(normalised === "" ? key : `${key}="${normalised}"`);
    }
    attributes.sort();
    tokens.push(`<${[tag, ...attributes].join(" ")}>`);
  }
  return tokens;
}

/** The canonical form as one string, for "contains this fragment" checks regardless of attribute order. */
export function normalised(html: string, ignoreAttributes: readonly string[] = []): string {
  return canonical(html, ignoreAttributes).join("");
}
