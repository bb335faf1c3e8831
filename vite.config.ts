import { reactRouter } from "@react-router/dev/vite";
import { NodePackageImporter } from "sass";
import { defineConfig } from "vite";

export default defineConfig({
  plugins: [reactRouter()],
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
