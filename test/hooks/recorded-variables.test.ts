import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { PACKAGE_ROOT } from "../../src/package-info.js";
import { eventsFromHookPayload } from "../../src/panel/cpanel/hook-events.js";
import { EmulatedCpanel, cpanelFixtureTree } from "../../src/emulators/cpanel/index.js";
import { DIRECTADMIN_HOOKS, eventFromHookEnv } from "../../src/panel/directadmin/hook-events.js";
import { DIRECTADMIN_HOOK_VARIABLES } from "../../src/panel/directadmin/hook-variables.js";
import type { DnsRecord } from "../../src/dns/index.js";
import { hookSpool, pendingEventFiles, readSpooledEvent } from "../../src/provisioning/spool.js";
import { FIXTURE_NAMES, payload } from "../panel/cpanel/support.js";
import { ALICE, drainSpool, startEmulator } from "../panel/directadmin/support.js";
import { tempDir } from "../support/temp-dir.js";

/** Values that must never be written anywhere: a password, session keys, cookies, tokens. */
const SECRETS = {
  passwd: "Pl4intext-Passw0rd",
  password: "another-passw0rd",
  SESSION_KEY: "da-session-key-3f9a",
  SESSION_ID: "da-session-id-77c1",
  HTTP_COOKIE: "session=cookie-value-8d2e; key=cookie-key-1b4c",
  LOGIN_KEY: "login-key-5e6f",
  login_hash: "login-hash-9a0b",
};

/** Runs a DirectAdmin hook of the repository as DirectAdmin does, and returns the bytes it spooled. */
function spoolOnce(hook: string, env: Record<string, string>): { output: string; file: string; bytes: string } {
  const data = tempDir("wedos-panel-recorded-");
  const run = spawnSync(join(PACKAGE_ROOT, "hooks", `${hook}.sh`), [], { env: { ...env, WEDOS_PANEL_DATA_DIR: data }, encoding: "utf8" });
  const [file = ""] = pendingEventFiles(hookSpool(data));
  return { output: run.stdout, file: join(data, "spool", "new", file), bytes: file === "" ? "" : readFileSync(join(data, "spool", "new", file), "latin1") };
}

