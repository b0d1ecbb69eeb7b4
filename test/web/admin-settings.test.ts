import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { csrfTokenIn, form, parseRaw, seedTenants, startWebHarness, type WebHarness } from "./support.js";

let h: WebHarness;
beforeEach(async () => {
  h = await startWebHarness();
  await seedTenants(h);
});
afterEach(async () => {
  await h.close();
});

const settings = () => h.visit({ level: "admin", session: h.da.login("admin"), query: "p=/settings" });

describe("the admin's WAPI settings page", () => {
  it("shows where and as whom the plugin talks to WEDOS, never the password", async () => {
    const { stdout } = await settings();
    expect(stdout).toContain("<code>http://127.0.0.1:9/wapi/json</code>");
    expect(stdout).toContain("web@example.test");
    expect(stdout).toContain("set (from WEDOS_WAPI_PASSWORD); never shown");
    expect(stdout).not.toContain("web-test-pass-1");
    expect(stdout).toContain("Addresses for the WEDOS allow-list");
  });

  it("tests the connection through the queue and shows WEDOS's answer", async () => {
    const token = csrfTokenIn((await settings()).stdout);
    const queued = parseRaw((await h.visit({ level: "admin", file: "index.raw", session: h.da.login("admin"), method: "POST", query: "p=/settings/test", post: form({ csrf: token }) })).stdout);
    expect(queued.body).toContain("The test is queued");
    await h.services.worker.runUntilIdle();
    const { stdout } = await settings();
    expect(stdout).toMatch(/wedos-status-error">2026-03-10 09:00 UTC: WAPI ping: no answer from http:\/\/127\.0\.0\.1:9 \(/);
  });
});
