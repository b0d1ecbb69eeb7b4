// Lint for src/ and test/: typescript-eslint's recommended rules (syntax only, no type information, so the whole
// tree lints in seconds) and the layer table of src/ (lint/layers.js). `npm run lint`; `npm test` runs it too.
import js from "@eslint/js";
import { defineConfig } from "eslint/config";
import tseslint from "typescript-eslint";
import { importsGoDown } from "./lint/layers.js";

const layers = { rules: { "imports-go-down": importsGoDown } };

export default defineConfig(
  { ignores: ["build/", "node_modules/", "coverage/", "test-artifacts/", ".data/"] },
  {
    files: ["src/**/*.ts", "test/**/*.ts", "*.ts"],
    extends: [js.configs.recommended, tseslint.configs.recommended],
    rules: {
      // tsc reports unused names already (noUnusedLocals, noUnusedParameters); the rule would be half the lint time.
      "@typescript-eslint/no-unused-vars": "off",
      // Express's request locals are typed the documented way, by augmenting its global namespace.
      "@typescript-eslint/no-namespace": ["error", { allowDeclarations: true }],
      // Input checks reject control characters with a character class on purpose.
      "no-control-regex": "off",
      // A `let` that a callback reads before its one assignment cannot be a `const`.
      "prefer-const": ["error", { ignoreReadBeforeAssign: true }],
    },
  },
  {
    files: ["src/**/*.ts"],
    plugins: { layers },
    rules: { "layers/imports-go-down": "error" },
  },
  {
    files: ["eslint.config.js", "lint/**/*.js"],
    extends: [js.configs.recommended],
  },
);
