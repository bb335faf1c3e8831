// ESLint flat config: typescript-eslint's recommended rules, the rules of hooks and jsx-a11y.
// Formatting is Prettier's job (see .prettierrc.json), so no stylistic rules here.
import js from "@eslint/js";
import { defineConfig, globalIgnores } from "eslint/config";
import jsxA11y from "eslint-plugin-jsx-a11y";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

export default defineConfig([
  globalIgnores(["build/", ".react-router/", "node_modules/", "data/", "test-results/", "playwright-report/"]),
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      // The portal strips control characters from input and headers on purpose (three places).
      "no-control-regex": "off",
      // A leading underscore marks a parameter kept for its position (loader args, event handlers).
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" },
      ],
    },
  },
  {
    files: ["app/**/*.tsx"],
    ...reactHooks.configs.flat.recommended,
    rules: {
      ...reactHooks.configs.flat.recommended.rules,
      // Pages work without JavaScript first; after hydration a component reads what the browser
      // restored into the DOM and sets state from it in an effect. That is the design, not a slip.
      "react-hooks/set-state-in-effect": "off",
    },
  },
  {
    files: ["app/**/*.tsx"],
    ...jsxA11y.flatConfigs.recommended,
    rules: {
      ...jsxA11y.flatConfigs.recommended.rules,
      // Our components take an `autoFocus` prop to turn focusing off (autoFocus={false}); the rule is
      // about the DOM attribute, which it still checks.
      "jsx-a11y/no-autofocus": ["error", { ignoreNonDOM: true }],
    },
  },
  {
    // Every change goes through inTransaction (db/connection.ts): serialisable, with retries, on both databases.
    files: ["app/**/*.{ts,tsx}", "scripts/**/*.ts", "seeds/**/*.ts"],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector: "CallExpression[callee.property.name='transaction']",
          message:
            "Use inTransaction(db, work) from db/connection.ts, which PostgreSQL needs serialisable and retried.",
        },
      ],
    },
  },
  {
    // Kysely's own advice: a migration must not depend on today's schema types, so it takes Kysely<any>.
    files: ["db/migrations/**/*.ts"],
    rules: { "@typescript-eslint/no-explicit-any": "off" },
  },
]);
