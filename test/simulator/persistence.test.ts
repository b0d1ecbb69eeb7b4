import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startSimulator } from "../../src/simulator/index.js";
import { expectCode, LOGIN, PASSWORD, rowsOf, seedZone, startHarness, type Harness } from "./wapi-test-client.js";

let directory: string;
let harness: Harness | undefined;
beforeEach(() => {
  directory = mkdtempSync(join(tmpdir(), "wedos-sim-"));
});
afterEach(async () => {
  await harness?.close();
  harness = undefined;
  rmSync(directory, { recursive: true, force: true });
});

describe("state file", () => {
  it("keeps zones, rows, credit, services and notifications across a restart", async () => {
    const stateFile = join(directory, "nested", "state.json");
    harness = await startHarness({ stateFile, credit: 300 });
    await seedZone(harness, "example.test", [{ name: "www", ttl: 3600, type: "A", rdata: "192.0.2.1" }]);
    await expectCode(
      harness.call("dns-row-add", {
        domain: "example.test",
        name: "pending",
        ttl: 3600,
        type: "A",
        rdata: "192.0.2.2",
      }),
      1000,
    );
    await expectCode(
      harness.call("wgp-domain-create", { domain: "cdn.example.test", variant_id: 1, period_id: 1 }),
      1001,
    );
    const before = harness.running.simulator.dump();
    await harness.close();

    harness = await startHarness({ stateFile, credit: 999 });
    const after = harness.running.simulator.dump();
    expect(after.zones).toEqual(before.zones);
    expect(after.wgpServices).toEqual(before.wgpServices);
    expect(after.credit).toEqual({ amount: "201.00", currency: "CZK", movements: before.credit.movements });
    expect(after.credit.movements).toMatchObject([{ amount: "-99.00", order_num: "2026000001" }]);
    expect(rowsOf(await harness.call("dns-rows-list", { domain: "example.test" })).map((row) => row["name"])).toEqual([
      "pending",
      "www",
    ]);
    // Pending work carries on after the restart: the service activates, the change autocommits.
    harness.clock.advance(5 * 60_000);
    expect((await harness.call("poll-req")).response.code).toBe(1000);
    expect(harness.running.simulator.publishedZones()[0]?.rows).toHaveLength(2);
    // Row IDs continue from the saved counter, never reusing one.
    await expectCode(
      harness.call("dns-row-add", { domain: "example.test", name: "later", ttl: 3600, type: "A", rdata: "192.0.2.3" }),
      1000,
    );
    const ids = rowsOf(await harness.call("dns-rows-list", { domain: "example.test" })).map((row) => Number(row["ID"]));
    expect(new Set(ids).size).toBe(3);
  });

  it("writes atomically, leaving no temporary files", async () => {
    const stateFile = join(directory, "state.json");
    harness = await startHarness({ stateFile });
    await seedZone(harness, "example.test");
    expect(readdirSync(directory)).toEqual(["state.json"]);
    const saved = JSON.parse(readFileSync(stateFile, "utf8")) as { version: number; accounts: Record<string, unknown> };
    expect(saved.version).toBe(1);
    expect(Object.keys(saved.accounts)).toEqual([LOGIN]);
  });

  it("does not write the state for test-mode requests", async () => {
    const stateFile = join(directory, "state.json");
    harness = await startHarness({ stateFile });
    const before = readFileSync(stateFile, "utf8");
    await expectCode(harness.call("dns-domain-add", { name: "example.test" }, { test: 1 }), 1000);
    expect(readFileSync(stateFile, "utf8")).toBe(before);
  });

  it.each([
    ["not JSON", "{oops", /state\.json is corrupt: not valid JSON/],
    [
      "the wrong shape",
      JSON.stringify({ version: 1, accounts: { x: { zones: 5 } } }),
      /state\.json is corrupt: not a simulator state at accounts\.x/,
    ],
    [
      "an unknown version",
      JSON.stringify({ version: 2, accounts: {} }),
      /state\.json is corrupt: not a simulator state at version/,
    ],
  ])("refuses a state file that is %s, naming the file", async (_label, content, message) => {
    const stateFile = join(directory, "state.json");
    writeFileSync(stateFile, content);
    await expect(startSimulator({ login: LOGIN, password: PASSWORD, stateFile })).rejects.toThrow(message);
    await expect(startSimulator({ login: LOGIN, password: PASSWORD, stateFile })).rejects.toThrow(stateFile);
  });
});
