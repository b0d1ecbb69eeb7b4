import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/load.js";
import { startSimulator, type RunningSimulator } from "../../src/simulator/index.js";
import { csrfTokenIn, form, HARNESS_WAPI, parseRaw, seedTenants, startWebHarness, type WebHarness } from "./support.js";

let h: WebHarness;
let sim: RunningSimulator | undefined;
const outputs: string[] = [];
afterEach(async () => {
  outputs.length = 0;
  await h.close();
  await sim?.close();
  sim = undefined;
});

const start = async (wapiIn: "environment" | "file") => {
  h = await startWebHarness({ wapiIn });
  await seedTenants(h);
};
const settings = async () => {
  const { stdout } = await h.visit({ level: "admin", session: h.da.login("admin"), query: "p=/settings" });
  outputs.push(stdout);
  return stdout;
};
const post = async (
  path: string,
  fields: Record<string, string>,
  options: { token?: boolean; as?: string; level?: "admin" | "reseller" } = {},
) => {
  const csrf: Record<string, string> = options.token === false ? {} : { csrf: csrfTokenIn(await settings()) };
  const run = await h.visit({
    level: options.level ?? "admin",
    file: "index.raw",
    session: h.da.login(options.as ?? "admin"),
    method: "POST",
    query: `p=${path}`,
    post: form({ ...fields, ...csrf }),
  });
  outputs.push(run.stdout);
  return parseRaw(run.stdout);
};
const save = (fields: Record<string, string>, options?: Parameters<typeof post>[2]) =>
  post("/settings/save", fields, options);
const testConnection = async () => {
  await post("/settings/test", {});
  return settings();
};
const configJson = () =>
  JSON.parse(readFileSync(h.configFile, "utf8")) as {
    wapi: Record<string, unknown>;
    directadmin: unknown;
    daemon: unknown;
  };
const NEW_PASSWORD = "Brand-New-Secret-9";

