import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { syncZone } from "../../src/provisioning/tasks/zone-tasks.js";
import { reconcile } from "../../src/provisioning/tasks/reconcile.js";
import { UsageLedgerStore } from "../../src/store/usage-ledger-store.js";
import { taskFromTheFuture } from "../support/future-task.js";
import { csrfTokenIn, form, parseRaw, startProvisionedHarness, type WebHarness } from "./support.js";

let h: WebHarness;
beforeEach(async () => {
  h = await startProvisionedHarness();
});
afterEach(async () => {
  await h.close();
});

const DAY = 86_400_000;
type Level = "user" | "reseller" | "admin";
const page = async (level: Level, user: string, path: string, rest = "") =>
  parseRaw(
    (
      await h.visit({
        level,
        file: "index.raw",
        session: h.da.login(user),
        query: `p=${encodeURIComponent(path)}${rest}`,
      })
    ).stdout,
  ).body;
const post = async (level: Level, user: string, path: string, fields: Record<string, string>, from: string) => {
  const token = csrfTokenIn(await page(level, user, from));
  return parseRaw(
    (
      await h.visit({
        level,
        file: "index.raw",
        session: h.da.login(user),
        method: "POST",
        query: `p=${encodeURIComponent(path)}`,
        post: form({ ...fields, csrf: token }),
      })
    ).stdout,
  );
};
const zoneAtWedos = (domain: string) =>
  [...(h.sim?.simulator.publishedZones() ?? [])].some((zone) => zone.name === domain);

/** alice gets a second domain, provisioned at WEDOS, then deletes it in the panel. */
async function deletedDomain(): Promise<void> {
  await h.da.createDomain("alice", "old.test");
  h.services.ingest();
  await h.services.worker.runUntilIdle();
  expect(zoneAtWedos("old.test")).toBe(true);
  await h.da.destroyDomain("alice", "old.test");
  h.services.ingest();
  await h.services.worker.runUntilIdle();
}

describe("a deleted domain's removal from WEDOS", () => {
  it("tells the customer when it is removed, without name-server instructions or admin buttons", async () => {
    await deletedDomain();
    const body = await page("user", "alice", "/domains/old.test");
    expect(body).toContain("removal scheduled");
    expect(body).toContain("Its DNS at WEDOS keeps working until 17 Mar 2026, 09:00, when it is removed.");
    expect(body).not.toContain("Set these name servers");
    expect(body).not.toContain("Cancel removal");
    expect(body).not.toContain("Remove now");
    expect(await page("user", "alice", "/")).toMatch(
      /old\.test[\s\S]{0,600}Deleted; removed from WEDOS on 17 Mar 2026, 09:00\./,
    );
    // A live domain still gets the instructions.
    expect(await page("user", "alice", "/domains/alice.test")).toContain("Set these name servers");
  });

  it("gives the admin the policy's grace period, and Remove now, confirmed, removes it at once", async () => {
    await deletedDomain();
    const admin = await page("admin", "admin", "/domains/old.test");
    expect(admin).toContain("after the package&#39;s grace period of 7 days");
    expect(admin).toContain('removal&amp;do=cancel">Cancel removal</a>');
    expect(admin).toContain('removal&amp;do=now">Remove now</a>');
    const confirm = await page("admin", "admin", "/domains/old.test/removal", "&do=now");
    expect(confirm).toContain("Remove old.test from WEDOS now?");
    expect(confirm).toMatch(/the DNS zone, with \d+ record\(s\) the plugin manages/);
    expect(zoneAtWedos("old.test")).toBe(true);

    const answer = await post("admin", "admin", "/domains/removal", { domain: "old.test", do: "now" }, "/");
    expect(answer.status).toBe(200);
    expect(answer.body).toContain("old.test is being removed from WEDOS.");
    expect(h.services.queue.active("remove-domain:old.test")?.lane).toBe("interactive");
    await h.services.worker.runUntilIdle();
    expect(zoneAtWedos("old.test")).toBe(false);
    const after = await page("admin", "admin", "/domains/old.test");
    expect(after).toContain("removed from WEDOS");
    expect(after).not.toContain("Remove now");
  });

  it("Cancel removal keeps the zone at WEDOS past the grace period", async () => {
    await deletedDomain();
    const confirm = await page("admin", "admin", "/domains/old.test/removal", "&do=cancel");
    expect(confirm).toContain("Keep old.test at WEDOS?");
    const answer = await post("admin", "admin", "/domains/removal", { domain: "old.test", do: "cancel" }, "/");
    expect(answer.body).toContain("The removal of old.test is cancelled; its zone stays at WEDOS.");
    expect(answer.body).toContain("kept at WEDOS");
    expect(answer.body).not.toContain(">Cancel removal</a>");
    // Billing stopped when the domain was deleted and runs again from the cancel, named after the admin.
    const billed = new UsageLedgerStore(h.services.db)
      .history({ domain: "old.test" })
      .map((entry) => `${entry.event} ${entry.product} ${entry.actor}`);
    expect(billed).toEqual(["start zone daemon", "stop zone panel", "start zone admin"]);
    h.clock.advance(8 * DAY);
    await h.services.worker.runUntilIdle();
    expect(zoneAtWedos("old.test")).toBe(true);
    expect(await page("user", "alice", "/domains/old.test")).toContain("Its DNS at WEDOS is kept as it was");
    // Nothing is left to cancel, and a reseller cannot reach the admin's action.
    const again = await post("admin", "admin", "/domains/removal", { domain: "old.test", do: "cancel" }, "/");
    expect(again.status).toBe(409);
    expect((await post("reseller", "res1", "/domains/removal", { domain: "old.test", do: "now" }, "/")).status).toBe(
      404,
    );
  });

  it("refuses the removal actions without a CSRF token and on a live domain", async () => {
    await deletedDomain();
    const noToken = parseRaw(
      (
        await h.visit({
          level: "admin",
          file: "index.raw",
          session: h.da.login("admin"),
          method: "POST",
          query: "p=/domains/removal",
          post: form({ domain: "old.test", do: "now" }),
        })
      ).stdout,
    );
    expect(noToken.status).toBe(403);
    expect((await post("admin", "admin", "/domains/removal", { domain: "alice.test", do: "now" }, "/")).status).toBe(
      409,
    );
    expect(zoneAtWedos("old.test")).toBe(true);
  });
});

