// The layer table of src/ as data, and the lint rule that enforces it: an import may only go to a folder its
// layer is allowed to use. A relative specifier is resolved against the importing file, so `../dns/` from the
// simulator's own `dns/` folder is told apart from src/dns/ (a glob on the specifier text could not do that).
import path from "node:path";

/** Folders (or single files) of src/, bottom to top. `may` names the units a unit may import besides itself. */
const VOCABULARY = ["model", "errors.ts", "clock.ts", "util", "package-info.ts"];
const COMPOSITION = ["main.ts", "serving.ts", "doctor", "cli", "demo", "bench", "cli.ts"];
const FAKES = ["simulator", "emulators"];

/** @type {Record<string, { layer: string, may: string[] }>} */
export const LAYERS = {
  ...Object.fromEntries(VOCABULARY.map((unit) => [unit, { layer: "0 vocabulary", may: VOCABULARY }])),
  config: { layer: "1 config", may: [...VOCABULARY, "dns"] },
  // Pure: no I/O and no clock, so it can be tested with strings alone.
  dns: { layer: "1 dns (pure)", may: VOCABULARY.filter((unit) => unit !== "clock.ts") },
  // Pure like dns: money, days, products, rating and reconciliation rules, tested with values alone.
  billing: { layer: "1 billing (pure)", may: VOCABULARY.filter((unit) => unit !== "clock.ts") },
  store: { layer: "2 store", may: [...VOCABULARY, "config", "dns", "billing"] },
  wapi: { layer: "3 wapi", may: [...VOCABULARY, "config", "dns", "billing", "store"] },
  panel: { layer: "3 panel", may: [...VOCABULARY, "config", "dns", "billing", "store"] },
  sync: { layer: "4 sync", may: [...VOCABULARY, "config", "dns", "billing", "store", "wapi", "panel"] },
  provisioning: {
    layer: "5 provisioning",
    may: [...VOCABULARY, "config", "dns", "billing", "store", "wapi", "panel", "sync"],
  },
  // Web sees WAPI only through the read-only status view and the credentials writer in its own deps.
  web: { layer: "6 web", may: [...VOCABULARY, "config", "dns", "billing", "store", "panel", "sync", "provisioning"] },
  ...Object.fromEntries(COMPOSITION.map((unit) => [unit, { layer: "7 composition", may: ["*"] }])),
  // Fakes share no code with what they fake: layer 0 and each other only.
  ...Object.fromEntries(FAKES.map((unit) => [unit, { layer: "fake", may: [...VOCABULARY, ...FAKES] }])),
};

/** node: modules that do no I/O: the only built-ins src/dns/ may use. */
export const PURE_NODE_MODULES = ["node:buffer", "node:path", "node:punycode", "node:url", "node:util"];

/** Units whose only allowed npm packages are listed here (others may use any installed package). */
const PACKAGES = { dns: [], billing: [] };

/** An emulator may read a panel's path constants (panel/<kind>/layout.ts) when it cannot do without. */
const isPanelLayout = (relative) => /^panel\/[^/]+\/layout\.ts$/.test(relative);

/** The unit of a path under src/ (its first folder, or the file itself at the top), or undefined outside src/. */
function unitOf(srcDir, file) {
  const relative = path.relative(srcDir, file).split(path.sep).join("/");
  if (relative.startsWith("..") || path.isAbsolute(relative)) return undefined;
  return { unit: relative.split("/")[0], relative };
}

/** The source file a relative specifier names (`./x.js` is written for `./x.ts`). */
function targetOf(file, specifier) {
  return path.resolve(path.dirname(file), specifier).replace(/\.js$/, ".ts");
}

/** @type {import("eslint").Rule.RuleModule} */
export const importsGoDown = {
  meta: {
    type: "problem",
    docs: { description: "Imports in src/ only go down the layer table (lint/layers.js)" },
    schema: [],
    messages: {
      upward:
        "{{from}} (layer {{fromLayer}}) may not import {{to}} (layer {{toLayer}}): imports only go down the layer table in lint/layers.js.",
      unplaced: "{{from}} is not in the layer table: add its folder to lint/layers.js.",
      impureNode:
        "src/{{unit}}/ stays pure: {{specifier}} may do I/O; pass the data in instead (allowed: {{allowed}}).",
      package: "src/{{unit}}/ may not use the package {{specifier}}: add it to lint/layers.js if it is pure.",
    },
  },
  create(context) {
    const srcDir = path.join(context.cwd, "src");
    const from = unitOf(srcDir, context.filename);
    if (!from) return {};
    const rule = LAYERS[from.unit];
    if (!rule) {
      return { Program: (node) => context.report({ node, messageId: "unplaced", data: { from: `src/${from.unit}` } }) };
    }
    const check = (node, specifier) => {
      if (typeof specifier !== "string") return;
      if (!specifier.startsWith(".")) return checkBare(node, specifier);
      const to = unitOf(srcDir, targetOf(context.filename, specifier));
      if (!to || to.unit === from.unit || rule.may.includes("*") || rule.may.includes(to.unit)) return;
      if (from.unit === "emulators" && isPanelLayout(to.relative)) return;
      const toLayer = LAYERS[to.unit]?.layer ?? "none";
      context.report({
        node,
        messageId: "upward",
        data: { from: `src/${from.unit}`, fromLayer: rule.layer, to: `src/${to.relative}`, toLayer },
      });
    };
    const checkBare = (node, specifier) => {
      if (from.unit !== "dns" && from.unit !== "billing") return;
      if (specifier.startsWith("node:")) {
        if (PURE_NODE_MODULES.includes(specifier)) return;
        const allowed = PURE_NODE_MODULES.join(", ");
        return context.report({ node, messageId: "impureNode", data: { unit: from.unit, specifier, allowed } });
      }
      if (!PACKAGES.dns.includes(specifier)) {
        context.report({ node, messageId: "package", data: { unit: from.unit, specifier } });
      }
    };
    const literal = (source) => (source?.type === "Literal" ? source.value : undefined);
    return {
      ImportDeclaration: (node) => check(node.source, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node.source, node.source.value),
      ExportAllDeclaration: (node) => check(node.source, node.source.value),
      ImportExpression: (node) => check(node.source, literal(node.source)),
      // typescript-eslint 8 names the specifier `source` (older versions: `argument.literal`).
      TSImportType: (node) => check(node, "source" in node ? node.source?.value : literal(node.argument?.literal)),
    };
  },
};
