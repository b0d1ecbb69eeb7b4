import { createConnection, createServer, type Server } from "node:net";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { ManualClock } from "../../src/clock.js";
import { recordSteps } from "../../src/web/records/record-steps.js";
import { PagePriority } from "../../src/web/records/page-priority.js";
import { ZoneWorkers } from "../../src/web/records/zone-workers.js";
import { runToEnd } from "../../src/util/slices.js";
import { tempDir } from "../support/temp-dir.js";
import { COMPILED_ZONE_WORKER } from "../support/zone-worker.js";
import { bigZone } from "./zone-support.js";

let server: Server | undefined;
let pool: ZoneWorkers | undefined;
afterEach(async () => {
  await pool?.close();
  await new Promise((resolve) => server?.close(resolve) ?? resolve(undefined));
  server = undefined;
  pool = undefined;
});

const input = () => ({
  domain: "alice.test",
  content: Buffer.from(bigZone("alice.test", 2_500)),
  managed: [{ name: "h1", type: "A", ttl: 3600, rdata: "192.0.0.1" }],
});

describe("a zone worker gives way to the pages", () => {
  it("pauses between its slices while a page request is open, and works straight through when none is", async () => {
    // Pauses of at most 1 ms, after every step: a page held open for the whole parse cannot stall it.
    const priority = new PagePriority(new ManualClock("2026-03-10T09:00:00Z"), 1);
    server = createServer((socket) => socket.on("data", () => {}));
    priority.watch(server);
    const path = join(tempDir("wedos-worker-pacing-"), "pages.sock");
    await new Promise<void>((resolve) => server?.listen(path, resolve));
    const pacing = priority.workerPacing(0);
    pool = new ZoneWorkers({ script: COMPILED_ZONE_WORKER, maxHeapMb: 64, pacing, log: () => {} });
    const expected = runToEnd(recordSteps(input()));

    const socket = createConnection(path);
    await new Promise((resolve) => socket.once("connect", resolve));
    while (priority.busy === 0) await new Promise((resolve) => setImmediate(resolve));
    const whileBusy = await pool.records(input());
    expect(whileBusy.slice(0, whileBusy.length)).toEqual(expected);
    const pausedWhileBusy = pool.counts.pauses;
    expect(pausedWhileBusy).toBeGreaterThan(10);

    socket.destroy();
    while (priority.busy !== 0) await new Promise((resolve) => setImmediate(resolve));
    const whenQuiet = await pool.records(input());
    expect(whenQuiet.slice(0, whenQuiet.length)).toEqual(expected);
    expect(pool.counts.pauses).toBe(pausedWhileBusy);
  });
});
