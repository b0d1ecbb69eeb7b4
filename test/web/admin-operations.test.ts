import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { WapiBudgetStore } from "../../src/store/wapi-budget-store.js";
import { adminPost, csrfTokenIn, seedTenants, startWebHarness, type WebHarness } from "./support.js";
import { taskFromTheFuture } from "../support/future-task.js";
import { fullTmpfs } from "../support/full-disk.js";

let h: WebHarness;
beforeEach(async () => {
  h = await startWebHarness();
  await seedTenants(h);
});
afterEach(async () => {
  await h.close();
});

const operations = () => h.visit({ level: "admin", session: h.da.login("admin"), query: "p=/operations" });
const post = (path: string, fields: Record<string, string>, token?: string) =>
  adminPost(h, path, { ...fields, ...(token === undefined ? {} : { csrf: token }) });

describe("the admin's operations page", () => {
  it("shows this hour's WAPI budget, a pause with its reason, and the queue", async () => {
    const { stdout } = await operations();
    expect(stdout).toContain('aria-label="0 % of this hour&#39;s requests used"');
    expect(stdout).toMatch(/<p class="wedos-gauge wedos-gauge-ok">/);
    expect(stdout).toContain("0 of 1000 (200 kept for people&#39;s actions and new accounts), 0 rejected");
    h.services.wapi.circuit.openUntil(
      "rate-limited",
      "WEDOS's limit of requests per hour is used up (code 2006)",
      h.clock.now() + 600_000,
      2006,
    );
    expect((await operations()).stdout).toContain(
      "Requests to WEDOS are paused: WEDOS&#39;s limit of requests per hour is used up (code 2006)",
    );
  });

  it("says the disk is full while the spool's filesystem is, and no more once space is freed", async () => {
    const events = `${h.services.config.dataDir}/spool/new`;
    const disk = fullTmpfs(events, 2048);
    try {
      expect((await operations()).stdout).toMatch(
        new RegExp(
          `<p class="wedos-reason" role="alert">The disk is full: the filesystem of ${events} has 0 KiB left\\. Hooks cannot queue`,
        ),
      );
      disk.free();
      expect((await operations()).stdout).not.toContain("The disk is full");
    } finally {
      disk.unmount();
    }
  });

  it("lists failed jobs with their last error and retries one (CSRF required)", async () => {
    const id = h.services.queue.enqueue(taskFromTheFuture, { domain: "alice.test" });
    await h.services.worker.runUntilIdle();
    const page = await operations();
    expect(page.stdout).toContain("no task named &#34;from-the-future&#34;");
    expect((await post("/jobs/retry", { job: String(id) })).status).toBe(403);
    expect((await post("/jobs/retry", { job: String(id) }, csrfTokenIn(page.stdout))).status).toBe(200);
    expect(h.services.queue.get(id)?.state).toBe("queued");
  });

  it("leads Adopt to its preview: nothing is decided or queued before the admin confirms there", async () => {
    h.services.tasks.conflicts.flag(
      "alice.test",
      "zone",
      "a zone for alice.test already exists at WEDOS",
      h.clock.now(),
    );
    const page = await operations();
    expect(page.stdout).toContain("a zone for alice.test already exists at WEDOS");
    const waitingBefore = h.services.queue.active("provision-domain:alice.test");
    const result = await post(
      "/conflicts/resolve",
      { domain: "alice.test", kind: "zone", resolution: "adopt" },
      csrfTokenIn(page.stdout),
    );
    expect(result.status).toBe(200);
    expect(result.body).toContain("<h1>Adopt alice.test</h1>");
    expect(result.body).toContain("No preview yet.");
    expect(h.services.tasks.conflicts.get("alice.test", "zone")?.resolution).toBeNull();
    expect(h.services.queue.active("provision-domain:alice.test")).toEqual(waitingBefore);
  });

  it("is not reachable below the admin level", async () => {
    const asUser = await h.visit({ level: "user", session: h.da.login("alice"), query: "p=/operations" });
    expect(asUser.stdout).toContain("This page does not exist.");
    const userOnAdmin = await h.visit({ level: "admin", session: h.da.login("alice"), query: "p=/operations" });
    expect(userOnAdmin.stdout).toContain("This page is for another access level than your account has.");
    const reseller = await h.visit({ level: "reseller", session: h.da.login("res1"), query: "p=/operations" });
    expect(reseller.stdout).toContain("This page does not exist.");
  });
});

