import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { EmulatedCpanel, cpanelFixtureTree } from "../../../src/emulators/cpanel/index.js";
import { CpanelPanel } from "../../../src/panel/cpanel/reader.js";
import { fixtureTree, seedAccounts } from "../../../src/emulators/directadmin/index.js";
import { DirectAdminPanel } from "../../../src/panel/directadmin/reader.js";
import type { Panel } from "../../../src/panel/panel.js";
import { MAX_QUESTION_BYTES } from "../../../src/panel/remote/protocol.js";
import { startPanelReader } from "../../../src/panel/remote/reader-server.js";
import { tempDir } from "../../support/temp-dir.js";
import { payload } from "../cpanel/support.js";
import { rawExchange, readerFor } from "./support.js";

/** What a call gives: its value, or the error's code, message and whether it may be retried. */
async function outcome(call: () => Promise<unknown>): Promise<unknown> {
  try {
    const value = await call();
    if (value !== null && typeof value === "object" && "content" in value && value.content instanceof Uint8Array)
      return { ...value, content: Buffer.from(value.content).toString("latin1") };
    return { value };
  } catch (error) {
    const { code, message, retryable } = error as { code: string; message: string; retryable: boolean };
    return { code, message, retryable };
  }
}

/** Asks the same questions of the panel and of the RemotePanel in front of its reader: the answers must be equal. */
async function expectSameAnswers(
  panel: Panel,
  remote: Panel,
  questions: Array<(p: Panel) => Promise<unknown>>,
): Promise<void> {
  for (const question of questions) {
    expect(await outcome(() => question(remote))).toEqual(await outcome(() => question(panel)));
  }
}

