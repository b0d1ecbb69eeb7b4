import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { EmulatedCpanel, cpanelFixtureTree } from "../../../src/emulators/cpanel/index.js";
import { CPANEL_HOOKS } from "../../../src/panel/cpanel/hooks.js";
import { hookSpool, readSpooledEvent } from "../../../src/provisioning/spool.js";
import { tempDir } from "../../support/temp-dir.js";
import { payload } from "./support.js";

function setup(dataDir?: string) {
  const root = tempDir("wedos-panel-cpanel-hook-");
  const data = dataDir ?? join(root, "data");
  const cpanel = new EmulatedCpanel({
    layout: cpanelFixtureTree(join(root, "tree")),
    hookEnv: { WEDOS_PANEL_DATA_DIR: data },
  });
  return { cpanel, data, root };
}

const spooled = (data: string) => readdirSync(join(data, "spool", "new")).sort();
/** The payload a spool file holds, as the daemon reads it. */
const payloadOf = (data: string, file: string | undefined) =>
  (readSpooledEvent(hookSpool(data), file ?? "") as { recorded: unknown }).recorded;

// cpanel/hooks/wedos-panel-hook, run as cPanel runs a post script hook: the payload on stdin, then EOF.
describe("the cPanel hook script", () => {
  test("spools the payload as it came, without the password, and reports success on one line", async () => {
    const { cpanel, data } = setup();
    const sent = payload("whostmgr-accounts-create");
    const run = await cpanel.runHook(JSON.stringify(sent));
    expect(run).toEqual({ stdout: "1 WEDOS DNS: queued\n", stderr: "", exitCode: 0 });
    const files = spooled(data);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/^\d{16}-\d+\.cpanel\.json$/);
    const file = join(data, "spool", "new", files[0] as string);
    expect(readFileSync(file, "utf8")).not.toContain("Tr0ub4dor");
    expect(readFileSync(file, "utf8")).toMatch(/\0WEDOS_PANEL_END\0$/);
    expect(payloadOf(data, files[0])).toEqual({ ...sent, data: { ...sent.data, pass: null } });
    // Root's and the service group's (on an installed server the spool is root:<service group>, docs/decisions/0020);
    // the 0700 spool of development keeps others out.
    expect(statSync(file).mode & 0o777).toBe(0o640);
    expect(statSync(join(data, "spool", "new")).mode & 0o777).toBe(0o700);
  });

  test("drops a password of any shape, pretty-printed or not, and keeps events in the order they happened", async () => {
    const { cpanel, data } = setup();
    const pretty = JSON.stringify(
      {
        ...payload("whostmgr-accounts-create"),
        data: { user: "bob", pass: 'a\\"b', password: 123456, args: { pass: "" } },
      },
      null,
      2,
    );
    await cpanel.runHook(pretty);
    await cpanel.runHook(JSON.stringify(payload("whostmgr-accounts-remove")));
    const [first, second] = spooled(data);
    expect((first as string) < (second as string)).toBe(true);
    expect((payloadOf(data, first) as { data: unknown }).data).toEqual({
      user: "bob",
      pass: null,
      password: null,
      args: { pass: null },
    });
    expect((payloadOf(data, second) as { context: { event: string } }).context.event).toBe("Accounts::Remove");
  });

  test("when the spool cannot be written it still reads all of stdin, says so and exits 0 (never fails cPanel)", () => {
    const { cpanel, root } = setup();
    const blocked = join(root, "not-a-dir");
    writeFileSync(blocked, "");
    const big = JSON.stringify({
      ...payload("whostmgr-accounts-suspendacct"),
      data: { user: "alice", rawout: "x".repeat(1_000_000) },
    });
    const run = spawnSync(cpanel.hookScript, [], {
      input: big,
      env: { WEDOS_PANEL_DATA_DIR: blocked },
      encoding: "utf8",
    });
    expect(run.error).toBeUndefined(); // EPIPE here would mean cPanel wrote into a closed pipe
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(
      `1 WEDOS DNS: not queued (spool ${blocked}/spool/new not writable); an admin should run: wedos-panel doctor\n`,
    );
  });

  test("finds the data directory in the configuration file when the environment does not name it", async () => {
    const root = tempDir("wedos-panel-cpanel-hook-");
    const config = join(root, "config.json");
    writeFileSync(
      config,
      JSON.stringify({ wapi: { login: "a@example.test" }, dataDir: join(root, "from-config") }, null, 2),
    );
    const cpanel = new EmulatedCpanel({
      layout: cpanelFixtureTree(join(root, "tree")),
      hookEnv: { WEDOS_PANEL_CONFIG: config },
    });
    expect((await cpanel.runHook(JSON.stringify(payload("whostmgr-accounts-remove")))).stdout).toBe(
      "1 WEDOS DNS: queued\n",
    );
    expect(spooled(join(root, "from-config"))).toHaveLength(1);
  });

  test("--describe prints the registration manage_hooks needs for every event, with the script's absolute path", async () => {
    const { cpanel } = setup();
    const run = await cpanel.runHook("", ["--describe"]);
    expect(run.exitCode).toBe(0);
    const described = JSON.parse(run.stdout) as unknown;
    expect(described).toEqual(CPANEL_HOOKS.map((hook) => ({ ...hook, hook: cpanel.hookScript, exectype: "script" })));
  });
});
