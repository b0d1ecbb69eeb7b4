import { spawnSync } from "node:child_process";
import {
  cpSync,
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { tempDir } from "../support/temp-dir.js";

const SCRIPT = resolve("build/compile-if-stale.mjs");

/** A project of two modules, compiled the way tsconfig.build.json compiles the real one. */
function tinyProject(): string {
  const root = tempDir("wedos-compile-");
  mkdirSync(join(root, "src", "util"), { recursive: true });
  writeFileSync(
    join(root, "tsconfig.json"),
    JSON.stringify({ compilerOptions: { target: "ES2022", module: "NodeNext", strict: true, types: [] } }),
  );
  writeFileSync(
    join(root, "tsconfig.build.json"),
    JSON.stringify({ extends: "./tsconfig.json", compilerOptions: { rootDir: "src", outDir: "build/lib" } }),
  );
  writeFileSync(join(root, "src", "main.ts"), 'import { two } from "./util/two.js";\nexport const four = two * 2;\n');
  writeFileSync(join(root, "src", "util", "two.ts"), "export const two = 2;\n");
  writeFileSync(join(root, "package.json"), JSON.stringify({ type: "module" }));
  return root;
}

function start(root: string, ...options: string[]): { status: number | null; said: string } {
  const run = spawnSync(process.execPath, [SCRIPT, "--root", root, ...options], { encoding: "utf8" });
  return { status: run.status, said: `${run.stdout}${run.stderr}` };
}

/** Whether the next start would compile, without compiling. */
const stale = (root: string) => start(root, "--check").said === "stale\n";

/** Each test runs the real tsc a few times: seconds each on a busy machine. */
const TSC_RUNS = { timeout: 120_000 };

/** Makes a file look edited a second later, as saving it would. */
function touch(path: string): void {
  const later = new Date(statSync(path).mtimeMs + 1000);
  utimesSync(path, later, later);
}

describe("npm start's compile", () => {
  it("is the start script's first step, and demo:reset's", () => {
    const scripts = (JSON.parse(readFileSync("package.json", "utf8")) as { scripts: Record<string, string> }).scripts;
    expect(scripts.start).toBe("node build/compile-if-stale.mjs && node build/lib/cli.js demo");
    expect(scripts["demo:reset"]).toBe("node build/compile-if-stale.mjs && node build/lib/cli.js demo --reset");
  });

  it("compiles the first time, skips tsc while nothing changed, and compiles again after an edit", TSC_RUNS, () => {
    const root = tinyProject();
    const output = join(root, "build", "lib", "main.js");
    expect(stale(root)).toBe(true);
    expect(start(root)).toMatchObject({ status: 0, said: expect.stringContaining("compiling src/") });
    expect(existsSync(output)).toBe(true);

    // Nothing changed: tsc does not run, so the output is not rewritten.
    const compiledAt = statSync(output).mtimeMs;
    expect(start(root)).toEqual({ status: 0, said: "build/lib is up to date with src/: not compiling\n" });
    expect(statSync(output).mtimeMs).toBe(compiledAt);

    touch(join(root, "src", "util", "two.ts"));
    expect(start(root).said).toContain("compiling src/");
    expect(stale(root)).toBe(false);
  });

  it("takes a new, deleted or renamed source and a changed compiler setting as changes", TSC_RUNS, () => {
    const root = tinyProject();
    expect(start(root).status).toBe(0);
    const changes: Array<[string, (at: string) => void]> = [
      ["a new file", (at) => writeFileSync(join(at, "src", "three.ts"), "export const three = 3;\n")],
      ["a deleted file", (at) => rmSync(join(at, "src", "util", "two.ts"))],
      ["a renamed file", (at) => renameSync(join(at, "src", "util"), join(at, "src", "helpers"))],
      ["tsconfig.build.json", (at) => touch(join(at, "tsconfig.build.json"))],
    ];
    for (const [what, change] of changes) {
      // Each change in its own copy of the compiled project, made current there (a copied time can lose its last
      // millisecond, and a copy is not the compile the stamp was written for).
      const copy = tempDir("wedos-compile-copy-");
      cpSync(root, copy, { recursive: true, preserveTimestamps: true });
      expect(start(copy).status, what).toBe(0);
      expect(stale(copy), what).toBe(false);
      change(copy);
      expect(stale(copy), what).toBe(true);
    }
  });

  it("fails, and compiles again next time, when the sources do not compile", TSC_RUNS, () => {
    const root = tinyProject();
    writeFileSync(join(root, "src", "util", "two.ts"), "export const two: number = 'two';\n");
    const failed = start(root);
    expect(failed.status).not.toBe(0);
    expect(failed.said).toContain("TS2322");
    expect(stale(root)).toBe(true);
  });
});
