import { readdirSync, readFileSync, renameSync, rmSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { readZone } from "../../src/emulators/directadmin/index.js";
import { PolicyStore } from "../../src/store/policy-store.js";
import { policySchema } from "../../src/model/policy.js";
import { newUser, startProvisioningHarness, type ProvisioningHarness } from "../support/provisioning-harness.js";
import { provisionDomain as provisionDomainTask } from "../../src/provisioning/tasks/zone-tasks.js";

const DAY = 86_400_000;
let h: ProvisioningHarness;
beforeEach(async () => {
  // As on an installed server: the daemon asks the panel reader, which alone reads DirectAdmin's files.
  h = await startProvisioningHarness({ panelReader: true });
});
afterEach(async () => {
  await h.close();
});

const zoneAdds = () => h.sim.simulator.dump().requestLog.filter((entry) => entry.command === "dns-domain-add").length;
const domainStatus = (domain: string) => h.services.tasks.inventory.domain(domain)?.dnsStatus;

// hook → spool → daemon (asking the panel reader) → simulator, for every lifecycle path
// (docs/reference/directadmin.md#hooks).
describe("DirectAdmin lifecycle mirrored at WEDOS", () => {
  it("a new account gets its zone with the panel's records, committed", async () => {
    const runs = await h.da.createUser(newUser("alice", "alice.test"));
    expect(runs.every((run) => run.exitCode === 0 && run.output.includes("WEDOS DNS: queued"))).toBe(true);
    expect(h.published("alice.test")).toBeUndefined();
    await h.settle();
    const rows = h.published("alice.test") ?? [];
    expect(rows.some((row) => row.name === "www" && row.type === "A" && row.rdata === "192.0.2.10")).toBe(true);
    expect(rows.some((row) => row.type === "MX")).toBe(true);
    expect(domainStatus("alice.test")).toBe("active");
  });

  it("a record change in the panel reaches WEDOS as the changed row only", async () => {
    await h.da.createUser(newUser("bob", "bob.test"));
    await h.settle();
    const before = h.commands().length;
    const records = (readZone(h.layout, "bob.test") ?? []).map((record) =>
      record.type === "A" && record.name === "www.bob.test" ? { ...record, data: { address: "192.0.2.99" } } : record,
    );
    await h.da.setRecords("bob.test", records);
    await h.settle();
    expect(
      h
        .commands()
        .slice(before)
        .map((c) => c.command),
    ).toEqual(["dns-rows-list", "dns-row-update", "dns-domain-commit"]);
    expect(h.published("bob.test")?.find((row) => row.name === "www" && row.type === "A")?.rdata).toBe("192.0.2.99");
  });

  it("falls back to dns_write_post's record lists when the zone file cannot be read", async () => {
    await h.da.createUser(newUser("bea", "bea.test"));
    await h.settle();
    const records = (readZone(h.layout, "bea.test") ?? []).filter((record) => record.name !== "ftp.bea.test");
    await h.da.setRecords("bea.test", records);
    rmSync(h.layout.zoneFile("bea.test"));
    await h.settle();
    expect(h.published("bea.test")?.some((row) => row.name === "ftp")).toBe(false);
    expect(h.published("bea.test")?.some((row) => row.name === "www")).toBe(true);
  });

  it("domains and pointers get zones; deleting one removes its zone after the grace period", async () => {
    await h.da.createUser(newUser("carol", "carol.test"));
    await h.da.createDomain("carol", "carol-shop.test");
    await h.da.createPointer("carol", "carol.test", "carol-alias.test");
    await h.settle();
    expect(h.published("carol-shop.test")).toBeDefined();
    expect(h.published("carol-alias.test")).toBeDefined();

    await h.da.destroyDomain("carol", "carol-shop.test");
    await h.settle();
    expect(h.published("carol-shop.test")).toBeDefined();
    expect(domainStatus("carol-shop.test")).toBe("active");
    h.clock.advance(7 * DAY + 1);
    await h.settleAll(DAY);
    expect(h.published("carol-shop.test")).toBeUndefined();
    expect(domainStatus("carol-shop.test")).toBe("removed");
  });

  it("re-creating a domain within the grace period cancels its removal", async () => {
    await h.da.createUser(newUser("dave", "dave.test"));
    await h.da.createDomain("dave", "dave-blog.test");
    await h.settle();
    await h.da.destroyDomain("dave", "dave-blog.test");
    await h.settle();
    h.clock.advance(2 * DAY);
    await h.da.createDomain("dave", "dave-blog.test");
    await h.settle();
    h.clock.advance(10 * DAY);
    await h.settleAll(DAY);
    expect(h.published("dave-blog.test")).toBeDefined();
    expect(domainStatus("dave-blog.test")).toBe("active");
  });

  it("a rename provisions the new zone and removes the old one after the grace period", async () => {
    await h.da.createUser(newUser("erin", "erin.test"));
    await h.da.createDomain("erin", "erin-old.test");
    await h.settle();
    await h.da.renameDomain("erin", "erin-old.test", "erin-new.test");
    await h.settle();
    expect(h.published("erin-new.test")).toBeDefined();
    h.clock.advance(8 * DAY);
    await h.settleAll(DAY);
    expect(h.published("erin-old.test")).toBeUndefined();
  });

  it("suspension follows the package policy: withdraw removes the zone, unsuspend brings it back", async () => {
    new PolicyStore(h.services.db).save("withdrawing", policySchema.parse({ onSuspend: "withdraw" }), h.clock.now());
    await h.da.createUser(newUser("frank", "frank.test", "withdrawing"));
    await h.da.createUser(newUser("gina", "gina.test"));
    await h.settle();
    await h.da.suspendUser("frank");
    await h.da.suspendUser("gina");
    await h.settle();
    expect(h.published("frank.test")).toBeUndefined();
    expect(domainStatus("frank.test")).toBe("withdrawn");
    expect(h.published("gina.test")).toBeDefined();
    await h.da.unsuspendUser("frank");
    await h.settle();
    expect(h.published("frank.test")?.length).toBeGreaterThan(3);
    expect(domainStatus("frank.test")).toBe("active");
  });

  it("deleting the account removes all its zones after the grace period", async () => {
    await h.da.createUser(newUser("hank", "hank.test"));
    await h.da.createDomain("hank", "hank2.test");
    await h.settle();
    await h.da.destroyUser("hank");
    await h.settle();
    h.clock.advance(8 * DAY);
    await h.settleAll(DAY);
    expect(h.published("hank.test")).toBeUndefined();
    expect(h.published("hank2.test")).toBeUndefined();
  });

  it("a restore replays the creation hooks and nothing is created twice", async () => {
    await h.da.createUser(newUser("ivy", "ivy.test"));
    await h.settle();
    const zonesAdded = zoneAdds();
    const rowsBefore = h.published("ivy.test");
    await h.da.restoreUser({
      username: "ivy",
      package: "default",
      ip: "192.0.2.10",
      email: "ivy@example.test",
      creator: "admin",
      domains: [{ domain: "ivy.test" }],
    });
    await h.settle();
    expect(zoneAdds()).toBe(zonesAdded);
    expect(h.published("ivy.test")).toEqual(rowsBefore);
    expect(h.commands().filter((c) => c.command === "dns-row-add").length).toBe(rowsBefore?.length);
  });

  it("a zone that already exists at WEDOS is flagged as a conflict, and adopting it syncs it", async () => {
    await h.services.wapi.dns.domainAdd({ name: "judy.test" });
    await h.services.wapi.dns.rowAdd({ domain: "judy.test", name: "old", ttl: 300, type: "A", rdata: "198.51.100.1" });
    await h.da.createUser(newUser("judy", "judy.test"));
    await h.settle();
    expect(domainStatus("judy.test")).toBe("conflict");
    expect(h.services.tasks.conflicts.open().map((c) => c.domain)).toEqual(["judy.test"]);
    h.services.tasks.conflicts.resolve("judy.test", "zone", "adopt", h.clock.now());
    h.services.queue.enqueue(provisionDomainTask, { domain: "judy.test" }, { lane: "interactive" });
    await h.settle();
    expect(domainStatus("judy.test")).toBe("active");
    expect(h.published("judy.test")?.some((row) => row.name === "old")).toBe(false);
  });

  it("a new account's first jobs follow its package's policy even when they run before user_create_post is read", async () => {
    h.services.tasks.policies.save("nodns", policySchema.parse({ dnsMode: "off" }), h.clock.now());
    await h.da.createUser(newUser("dora", "dora.test", "nodns"));
    // DirectAdmin may run user_create_post last, and the daemon takes a job as soon as its event is read.
    const spoolNew = join(h.dataDir, "spool", "new");
    const userEvent = readdirSync(spoolNew).filter((file) =>
      readFileSync(join(spoolNew, file), "utf8").includes("user_create_post"),
    );
    expect(userEvent).toHaveLength(1);
    renameSync(join(spoolNew, userEvent[0] as string), join(h.dataDir, "held-back.env"));
    await h.settle();
    expect(domainStatus("dora.test")).toBe("off");
    expect(zoneAdds()).toBe(0);
    renameSync(join(h.dataDir, "held-back.env"), join(spoolNew, userEvent[0] as string));
    await h.settle();
    expect(domainStatus("dora.test")).toBe("off");
    expect(zoneAdds()).toBe(0);
  });

  it("a panel reader that restarts loses no work: the job waits and retries, then the zone arrives", async () => {
    await h.reader?.stop();
    await h.da.createUser(newUser("ruth", "ruth.test"));
    await h.settle();
    expect(h.published("ruth.test")).toBeUndefined();
    expect(h.services.tasks.inventory.domain("ruth.test")).toMatchObject({
      dnsStatus: "pending",
      dnsReason: expect.stringMatching(
        /^waiting to retry: the panel reader does not answer on .*reader\.sock \(ENOENT; it may be restarting\)/,
      ),
    });
    await h.reader?.start();
    await h.settleAll(DAY);
    expect(h.published("ruth.test")?.some((row) => row.name === "www" && row.rdata === "192.0.2.10")).toBe(true);
    expect(domainStatus("ruth.test")).toBe("active");
    expect(h.services.queue.countsByState()).toMatchObject({ dead: 0 });
  });

  it("keeps a malformed event aside with the reason instead of dropping it", async () => {
    const { writeFileSync, readdirSync, readFileSync } = await import("node:fs");
    const { join } = await import("node:path");
    writeFileSync(
      join(h.dataDir, "spool", "new", "1-1-domain_create_post.env"),
      "WEDOS_PANEL_HOOK=domain_create_post\0username=kim\0domain=not a domain\0\0WEDOS_PANEL_END\0",
    );
    await h.settle();
    const rejected = readdirSync(join(h.dataDir, "spool", "rejected"));
    expect(rejected).toEqual(["1-1-domain_create_post.env", "1-1-domain_create_post.env.reason"]);
    expect(readFileSync(join(h.dataDir, "spool", "rejected", "1-1-domain_create_post.env.reason"), "utf8")).toBe(
      "domain_create_post: \"not a domain\" is not a valid domain name; the event was kept in the spool's rejected/ folder — check the DirectAdmin version's hook variables\n",
    );
  });
});

describe("protection (WEDOS Global)", () => {
  it("is ordered for packages that include it, activates through poll-req/poll-ack and is recorded for billing", async () => {
    new PolicyStore(h.services.db).save(
      "protected",
      policySchema.parse({ protection: "advanced", protectionMode: "cname" }),
      h.clock.now(),
    );
    await h.da.createUser(newUser("liam", "liam.test", "protected"));
    await h.settle();
    expect(h.services.tasks.protections.get("liam.test")).toMatchObject({
      state: "pending",
      variant: "advanced",
      mode: "cname",
      upstreamIps: ["192.0.2.10"],
    });
    await h.settleAll(DAY);
    expect(h.services.tasks.protections.get("liam.test")).toMatchObject({ state: "active", currency: "CZK" });
    expect(h.services.tasks.protections.billing()).toMatchObject([
      { domain: "liam.test", username: "liam", kind: "protection-order", currency: "CZK" },
    ]);
    expect(h.commands().filter((c) => c.command === "wgp-domain-create")).toHaveLength(1);
  });
});
