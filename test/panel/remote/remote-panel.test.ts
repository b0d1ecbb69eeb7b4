import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { fixtureTree, seedAccounts } from "../../../src/emulators/directadmin/index.js";
import { DirectAdminPanel } from "../../../src/panel/directadmin/reader.js";
import { startPanelReader } from "../../../src/panel/remote/reader-server.js";
import { RemotePanel } from "../../../src/panel/remote/remote-panel.js";
import { tempDir } from "../../support/temp-dir.js";
import { fakeReader, readerFor } from "./support.js";

/** The error a call fails with, as the worker sees it: code, message, whether a retry can help. */
async function failure(call: Promise<unknown>): Promise<{ code: string; message: string; retryable: boolean }> {
  const error = (await call.then(
    (value) => {
      throw new Error(`expected a failure, got ${JSON.stringify(value)}`);
    },
    (thrown: unknown) => thrown,
  )) as { code: string; message: string; retryable: boolean };
  return { code: error.code, message: error.message, retryable: error.retryable };
}

const ACCOUNT = { username: "alice", package: null, ips: [], suspended: false, creator: null, domains: [] };
const answering = (line: unknown) =>
  fakeReader((connection) => connection.end(`${typeof line === "string" ? line : JSON.stringify(line)}\n`));

describe("RemotePanel", () => {
  test("sends exactly one protocol line per question and decodes the answer", async () => {
    const questions: string[] = [];
    const socket = await fakeReader((connection, question) => {
      questions.push(question);
      connection.end(
        `${JSON.stringify({ v: 1, panel: "directadmin", answer: { ...ACCOUNT, package: "gold", domains: [{ domain: "alice.test", kind: "domain" }] } })}\n`,
      );
    });
    const remote = new RemotePanel("directadmin", { socket });
    expect(await remote.account("alice")).toEqual({
      username: "alice",
      package: "gold",
      ips: [],
      suspended: false,
      creator: undefined,
      domains: [{ domain: "alice.test", kind: "domain" }],
    });
    expect(questions).toEqual(['{"v":1,"method":"account","args":["alice"]}']);
  });

  test("a reader that is not there, or a stale socket nobody answers on, is a retryable error that names the socket", async () => {
    const dir = tempDir("wedos-panel-no-reader-");
    const missing = join(dir, "missing.sock");
    expect(await failure(new RemotePanel("directadmin", { socket: missing }).listAccounts())).toEqual({
      code: "panel_reader_unavailable",
      message: `the panel reader does not answer on ${missing} (ENOENT; it may be restarting); if this lasts, run: wedos-panel doctor`,
      retryable: true,
    });
    const stale = join(dir, "stale.sock");
    execFileSync("python3", ["-c", "import socket, sys; socket.socket(socket.AF_UNIX).bind(sys.argv[1])", stale]);
    expect(await failure(new RemotePanel("directadmin", { socket: stale }).ownerOf("a.test"))).toMatchObject({
      code: "panel_reader_unavailable",
      message: expect.stringContaining("(ECONNREFUSED;"),
      retryable: true,
    });
  });

  test("a reader that closes without answering, or never answers, is retryable; one that answers too much is not", async () => {
    const closing = await fakeReader((connection) => connection.destroy());
    expect(await failure(new RemotePanel("cpanel", { socket: closing }).account("alice"))).toEqual({
      code: "panel_reader_unavailable",
      message: `the panel reader closed the connection before answering account (${closing}; it may be restarting); if this lasts, run: wedos-panel doctor`,
      retryable: true,
    });
    const silent = await fakeReader(() => undefined);
    expect(await failure(new RemotePanel("cpanel", { socket: silent, timeoutMs: 150 }).listAccounts())).toEqual({
      code: "panel_reader_timeout",
      message: `the panel reader did not answer listAccounts within 0.15 s (${silent}); if this lasts, run: wedos-panel doctor`,
      retryable: true,
    });
    const flooding = await fakeReader((connection) =>
      connection.end(`{"v":1,"panel":"cpanel","answer":"${"x".repeat(5000)}"}\n`),
    );
    expect(
      await failure(new RemotePanel("cpanel", { socket: flooding, maxAnswerBytes: 4096 }).ownerOf("a.test")),
    ).toEqual({
      code: "panel_reader_bad_answer",
      message:
        "the panel reader's answer to ownerOf is longer than 4096 bytes, more than any panel needs; restart it: systemctl restart wedos-panel-reader",
      retryable: false,
    });
  });

  test("refuses answers that are not what the panel would answer: not JSON, not the protocol, not the Panel's types", async () => {
    const bad = async (
      line: unknown,
      ask: (remote: RemotePanel) => Promise<unknown> = (remote) => remote.account("alice"),
    ) => {
      const result = await failure(ask(new RemotePanel("directadmin", { socket: await answering(line) })));
      expect(result).toMatchObject({ code: "panel_reader_bad_answer", retryable: false });
      return result.message;
    };
    expect(await bad("<html>")).toBe(
      "the panel reader answered account with something that is not an answer (not JSON); restart it: systemctl restart wedos-panel-reader",
    );
    expect(await bad({ v: 2, panel: "directadmin", answer: ACCOUNT })).toMatch(
      /^the panel reader answered account with something that is not an answer \(.*v/,
    );
    expect(await bad({ panel: "directadmin", answer: ACCOUNT })).toContain("not an answer");
    expect(await bad({ v: 1, panel: "directadmin", answer: { ...ACCOUNT, ips: "192.0.2.1" } })).toMatch(/→ at ips/);
    expect(await bad({ v: 1, panel: "directadmin", answer: { ...ACCOUNT, shell: "/bin/sh" } })).toMatch(
      /Unrecognized key: "shell"/,
    );
    expect(await bad({ v: 1, panel: "directadmin", answer: [ACCOUNT] })).toContain("not an answer");
    expect(
      await bad(
        { v: 1, panel: "directadmin", answer: { path: "/var/named/a.test.db", content: "not base64!" } },
        (remote) => remote.zoneFile("a.test"),
      ),
    ).toMatch(/→ at content/);
    expect(
      await bad({ v: 1, panel: "directadmin", error: { code: "Not A Code", message: "x", retryable: true } }),
    ).toContain("not an answer");
    expect(
      await bad({ v: 1, panel: "directadmin", error: { code: "x", message: "y".repeat(20_000), retryable: true } }),
    ).toContain("not an answer");
  });

  test("an answer from the other panel's reader says which panel to set", async () => {
    const socket = await answering({ v: 1, panel: "cpanel", answer: ACCOUNT });
    expect(await failure(new RemotePanel("directadmin", { socket }).account("alice"))).toEqual({
      code: "panel_reader_mismatch",
      message:
        'the panel reader reads cpanel, but this daemon is set up for directadmin; set "panel" to "cpanel" in the configuration, or reinstall with the right panel\'s package',
      retryable: false,
    });
  });

  test("the reader's own errors come back with their code, message and whether to retry", async () => {
    const socket = await answering({
      v: 1,
      panel: "directadmin",
      error: {
        code: "directadmin_file_unreadable",
        message: "cannot read /usr/local/directadmin/data/users/alice/user.conf: EIO",
        retryable: true,
      },
    });
    expect(await failure(new RemotePanel("directadmin", { socket }).account("alice"))).toEqual({
      code: "directadmin_file_unreadable",
      message: "cannot read /usr/local/directadmin/data/users/alice/user.conf: EIO",
      retryable: true,
    });
  });

  test("a reader that restarts loses nothing: questions fail retryably while it is away and are answered once it is back", async () => {
    const layout = fixtureTree(tempDir("wedos-panel-da-"));
    seedAccounts(layout, 2);
    const panel = new DirectAdminPanel(layout);
    const { reader, remote, socket } = await readerFor(panel);
    expect(await remote.ownerOf("acct00002.test")).toBe("user00002");
    await reader.close();
    expect(await failure(remote.ownerOf("acct00002.test"))).toMatchObject({
      code: "panel_reader_unavailable",
      retryable: true,
    });
    const again = await startPanelReader(panel, { path: socket }, () => undefined);
    try {
      expect(await remote.ownerOf("acct00002.test")).toBe("user00002");
    } finally {
      await again.close();
    }
  });
});
