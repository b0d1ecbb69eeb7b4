import { spawnSync } from "node:child_process";
import { renameSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import BetterSqlite3 from "better-sqlite3";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { policySchema } from "../../src/model/policy.js";
import { hookSpool, pendingWarnings } from "../../src/provisioning/spool.js";
import { databaseFileIn, openDatabase } from "../../src/store/database.js";
import { InventoryStore } from "../../src/store/inventory-store.js";
import { PolicyStore } from "../../src/store/policy-store.js";
import { passableTempDir } from "../support/service-account.js";
import { buildPackage, createSandbox, type BuiltPackage, type Sandbox } from "./sandbox.js";

// A pre hook refuses a panel action for one reason only, the package's quota of WEDOS zones. However the installed
// plugin is broken, DirectAdmin's action goes through (exit 0) and the admin gets a warning (hooks/pre-check.sh).
// Each test installs the real package with install.sh, then breaks it in one way.
let built: BuiltPackage;
let box: Sandbox;
beforeAll(() => {
  built = buildPackage();
}, 60_000);
afterAll(() => built.remove());
beforeEach(() => {
  box = createSandbox(built, "wedos", { numericAccount: true });
  const install = box.run("install.sh");
  expect(install.status, install.stdout).toBe(0);
  // alice has one domain and her package one zone: a second domain is beyond the quota. Written as root and
  // closed again, so the service account finds its database as it left it.
  const db = openDatabase(databaseFileIn(box.dataDir));
  new PolicyStore(db).save("gold", policySchema.parse({ zoneQuota: 1 }), 0);
  new InventoryStore(db).upsertAccount({ username: "alice", package: "gold" }, 0);
  new InventoryStore(db).upsertDomain({ domain: "alice.test", username: "alice", kind: "domain" }, 0);
  db.close();
}, 60_000);

const NOT_CHECKED = "WEDOS DNS: the zone quota was not checked; an admin should run: wedos-panel doctor\n";
const ALICE_SECOND = { username: "alice", domain: "alice-shop.test" };

/** A directory of the programs the hooks use, from this machine, but no node. */
function pathWithoutNode(): string {
  const dir = passableTempDir("wedos-panel-no-node-"); // the hook's service-account half uses it too
  for (const tool of ["setpriv", "timeout", "mv", "mkdir", "rm", "id", "date", "sleep"]) {
    const found = spawnSync("sh", ["-c", `command -v ${tool}`], { encoding: "utf8" }).stdout.trim();
    symlinkSync(found, join(dir, tool));
  }
  return dir;
}

/** A directory holding a `node` with the given body, first on PATH. */
function fakeNode(body: string): string {
  const dir = passableTempDir("wedos-panel-fake-node-");
  writeFileSync(join(dir, "node"), `#!/bin/sh\n${body}\n`, { mode: 0o755 });
  return `${dir}:${process.env.PATH ?? ""}`;
}

/** Runs the installed domain_create_pre.sh as DirectAdmin does: as root, with its variables. */
function preHook(env: Record<string, string> = {}): { status: number | null; stdout: string } {
  const run = spawnSync(join(box.pluginDir, "hooks", "domain_create_pre.sh"), [], {
    env: { PATH: process.env.PATH ?? "", ...ALICE_SECOND, ...env },
    encoding: "utf8",
  });
  return { status: run.status, stdout: run.stdout + run.stderr };
}

/** The warnings the hook left for the admin, and what `wedos-panel doctor` (run as root) says of them. */
function warnings(): { messages: string[]; doctor: { status: string; message: string } | undefined } {
  const messages = pendingWarnings(hookSpool(box.dataDir, { spoolDir: box.spoolDir })).map(
    (warning) => `${warning.hook} ${warning.domain ?? ""} (${warning.username ?? ""}): ${warning.message}`,
  );
  const run = spawnSync(join(box.pluginDir, "build", "lib", "cli.js"), ["doctor", "--json"], {
    env: { PATH: process.env.PATH ?? "" },
    encoding: "utf8",
  });
  const doctor = (JSON.parse(run.stdout) as Array<{ check: string; status: string; message: string }>).find(
    (check) => check.check === "pre hooks",
  );
  return { messages, doctor: doctor === undefined ? undefined : { status: doctor.status, message: doctor.message } };
}

describe("the installed pre hook", () => {
  it("refuses a domain beyond the package's quota with its own message, and nothing else", () => {
    expect(preHook()).toEqual({
      status: 1,
      stdout:
        "WEDOS DNS: the package gold includes WEDOS DNS for 1 domain(s) and this account has 1; remove a domain or ask your provider for a larger package\n",
    });
    expect(preHook({ username: "bob", domain: "bob.test" })).toEqual({ status: 0, stdout: "" });
    expect(warnings().messages).toEqual([]);
  });

  it("lets the action through and warns the admin when Node.js is not on root's PATH", () => {
    const path = pathWithoutNode();
    expect(
      spawnSync("/bin/sh", ["-c", "command -v node || echo none"], { env: { PATH: path }, encoding: "utf8" }).stdout,
    ).toBe("none\n");
    expect(preHook({ PATH: path })).toEqual({ status: 0, stdout: NOT_CHECKED });
    const { messages, doctor } = warnings();
    expect(messages).toEqual(["domain_create_pre alice-shop.test (alice): Node.js was not found on root's PATH"]);
    expect(doctor?.status).toBe("warn");
    expect(doctor?.message).toContain(
      "1 pre hook run(s) in the last 7 days let a panel action through without the zone-quota check, because the plugin failed; the latest, domain_create_pre for alice-shop.test (alice)",
    );
    expect(doctor?.message).toContain(": Node.js was not found on root's PATH. Fix what it names");
  });

  it("lets the action through and warns the admin when a module is missing", () => {
    const zod = join(box.pluginDir, "node_modules", "zod");
    renameSync(zod, `${zod}.gone`);
    try {
      expect(preHook()).toEqual({ status: 0, stdout: NOT_CHECKED });
    } finally {
      renameSync(`${zod}.gone`, zod);
    }
    expect(warnings().messages).toEqual([
      expect.stringMatching(
        /^domain_create_pre alice-shop\.test \(alice\): wedos-panel hook-check failed \(exit status 1\): Error \[ERR_MODULE_NOT_FOUND\]: Cannot find package 'zod' imported from /,
      ),
    ]);
  });

  it("lets the action through and warns the admin when the database is locked", () => {
    const holder = new BetterSqlite3(databaseFileIn(box.dataDir));
    holder.pragma("locking_mode = EXCLUSIVE");
    holder.exec("BEGIN EXCLUSIVE");
    try {
      expect(preHook()).toEqual({ status: 0, stdout: NOT_CHECKED });
    } finally {
      holder.exec("ROLLBACK");
      holder.close();
    }
    // SQLite waits for the lock longer than DirectAdmin should wait for the hook: the time limit ends it.
    expect(warnings().messages).toEqual([
      "domain_create_pre alice-shop.test (alice): wedos-panel hook-check did not answer within 3 seconds (is the database locked, or the server overloaded?)",
    ]);
  });

  it("lets the action through after 3 seconds and warns the admin when the check does not answer", () => {
    const started = Date.now();
    expect(preHook({ PATH: fakeNode(`sleep 30\nexec "${process.execPath}" "$@"`) })).toEqual({
      status: 0,
      stdout: NOT_CHECKED,
    });
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(warnings().messages).toEqual([
      "domain_create_pre alice-shop.test (alice): wedos-panel hook-check did not answer within 3 seconds (is the database locked, or the server overloaded?)",
    ]);
  });

  it("lets the action through and warns the admin when the build is missing", () => {
    const cli = join(box.pluginDir, "build", "lib", "cli.js");
    renameSync(cli, `${cli}.gone`);
    try {
      expect(preHook()).toEqual({ status: 0, stdout: NOT_CHECKED });
    } finally {
      renameSync(`${cli}.gone`, cli);
    }
    expect(warnings().messages).toEqual([
      "domain_create_pre alice-shop.test (alice): the plugin's build/lib/cli.js is missing; install the plugin again",
    ]);
  });

  it("never takes a crash for a refusal: the refusal needs both its exit status and its message", () => {
    expect(preHook({ PATH: fakeNode('echo "Segmentation fault" >&2; exit 77') })).toEqual({
      status: 0,
      stdout: NOT_CHECKED,
    });
    expect(preHook({ PATH: fakeNode('echo "WEDOS DNS: looks like a refusal"; exit 1') })).toEqual({
      status: 0,
      stdout: NOT_CHECKED,
    });
    expect(warnings().messages).toEqual([
      "domain_create_pre alice-shop.test (alice): wedos-panel hook-check failed (exit status 77): Segmentation fault",
      "domain_create_pre alice-shop.test (alice): wedos-panel hook-check failed (exit status 1): WEDOS DNS: looks like a refusal",
    ]);
  });
});