describe("the panel reader over a real socket", () => {
  test("answers every DirectAdmin question exactly as the panel does: accounts, owners, zone files (bytes untouched), errors", async () => {
    const layout = fixtureTree(tempDir("wedos-panel-da-"));
    seedAccounts(layout, 3, { domainsPerAccount: 2, pointersPerDomain: 1, suspendEvery: 2 });
    // An account without a package or creator: absent values must come back absent, not as "null" or "".
    mkdirSync(layout.domainsDir("bare"), { recursive: true });
    writeFileSync(layout.userConf("bare"), "username=bare\nip=192.0.2.99\n");
    writeFileSync(join(layout.zoneDir, "latin.test.db"), Buffer.from('@ IN TXT "caf\xe9 \x00\xff"\n', "latin1"));
    for (const [dir, pkg] of [
      [layout.userPackagesDir("admin"), "bronze.pkg"],
      [layout.userPackagesDir("reseller1"), "silver.pkg"],
      [layout.resellerPackagesDir, "reseller-big.pkg"],
    ] as const) {
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, pkg), "bandwidth=unlimited\n");
    }
    const panel = new DirectAdminPanel(layout);
    const { remote } = await readerFor(panel);

    expect(remote.kind).toBe("directadmin");
    expect(await remote.packages()).toEqual(["bronze", "reseller-big", "silver"]);
    expect((await remote.account("bare"))?.package).toBeUndefined();
    await expectSameAnswers(panel, remote, [
      (p) => p.listAccounts(),
      (p) => p.account("user00002"),
      (p) => p.account("bare"),
      (p) => p.account("nobody"),
      (p) => p.account("../root"),
      (p) => p.accountAccess("user00002"),
      (p) => p.accountAccess("bare"),
      (p) => p.accountAccess("nobody"),
      (p) => p.ownerOf("ACCT00001-p1.test."),
      (p) => p.ownerOf("unknown.test"),
      (p) => p.packages(),
      (p) => p.zoneFile("acct00003.test"),
      (p) => p.zoneFile("latin.test"),
      (p) => p.zoneFile("missing.test"),
      (p) => p.zoneFile("../../etc/shadow"),
      (p) => p.zoneFileVersion("acct00003.test"),
      (p) => p.zoneFileVersion("missing.test"),
      (p) => p.zoneFileVersion("../../etc/shadow"),
    ]);
    // A file the panel cannot read as its format: the same error, naming the file and line, crosses the socket.
    writeFileSync(layout.userConf("bare"), "username=bare\nno equals sign here\n");
    await expectSameAnswers(panel, remote, [(p) => p.account("bare"), (p) => p.listAccounts()]);
    expect(await outcome(() => remote.account("bare"))).toMatchObject({
      code: "directadmin_file_invalid",
      message: `${layout.userConf("bare")}:2: expected key=value, found "no equals sign here"; fix or restore the file (DirectAdmin's own tools rewrite it)`,
    });
  });

  test("answers every cPanel question exactly as the panel does", async () => {
    const root = tempDir("wedos-panel-cpanel-");
    const layout = cpanelFixtureTree(join(root, "tree"));
    const cpanel = new EmulatedCpanel({ layout, hookEnv: { WEDOS_PANEL_DATA_DIR: join(root, "data") } });
    await cpanel.perform(payload("whostmgr-accounts-create", { ip: "192.0.2.44" }));
    await cpanel.perform(payload("cpanel-api2-park-park"));
    await cpanel.perform(
      payload("whostmgr-accounts-create", { user: "bob", domain: "bob.test", owner: "reseller1", plan: "gold" }),
    );
    await cpanel.perform(payload("whostmgr-accounts-suspendacct", { user: "bob" }));
    cpanel.createPackage("gold");
    const panel = new CpanelPanel(layout);
    const { remote } = await readerFor(panel);

    expect(remote.kind).toBe("cpanel");
    expect(await remote.packages()).toEqual(["default", "gold"]);
    expect((await remote.listAccounts()).map((account) => account.username)).toEqual(["alice", "bob"]);
    await expectSameAnswers(panel, remote, [
      (p) => p.listAccounts(),
      (p) => p.account("bob"),
      (p) => p.account("Not/A/User"),
      (p) => p.accountAccess("root"),
      (p) => p.accountAccess("bob"),
      (p) => p.accountAccess("nobody"),
      (p) => p.ownerOf("bob.test"),
      (p) => p.packages(),
      (p) => p.zoneFile("alice.test"),
      (p) => p.zoneFile("nobody.test"),
      (p) => p.zoneFile("not a domain"),
      (p) => p.zoneFileVersion("alice.test"),
    ]);
  });

  test("refuses anything that is not a Panel question, says why, and goes on answering", async () => {
    const layout = fixtureTree(tempDir("wedos-panel-da-"));
    seedAccounts(layout, 1);
    const { socket, remote, logs } = await readerFor(new DirectAdminPanel(layout));
    const refused = async (text: string | Buffer) => {
      const answer = JSON.parse(await rawExchange(socket, text)) as {
        v: number;
        panel: string;
        error?: { code: string; message: string; retryable: boolean };
      };
      expect(answer).toMatchObject({
        v: 1,
        panel: "directadmin",
        error: { code: "panel_reader_refused", retryable: false },
      });
      return answer.error?.message.replace("the panel reader refused the question: ", "");
    };

    expect(await refused("hello\n")).toBe('it is not {"v":1,"method":…,"args":[…]} (not JSON)');
    expect(await refused('{"method":"listAccounts","args":[]}\n')).toMatch(
      /^it is not \{"v":1,"method":…,"args":\[…\]\} \(.*→ at v/,
    );
    expect(await refused('{"v":1,"method":"listAccounts","args":[],"then":"x"}\n')).toMatch(/Unrecognized key: "then"/);
    // Methods of the adapter and of every object are not questions; only Panel's are.
    for (const method of [
      "zoneFilePath",
      "domainsOf",
      "layout",
      "kind",
      "constructor",
      "toString",
      "__proto__",
      "hasOwnProperty",
    ]) {
      expect(await refused(`${JSON.stringify({ v: 1, method, args: [] })}\n`)).toBe(
        `"${method}" is not a Panel method (the reader answers listAccounts, account, accountAccess, ownerOf, packages, zoneFile, zoneFileVersion)`,
      );
    }
    expect(await refused('{"v":1,"method":"account","args":[42]}\n')).toMatch(
      /^wrong arguments for account \(.*expected string/,
    );
    expect(await refused('{"v":1,"method":"account","args":["alice","bob"]}\n')).toMatch(
      /^wrong arguments for account/,
    );
    expect(await refused('{"v":1,"method":"account","args":[]}\n')).toMatch(/^wrong arguments for account/);
    expect(await refused(`${JSON.stringify({ v: 1, method: "ownerOf", args: ["a".repeat(300)] })}\n`)).toMatch(
      /^wrong arguments for ownerOf \(.*<=255 characters/,
    );
    expect(await refused(`{"v":1,"method":"ownerOf","args":["${"a".repeat(MAX_QUESTION_BYTES)}"]}\n`)).toBe(
      `it is longer than ${MAX_QUESTION_BYTES} bytes`,
    );
    // A connection that closes before saying anything whole gets nothing.
    expect(await rawExchange(socket, '{"v":1,"method":"listAcc', { end: true })).toBe("");

    expect(logs.filter((line) => line.startsWith("refused: "))).toHaveLength(16);
    expect((await remote.listAccounts()).map((account) => account.username)).toEqual(["user00001"]);
  });

  test("a panel that breaks its own interface is the reader's error, not an answer", async () => {
    const broken: Panel = {
      kind: "cpanel",
      listAccounts: async () => [
        {
          username: "x",
          package: undefined,
          ips: [],
          suspended: false,
          creator: undefined,
          domains: [],
          secret: "not in Panel",
        } as never,
      ],
      account: async () => {
        throw new TypeError("something unexpected");
      },
      accountAccess: async () => undefined,
      ownerOf: async () => undefined,
      packages: async () => [],
      zoneFile: async () => ({ path: "/x", content: undefined }),
      zoneFileVersion: async () => ({ path: "/x", version: undefined, size: 0, settled: true }),
    };
    const { remote, logs } = await readerFor(broken);
    expect(await outcome(() => remote.listAccounts())).toEqual({
      code: "panel_reader_failed",
      message: expect.stringMatching(
        /^the panel reader's answer to listAccounts does not fit the Panel interface \(.*secret/,
      ),
      retryable: false,
    });
    expect(await outcome(() => remote.account("x"))).toEqual({
      code: "panel_reader_failed",
      message: "the panel reader failed on account: something unexpected",
      retryable: false,
    });
    expect(logs.some((line) => line.startsWith("account failed: TypeError: something unexpected"))).toBe(true);
  });

  test("binds its socket 0600 and says so when the path is taken", async () => {
    const layout = fixtureTree(tempDir("wedos-panel-da-"));
    const { socket } = await readerFor(new DirectAdminPanel(layout));
    const { statSync } = await import("node:fs");
    expect(statSync(socket).mode & 0o777).toBe(0o600);
    await expect(startPanelReader(new DirectAdminPanel(layout), { path: socket }, () => undefined)).rejects.toThrow(
      `the panel reader cannot listen on ${socket}: listen EADDRINUSE: address already in use ${socket}; another reader runs there, or a stale socket is left: stop it or remove the file`,
    );
  });
});
