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

export default defineConfig({
  plugins: [conformZodMini(), reactRouter()],
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