describe("a suspended domain and protection texts per reader", () => {
  it("says what suspension did, per the package's policy", async () => {
    await h.da.suspendUser("carol");
    h.services.ingest();
    const body = await page("user", "carol", "/domains/carol.test");
    expect(body).toContain("Your account is suspended; this domain&#39;s DNS at WEDOS keeps working");
  });

  it("tells only customers about their hosting package; resellers and admins read their own words", async () => {
    expect(await page("user", "bob", "/domains/bob.test")).toContain(
      "Your hosting package does not include protection for this domain.",
    );
    for (const [level, user] of [
      ["reseller", "res1"],
      ["admin", "admin"],
    ] as const) {
      const body = await page(level, user, "/domains/bob.test");
      expect(body).not.toContain("Your hosting package");
      expect(body).toContain("The package of this domain&#39;s account does not include protection");
    }
  });
});

describe("waiting jobs", () => {
  it("'N queued' opens the waiting jobs, each reader seeing their own domains' only", async () => {
    h.services.queue.enqueue(syncZone, { domain: "alice.test" }, { delayMs: 3_600_000 });
    h.services.queue.enqueue(syncZone, { domain: "carol.test" });
    h.services.queue.enqueue(reconcile, {});
    const home = await page("admin", "admin", "/");
    expect(home).toMatch(/<a href="[^"]*p=%2Fjobs">3 queued, 0 running, 0 failed<\/a>/);
    const admin = await page("admin", "admin", "/jobs");
    expect(admin).toContain("3 job(s) waiting or running");
    expect(admin).toContain("Sync of alice.test");
    expect(admin).toContain("scheduled for 10 Mar 2026, 10:00");
    expect(admin).toContain("reconcile");

    const reseller = await page("reseller", "res1", "/jobs");
    expect(reseller).toContain("Sync of alice.test");
    expect(reseller).not.toContain("carol.test");
    expect(reseller).not.toContain("reconcile");
    const customer = await page("user", "carol", "/");
    expect(customer).toContain("1 job(s) for WEDOS waiting or running: see what and why");
    const carol = await page("user", "carol", "/jobs");
    expect(carol).toContain("Sync of carol.test");
    expect(carol).not.toContain("alice.test");
  });

  it("lets the admin dismiss a failed job, which then leaves the failed list", async () => {
    // A job this version cannot run fails for good at once (src/provisioning/task-definition.ts).
    const id = h.services.queue.enqueue(taskFromTheFuture, { domain: "alice.test" });
    await h.services.worker.runUntilIdle();
    expect(h.services.queue.get(id)?.state).toBe("dead");
    const answer = await post("admin", "admin", "/jobs/dismiss", { job: String(id) }, "/operations");
    expect(answer.body).toContain(`Job ${id} is dismissed; it is no longer listed as failed.`);
    expect(h.services.queue.countsByState().dead).toBe(0);
    expect((await post("admin", "admin", "/jobs/dismiss", { job: String(id) }, "/operations")).status).toBe(404);
  });
});
