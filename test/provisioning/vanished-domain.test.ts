import { rmSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { newUser, startProvisioningHarness, type ProvisioningHarness } from "../support/provisioning-harness.js";

let h: ProvisioningHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

/** The job of `key`, newest first, as the admin's job list shows it. */
function jobOf(harness: ProvisioningHarness, key: string) {
  return harness.services.queue.list({ limit: 50 }).find((job) => job.jobKey === key);
}

const NOTHING_TO_DO = "nothing to do: the domain no longer exists on this server";

describe("a domain that vanished before its job ran", () => {
  it("renamed in the panel before its provisioning ran: done with a note, nothing sent, never a dead letter", async () => {
    h = await startProvisioningHarness();
    await h.da.createUser(newUser("alice", "alice.test"));
    await h.settleAll();
    await h.da.createDomain("alice", "shop.test");
    h.services.ingest();
    // The rename's hook event is spooled but not read yet: the worker finds the queued job first.
    await h.da.renameDomain("alice", "shop.test", "store.test");
    const sentBefore = h.commands().length;
    await h.services.worker.runUntilIdle();

    const job = jobOf(h, "provision-domain:shop.test");
    expect(job?.state).toBe("done");
    expect(job?.lastError).toBe(NOTHING_TO_DO);
    expect(h.commands().length, "nothing was sent to WEDOS for a domain that is gone").toBe(sentBefore);

    await h.settleAll();
    expect(h.services.queue.countsByState().dead).toBe(0);
    expect(h.services.tasks.inventory.domain("store.test")?.dnsStatus).toBe("active");
    expect(h.published("shop.test")).toBeUndefined();
  });

  it("deleted in the panel while its zone waited for a retry: done with the note on the next try", async () => {
    h = await startProvisioningHarness({
      simulator: { faults: [{ command: "dns-domains-list", kind: "http-503", count: 1 }] },
    });
    await h.da.createUser(newUser("alice", "alice.test"));
    await h.settle();
    expect(jobOf(h, "provision-domain:alice.test")?.state).toBe("queued");
    await h.da.destroyDomain("alice", "alice.test");
    h.clock.advance(60_000);
    await h.services.worker.runUntilIdle();

    const job = jobOf(h, "provision-domain:alice.test");
    expect(job?.state).toBe("done");
    expect(job?.lastError).toBe(NOTHING_TO_DO);
    await h.settleAll();
    expect(h.services.queue.countsByState().dead).toBe(0);
  });

  it("a live domain whose zone file is missing stays an error that names dns.zoneDir", async () => {
    h = await startProvisioningHarness();
    await h.da.createUser(newUser("alice", "alice.test"));
    h.services.ingest();
    rmSync((await h.services.tasks.panel.zoneFile("alice.test")).path);
    await h.services.worker.runUntilIdle();

    const job = jobOf(h, "provision-domain:alice.test");
    expect(job?.state).toBe("dead");
    expect(job?.lastError).toMatch(/alice\.test/);
    expect(job?.lastError).toMatch(/dns\.zoneDir/);
    expect(job?.lastError).not.toMatch(/nothing to do/);
  });
});
