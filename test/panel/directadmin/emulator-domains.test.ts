import { existsSync, readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { parseZoneFile } from "../../../src/dns/index.js";
import { parseDnsWriteEnv } from "../../../src/panel/directadmin/dns-write-env.js";
import type { HookRun } from "../../../src/emulators/directadmin/index.js";
import { DirectAdminPanel } from "../../../src/panel/directadmin/reader.js";
import { ALICE, drainSpool, eventsOf, recordedOf, spooledVariables, startEmulator } from "./support.js";

const hooks = (runs: readonly HookRun[]) => runs.map((run) => run.hook);

/** An emulator with alice (alice.test) created and the spool emptied. */
async function withAlice() {
  const harness = startEmulator();
  await harness.da.createUser(ALICE);
  drainSpool(harness.dataDir);
  return { ...harness, panel: new DirectAdminPanel(harness.layout) };
}

describe("EmulatedDirectAdmin: domains and pointers", () => {
  test("createDomain adds a second domain with its zone; domain_create_post says user_creation=0", async () => {
    const { da, layout, dataDir, panel } = await withAlice();
    const runs = await da.createDomain("alice", "Second.TEST.");
    expect(hooks(runs)).toEqual(["dns_write_post", "dns_create_post", "domain_create_post"]);
    expect(runs.every((run) => run.exitCode === 0 && run.output === "WEDOS DNS: queued\n")).toBe(true);
    expect(runs[2]!.env).toEqual({
      domain: "second.test",
      username: "alice",
      creator: "admin",
      defaultdomain: "no",
      bandwidth: "unlimited",
      quota: "unlimited",
      cgi: "ON",
      php: "ON",
      ssl: "ON",
      open_basedir: "ON",
      skip_template: "0",
      user_creation: "0",
      created_by: "alice",
    });
    expect(readFileSync(layout.domainsList("alice"), "utf8")).toBe("alice.test\nsecond.test\n");
    expect(readFileSync(layout.domainOwners, "utf8")).toBe("alice.test: alice\nsecond.test: alice\n");
    expect(existsSync(layout.zoneFile("second.test"))).toBe(true);
    expect(await panel.ownerOf("second.test")).toBe("alice");

    const spooled = drainSpool(dataDir);
    expect(spooled.map(spooledVariables)).toEqual(runs.map((run) => recordedOf(run.env)));
    expect(eventsOf(spooled)).toEqual([
      { kind: "zone-written", domain: "second.test", env: expect.objectContaining({ DOMAIN: "second.test" }) },
      { kind: "zone-created", username: "alice", domain: "second.test", restore: false },
      { kind: "domain-created", username: "alice", domain: "second.test", ips: [], restore: false },
    ]);
  });

  test("createPointer gives the alias a zone and passes from= and domain= to domain_pointer_create_post", async () => {
    const { da, layout, dataDir, panel } = await withAlice();
    const runs = await da.createPointer("alice", "alice.test", "alias.test");
    expect(hooks(runs)).toEqual(["dns_write_post", "dns_create_post", "domain_pointer_create_post"]);
    expect(runs[1]!.env).toEqual({
      domain: "alias.test",
      signed_zone: "0",
      skip_template: "0",
      zone_existed: "0",
      username: "alice",
      caller: "create:pointer",
    });
    expect(runs[2]!.env).toEqual({ from: "alias.test", domain: "alice.test" });
    expect(readFileSync(layout.domainPointers("alice", "alice.test"), "utf8")).toBe("alias.test=type=alias\n");
    const zone = parseZoneFile(readFileSync(layout.zoneFile("alias.test")), { origin: "alias.test" });
    expect(zone.records.find((record) => record.type === "A" && record.name === "alias.test")?.data).toEqual({
      address: "192.0.2.10",
    });
    expect((await panel.account("alice"))?.domains).toEqual([
      { domain: "alice.test", kind: "domain" },
      { domain: "alias.test", kind: "pointer", target: "alice.test" },
    ]);
    expect(eventsOf(drainSpool(dataDir)).slice(1)).toEqual([
      { kind: "zone-created", username: "alice", domain: "alias.test", restore: false },
      { kind: "pointer-created", username: undefined, pointer: "alias.test", domain: "alice.test" },
    ]);
    await expect(da.createPointer("alice", "alice.test", "alias.test")).rejects.toThrow(
      "alias.test already belongs to alice",
    );
  });

  test("destroyPointer removes the alias and its zone: dns_delete_post, then domain_pointer_destroy_post", async () => {
    const { da, layout, dataDir, panel } = await withAlice();
    await da.createPointer("alice", "alice.test", "alias.test");
    drainSpool(dataDir);
    const runs = await da.destroyPointer("alice", "alice.test", "alias.test");
    expect(runs.map((run) => [run.hook, run.env])).toEqual([
      ["dns_delete_post", { domain: "alias.test" }],
      ["domain_pointer_destroy_post", { from: "alias.test", domain: "alice.test" }],
    ]);
    expect(existsSync(layout.domainPointers("alice", "alice.test"))).toBe(false);
    expect(existsSync(layout.zoneFile("alias.test"))).toBe(false);
    expect(await panel.ownerOf("alias.test")).toBeUndefined();
    expect(eventsOf(drainSpool(dataDir))).toEqual([
      { kind: "zone-deleted", domain: "alias.test" },
      { kind: "pointer-destroyed", username: undefined, pointer: "alias.test", domain: "alice.test" },
    ]);
    await expect(da.destroyPointer("alice", "alice.test", "alias.test")).rejects.toThrow(
      "alias.test is not a pointer of alice.test",
    );
  });

  test("destroyDomain deletes the domain with its pointers; the next domain becomes the default", async () => {
    const { da, layout, dataDir, panel } = await withAlice();
    await da.createDomain("alice", "second.test");
    await da.createPointer("alice", "alice.test", "alias.test");
    drainSpool(dataDir);
    const runs = await da.destroyDomain("alice", "alice.test");
    expect(runs.map((run) => [run.hook, run.env])).toEqual([
      ["dns_delete_post", { domain: "alias.test" }],
      ["dns_delete_post", { domain: "alice.test", USERNAME: "alice", CREATOR: "admin", PACKAGE: "gold" }],
      ["domain_destroy_post", { domain: "alice.test" }],
    ]);
    expect(eventsOf(drainSpool(dataDir))).toEqual([
      { kind: "zone-deleted", domain: "alias.test" },
      { kind: "zone-deleted", domain: "alice.test" },
      { kind: "domain-destroyed", username: undefined, domain: "alice.test" },
    ]);
    expect(readFileSync(layout.userConf("alice"), "utf8")).toContain("domain=second.test\n");
    expect(readFileSync(layout.domainConf("alice", "second.test"), "utf8")).toContain("defaultdomain=yes\n");
    expect(readFileSync(layout.domainOwners, "utf8")).toBe("second.test: alice\n");
    expect((await panel.account("alice"))?.domains).toEqual([{ domain: "second.test", kind: "domain" }]);
    await expect(da.destroyDomain("alice", "alice.test")).rejects.toThrow("alice.test is not a domain of alice");
  });

  test("renameDomain moves files, pointers and zone; dns_create_post create:swap, then domain_change_post", async () => {
    const { da, layout, dataDir, panel, clock } = await withAlice();
    await da.createPointer("alice", "alice.test", "alias.test");
    drainSpool(dataDir);
    clock.advance(86_400_000);
    const runs = await da.renameDomain("alice", "alice.test", "renamed.test");
    expect(hooks(runs)).toEqual(["dns_write_post", "dns_create_post", "domain_change_post"]);
    expect(runs[1]!.env).toMatchObject({
      domain: "renamed.test",
      caller: "create:swap",
      username: "alice",
      zone_existed: "0",
    });
    expect(runs[2]!.env).toEqual({
      domain: "alice.test",
      newdomain: "renamed.test",
      username: "alice",
      bandwidth: "unlimited",
      cgi: "ON",
      defaultdomain: "yes",
      ip: "192.0.2.10",
      php: "ON",
      safemode: "OFF",
      ssl: "ON",
      suspended: "no",
    });
    expect(existsSync(layout.zoneFile("alice.test"))).toBe(false);
    const zone = parseZoneFile(readFileSync(layout.zoneFile("renamed.test")), { origin: "renamed.test" }).records;
    const soa = zone.find((record) => record.type === "SOA");
    expect(soa?.type === "SOA" && [soa.data.rname, soa.data.serial]).toEqual(["hostmaster.renamed.test", 2026031101]);
    expect(zone.find((record) => record.type === "MX")?.data).toEqual({
      preference: 10,
      exchange: "mail.renamed.test",
    });
    expect(parseDnsWriteEnv(runs[0]!.env).records).toHaveLength(zone.length - 1);
    expect(readFileSync(layout.userConf("alice"), "utf8")).toContain("domain=renamed.test\n");
    expect(readFileSync(layout.domainOwners, "utf8")).toBe("alias.test: alice\nrenamed.test: alice\n");
    expect((await panel.account("alice"))?.domains).toEqual([
      { domain: "renamed.test", kind: "domain" },
      { domain: "alias.test", kind: "pointer", target: "renamed.test" },
    ]);
    expect(eventsOf(drainSpool(dataDir)).slice(1)).toEqual([
      { kind: "zone-created", username: "alice", domain: "renamed.test", restore: false },
      { kind: "domain-renamed", username: "alice", from: "alice.test", to: "renamed.test" },
    ]);
  });
});
