import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ManualClock } from "../../src/clock.js";
import { loadConfig } from "../../src/config/load.js";
import { sessionCheckSchema } from "../../src/config/schema.js";
import { legacyEncode, runPluginPage } from "../../src/emulators/directadmin/index.js";
import { PACKAGE_ROOT } from "../../src/package-info.js";
import { Secret } from "../../src/util/secret.js";
import { panelAddress } from "../../src/panel/directadmin/api-address.js";
import { SessionVerifier } from "../../src/web/identity/session-verifier.js";
import { tempDir } from "../support/temp-dir.js";
import { parseRaw, seedTenants, startWebHarness, type WebHarness } from "./support.js";

let h: WebHarness;
beforeEach(async () => {
  h = await startWebHarness();
  await seedTenants(h);
});
afterEach(async () => {
  await h.close();
});

const asked = (h: WebHarness) =>
  h.api.requests.filter((request) => request.path === "/CMD_API_SHOW_USER_CONFIG").length;

describe('who is asking, with identity "session" (every page runs as one unix user): proven by DirectAdmin, not taken from the environment', () => {
  it("shows the account DirectAdmin names for the session", async () => {
    const { stdout } = await h.visit({ level: "user", session: h.da.login("bob") });
    expect(stdout).toContain("Signed in as bob (user)");
    expect(asked(h)).toBe(1);
  });

  it("believes DirectAdmin's answer over USERNAME, and decodes it (digits arrive percent-encoded)", async () => {
    await h.da.createUser({
      username: "user2026",
      domain: "u2026.test",
      package: "default",
      ip: "192.0.2.10",
      email: "u@example.test",
      creator: "admin",
      password: "Customer-Pass-1",
    });
    h.services.ingest();
    const session = h.da.login("user2026");
    // A local process running the script by hand can set USERNAME to anything; only the session counts.
    const run = await runPluginPage(
      { pluginDir: PACKAGE_ROOT, username: "alice", loginAs: undefined },
      { level: "user", session, env: { WEDOS_PANEL_CONFIG: h.configFile } },
    );
    expect(run.stdout).toContain("Signed in as user2026 (user)");
    expect(run.stdout).toContain(">u2026.test</a>");
    expect(run.stdout).not.toContain("alice.test");
    expect(legacyEncode("user2026")).toBe("user%32%30%32%36"); // what the answer carried
  });

  it("answers an unknown or ended session with 'log in again' (401), and shows nothing else", async () => {
    const session = h.da.login("alice");
    h.da.logout(session);
    const html = await h.visit({ level: "user", session });
    expect(html.stdout).toContain("Your DirectAdmin session has expired. Please log in to DirectAdmin again.");
    expect(html.stdout).not.toContain("alice.test");
    const raw = parseRaw((await h.visit({ level: "user", file: "index.raw", session })).stdout);
    expect(raw.status).toBe(401);
    const madeUp = await runPluginPage(
      { pluginDir: PACKAGE_ROOT, username: "admin", loginAs: undefined },
      {
        level: "admin",
        session: { SESSION_ID: "0123abcd", SESSION_KEY: "guess" },
        env: { WEDOS_PANEL_CONFIG: h.configFile },
      },
    );
    expect(madeUp.stdout).toContain("Your DirectAdmin session has expired.");
  });

  it("refuses a session on a level above its account's: a user on the admin or reseller entry", async () => {
    const session = h.da.login("alice");
    for (const level of ["admin", "reseller"] as const) {
      const raw = parseRaw((await h.visit({ level, file: "index.raw", session })).stdout);
      expect(raw.status, level).toBe(403);
      expect(raw.body).toContain("This page is for another access level than your account has.");
      expect(raw.body).not.toContain("carol.test");
    }
    const reseller = parseRaw(
      (await h.visit({ level: "admin", file: "index.raw", session: h.da.login("res1") })).stdout,
    );
    expect(reseller.status).toBe(403);
  });

  it("lets an admin open the user level, showing only the admin's own domains there", async () => {
    const { stdout } = await h.visit({ level: "user", session: h.da.login("admin") });
    expect(stdout).toContain("Signed in as admin (user)");
    expect(stdout).toContain("No domains yet.");
  });

  it("shows login-as: who is impersonating whom, with the impersonated account's scope", async () => {
    const { stdout } = await h.visit({ level: "user", session: h.da.login("alice", { loginAs: "res1" }) });
    expect(stdout).toContain("res1 is logged in as alice (user)");
    // One line says who is here, not two.
    expect(stdout).not.toContain("Signed in as");
    expect(stdout).toContain(">alice.test</a>");
    expect(stdout).not.toContain("bob.test");
  });

  it("does not believe login-as variables that come with a session that does not verify", async () => {
    const session = h.da.login("alice", { loginAs: "admin" });
    h.da.logout(session);
    const { stdout } = await h.visit({ level: "user", session });
    expect(stdout).toContain("Your DirectAdmin session has expired.");
    expect(stdout).not.toContain("is logged in as");
  });

  it("asks DirectAdmin once per session per minute, and again once the minute is over", async () => {
    const session = h.da.login("alice");
    await h.visit({ level: "user", session });
    await h.visit({ level: "user", session, query: "p=/domains/alice.test" });
    expect(asked(h)).toBe(1);
    // Logged out: within the minute the cached verdict still stands (the documented trade-off)…
    h.da.logout(session);
    h.clock.advance(59_000);
    expect((await h.visit({ level: "user", session })).stdout).toContain("My domains");
    expect(asked(h)).toBe(1);
    // …and not a moment longer.
    h.clock.advance(1_001);
    expect((await h.visit({ level: "user", session })).stdout).toContain("Your DirectAdmin session has expired.");
    expect(asked(h)).toBe(2);
  });

  it("never follows a redirect from DirectAdmin (the session would go with it)", async () => {
    const hits: string[] = [];
    const elsewhere = await listen(
      createServer((req, res) => {
        hits.push(req.url ?? "");
        res.end("username=alice&usertype=admin");
      }),
    );
    const redirecting = await listen(
      createServer((_req, res) => {
        res.writeHead(302, { location: `${elsewhere.url}/CMD_API_SHOW_USER_CONFIG` }).end();
      }),
    );
    const verifier = new SessionVerifier({
      endpoint: () => ({ url: redirecting.url }),
      clock: new ManualClock("2026-03-10T09:00:00Z"),
    });
    await expect(
      verifier.verify({ id: new Secret("abc123abc123abc123"), key: new Secret("def456def456def456") }),
    ).rejects.toMatchObject({ status: 503, messageKey: "error.sessionUnverifiable" });
    expect(hits).toEqual([]);
    await verifier.close();
    await redirecting.close();
    await elsewhere.close();
  });
});

