import { join } from "node:path";
import { hostname } from "node:os";
import { describe, expect, it, vi } from "vitest";
import { ManualClock, type Clock } from "../../src/clock.js";
import { AppError } from "../../src/errors.js";
import { z } from "zod";
import type { Job } from "../../src/provisioning/queue.js";
import { SqliteJobQueue } from "../../src/provisioning/sqlite-job-queue.js";
import { Worker } from "../../src/provisioning/worker.js";
import { openDatabase } from "../../src/store/database.js";
import { WapiCircuitStore } from "../../src/store/wapi-circuit-store.js";
import { WapiCircuit } from "../../src/wapi/circuit.js";
import { resultError } from "../../src/wapi/classify.js";
import { tempDir } from "../support/temp-dir.js";

type Handler = (job: Job) => Promise<void>;

/** A task of the queue's own tests: any payload with a domain (the job key is `<name>:<domain>`). */
const task = (name: string) => ({
  name,
  payload: z.looseObject({ domain: z.string() }),
  domainOf: (payload: { domain: string }) => payload.domain,
  lane: "records" as const,
});

/** The worker's registry for these tests: each handler gets the claimed job (these tasks need no context). */
const registry = (handlers: Record<string, Handler>) =>
  new Map(
    Object.entries(handlers).map(([name, handler]) => [
      name,
      { name, execute: (_context: null, job: Job) => handler(job) },
    ]),
  );

function setup(tasks: Record<string, Handler>) {
  const file = join(tempDir(), "db.sqlite");
  const clock = new ManualClock("2026-03-10T13:20:00Z");
  const db = openDatabase(file);
  const queue = new SqliteJobQueue(db, clock);
  const circuit = new WapiCircuit(new WapiCircuitStore(db), clock, "config");
  const worker = new Worker({ queue, clock, circuit, tasks: registry(tasks), context: null });
  return { file, clock, db, queue, circuit, worker };
}

/** A clock whose sleeps never end by themselves: only a stop, or a wake-up, ends the worker loop's wait. */
const stillClock: Clock = {
  now: () => Date.parse("2026-03-10T13:20:00Z"),
  sleep: (_ms, signal) => new Promise((resolve) => signal?.addEventListener("abort", () => resolve(), { once: true })),
};

