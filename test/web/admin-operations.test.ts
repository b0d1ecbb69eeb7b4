import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { WapiBudgetStore } from "../../src/store/wapi-budget-store.js";
import { csrfTokenIn, form, parseRaw, seedTenants, startWebHarness, type WebHarness } from "./support.js";
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
const post = async (path: string, fields: Record<string, string>, token?: string) =>
  parseRaw(
    (
      await h.visit({
        level: "admin",
        file: "index.raw",
        session: h.da.login("admin"),
        method: "POST",
        query: `p=${path}`,
        post: form({ ...fields, ...(token === undefined ? {} : { csrf: token }) }),
      })
    ).stdout,
  );

describe("the admin's operations page", () => {
  it("shows this hour's WAPI budget, a pause with its reason, and the queue", async () => {
    const { stdout } = await operations();
    expect(stdout).toMatch(/<meter min="0" max="1000" value="0" high="800"/);
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
    expect(stdout.match(/<td>\d\d:00 UTC<\/td>/g)).toHaveLength(24);
    expect(stdout).toContain('<meter min="0" max="1000" value="7">7</meter>');
    expect(stdout).toMatch(
      /<td>dns-row-add<\/td><td>alice\.test<\/td><td>records<\/td><td>failed<\/td><td>2316<\/td><td>42<\/td>/,
    );
    expect(stdout).not.toContain("web-test-pass-1");
  });
});