describe("what the DirectAdmin hooks record", () => {
  it("is the list the plugin's readers declare: hooks/common.sh and src/panel/directadmin/hook-variables.ts name the same variables", () => {
    const script = readFileSync(join(PACKAGE_ROOT, "hooks", "common.sh"), "utf8").replace(/^\s*#.*$/gm, "");
    // Each recorded variable is one ${NAME+"NAME=$NAME"} word of _wp_spool_write's set command.
    const recorded = [...script.matchAll(/\$\{(\w+)\+"(\w+)=\$(\w+)"\}/g)].map(([word, name, entry, value]) => {
      expect([entry, value], word).toEqual([name, name]);
      return name as string;
    });
    expect(recorded.sort()).toEqual([...DIRECTADMIN_HOOK_VARIABLES].sort());
  });

  it("never holds a password, a session key, a cookie or a token, in any hook", () => {
    const base = { ...SECRETS, username: "alice", domain: "alice.test", newdomain: "new.test", from: "alias.test", DOMAIN: "alice.test", name: "Alice", email: "alice@example.test" };
    for (const hook of DIRECTADMIN_HOOKS) {
      const { output, bytes } = spoolOnce(hook, base);
      expect(output, hook).toBe("WEDOS DNS: queued\n");
      for (const [name, value] of Object.entries(SECRETS)) {
        expect(bytes.includes(value), `${hook} wrote ${name}`).toBe(false);
        expect(bytes.includes(`${name}=`), `${hook} wrote ${name}`).toBe(false);
      }
      expect(bytes.endsWith("\0\0WEDOS_PANEL_END\0"), hook).toBe(true);
      const names = bytes.slice(0, -"WEDOS_PANEL_END\0".length).split("\0").filter(Boolean).map((entry) => entry.slice(0, entry.indexOf("=")));
      expect(names.filter((name) => name !== "WEDOS_PANEL_HOOK" && !DIRECTADMIN_HOOK_VARIABLES.includes(name)), hook).toEqual([]);
    }
  });

  it("loses nothing the plugin reads: every event of an account's life reads the same from the spool as from what DirectAdmin passed", async () => {
    const { da, dataDir } = startEmulator();
    const records: DnsRecord[] = [
      { name: "alice.test", type: "TXT", ttl: 300, data: { strings: ["v=spf1 -all"] } },
      { name: "www.alice.test", type: "AAAA", ttl: 600, data: { address: "2001:db8::1" } },
    ] as DnsRecord[];
    const runs = [
      ...(await da.createUser(ALICE)),
      ...(await da.createDomain("alice", "second.test")),
      ...(await da.createPointer("alice", "alice.test", "alias.test")),
      ...(await da.setRecords("alice.test", records)),
      ...(await da.renameDomain("alice", "second.test", "third.test")),
      ...(await da.suspendUser("alice")),
      ...(await da.unsuspendUser("alice")),
      ...(await da.destroyPointer("alice", "alice.test", "alias.test")),
      ...(await da.destroyUser("alice")),
    ];
    const spooled = drainSpool(dataDir);
    expect(spooled.map((event) => event.hook)).toEqual(runs.map((run) => run.hook));
    expect(new Set(runs.map((run) => run.hook)).size).toBeGreaterThanOrEqual(11);
    for (const [index, run] of runs.entries()) {
      expect(eventFromHookEnv(run.hook, spooled[index]?.env ?? {}), run.hook).toEqual(eventFromHookEnv(run.hook, run.env));
    }
  });
});

describe("what the cPanel hook records", () => {
  const hookScript = join(PACKAGE_ROOT, "cpanel", "hooks", "wedos-panel-hook");
  const spool = (sent: unknown) => {
    const data = tempDir("wedos-panel-recorded-cpanel-");
    const run = spawnSync(hookScript, [], { input: JSON.stringify(sent, null, 2), env: { WEDOS_PANEL_DATA_DIR: data }, encoding: "utf8" });
    expect(run.stdout).toBe("1 WEDOS DNS: queued\n");
    const files = readdirSync(join(data, "spool", "new"));
    return { text: readFileSync(join(data, "spool", "new", files[0] ?? ""), "utf8"), event: readSpooledEvent(hookSpool(data), files[0] ?? "") };
  };

  it("never holds a password, a session key, a cookie or a token, wherever they are in the payload", () => {
    const sent = payload("whostmgr-accounts-create");
    const secrets = {
      pass: SECRETS.passwd,
      password: 123456789,
      newpass: "new-pass-value",
      session: "session-value",
      cp_security_token: "/cpsess0123456789",
      HTTP_COOKIE: SECRETS.HTTP_COOKIE,
      api_key: "api-key-value",
      secret: true,
    };
    const { text, event } = spool({ ...sent, data: { ...sent.data, ...secrets, args: { ...secrets } }, hook: { ...sent.hook, session_id: "hook-session-id" } });
    for (const value of [...Object.values(secrets).filter((value) => typeof value === "string"), "123456789", "hook-session-id"]) expect(text.includes(String(value)), String(value)).toBe(false);
    const written = (event.source === "cpanel" ? event.recorded : undefined) as { data: Record<string, unknown> & { args: Record<string, unknown> } };
    for (const name of Object.keys(secrets)) expect([written.data[name], written.data.args[name]], name).toEqual([null, null]);
  });

  it("loses nothing the plugin reads: every registered event reads the same from the spool as from cPanel's payload", () => {
    for (const name of FIXTURE_NAMES) {
      const sent = payload(name);
      const { event } = spool(sent);
      expect(event.source === "cpanel" ? event.events() : undefined, name).toEqual(eventsFromHookPayload(sent));
    }
  });

  it("is the same through the emulated cPanel (the hook as cPanel runs it)", async () => {
    const root = tempDir("wedos-panel-recorded-cpanel-");
    const cpanel = new EmulatedCpanel({ layout: cpanelFixtureTree(join(root, "tree")), hookEnv: { WEDOS_PANEL_DATA_DIR: join(root, "data") } });
    const sent = payload("whostmgr-accounts-create");
    expect((await cpanel.runHook(JSON.stringify({ ...sent, data: { ...sent.data, password: SECRETS.password } }))).stdout).toBe("1 WEDOS DNS: queued\n");
    const text = readFileSync(join(root, "data", "spool", "new", readdirSync(join(root, "data", "spool", "new"))[0] ?? ""), "utf8");
    expect([text.includes(SECRETS.password), text.includes(String(sent.data.pass))]).toEqual([false, false]);
  });
});