describe("job queue and worker", () => {
  it("collapses repeated jobs with one key into one queued job carrying the latest payload", async () => {
    const seen: unknown[] = [];
    const { queue, worker } = setup({ "sync-zone": async (job) => void seen.push(job.payload) });
    const first = queue.enqueue(task("sync-zone"), { domain: "example.com", version: 1 }, { lane: "records" });
    const second = queue.enqueue(task("sync-zone"), { domain: "example.com", version: 2 }, { lane: "records" });
    expect(second).toBe(first);
    await worker.runUntilIdle();
    expect(seen).toEqual([{ domain: "example.com", version: 2 }]);
  });

  it("runs lanes by priority: interactive, lifecycle, records, background", async () => {
    const order: string[] = [];
    const { queue, worker } = setup({ work: async (job) => void order.push(job.domain ?? "") });
    queue.enqueue(task("work"), { domain: "import.test" }, { lane: "background" });
    queue.enqueue(task("work"), { domain: "record.test" }, { lane: "records" });
    queue.enqueue(task("work"), { domain: "new-account.test" }, { lane: "lifecycle" });
    queue.enqueue(task("work"), { domain: "click.test" }, { lane: "interactive" });
    await worker.runUntilIdle();
    expect(order).toEqual(["click.test", "new-account.test", "record.test", "import.test"]);
  });

  it("retries a retryable failure with capped exponential backoff, then buries it with the last error", async () => {
    let calls = 0;
    const { queue, worker, clock } = setup({
      flaky: async () => {
        calls += 1;
        throw new AppError("boom", "WEDOS was unreachable", { retryable: true });
      },
    });
    const id = queue.enqueue(task("flaky"), { domain: "example.com" }, { lane: "records", maxAttempts: 8 });
    const delays: number[] = [];
    for (let attempt = 1; attempt <= 8; attempt++) {
      await worker.runOnce();
      const job = queue.get(id) as Job;
      if (job.state === "queued") delays.push((job.runAt - clock.now()) / 1000);
      clock.set(job.runAt);
    }
    expect(delays).toEqual([30, 60, 120, 240, 480, 960, 1800]);
    expect(calls).toBe(8);
    expect(queue.get(id)).toMatchObject({
      state: "dead",
      lastError: "gave up after 8 attempts: WEDOS was unreachable",
    });
  });

  it("buries a permanent failure at once and lets an admin retry it", async () => {
    let fail = true;
    const { queue, worker } = setup({
      once: async () => {
        if (fail) throw new AppError("bad_input", "the zone file has a bad record");
      },
    });
    const id = queue.enqueue(task("once"), { domain: "example.com" }, { lane: "records" });
    await worker.runUntilIdle();
    expect(queue.get(id)).toMatchObject({ state: "dead", attempts: 1, lastError: "the zone file has a bad record" });
    fail = false;
    expect(queue.retry(id)).toBe(true);
    await worker.runUntilIdle();
    expect(queue.get(id)?.state).toBe("done");
  });

  it("keeps one failed job per key, the newest, and settles it once the same work succeeds", async () => {
    let fail = true;
    const { queue, worker } = setup({
      provision: async () => {
        if (fail) throw new AppError("refused", "WEDOS refused the zone");
      },
    });
    const enqueue = () => queue.enqueue(task("provision"), { domain: "example.com" }, { lane: "lifecycle" });
    const first = enqueue();
    await worker.runUntilIdle();
    const second = enqueue();
    await worker.runUntilIdle();
    expect(queue.list({ states: ["dead"], limit: 10 }).map((job) => job.id)).toEqual([second]);
    expect(queue.get(first)).toMatchObject({ state: "done", lastError: "WEDOS refused the zone" });
    const other = queue.enqueue(task("provision"), { domain: "other.com" }, { lane: "lifecycle" });
    await worker.runUntilIdle();
    fail = false;
    enqueue();
    await worker.runUntilIdle();
    expect(queue.list({ states: ["dead"], limit: 10 }).map((job) => job.id)).toEqual([other]);
  });

  it("retries a failed job whose work is already queued again by running that job now, never a second one", async () => {
    let fail = true;
    const { clock, queue, worker } = setup({
      provision: async () => {
        if (fail) throw new AppError("refused", "WEDOS refused the zone");
      },
    });
    const failed = queue.enqueue(task("provision"), { domain: "example.com" }, { lane: "lifecycle" });
    await worker.runUntilIdle();
    const waiting = queue.enqueue(
      task("provision"),
      { domain: "example.com" },
      { lane: "lifecycle", delayMs: 3_600_000 },
    );
    expect(queue.retry(failed)).toBe(true);
    expect(queue.list({ states: ["queued"], limit: 10 }).map((job) => job.id)).toEqual([waiting]);
    expect(queue.get(waiting)?.runAt).toBe(clock.now());
    expect(queue.get(failed)?.state).toBe("done");
    fail = false;
    await worker.runUntilIdle();
    expect(queue.get(waiting)?.state).toBe("done");
    expect(queue.list({ states: ["dead"], limit: 10 })).toEqual([]);
  });

  it("never runs two jobs of one domain at once, whatever their task; other domains go on", async () => {
    const { queue } = setup({});
    const sync = queue.enqueue(task("sync-zone"), { domain: "example.com" }, { lane: "records" });
    const apply = queue.enqueue(task("apply-drift"), { domain: "example.com" }, { lane: "interactive" });
    const other = queue.enqueue(task("sync-zone"), { domain: "other.com" }, { lane: "records" });
    expect((await queue.claim("worker-a", 60_000))?.id).toBe(apply);
    expect(await queue.claim("worker-b", 60_000, { only: sync })).toBeUndefined();
    expect((await queue.claim("worker-b", 60_000))?.id).toBe(other);
    expect(await queue.complete(apply, "worker-a")).toBe(true);
    expect((await queue.claim("worker-b", 60_000, { only: sync }))?.id).toBe(sync);
  });

  it("takes a job again when the worker holding it died (its lease expired)", async () => {
    const { file, clock, queue } = setup({});
    const id = queue.enqueue(task("work"), { domain: "example.com" }, { lane: "lifecycle" });
    await queue.claim("dead-worker", 60_000);
    const ran: number[] = [];
    const db = openDatabase(file);
    const second = new Worker({
      queue: new SqliteJobQueue(db, clock),
      clock,
      circuit: new WapiCircuit(new WapiCircuitStore(db), clock, "config"),
      tasks: registry({ work: async (job) => void ran.push(job.id) }),
      context: null,
    });
    expect(await second.runUntilIdle()).toBe("idle");
    clock.advance(60_001);
    await second.runUntilIdle();
    expect(ran).toEqual([id]);
    expect(queue.get(id)).toMatchObject({ state: "done", attempts: 2 });
  });

  it("gives a dead worker's job back even when the same work was queued again meanwhile: merged, run once with the latest payload", async () => {
    const seen: unknown[] = [];
    const { queue, worker } = setup({ "sync-zone": async (job) => void seen.push(job.payload) });
    const held = queue.enqueue(task("sync-zone"), { domain: "example.com", version: 1 }, { lane: "records" });
    // A worker of this host whose process is gone (no pid is above the kernel's pid_max of 2^22).
    expect((await queue.claim(`worker-${hostname()}-4194305-dead`, 300_000))?.id).toBe(held);
    const again = queue.enqueue(task("sync-zone"), { domain: "example.com", version: 2 }, { lane: "records" });
    expect(again).not.toBe(held);
    expect(await worker.releaseAbandoned()).toBe(1);
    expect(queue.get(held)).toMatchObject({
      state: "done",
      lastError: `taken over by job ${again}, the same work queued again`,
    });
    await worker.runUntilIdle();
    expect(seen).toEqual([{ domain: "example.com", version: 2 }]);
  });

  it("puts a failed job back as a retry even when the same work was queued while it ran: one queued job of the key", async () => {
    const seen: unknown[] = [];
    const { queue, worker } = setup({
      "sync-zone": async (job) => {
        seen.push(job.payload);
        if (seen.length === 1) {
          queue.enqueue(task("sync-zone"), { domain: "example.com", version: 2 }, { lane: "records" });
          throw new AppError("busy", "WEDOS is busy", { retryable: true });
        }
      },
    });
    queue.enqueue(task("sync-zone"), { domain: "example.com", version: 1 }, { lane: "records" });
    await worker.runUntilIdle();
    expect(seen).toEqual([
      { domain: "example.com", version: 1 },
      { domain: "example.com", version: 2 },
    ]);
    expect(queue.countsByState()).toEqual({ queued: 0, running: 0, done: 2, dead: 0 });
  });

  it("stops at once while a job waits, and gives the job back to the queue without counting the attempt", async () => {
    const { clock, queue, worker } = setup({ work: () => new Promise<void>(() => undefined) });
    const id = queue.enqueue(task("work"), { domain: "example.com" }, { lane: "records" });
    const stop = new AbortController();
    const running = worker.run(stop.signal);
    await vi.waitFor(() => expect(queue.get(id)?.state).toBe("running"));
    stop.abort();
    await running;
    expect(queue.get(id)).toMatchObject({ state: "queued", attempts: 0, runAt: clock.now(), lockedBy: null });
  });

  it("pauses the whole queue while WAPI sending is paused, and keeps attempts", async () => {
    let runs = 0;
    const { queue, worker, circuit, clock } = setup({ work: async () => void (runs += 1) });
    queue.enqueue(task("work"), { domain: "example.com" }, { lane: "interactive" });
    circuit.openForStop(resultError("ping", { code: 2050, result: "Authentication failure" }, clock.now()));
    expect(await worker.runOnce()).toBe("paused");
    expect(worker.pausedReason()).toMatch(/^WEDOS rejected the credentials/);
    circuit.endFixedPause("admin");
    expect(await worker.runOnce()).toBe("ran");
    expect(runs).toBe(1);
  });

  it("buries a job whose task is unknown, saying why", async () => {
    const { queue, worker } = setup({});
    const id = queue.enqueue(task("from-the-future"), { domain: "example.com" }, { lane: "records" });
    await worker.runUntilIdle();
    expect(queue.get(id)).toMatchObject({
      state: "dead",
      lastError: 'no task named "from-the-future"; the job was written by a newer wedos-panel or by hand',
    });
  });

  it("lets the event loop turn between jobs, even when every job and every sleep ends without a timer", async () => {
    // These jobs wait on nothing, so only the loop's own turn lets a timer run before the last of them is done.
    const db = openDatabase(join(tempDir(), "db.sqlite"));
    const queue = new SqliteJobQueue(db, stillClock);
    const worker = new Worker({
      queue,
      clock: stillClock,
      circuit: new WapiCircuit(new WapiCircuitStore(db), stillClock, "config"),
      tasks: registry({ work: async () => undefined }),
      context: null,
    });
    for (let n = 0; n < 200; n++) queue.enqueue(task("work"), { domain: `d${n}.test` }, { lane: "records" });
    const stop = new AbortController();
    const loop = worker.run(stop.signal);
    const doneWhenTimerRan = await new Promise<number>((resolve) =>
      setTimeout(() => resolve(queue.countsByState().done), 0),
    );
    stop.abort();
    await loop;
    expect(doneWhenTimerRan).toBeLessThan(200);
    db.close();
  });

  it("wakes a sleeping worker loop the moment a job is enqueued in its process, not at its next idle look", async () => {
    const db = openDatabase(join(tempDir(), "db.sqlite"));
    const queue = new SqliteJobQueue(db, stillClock);
    let ran!: () => void;
    const done = new Promise<void>((resolve) => (ran = resolve));
    const worker = new Worker({
      queue,
      clock: stillClock,
      circuit: new WapiCircuit(new WapiCircuitStore(db), stillClock, "config"),
      tasks: registry({ work: async () => ran() }),
      context: null,
    });
    const stop = new AbortController();
    const loop = worker.run(stop.signal);
    await new Promise((resolve) => setImmediate(resolve));
    queue.enqueue(task("work"), { domain: "example.com" }, { lane: "interactive" });
    await done;
    stop.abort();
    await loop;
    db.close();
  });
});