describe("the budget chart and the audit log", () => {
  it("show 24 hours of requests and the latest WAPI calls, without any secret", async () => {
    const hourStart = Math.floor(h.clock.now() / 3_600_000) * 3_600_000;
    h.services.wapi.calls.record({
      at: h.clock.now(),
      command: "dns-row-add",
      domain: "alice.test",
      clTRID: "wp-1",
      lane: "records",
      outcome: "permanent",
      wapiCode: 2316,
      durationMs: 42,
      error: "WAPI dns-row-add: WEDOS refused the request",
    });
    const store = new WapiBudgetStore(h.services.db);
    for (let i = 0; i < 7; i++) store.tryTake(hourStart - 3_600_000, 1000);
    const { stdout } = await operations();
    expect(stdout.match(/<th scope="row">\d\d:00 UTC<\/th>/g)).toHaveLength(24);
    expect(stdout).toContain('<th scope="row">08:00 UTC</th><td data-label="Requests">7</td>');
    expect(stdout).toMatch(
      /<td data-label="Command">dns-row-add<\/td><td data-label="Domain">alice\.test<\/td><td data-label="Lane">records<\/td><td data-label="Outcome">failed<\/td><td data-label="Code">2316<\/td><td data-label="ms">42<\/td>/,
    );
    expect(stdout).not.toContain("web-test-pass-1");
  });
});

describe("the operations page's gauge and chart", () => {
  const fill = (used: number) => {
    const store = new WapiBudgetStore(h.services.db);
    const hourStart = Math.floor(h.clock.now() / 3_600_000) * 3_600_000;
    for (let i = 0; i < used; i++) store.tryTake(hourStart, 1000);
  };

  it("turns the gauge amber at 80 % and red at 95 % of the hour's limit, and says so in words", async () => {
    fill(799);
    expect((await operations()).stdout).toMatch(/<p class="wedos-gauge wedos-gauge-ok">/);
    fill(1);
    const amber = (await operations()).stdout;
    expect(amber).toMatch(/<p class="wedos-gauge wedos-gauge-warn">/);
    expect(amber).toContain("80 % · 80 % or more used: background work slows down");
    fill(150);
    const red = (await operations()).stdout;
    expect(red).toMatch(/<p class="wedos-gauge wedos-gauge-critical">/);
    expect(red).toMatch(/<span class="wedos-status wedos-status-error">95 % · 95 % or more used/);
  });

  it("draws requests per hour as an accessible SVG with a table of the same hours", async () => {
    fill(812);
    const { stdout } = await operations();
    expect(stdout).toContain(
      '<svg class="wedos-chart-svg" viewBox="0 0 720 220" role="img" ' +
        'aria-labelledby="wedos-chart-title wedos-chart-desc"',
    );
    expect(stdout).toContain('<title id="wedos-chart-title">Requests per hour, last 24 hours</title>');
    expect(stdout).toContain("In all 812 requests, the most 812 at 09:00 UTC; 0 rejected.</desc>");
    expect(stdout.match(/<g class="wedos-chart-bar wedos-chart-(ok|warn|critical)">/g)).toHaveLength(24);
    expect(stdout).toContain('<g class="wedos-chart-bar wedos-chart-warn">');
    expect(stdout).toContain('<th scope="row">09:00 UTC</th><td data-label="Requests">812</td>');
    expect(stdout).not.toMatch(/style=/);
  });
});
