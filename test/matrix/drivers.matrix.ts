import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { aboveCeilings, describeVersions, highestSymbolVersions } from "../../build/native/glibc-symbols.mjs";
import { nodeDistribution } from "../../build/native/node-dist.mjs";
import { NODE_VERSIONS } from "../../build/native/targets.mjs";
import { packagesDir } from "./packages.js";

// The runtime matrix (docs/decisions/0009): every driver a package ships loads on EL 8 (at most GLIBC_2.28 and
// GLIBCXX_3.4.25), one for each supported Node.js; and the store behaves the same through node:sqlite, where Node.js
// has a usable one (24; Node 22's cuts text at NUL, so it is refused).
const ROOT = join(import.meta.dirname, "..", "..");
const unpacked = mkdtempSync(join(tmpdir(), "wedos-panel-matrix-drivers-"));
afterAll(() => rmSync(unpacked, { recursive: true, force: true }));

describe("the shipped drivers", () => {
  it.each(["wedos.tar.gz", "wedos-panel-cpanel.tar.gz"])(
    "%s: one per supported Node.js, each needing at most GLIBC_2.28 and GLIBCXX_3.4.25",
    (tarball) => {
      const into = join(unpacked, tarball);
      execFileSync("mkdir", ["-p", into]);
      execFileSync("tar", ["-xzf", join(packagesDir(), tarball), "-C", into]);
      const native = readdirSync(into, { recursive: true })
        .map(String)
        .filter((path) => path.endsWith(".node"));
      const abis = NODE_VERSIONS.map((version) =>
        execFileSync(join(nodeDistribution(version), "bin", "node"), ["-p", "process.versions.modules"], {
          encoding: "utf8",
        }).trim(),
      );
      expect(native.map((path) => /node-abi(\d+)\//.exec(path)?.[1]).sort()).toEqual([...abis].sort());
      for (const path of native) {
        const versions = highestSymbolVersions(join(into, path));
        expect(aboveCeilings(versions), `${path}: ${describeVersions(versions)}`).toEqual([]);
        expect(versions.GLIBC, path).toBeDefined();
        expect(process.env.WEDOS_PANEL_MATRIX_BUILD_OUTPUT).toContain(
          `${path.replace(/^wedos-panel\//, "")}: needs ${describeVersions(versions)}`,
        );
      }
    },
  );
});

/** The tests that open databases, run again by another Node.js with the built-in driver forced. */
const STORE_TESTS = [
  "test/store",
  "test/cli/driver.test.ts",
  "test/wapi",
  "test/sync",
  ...[
    "queue",
    "reliability",
    "lifecycle.e2e",
    "pre-hook",
    "reconcile",
    "protection-switch",
    "delegation-checker",
    "dns-reasons",
    "restore-reconcile",
  ].map((name) => `test/provisioning/${name}.test.ts`),
];

// Node 22's node:sqlite is refused (it cuts text at NUL; test/store checks the refusal under the Node on PATH).
describe.each(NODE_VERSIONS.filter((version) => Number(version.split(".")[0]) >= 24))(
  "Node.js %s with node:sqlite forced",
  (version) => {
    it("passes the driver, store and provisioning tests", () => {
      const node = join(nodeDistribution(version), "bin", "node");
      const run = spawnSync(node, [join(ROOT, "node_modules", "vitest", "vitest.mjs"), "run", ...STORE_TESTS], {
        cwd: ROOT,
        encoding: "utf8",
        env: { ...process.env, WEDOS_PANEL_SQLITE_DRIVER: "builtin", WEDOS_PANEL_MATRIX_PACKAGES: "" },
        maxBuffer: 64 * 1024 * 1024,
      });
      const summary = `${run.stdout}${run.stderr}`
        .split("\n")
        .filter((line) => /Test Files|Tests /.test(line))
        .join("\n");
      process.stdout.write(`Node.js ${version}, node:sqlite:\n${summary}\n`);
      expect(run.status, `${run.stdout}${run.stderr}`.slice(-4000)).toBe(0);
      expect(summary).toMatch(/Tests\s.*\d+ passed/);
      expect(summary).not.toMatch(/failed|skipped/);
    });
  },
);
