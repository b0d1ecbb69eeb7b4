import { join } from "node:path";
import { reason } from "../../src/model/reason.js";
import { afterEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { ManualClock } from "../../src/clock.js";
import { SqliteJobQueue } from "../../src/provisioning/sqlite-job-queue.js";
import type { FaultSpecInput } from "../../src/simulator/index.js";
import { openDatabase } from "../../src/store/database.js";
import { newUser, startProvisioningHarness, type ProvisioningHarness } from "../support/provisioning-harness.js";
import { tempDir } from "../support/temp-dir.js";

let h: ProvisioningHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

/**
 * Creates an account with `domain` under `faults` and follows its provisioning job from retry to retry until it is
 * done: each entry is the delay before the retry and the attempts counted so far ("30s/1").
 */
async function retryTrail(faults: FaultSpecInput[], username: string, domain: string): Promise<string[]> {
  h = await startProvisioningHarness({ simulator: { faults } });
  const harness = h;
  await harness.da.createUser(newUser(username, domain));
  const job = () => harness.services.queue.active(`provision-domain:${domain}`);
  const trail: string[] = [];
  await harness.settle();
  for (let queued = job(); queued !== undefined; queued = job()) {
    trail.push(`${(queued.runAt - harness.clock.now()) / 1000}s/${queued.attempts}`);
    harness.clock.set(queued.runAt);
    await harness.settle();
  }
  expect(harness.services.tasks.inventory.domain(domain)?.dnsStatus).toBe("active");
  return trail;
}

describe("an attempt that made progress", () => {
  it("resets the backoff: the zone half applied is retried after 30 s, not after the doubled delay", async () => {
    const trail = await retryTrail(
      [
        // Three attempts fail before writing anything, the fourth after WEDOS took the zone and its rows.
        { command: "dns-domains-list", kind: "http-503", count: 3 },
        { command: "dns-domain-commit", kind: "http-503", count: 1 },
      ],
      "alice",
      "alice.test",
    );
    // Without progress the delay doubles; the attempt that created the zone and its rows starts it and the count afresh.
    expect(trail).toEqual(["30s/1", "60s/2", "120s/3", "30s/0"]);
  });
});

describe("an attempt WEDOS answered in part, without accepting a write", () => {
  it("is a blip: it counts as an attempt, but the backoff starts afresh instead of doubling", async () => {
    const trail = await retryTrail(
      [
        // Two attempts get no answer at all (the delay doubles), then three times the listing is answered but the
        // front end fails the write.
        { command: "dns-domains-list", kind: "drop", count: 2 },
        { command: "dns-domain-add", kind: "http-503", count: 3 },
      ],
      "carol",
      "carol.test",
    );
    expect(trail).toEqual(["30s/1", "60s/2", "30s/3", "30s/4", "30s/5"]);
  });
});

describe("an attempt whose only request failed at the front end", () => {
  it("is a blip when WEDOS answered since the job's previous attempt began: the backoff does not double", async () => {
    h = await startProvisioningHarness();
    const harness = h;
    const { simulator } = harness.sim;
    await harness.da.createUser(newUser("bob", "bob.test"));
    await harness.settleAll();
    const job = () => harness.services.queue.active("provision-domain:alice.test");
    const next = () => {
      const queued = job();
      return queued && { attempts: queued.attempts, step: queued.backoffStep, in: queued.runAt - harness.clock.now() };
    };

    // Alice's zone is half applied: WEDOS took the zone and some rows, then the front end failed a row.
    simulator.addFault({ command: "dns-row-add", kind: "http-503", count: 1 });
    await harness.da.createUser(newUser("alice", "alice.test"));
    await harness.settle();
    expect(next()).toEqual({ attempts: 0, step: 0, in: 30_000 });

    // The retry's first request, the listing, fails: WEDOS answered the attempt before, so this is a blip.
    simulator.addFault({ command: "dns-rows-list", kind: "http-503", count: 1 });
    harness.clock.advance(30_000);
    await harness.settle();
    expect(next()).toEqual({ attempts: 1, step: 0, in: 30_000 });

    // Between Alice's attempts WEDOS answers Bob's record sync; her listing fails once more.
    const www = { name: "www.bob.test", type: "A", ttl: 3600, data: { address: "192.0.2.7" } } as const;
    await harness.da.addRecord("bob.test", www);
    await harness.settle();
    expect((harness.published("bob.test") ?? []).map((row) => row.name)).toContain("www");
    simulator.addFault({ command: "dns-rows-list", kind: "http-503", count: 1 });
    harness.clock.advance(30_000);
    await harness.settle();
    // WEDOS was up (it answered Bob): retried after 30 s, not after the doubled 60 s.
    expect(next()).toEqual({ attempts: 2, step: 0, in: 30_000 });

    harness.clock.advance(30_000);
    await harness.settle();
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
    await queue.requeue(
      half,
      "w",
      clock.now() + 30_000,
      reason("wedos-failing", "WEDOS's front end failed"),
      "progressed",
    );
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
