import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  createCustomer,
  csrfOf,
  getVerbatim,
  startFrontHarness,
  type FrontHarness,
  type PanelClient,
} from "./support.js";

let h: FrontHarness;
let bob: PanelClient;
beforeEach(async () => {
  h = await startFrontHarness();
  await createCustomer(await h.loggedIn("admin"), { username: "bob", domain: "bob.test", password: "Bob-pass-123" });
  await h.settle();
  bob = await h.loggedIn("bob", "Bob-pass-123");
});
afterEach(async () => {
  await h.close();
});

const cookieOf = (client: PanelClient) => [...client.cookies].map(([name, value]) => `${name}=${value}`).join("; ");

describe("the emulated DirectAdmin front: the plugin in the panel frame", () => {
  it("lists the plugin under Plugins through the Evolution wrapper, which loads the page into an iframe by an empty POST", async () => {
    const domains = await bob.get("/CMD_ADDITIONAL_DOMAINS");
    expect(domains.text).toContain('<a href="/evo/plugin?src=%2FCMD_PLUGINS%2Fwedos%2Findex.html">');
    const wrapper = await bob.get("/evo/plugin?src=%2FCMD_PLUGINS%2Fwedos%2Findex.html");
    expect(wrapper.status).toBe(200);
    expect(wrapper.text).toContain('<iframe class="plugin-frame" name="plugin-frame"');
    expect(wrapper.text).toContain(
      '<form id="plugin-load" method="post" action="/CMD_PLUGINS/wedos/index.html" target="plugin-frame"></form>',
    );
    const nonce = /<script nonce="([^"]+)">document\.getElementById\("plugin-load"\)\.submit\(\);<\/script>/.exec(
      wrapper.text,
    )?.[1];
    expect(nonce).toBeDefined();
    expect(wrapper.headers.get("content-security-policy")).toContain(`script-src 'nonce-${nonce ?? ""}'`);
  });

  it("frames only the plugin's own pages", async () => {
    for (const src of ["https://evil.example/", "//evil.example/CMD_PLUGINS/x", "/CMD_LOGOUT", "javascript:alert(1)"]) {
      expect((await bob.get(`/evo/plugin?src=${encodeURIComponent(src)}`)).status, src).toBe(400);
    }
  });

  it("runs index.html with the browser's session and puts its fragment between the panel's header and footer", async () => {
    const page = await bob.request("POST", "/CMD_PLUGINS/wedos/index.html", "");
    expect(page.status).toBe(200);
    expect(page.text).toMatch(/^<!doctype html>/);
    expect(page.text).toContain('<body class="plugin-page">');
    expect(page.text).toContain("Signed in as bob (user)");
    expect(page.text).toMatch(
      />bob\.test<\/a><\/th>\s*<td[^>]*>active<\/td>\s*<td[^>]*><span class="wedos-status wedos-status-active">active<\/span>/,
    );
  });

  it("hands a form's POST from the plugin's page to the entry script as its body", async () => {
    const page = await bob.get("/CMD_PLUGINS/wedos/index.html");
    const token = /data-csrf-token="([^"]+)"/.exec(page.text)?.[1] ?? "";
    const synced = await bob.request("POST", "/CMD_PLUGINS/wedos/index.html?p=%2Fsync", {
      csrf: token,
      domain: "bob.test",
    });
    expect(synced.text).toContain("A sync of bob.test has been queued");
  });

  it("relays index.raw's whole HTTP response: its status, its headers and its body", async () => {
    const raw = await bob.get("/CMD_PLUGINS/wedos/index.raw?p=%2Fdomains%2Fbob.test");
    expect(raw.status).toBe(200);
    expect(raw.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(raw.headers.get("content-security-policy")).toContain("frame-ancestors 'self'");
    expect(raw.text).toMatch(/^<!doctype html>/);
    expect(raw.text).toContain("bob.test");
    expect(Number(raw.headers.get("content-length"))).toBe(Buffer.byteLength(raw.text));
    const missing = await bob.get("/CMD_PLUGINS/wedos/index.raw?p=%2Fdomains%2Fnot-mine.test");
    expect(missing.status).toBe(404);
  });

  it("refuses a level above the account's, as DirectAdmin does", async () => {
    for (const path of [
      "/CMD_PLUGINS_ADMIN/wedos/index.html",
      "/CMD_PLUGINS_RESELLER/wedos/index.raw",
      "/CMD_PLUGINS_ADMIN/wedos/images/wedos.css",
    ]) {
      const answer = await bob.get(path);
      expect(answer.status, path).toBe(403);
      expect(answer.text).toContain("You do not have access to the");
    }
    const admin = await h.loggedIn("admin");
    expect((await admin.get("/CMD_PLUGINS_ADMIN/wedos/index.html")).text).toContain("Signed in as admin (admin)");
  });

  it("serves the plugin's images/ as static files, and nothing outside it", async () => {
    const css = await bob.get("/CMD_PLUGINS/wedos/images/wedos.css");
    expect(css.status).toBe(200);
    expect(css.headers.get("content-type")).toBe("text/css; charset=utf-8");
    expect(css.text).toContain(".wedos-panel");
    const cookie = cookieOf(bob);
    for (const path of [
      "/CMD_PLUGINS/wedos/images/../plugin.conf",
      "/CMD_PLUGINS/wedos/images/..%2fplugin.conf",
      "/CMD_PLUGINS/wedos/images/%2e%2e%2fplugin.conf",
      "/CMD_PLUGINS/wedos/../../package.json",
      "/CMD_PLUGINS/wedos/images/.hidden.css",
      "/CMD_PLUGINS/other/index.html",
    ]) {
      const answer = await getVerbatim(h.url, path, cookie);
      expect(answer.status, path).toBe(404);
      expect(answer.body).not.toContain("id=wedos");
    }
  });

  it("shows the plugin to an admin logged in as the customer, with the operator named", async () => {
    const admin = await h.loggedIn("admin");
    const list = await admin.get("/CMD_USER_LIST");
    const as = await admin.request("POST", "/CMD_LOGIN_AS", { csrf: csrfOf(list.text), username: "bob" });
    expect(as.location).toBe("/CMD_ADDITIONAL_DOMAINS");
    const page = await admin.get("/CMD_PLUGINS/wedos/index.html");
    expect(page.text).toContain("admin is logged in as bob");
    const back = await admin.request("POST", "/CMD_LOGOUT", {
      csrf: csrfOf((await admin.get("/CMD_ADDITIONAL_DOMAINS")).text),
    });
    expect(back.location).toBe("/CMD_USER_LIST");
    expect(new URLSearchParams((await admin.get("/CMD_API_SHOW_USER_CONFIG")).text).get("username")).toBe("admin");
  });
});
