import { writeFileSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { bigZoneText } from "../../src/bench/bigzone-bench.js";
import { ZoneFileError } from "../../src/dns/index.js";
import { recordSteps } from "../../src/web/records/record-steps.js";
import { ZoneWorkerError, ZoneWorkers } from "../../src/web/records/zone-workers.js";
import { runToEnd } from "../../src/util/slices.js";
import { COMPILED_ZONE_WORKER } from "../support/zone-worker.js";
import { seedTenants, startWebHarness, type WebHarness } from "./support.js";
import { bigZone, leaveAlone } from "./zone-support.js";

let h: WebHarness | undefined;
let pool: ZoneWorkers | undefined;
afterEach(async () => {
  await pool?.close();
  await h?.close();
  h = undefined;
  pool = undefined;
});

const workers = (maxHeapMb: number, log: (line: string) => void = () => {}) =>
  (pool = new ZoneWorkers({ script: COMPILED_ZONE_WORKER, maxHeapMb, log }));
const input = (domain: string, text: string) => ({
  domain,
  content: Buffer.from(text),
  managed: [{ name: "h1", type: "A", ttl: 3600, rdata: "192.0.0.1" }],
});
const inAccount = async (options: Parameters<typeof startWebHarness>[0] = {}) => {
  h = await startWebHarness(options);
  await seedTenants(h);
  return h;
};

describe("big zones worked out in a worker thread", () => {
  it("gives the records and states the main thread would, and a broken zone's problems in the same words", async () => {
    const text = bigZone("alice.test", 2_500);
    const packed = await workers(64).records(input("alice.test", text));
    expect(packed.slice(0, packed.length)).toEqual(runToEnd(recordSteps(input("alice.test", text))));

    const broken = `${text}h1 IN A 192.0.2\nh2 IN MX nonsense\n`;
    const inline = (() => {
      try {
        runToEnd(recordSteps(input("alice.test", broken)));
      } catch (error) {
        return error;
      }
    })();
    expect(inline).toBeInstanceOf(ZoneFileError);
    await expect(workers(64).records(input("alice.test", broken))).rejects.toThrow(
      new ZoneFileError("alice.test.db", (inline as ZoneFileError).problems),
    );
  });

  it("fails one zone whose worker runs out of memory, says why to the admin, and parses the next zone", async () => {
    const logs: string[] = [];
    const pool = workers(16, (line) => logs.push(line));
    await expect(pool.records(input("huge.test", bigZoneText("huge.test", 50_000)))).rejects.toThrow(ZoneWorkerError);
    expect(logs).toEqual([
      expect.stringMatching(
        /^pages: zone huge\.test: its worker ended without an answer \(it needed more than its 16 MiB heap; lower pages\.zoneMaxBytes/,
      ),
    ]);
    expect(await pool.records(input("alice.test", bigZone("alice.test", 2_000)))).toHaveLength(2_006);
    expect(pool.size).toBe(0);
  });

  it("shows the customer a readable page when the worker fails, and other domains' pages still show their records", async () => {
    const h = await inAccount({ zoneWorkerHeapMb: 16 });
    writeFileSync(h.da.layout.zoneFile("alice.test"), bigZoneText("alice.test", 50_000));
    writeFileSync(h.da.layout.zoneFile("bob.test"), bigZone("bob.test", 2_000));
    for (const domain of ["alice.test", "bob.test"]) leaveAlone(h.da.layout.zoneFile(domain));

    const alice = (await h.visit({ level: "user", session: h.da.login("alice"), query: "p=/domains/alice.test" }))
      .stdout;
    expect(alice).toContain(
      "zone file cannot be read: it could not be read just now; try again in a minute, and tell the administrator if it stays so",
    );
    expect(alice).not.toMatch(/MiB|heap|worker|Error/);
    expect(h.logs.some((line) => line.startsWith("pages: zone alice.test: its worker ended without an answer"))).toBe(
      true,
    );

    const bob = (await h.visit({ level: "user", session: h.da.login("bob"), query: "p=/domains/bob.test" })).stdout;
    expect(bob).toContain("Records 1–100 of 2006");
    expect(h.web.zoneRecords.counts.parses).toBe(2);
  });

  it("ends a running worker when the daemon's pages stop, and the view waiting for it gets an answer", async () => {
    const h = await inAccount();
    writeFileSync(h.da.layout.zoneFile("alice.test"), bigZoneText("alice.test", 50_000));
    leaveAlone(h.da.layout.zoneFile("alice.test"));
    const view = h.web.zoneRecords.records("alice.test");
    while (h.web.zoneWorkers.size !== 1) await new Promise((resolve) => setImmediate(resolve));
    await h.stopWeb();
    await expect(view).rejects.toThrow("the records of alice.test could not be worked out: the daemon is stopping");
    expect(h.web.zoneWorkers.size).toBe(0);
    await expect(h.web.zoneWorkers.records(input("bob.test", bigZone("bob.test", 2_000)))).rejects.toThrow(
      "the daemon is stopping",
    );
    expect(h.logs.filter((line) => line.includes("worker"))).toEqual([]);
  });
});
