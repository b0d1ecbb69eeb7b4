import { afterEach, describe, expect, it } from "vitest";
import { readZone } from "../../src/emulators/directadmin/index.js";
import { startProvisioningHarness, type ProvisioningHarness } from "../support/provisioning-harness.js";

// Zones another server of a DirectAdmin multi-server cluster pushes here arrive as dns_create_post with
// caller=create:raw_save and the local admin as username, then dns_raw_save_post (docs/decisions/0013).
const DAY = 86_400_000;
let h: ProvisioningHarness;
afterEach(async () => {
  await h.close();
});

const start = async (provisionClusterZones?: boolean) => {
  h = await startProvisioningHarness(
    provisionClusterZones === undefined ? {} : { config: { directadmin: { provisionClusterZones } } },
  );
};
const newUser = (username: string, domain: string) => ({
  username,
  domain,
  package: "default",
  ip: "192.0.2.10",
  email: `${username}@example.test`,
  creator: "admin",
  password: "Secret-Password-1",
});
const wapiCommandsFor = (domain: string) =>
  h.sim.simulator.dump().requestLog.filter((entry) => JSON.stringify(entry).includes(domain));

describe("zones pushed by another DirectAdmin cluster server", () => {
  it("are left to the server that owns their account by default: nothing is sent to WEDOS and nobody here owns them", async () => {
    await start();
    const runs = await h.da.receiveClusterZone("remote.test");
    expect(runs.map((run) => [run.hook, run.exitCode])).toEqual([
      ["dns_create_post", 0],
      ["dns_raw_save_post", 0],
    ]);
    await h.settleAll(DAY);
    await h.da.receiveClusterZone("remote.test");
    await h.da.receiveClusterZoneRemoval("remote.test");
    await h.settleAll(10 * DAY);

    expect(h.published("remote.test")).toBeUndefined();
    expect(wapiCommandsFor("remote.test")).toEqual([]);
    expect(h.services.tasks.inventory.domain("remote.test")).toBeUndefined();
    expect(h.services.tasks.inventory.domainsOf("admin")).toEqual([]);
  });

  it("are provisioned without a local owner when this server is set to provision them, and kept in step by later pushes", async () => {
    await start(true);
    await h.da.receiveClusterZone("remote.test");
    await h.settle();

    expect(h.published("remote.test")?.some((row) => row.name === "www" && row.rdata === "198.51.100.7")).toBe(true);
    expect(h.services.tasks.inventory.domain("remote.test")).toMatchObject({
      username: null,
      origin: "cluster",
      state: "active",
      dnsStatus: "active",
    });
    expect(h.services.tasks.inventory.domainsOf("admin")).toEqual([]);

    const records = (readZone(h.layout, "remote.test") ?? []).map((record) =>
      record.type === "A" && record.name === "www.remote.test"
        ? { ...record, data: { address: "198.51.100.99" } }
        : record,
    );
    await h.da.receiveClusterZone("remote.test", records);
    await h.settle();
    expect(h.published("remote.test")?.find((row) => row.name === "www" && row.type === "A")?.rdata).toBe(
      "198.51.100.99",
    );
  });

  it("are not taken for orphans by the reconciler (no local account lists them); only their pushed deletion removes them", async () => {
    await start(true);
    await h.da.createUser(newUser("alice", "alice.test"));
    await h.da.receiveClusterZone("remote.test");
    await h.settle();

    const report = await h.reconcile();
    expect(report?.orphans).toEqual([]);
    expect(h.services.tasks.inventory.domain("remote.test")?.state).toBe("active");

    await h.da.receiveClusterZoneRemoval("remote.test");
    await h.settle();
    expect(h.services.tasks.inventory.domain("remote.test")?.state).toBe("deleted");
    h.clock.advance(8 * DAY);
    await h.settleAll(DAY);
    expect(h.published("remote.test")).toBeUndefined();
    expect(h.published("alice.test")).toBeDefined();
  });

  it.each([false, true])(
    "of a local account's domain keep their local owner (provision cluster zones: %s)",
    async (provision) => {
      await start(provision);
      await h.da.createUser(newUser("alice", "alice.test"));
      await h.settle();
      const zone = readZone(h.layout, "alice.test") ?? [];

      await h.da.receiveClusterZone("alice.test", zone);
      await h.settle();

      expect(h.services.tasks.inventory.domain("alice.test")).toMatchObject({
        username: "alice",
        origin: "panel",
        state: "active",
        dnsStatus: "active",
      });
      expect(h.services.tasks.inventory.domainsOf("admin")).toEqual([]);
    },
  );
});