describe("where DirectAdmin is", () => {
  it("comes from directadmin.apiUrl, or WEDOS_PANEL_DA_API_URL, or directadmin.conf's servername, port and ssl; its certificate from cacert=", () => {
    const root = tempDir();
    mkdirSync(join(root, "conf"));
    writeFileSync(
      join(root, "conf", "directadmin.conf"),
      "port=2222\nservername=panel.example.net\nssl=1\ncacert=/etc/da/cert.pem\n",
    );
    const check = sessionCheckSchema.parse({});
    expect(panelAddress({ root, apiUrl: undefined, sessionCheck: check })).toEqual({
      url: "https://panel.example.net:2222",
      certificateFile: "/etc/da/cert.pem",
    });
    expect(
      panelAddress({
        root,
        apiUrl: "https://da.example.net:2222/",
        sessionCheck: { ...check, certificateFile: "/srv/panel.pem" },
      }),
    ).toEqual({ url: "https://da.example.net:2222", certificateFile: "/srv/panel.pem" });
    writeFileSync(
      join(root, "config.json"),
      JSON.stringify({ directadmin: { apiUrl: "https://file.example.net:2222" } }),
    );
    const config = loadConfig({
      WEDOS_PANEL_CONFIG: join(root, "config.json"),
      WEDOS_PANEL_DA_API_URL: "https://env.example.net:2222",
    });
    expect(config.directadmin.apiUrl).toBe("https://env.example.net:2222");
    expect(
      panelAddress({ root: join(root, "missing"), apiUrl: "https://da.example.net:2222", sessionCheck: check })
        .certificateFile,
    ).toBe(join(root, "missing", "conf", "cacert.pem"));
    expect(() => panelAddress({ root: join(root, "missing"), apiUrl: undefined, sessionCheck: check })).toThrow(
      /set directadmin\.apiUrl/,
    );
  });
});

async function listen(server: Server): Promise<{ url: string; close(): Promise<void> }> {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
