import { createConnection, createServer, type Server, type Socket } from "node:net";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { ManualClock, type Clock } from "../../src/clock.js";
import { PagePriority } from "../../src/web/records/page-priority.js";
import { tempDir } from "../support/temp-dir.js";

/** Time that never runs out on its own: a wait ends only when it is called off. */
const stoppedClock: Clock = {
  now: () => 0,
  sleep: (_ms, signal) => new Promise((resolve) => signal?.addEventListener("abort", () => resolve(), { once: true })),
};
const immediatePacing = {
  now: () => 0,
  sliceMs: 0,
  pause: () => new Promise<void>((resolve) => setImmediate(resolve)),
};

let server: Server | undefined;
afterEach(async () => {
  await new Promise((resolve) => server?.close(resolve) ?? resolve(undefined));
  server = undefined;
});

async function listening(priority: PagePriority): Promise<string> {
  const path = join(tempDir("wedos-priority-"), "pages.sock");
  server = createServer((socket) => socket.on("data", () => {}));
  priority.watch(server);
  await new Promise<void>((resolve) => server?.listen(path, resolve));
  return path;
}

async function connected(path: string, priority: PagePriority): Promise<Socket> {
  const socket = createConnection(path);
  await new Promise((resolve) => socket.once("connect", resolve));
  while (priority.busy === 0) await new Promise((resolve) => setImmediate(resolve));
  return socket;
}

describe("a zone's parse gives way to the pages", () => {
  it("does not go on while a page's connection is open, and goes on once it closes", async () => {
    const priority = new PagePriority(stoppedClock);
    const socket = await connected(await listening(priority), priority);
    let resumed = false;
    const pause = priority
      .pacing(immediatePacing)
      .pause()
      .then(() => (resumed = true));
    for (let turn = 0; turn < 20; turn++) await new Promise((resolve) => setImmediate(resolve));
    expect(resumed).toBe(false);
    socket.destroy();
    await pause;
    expect(priority.busy).toBe(0);
  });

  it("does not count a request that only waits for the parse", async () => {
    const priority = new PagePriority(stoppedClock);
    const socket = await connected(await listening(priority), priority);
    let finishParse!: () => void;
    const waiting = priority.aside(new Promise<void>((resolve) => (finishParse = resolve)));
    expect(priority.busy).toBe(0);
    await priority.pacing(immediatePacing).pause();
    finishParse();
    await waiting;
    expect(priority.busy).toBe(1);
    socket.destroy();
  });

  it("goes on after its longest wait however busy the pages are", async () => {
    const clock = new ManualClock("2026-03-10T09:00:00Z");
    const priority = new PagePriority(clock, 50);
    const socket = await connected(await listening(priority), priority);
    const before = clock.now();
    await priority.pacing(immediatePacing).pause();
    expect(clock.now() - before).toBe(50);
    socket.destroy();
  });
});
