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
      return resolved.id.replace(/@conform-to([\\/])(?:dom|zod)[\\/]dist[\\/](?:.*[\\/])?_virtual/, "@conform-to$1react$1dist$1_virtual");
    },
  };
}

/**
 * The browser build's shared libraries, one file each: React, React DOM and React Router, which
 * every page needs; conform and zod/mini, which every page with a form needs. Otherwise they come
 * in whichever chunks the bundler's first importer made, each with its own request and gzip
 * overhead. Only the client environment: the server bundle is left as React Router makes it.
 */
function clientChunks(): Plugin {
  return {
    name: "lcpf:client-chunks",
    configEnvironment(name) {
      if (name !== "client") return null;
      return {
        build: {
          rolldownOptions: {
            output: {
              codeSplitting: {
                groups: [
                  {
                    name: "framework",
                    test: /node_modules[\\/](?:react|react-dom|react-router|scheduler|cookie|set-cookie-parser)[\\/]/,
                    priority: 30,
                  },
                  {
                    name: "forms",
                    test: /node_modules[\\/](?:@conform-to|zod)[\\/]|app[\\/]ui[\\/]form-errors\.ts|app[\\/]forms[\\/]zod-v4-client\.ts/,
                    priority: 20,
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
