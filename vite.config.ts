import { reactRouter } from "@react-router/dev/vite";
import { fileURLToPath } from "node:url";
import { NodePackageImporter } from "sass";
import { defineConfig, type Plugin } from "vite";

/**
 * In the browser build only, @conform-to/zod's `import { lazy, optional, pipe, transform } from
 * "zod/v4"` resolves to zod/mini's functions of the same names. Our schemas are written with zod/mini;
 * this keeps conform's coercion from pulling zod's whole chainable API into the client bundle.
 */
function conformZodMini(): Plugin {
  const stand = fileURLToPath(new URL("./app/forms/zod-v4-client.ts", import.meta.url));
  return {
    name: "lcpf:conform-zod-mini",
    enforce: "pre",
    applyToEnvironment: (environment) => environment.name === "client",
    resolveId(source, importer) {
      if (source === "zod/v4" && importer?.includes("@conform-to/zod")) return stand;
      return null;
    },
  };
}

/**
 * Each @conform-to package (dom, react, zod) ships its own copy of the same Babel helpers
 * (`objectSpread2` and friends). In the browser build all three import @conform-to/react's copy, which
 * is byte-for-byte the same as zod's and a superset of dom's, so the page downloads it once.
 */
function conformOneBabelHelpers(): Plugin {
  const copy = /@conform-to[\\/](?:dom|zod)[\\/]dist[\\/](?:.*[\\/])?_virtual[\\/]_rollupPluginBabelHelpers\.mjs$/;
  return {
    name: "lcpf:conform-one-babel-helpers",
    enforce: "pre",
    applyToEnvironment: (environment) => environment.name === "client",
    async resolveId(source, importer, options) {
      if (!source.endsWith("_rollupPluginBabelHelpers.mjs") || !importer?.includes("@conform-to")) return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      if (!resolved || !copy.test(resolved.id)) return resolved;
      return resolved.id.replace(
        /@conform-to([\\/])(?:dom|zod)[\\/]dist[\\/](?:.*[\\/])?_virtual/,
        "@conform-to$1react$1dist$1_virtual",
      );
    },
  };
}

/** `app/…` path without extension, for a module id of one of our own files; otherwise null. */
function appModule(id: string): string | null {
  return /[\\/]app[\\/]([\w/.-]+)\.tsx?$/.exec(id)?.[1]?.replaceAll("\\", "/") ?? null;
}

/**
 * conform, zod/mini and our helpers around them: every page whose forms validate in the browser.
 */
const FORM_MODULES = new Set([
  "ui/use-govuk-form",
  "ui/form-errors",
  "forms/common",
  "forms/zod-v4-client",
  "domain/form-fields",
]);

/** Our form field components: small, and on most pages (a filter, a button, a plain post). */
const FIELD_MODULES = new Set([
  "ui/error-summary",
  "ui/text-input",
  "ui/textarea",
  "ui/radios",
  "ui/checkboxes",
  "ui/select",
  "ui/date-input",
  "ui/fieldset",
]);

/** Small modules that the layout (so every page) or most pages use. */
const COMMON_MODULES = new Set([
  "ui/layout",
  "ui/parts",
  "ui/page-title",
  "ui/back-link",
  "ui/button",
  "ui/tag",
  "ui/table",
  "ui/summary-list",
  "ui/flash-banner",
  "domain/money",
  "domain/dates",
  "domain/roles",
  "domain/demo-figures",
]);

/**
 * The browser build's chunks, by what pages share, so a page downloads few files (each has its own
 * request and gzip overhead) and no component it never renders:
 * - framework: React, React DOM and React Router, which every page needs;
 * - forms: conform, zod/mini and our helpers for them, which every page whose forms validate in the
 *   browser needs;
 * - common: the small modules the layout and most pages use, with the form field components;
 * - the rest as the bundler splits it, by which pages import it.
 * Our `app/ui`, `app/domain` and `app/forms` modules are declared free of side effects, so importing
 * one component from the `~/ui` barrel no longer brings every component along.
 * Only the client environment: the server bundle is left as React Router makes it.
 */
function clientChunks(): Plugin {
  return {
    name: "lcpf:client-chunks",
    configEnvironment(name) {
      if (name !== "client") return null;
      return {
        build: {
          rolldownOptions: {
            treeshake: {
              moduleSideEffects: (id: string) => !/^(?:ui|domain|forms)\//.test(appModule(id) ?? ""),
            },
            output: {
              codeSplitting: {
                groups: [
                  {
                    name: "framework",
                    test: /node_modules[\\/](?:react|react-dom|react-router|scheduler)[\\/]/,
                    priority: 30,
                  },
                  {
                    name: "forms",
                    test: (id: string) =>
                      /node_modules[\\/](?:@conform-to|zod)[\\/]/.test(id) || FORM_MODULES.has(appModule(id) ?? ""),
                    priority: 20,
                  },
                  {
                    name: "common",
                    test: (id: string) =>
                      COMMON_MODULES.has(appModule(id) ?? "") || FIELD_MODULES.has(appModule(id) ?? ""),
                    // Before forms, whose components use these too and would otherwise take them along.
                    priority: 25,
                  },
                ],
              },
            },
          },
        },
      };
    },
  };
}

export default defineConfig({
  plugins: [conformZodMini(), conformOneBabelHelpers(), clientChunks(), reactRouter()],
  resolve: { tsconfigPaths: true },
  css: {
    preprocessorOptions: {
      scss: { importers: [new NodePackageImporter()] },
    },
    // govuk-frontend still ships a few old-browser hacks that lightningcss cannot parse; drop them.
    lightningcss: { errorRecovery: true },
  },
  build: { sourcemap: false },
});