describe("the admin's WAPI settings page", () => {
  it("shows where and as whom the plugin talks to WEDOS, never the password", async () => {
    await start("environment");
    const stdout = await settings();
    expect(stdout).toMatch(
      /<input id="wedos-wapi-url" name="url" type="url"[^>]*value="http:\/\/127\.0\.0\.1:9\/wapi\/json"/,
    );
    expect(stdout).toContain('value="web@example.test"');
    expect(stdout).toContain("set (from WEDOS_WAPI_PASSWORD); never shown");
    expect(stdout).toMatch(/<input id="wedos-wapi-password" name="password" type="password"[^>]*value=""/);
    expect(stdout).not.toContain(HARNESS_WAPI.password);
    expect(stdout).toContain("Addresses for the WEDOS allow-list");
  });

  it("tests the connection at once and shows WEDOS's answer", async () => {
    await start("environment");
    const tested = await post("/settings/test", {});
    expect(tested.body).toContain("The test is done; WEDOS&#39;s answer is below.");
    expect(await settings()).toMatch(
      /wedos-status-error">10 Mar 2026, 09:00: WAPI ping: no answer from http:\/\/127\.0\.0\.1:9 \(/,
    );
  });

  it("does not change what the daemon's environment sets, and says where to change it", async () => {
    await start("environment");
    const before = readFileSync(h.configFile, "utf8");
    expect(await settings()).toContain("Set by WEDOS_WAPI_LOGIN in the daemon&#39;s environment; change it there.");
    const refused = await save({ url: HARNESS_WAPI.url, login: "other@example.test", password: NEW_PASSWORD });
    expect(refused.status).toBe(400);
    expect(refused.body).toContain(
      "WEDOS login is set by WEDOS_WAPI_LOGIN in the daemon&#39;s environment and cannot be changed here",
    );
    expect(refused.body).toContain("WAPI password is set by WEDOS_WAPI_PASSWORD");
    expect(readFileSync(h.configFile, "utf8")).toBe(before);
    expect(h.services.wapi.credentials.current().login).toBe(HARNESS_WAPI.login);
  });

  it("saves a new address, login and password; the running daemon uses them at once; the password is never shown or logged", async () => {
    await start("file");
    sim = await startSimulator({ login: "new-owner@example.test", password: NEW_PASSWORD, clock: h.clock });
    const modeBefore = statSync(h.configFile).mode & 0o777;

    const saved = await save({ url: sim.url, login: "new-owner@example.test", password: NEW_PASSWORD });
    expect(saved.status).toBe(200);
    expect(saved.body).toContain("The WAPI settings are saved.");

    const written = configJson();
    expect(written.wapi).toEqual({
      url: sim.url,
      login: "new-owner@example.test",
      passwordFile: join(h.root, "wapi-password"),
    });
    expect(written.directadmin).toBeDefined();
    expect(written.daemon).toBeDefined();
    expect(statSync(h.configFile).mode & 0o777).toBe(modeBefore);
    expect(readFileSync(join(h.root, "wapi-password"), "utf8")).toBe(`${NEW_PASSWORD}\n`);
    expect(statSync(join(h.root, "wapi-password")).mode & 0o777).toBe(0o600);
    const reloaded = loadConfig({ WEDOS_PANEL_CONFIG: h.configFile, WEDOS_PANEL_DATA_DIR: h.dataDir });
    expect([reloaded.wapi.url, reloaded.wapi.login, reloaded.wapi.password?.reveal()]).toEqual([
      sim.url,
      "new-owner@example.test",
      NEW_PASSWORD,
    ]);

    const page = await testConnection();
    expect(page).toContain("wedos-status-active");
    expect(page).toContain("WEDOS accepted the login, the WAPI password and this server&#39;s IP address");
    expect(page).toMatch(/Last changed here on 10 Mar 2026, 09:00 by admin\./);
    expect(h.logs).toContain(
      `settings: admin changed the WAPI url, login, password in ${h.configFile} (password in ${join(h.root, "wapi-password")})`,
    );

    for (const text of [...outputs, ...h.logs, ...h.services.wapi.calls.latest(100).map((call) => call.error ?? "")])
      expect(text).not.toContain(NEW_PASSWORD);
    expect(readFileSync(h.configFile, "utf8")).not.toContain(NEW_PASSWORD);
  });

  it("keeps the current password when the field is left empty", async () => {
    await start("file");
    sim = await startSimulator({ login: HARNESS_WAPI.login, password: HARNESS_WAPI.password, clock: h.clock });
    expect((await save({ url: sim.url, login: HARNESS_WAPI.login, password: "" })).status).toBe(200);
    expect(readFileSync(join(h.root, "wapi-password"), "utf8")).toBe(`${HARNESS_WAPI.password}\n`);
    expect(configJson().wapi.url).toBe(sim.url);
    expect(await testConnection()).toContain("WEDOS accepted the login");
  });

  it("ends a pause for wrong credentials as soon as the right password is saved", async () => {
    await start("file");
    sim = await startSimulator({ login: HARNESS_WAPI.login, password: NEW_PASSWORD, clock: h.clock });
    await save({ url: sim.url, login: HARNESS_WAPI.login });
    expect(await testConnection()).toContain("WEDOS rejected the credentials");
    expect(h.services.worker.pausedReason()).toBeDefined();

    await save({ url: sim.url, login: HARNESS_WAPI.login, password: NEW_PASSWORD });
    expect(h.services.worker.pausedReason()).toBeUndefined();
    const page = await testConnection();
    expect(page).toContain("WEDOS accepted the login");
    expect(page).not.toContain("(before the settings were last changed)");
  });

  it("names the address WEDOS refused, from the pause the Test connection opened", async () => {
    await start("file");
    sim = await startSimulator({
      login: HARNESS_WAPI.login,
      password: HARNESS_WAPI.password,
      clock: h.clock,
      allowIps: ["192.0.2.1"],
    });
    await save({ url: sim.url, login: HARNESS_WAPI.login });
    expect(await settings()).not.toContain("WEDOS last refused requests from");
    const page = await testConnection();
    expect(page).toContain("WEDOS last refused requests from 127.0.0.1; allow that address.");
    expect(h.services.wapi.circuit.status()?.reason).toBe("ip-not-allowed");
  });

  it("holds the fuse while passwords change on the page, counts each Test connection, and says how many tries remain", async () => {
    await start("file");
    sim = await startSimulator({ login: HARNESS_WAPI.login, password: NEW_PASSWORD, clock: h.clock });
    const seen = () => ({
      invalid: sim?.simulator.dump().access["127.0.0.1"]?.invalidCount,
      blocked: sim?.simulator.dump().access["127.0.0.1"]?.blockedUntil,
    });
    const daemonPing = () =>
      h.services.wapi.account.ping().then(
        () => "accepted",
        (error: Error) => error.constructor.name,
      );
    for (let n = 1; n <= 7; n++) {
      await save({ url: sim.url, login: HARNESS_WAPI.login, password: `page-wrong-${n}` }); // each save ends the pause for wrong credentials
      expect(await daemonPing()).toBe(n <= 5 ? "WapiResultError" : "WapiPausedError");
      h.clock.advance(60_000);
    }
    expect(seen()).toEqual({ invalid: 5, blocked: null });
    let page = await settings();
    expect(page).toContain(
      "Requests WEDOS rejected in the last hour (or never answered): 5. The plugin sends nothing by itself until 10 Mar 2026, 10:00",
    );
    expect(page).toContain("Test connection can be tried 3 more times this hour.");

    await save({ url: sim.url, login: HARNESS_WAPI.login, password: "page-wrong-8" });
    expect(await testConnection()).toContain("WEDOS rejected the credentials");
    page = await testConnection();
    expect(page).toContain("Test connection can be tried once more this hour.");
    expect(seen()).toEqual({ invalid: 7, blocked: null });

    await save({ url: sim.url, login: HARNESS_WAPI.login, password: NEW_PASSWORD });
    page = await testConnection();
    expect(page).toContain(
      "WEDOS accepted the login, the WAPI password and this server&#39;s IP address; the plugin resumes sending by itself at 11:02 Prague time",
    );
    expect(await daemonPing()).toBe("WapiPausedError"); // the rejected requests still count at WEDOS
    expect(seen()).toEqual({ invalid: 7, blocked: null });
    h.clock.set("2026-03-10T10:02:00.001Z");
    expect(await daemonPing()).toBe("accepted");
  });

  it("refuses bad input with every reason at once, keeps the file, and never echoes the password", async () => {
    await start("file");
    const before = readFileSync(h.configFile, "utf8");
    const badPassword = "line-one\nline-two";
    const refused = await save({ url: "ftp://wedos.example", login: "not-an-address", password: badPassword });
    expect(refused.status).toBe(400);
    expect(refused.body).toContain("The WAPI address must be an http:// or https:// URL");
    expect(refused.body).toContain("The WEDOS login must be the e-mail address of the WEDOS account.");
    expect(refused.body).toContain("The WAPI password must be one line of at most 256 characters");
    expect(refused.body).toContain('value="ftp://wedos.example"');
    expect(refused.body).not.toContain("line-one");
    expect(readFileSync(h.configFile, "utf8")).toBe(before);
    expect(h.services.wapi.credentials.current().url).toBe(HARNESS_WAPI.url);
  });

  it("needs a CSRF token and the admin level", async () => {
    await start("file");
    const before = readFileSync(h.configFile, "utf8");
    expect((await save({ url: HARNESS_WAPI.url, login: "x@example.test" }, { token: false })).status).toBe(403);
    const resellerToken = csrfTokenIn((await h.visit({ level: "reseller", session: h.da.login("res1") })).stdout);
    const reseller = await h.visit({
      level: "reseller",
      file: "index.raw",
      session: h.da.login("res1"),
      method: "POST",
      query: "p=/settings/save",
      post: form({ url: HARNESS_WAPI.url, login: "x@example.test", csrf: resellerToken }),
    });
    expect(parseRaw(reseller.stdout).status).toBe(404);
    const userOnAdmin = await h.visit({
      level: "admin",
      file: "index.raw",
      session: h.da.login("alice"),
      method: "POST",
      query: "p=/settings/save",
      post: form({ url: HARNESS_WAPI.url, login: "x@example.test" }),
    });
    expect(parseRaw(userOnAdmin.stdout).body).toContain("This page is for another access level than your account has.");
    expect(readFileSync(h.configFile, "utf8")).toBe(before);
  });

  it("is shown in Czech", async () => {
    await start("file");
    h.da.setLanguage("admin", "cs");
    const refused = await save({ url: "nonsense", login: HARNESS_WAPI.login });
    expect(refused.body).toContain("Adresa WAPI musí být URL začínající http:// nebo https://");
  });
});
