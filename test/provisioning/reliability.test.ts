import { afterEach, describe, expect, it } from "vitest";
import { startProvisioningHarness, type ProvisioningHarness } from "../support/provisioning-harness.js";

let h: ProvisioningHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const user = (n: number) => ({
  username: `user${n}`,
  domain: `site${n}.test`,
  package: "default",
  ip: `192.0.2.${n + 10}`,
  email: `u${n}@example.test`,
  creator: "admin",
  password: "Secret-Password-1",
});

describe("reliability", () => {
  it.each([1, 2, 7])(
    "converges when a fifth of WAPI calls fail with injected faults (fault seed %i)",
    { timeout: 60_000 },
    async (seed) => {
      h = await startProvisioningHarness({
        simulator: {
          faultSeed: seed,
          faults: [
            { command: "*", kind: "http-503", rate: 0.1 },
            { command: "*", kind: "drop", rate: 0.05 },
            { command: "*", kind: "code-4000", rate: 0.05 },
          ],
        },
      });
      for (let n = 1; n <= 12; n++) await h.da.createUser(user(n));
      await h.da.createDomain("user1", "extra1.test");
      await h.settleAll(7 * 86_400_000);
      h.sim.simulator.clearFaults();
      const failed = h.commands().filter((command) => command.code === null || command.code === 4000).length;
      expect(failed).toBeGreaterThan(10);
      const dead = h.services.queue
        .list({ states: ["dead"], limit: 5 })
        .map((job) => `${job.task} ${job.jobKey}: ${job.lastError}`);
      expect(dead, "no job may be left dead").toEqual([]);
      for (let n = 1; n <= 12; n++) {
        expect(h.services.tasks.inventory.domain(`site${n}.test`)?.dnsStatus, `site${n}.test`).toBe("active");
        expect(h.published(`site${n}.test`)?.length).toBeGreaterThan(3);
      }
      expect(h.services.queue.countsByState()).toMatchObject({ queued: 0, running: 0, dead: 0 });
      // Exactly once: one zone each, never created twice.
      const adds = h
        .commands()
        .filter((command) => command.command === "dns-domain-add" && command.code === 1000).length;
      expect(adds).toBe(13);
    },
  );

  it("with a wrong WAPI password the queue pauses after the first 2050 and at most 3 invalid requests reach WEDOS in an hour", async () => {
    h = await startProvisioningHarness({ password: "wrong-password-9" });
    for (let n = 1; n <= 5; n++) await h.da.createUser(user(n));
    const start = h.clock.now();
    await h.settleAll(3_600_000);
    expect(h.clock.now() - start).toBeLessThanOrEqual(3_600_000);
    const invalid = h.sim.simulator.dump().access["127.0.0.1"]?.invalidCount ?? 0;
    expect(invalid).toBeGreaterThanOrEqual(1);
    expect(invalid).toBeLessThanOrEqual(3);
    expect(h.services.worker.pausedReason()).toMatch(/^WEDOS rejected the credentials \(code 2050/);
    expect(h.services.queue.countsByState().dead).toBe(0);
  });
});
