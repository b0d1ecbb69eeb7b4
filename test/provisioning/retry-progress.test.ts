import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { ManualClock } from "../../src/clock.js";
import { SqliteJobQueue } from "../../src/provisioning/sqlite-job-queue.js";
import { openDatabase } from "../../src/store/database.js";
import { newUser, startProvisioningHarness, type ProvisioningHarness } from "../support/provisioning-harness.js";
import { tempDir } from "../support/temp-dir.js";

let h: ProvisioningHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe("an attempt that made progress", () => {
  it("resets the backoff: the zone half applied is retried after 30 s, not after the doubled delay", async () => {
    h = await startProvisioningHarness({
      simulator: {
        faults: [
          // Three attempts fail before writing anything, the fourth after WEDOS took the zone and its rows.
          { command: "dns-domains-list", kind: "http-503", count: 3 },
          { command: "dns-domain-commit", kind: "http-503", count: 1 },
        ],
      },
    });
    const harness = h;
    await harness.da.createUser(newUser("alice", "alice.test"));
    const job = () => harness.services.queue.active("provision-domain:alice.test");
    const delays: number[] = [];
    const attempts: number[] = [];
    await harness.settle();
    for (let n = 0; n < 4; n++) {
      const queued = job();
      if (queued === undefined) break;
      delays.push((queued.runAt - harness.clock.now()) / 1000);
      attempts.push(queued.attempts);
      harness.clock.set(queued.runAt);
      await harness.settle();
    }
    // Without progress the delay doubles; the attempt that created the zone and its rows starts it afresh.
    expect(delays).toEqual([30, 60, 120, 30]);
    expect(attempts).toEqual([1, 2, 3, 0]);
    expect(job()).toBeUndefined();
    expect(harness.services.tasks.inventory.domain("alice.test")?.dnsStatus).toBe("active");
  });
});

describe("a half-done job", () => {
  const work = {
    name: "work",
    payload: z.object({ domain: z.string() }),
    domainOf: (payload: { domain: string }) => payload.domain,
    lane: "records" as const,
  };

  it("is taken before new work of its lane, but not before a more urgent lane", async () => {
    const clock = new ManualClock("2026-03-10T13:20:00Z");
    const queue = new SqliteJobQueue(openDatabase(join(tempDir(), "db.sqlite")), clock);
    const half = queue.enqueue(work, { domain: "half.test" });
    expect((await queue.claim("w", 60_000))?.id).toBe(half);
    await queue.requeue(half, "w", clock.now() + 30_000, "WEDOS's front end failed", "progressed");
    expect(queue.get(half)).toMatchObject({ attempts: 0, progressedAt: clock.now() });
    const fresh = queue.enqueue(work, { domain: "fresh.test" });
    clock.advance(30_000);
    const urgent = queue.enqueue(work, { domain: "new-account.test" }, { lane: "lifecycle" });

    const order: number[] = [];
    for (let job = await queue.claim("w", 60_000); job !== undefined; job = await queue.claim("w", 60_000)) {
      order.push(job.id);
      await queue.complete(job.id, "w");
    }
    expect(order).toEqual([urgent, half, fresh]);
  });
});
