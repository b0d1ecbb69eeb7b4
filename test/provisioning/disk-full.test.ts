import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Clock } from "../../src/clock.js";
import { startDaemon, type Daemon } from "../../src/provisioning/daemon.js";
import { TASKS } from "../../src/provisioning/tasks/index.js";
import { Worker } from "../../src/provisioning/worker.js";
import { fillDatabase, fullTmpfs } from "../support/full-disk.js";
import { startProvisioningHarness, type ProvisioningHarness } from "../support/provisioning-harness.js";

let h: ProvisioningHarness;
let daemon: Daemon | undefined;
const cleanups: Array<() => void> = [];
beforeEach(async () => {
  h = await startProvisioningHarness();
});
afterEach(async () => {
  await daemon?.stop();
  daemon = undefined;
  for (const cleanup of cleanups.splice(0)) cleanup();
  await h.close();
});

const user = (n: number) => ({
  username: `f${n}`,
  domain: `full${n}.test`,
  package: "default",
  ip: `192.0.2.${n}`,
  email: `f${n}@example.test`,
  creator: "admin",
  password: "Secret-Password-1",
});

/**
 * The daemon loop over the harness's services, with a worker whose idle waits only yield to the event loop (the
 * harness's manual clock would make them return at once, and the loop would never let I/O in).
 */
function startTheDaemon(): { logs: string[] } {
  const logs: string[] = [];
  const clock: Clock = { now: () => h.clock.now(), sleep: () => new Promise((resolve) => setImmediate(resolve)) };
  const { queue, tasks, wapi } = h.services;
  const worker = new Worker({ queue, clock, circuit: wapi.circuit, tasks: TASKS, context: tasks });
  daemon = startDaemon({ ...h.services, worker, shutdown: new AbortController() }, (line) => logs.push(line));
  return { logs };
}

const ACCOUNTS = 8;
const WAIT = { timeout: 8_000, interval: 20 };

describe("a full disk", () => {
  it(
    "stops the worker with its job in hand, and the worker resumes by itself once writes succeed again",
    { timeout: 30_000 },
    async () => {
      // Enough accounts that their jobs' writes outgrow the room left inside the database's pages.
      for (let n = 1; n <= ACCOUNTS; n++) await h.da.createUser(user(n));
      h.services.ingest();
      const space = fillDatabase(h.services.db);

      const { logs } = startTheDaemon();
      await vi.waitFor(
        () => expect(logs.join("\n")).toMatch(/disk: full \(a write failed: database or disk is full\)/),
        WAIT,
      );
      expect(h.services.queue.countsByState().dead).toBe(0);
      expect(h.published(`full${ACCOUNTS}.test`)).toBeUndefined();

      space.free();
      for (let n = 1; n <= ACCOUNTS; n++)
        await vi.waitFor(() => expect(h.published(`full${n}.test`)?.length).toBeGreaterThan(3), WAIT);
      expect(logs.join("\n")).toMatch(/disk: writes succeed again/);
      expect(logs.join("\n")).not.toMatch(/worker stopped/);
      await vi.waitFor(
        () => expect(h.services.queue.countsByState()).toMatchObject({ queued: 0, running: 0, dead: 0 }),
        WAIT,
      );
      for (let n = 1; n <= ACCOUNTS; n++)
        expect(h.services.tasks.inventory.domain(`full${n}.test`)?.dnsStatus).toBe("active");
    },
  );

  it(
    "finds again, through the reconciler, an account whose hook could not spool its event",
    { timeout: 30_000 },
    async () => {
      const spool = fullTmpfs(`${h.dataDir}/spool/new`, 2048);
      cleanups.push(() => spool.unmount());
      const { logs } = startTheDaemon();
      await vi.waitFor(() => expect(logs.join("\n")).toMatch(/disk: full \(.*spool\/new has \d+ bytes left\)/), WAIT);

      // The hook exits 0 and says the event is not queued: at most an empty file is left, which the daemon keeps aside
      // as torn a minute later. The event itself is gone from the spool for good.
      const runs = await h.da.createUser(user(ACCOUNTS + 1));
      expect(runs.map((run) => run.exitCode)).toEqual(runs.map(() => 0));
      for (const run of runs) expect(run.output).toMatch(/WEDOS DNS: not queued \(spool .* not writable\)/);

      spool.free();
      await vi.waitFor(() => expect(h.published(`full${ACCOUNTS + 1}.test`)?.length).toBeGreaterThan(3), WAIT);
      expect(logs.join("\n")).toMatch(/disk: writes succeed again/);
      expect(h.services.tasks.inventory.domain(`full${ACCOUNTS + 1}.test`)?.state).toBe("active");
    },
  );
});
