import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { ManualClock } from "../../src/clock.js";
import { recoveryTaskNames } from "../../src/provisioning/recovery.js";
import { SqliteJobQueue } from "../../src/provisioning/sqlite-job-queue.js";
import { TASKS } from "../../src/provisioning/tasks/index.js";
import { openDatabase } from "../../src/store/database.js";
import { InventoryStore } from "../../src/store/inventory-store.js";
import { JobStore } from "../../src/store/job-store.js";
import { tempDir } from "../support/temp-dir.js";
import { reason, type Reason } from "../../src/model/reason.js";

/** A task of these tests: any payload with a domain (the job key is `<name>:<domain>`). */
const task = (name: string) => ({
  name,
  payload: z.looseObject({ domain: z.string() }),
  domainOf: (payload: { domain: string }) => payload.domain,
  lane: "records" as const,
});

function setup() {
  const clock = new ManualClock("2026-03-10T13:20:00Z");
  const db = openDatabase(join(tempDir(), "db.sqlite"));
  return { clock, db, queue: new SqliteJobQueue(db, clock), store: new JobStore(db) };
}

/** Runs the job `id` (the only ready one) to a failure that buries it, or to success with an optional note. */
async function fail(queue: SqliteJobQueue, id: number): Promise<void> {
  const job = await queue.claim("w", 60_000, { only: id });
  expect(job?.id).toBe(id);
  await queue.bury(id, "w", reason("wedos-refused", "WEDOS refused the zone"));
}
async function succeed(queue: SqliteJobQueue, id: number, note?: Reason): Promise<void> {
  expect((await queue.claim("w", 60_000, { only: id }))?.id).toBe(id);
  expect(await queue.complete(id, "w", note)).toBe(true);
}

describe("failed jobs settled when their domain recovers, and dismissed by an admin", () => {
  it("a later successful zone job of the same domain settles the failed zone jobs of that domain only", async () => {
    const { queue, store } = setup();
    const provisionFailed = queue.enqueue(task("provision-domain"), { domain: "a.test" });
    await fail(queue, provisionFailed);
    const otherDomain = queue.enqueue(task("sync-zone"), { domain: "b.test" });
    await fail(queue, otherDomain);
    const protectionFailed = queue.enqueue(task("protect-domain"), { domain: "a.test" });
    await fail(queue, protectionFailed);

    await succeed(queue, queue.enqueue(task("sync-zone"), { domain: "a.test" }));

    expect(queue.get(provisionFailed)?.state).toBe("done");
    expect(store.lists.settled(provisionFailed)).toBe("recovered");
    expect(queue.get(provisionFailed)?.lastError).toBe("WEDOS refused the zone");
    // Another domain's failure, and another kind of work of the same domain, still need the admin.
    expect(queue.list({ states: ["dead"], limit: 10 }).map((job) => job.id)).toEqual([protectionFailed, otherDomain]);
  });

  it("a job that ended with nothing to do (a note) settles nothing of another task", async () => {
    const { queue, store } = setup();
    const failed = queue.enqueue(task("provision-domain"), { domain: "a.test" });
    await fail(queue, failed);
    await succeed(
      queue,
      queue.enqueue(task("sync-zone"), { domain: "a.test" }),
      reason("domain-gone", "nothing to do"),
    );
    expect(queue.get(failed)?.state).toBe("dead");
    expect(store.lists.settled(failed)).toBeUndefined();
  });

  it("the domain's removal from WEDOS settles every failed job of that domain's work there", async () => {
    const { queue } = setup();
    const sync = queue.enqueue(task("sync-zone"), { domain: "a.test" });
    await fail(queue, sync);
    const protect = queue.enqueue(task("protect-domain"), { domain: "a.test" });
    await fail(queue, protect);
    await succeed(queue, queue.enqueue(task("remove-domain"), { domain: "a.test" }));
    expect([queue.get(sync)?.state, queue.get(protect)?.state]).toEqual(["done", "done"]);
  });

  it("dismisses a failed job only: the error stays with it and it leaves the failed list", async () => {
    const { queue, store } = setup();
    const failed = queue.enqueue(task("sync-zone"), { domain: "a.test" });
    await fail(queue, failed);
    const queued = queue.enqueue(task("sync-zone"), { domain: "b.test" });
    expect(queue.dismiss(queued)).toBe(false);
    expect(queue.dismiss(failed)).toBe(true);
    expect(queue.dismiss(failed)).toBe(false);
    expect(queue.get(failed)).toMatchObject({ state: "done", lastError: "WEDOS refused the zone" });
    expect(store.lists.settled(failed)).toBe("dismissed");
    expect(queue.countsByState().dead).toBe(0);
    expect(queue.get(queued)?.state).toBe("queued");
  });

  it("cancels a queued job by its key, never a running one", async () => {
    const { queue } = setup();
    const waiting = queue.enqueue(task("remove-domain"), { domain: "a.test" }, { delayMs: 86_400_000 });
    expect(queue.cancel("remove-domain:a.test", "cancelled by an admin")).toBe(true);
    expect(queue.get(waiting)).toMatchObject({ state: "done", lastError: "cancelled by an admin" });
    const running = queue.enqueue(task("remove-domain"), { domain: "b.test" });
    await queue.claim("w", 60_000, { only: running });
    expect(queue.cancel("remove-domain:b.test", "cancelled by an admin")).toBe(false);
    expect(queue.get(running)?.state).toBe("running");
  });

  it("lists the waiting jobs of a tenant's domains only; jobs about no domain only for the admin", () => {
    const { queue, clock, db } = setup();
    const inventory = new InventoryStore(db);
    inventory.upsertAccount({ username: "alice", creator: "res1" }, clock.now());
    inventory.upsertAccount({ username: "carol", creator: "res2" }, clock.now());
    inventory.upsertDomain({ domain: "alice.test", username: "alice", kind: "domain" }, clock.now());
    inventory.upsertDomain({ domain: "carol.test", username: "carol", kind: "domain" }, clock.now());
    const later = queue.enqueue(task("sync-zone"), { domain: "alice.test" }, { delayMs: 60_000 });
    const now = queue.enqueue(task("remove-domain"), { domain: "alice.test" });
    const carol = queue.enqueue(task("sync-zone"), { domain: "carol.test" });
    const global = queue.enqueue({ ...task("reconcile"), domainOf: () => null }, { domain: "" });
    const ids = (scope: Parameters<typeof queue.waiting>[0]) => queue.waiting(scope, 10).map((job) => job.id);
    expect(ids({ kind: "reseller", username: "res1" })).toEqual([now, later]);
    expect(ids({ kind: "account", username: "carol" })).toEqual([carol]);
    expect(ids({ kind: "account", username: "res1" })).toEqual([]);
    expect(ids({ kind: "all" }).sort()).toEqual([later, now, carol, global].sort());
    expect(queue.waitingCount({ kind: "reseller", username: "res1" })).toBe(2);
    expect(queue.waiting({ kind: "all" }, 1)).toHaveLength(1);
  });

  it("names only tasks that exist", () => {
    for (const name of recoveryTaskNames()) expect(TASKS.has(name), name).toBe(true);
  });
});
