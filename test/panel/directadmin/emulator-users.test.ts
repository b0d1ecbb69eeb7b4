import { cpSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { parseZoneFile } from "../../../src/dns/index.js";
import { parseDnsWriteEnv } from "../../../src/panel/directadmin/dns-write-env.js";
import {
  EmulatedDirectAdmin,
  templateRecords,
  writeZone,
  type HookRun,
} from "../../../src/emulators/directadmin/index.js";
import { DirectAdminPanel } from "../../../src/panel/directadmin/reader.js";
import { PACKAGE_ROOT } from "../../../src/package-info.js";
import { tempDir } from "../../support/temp-dir.js";
import { ALICE, drainSpool, eventsOf, recordedOf, spooledVariables, startEmulator, summary } from "./support.js";

const QUEUED = "WEDOS DNS: queued\n";
/** What a hook is about: the pointer, the zone or domain, or the user. */
const subject = (run: HookRun) =>
  run.hook.startsWith("user_") ? run.env.username : (run.env.from ?? run.env.domain ?? run.env.DOMAIN);

describe("EmulatedDirectAdmin: accounts", () => {
  test("createUser writes the account like DirectAdmin and runs the four creation hooks, innermost first", async () => {
    const { da, layout, dataDir } = startEmulator();
    const runs = await da.createUser(ALICE);

    expect(summary(runs)).toEqual([
      ["dns_write_post", 0, QUEUED],
      ["dns_create_post", 0, QUEUED],
      ["domain_create_post", 0, QUEUED],
      ["user_create_post", 0, QUEUED],
    ]);
    const conf = readFileSync(layout.userConf("alice"), "utf8");
    expect(conf).toContain("username=alice\n");
    expect(conf).toContain("domain=alice.test\n");
    expect(conf).toContain("suspended=no\n");
    expect(readFileSync(layout.domainsList("alice"), "utf8")).toBe("alice.test\n");
    expect(readFileSync(layout.domainConf("alice", "alice.test"), "utf8")).toContain("defaultdomain=yes\n");
    expect(readFileSync(layout.domainOwners, "utf8")).toBe("alice.test: alice\n");
    const zone = parseZoneFile(readFileSync(layout.zoneFile("alice.test")), { origin: "alice.test" });
    const soa = zone.records.find((record) => record.type === "SOA");
    expect(soa?.type === "SOA" && soa.data.serial).toBe(2026031001);
    expect(zone.records.filter((record) => record.type === "A").map((record) => record.name)).toEqual(
      ["alice.test", "ftp", "localhost", "mail", "pop", "smtp", "www"].map((label) =>
        label === "alice.test" ? label : `${label}.alice.test`,
      ),
    );

    const spooled = drainSpool(dataDir);
    expect(spooled.map((event) => event.hook)).toEqual(runs.map((run) => run.hook));
    // The spool holds exactly the variables the plugin reads of what DirectAdmin passed, never the password.
    for (const [index, run] of runs.entries()) {
      expect(spooledVariables(spooled[index]!)).toEqual(recordedOf(run.env));
      if (run.hook === "user_create_post") expect(run.env.passwd).toBe(ALICE.password);
    }
    expect(spooled.some((event) => "passwd" in event.env || JSON.stringify(event.env).includes(ALICE.password))).toBe(
      false,
    );

    expect(eventsOf(spooled)).toEqual([
      {
        kind: "zone-written",
        domain: "alice.test",
        env: expect.objectContaining({ DOMAIN: "alice.test", A_TIME: "3600" }),
      },
      { kind: "zone-created", username: "alice", domain: "alice.test", restore: false },
      { kind: "domain-created", username: "alice", domain: "alice.test", ips: [], restore: false },
      {
        kind: "user-created",
        username: "alice",
        domain: "alice.test",
        package: "gold",
        ips: ["192.0.2.10"],
        creator: "admin",
        restore: false,
      },
    ]);
    expect(spooled[1]!.env).toMatchObject({ skip_template: "0", zone_existed: "0" });
    expect(spooled[2]!.env).toMatchObject({ skip_template: "0", creator: "admin" });
  });

  // The hooks' own shell variables must never shadow what DirectAdmin exports (user.conf has a `name=` key), and of
  // user.conf's keys only those the plugin reads are kept.
  test("user_create_post spools user.conf's keys the plugin reads unchanged, and not name=", async () => {
    const { da, dataDir } = startEmulator();
    const runs = await da.createUser(ALICE);
    expect(runs.at(-1)!.env.name).toBe("alice");
    const spooled = drainSpool(dataDir).at(-1)!.env;
    expect(spooled).toMatchObject({ username: "alice", domain: "alice.test", package: "gold", creator: "admin" });
    expect(spooled).not.toHaveProperty("name");
  });

  test("the dns_write_post record lists carry exactly the zone file's records", async () => {
    const { da, layout, dataDir } = startEmulator();
    await da.createUser(ALICE);
    const write = drainSpool(dataDir).find((event) => event.hook === "dns_write_post")!;
    expect(write.env).toMatchObject({ DOMAIN: "alice.test", MX: "alice.test.=10", A_TIME: "3600" });
    // The zone's other variables (DOMAIN_IP, SERVER_IP, EMAIL, NS1, …) are not read, so not recorded.
    expect(
      Object.keys(write.env).filter((name) =>
        ["DOMAIN_IP", "SERVER_IP", "WWW_IP", "PACKAGE", "EMAIL", "NS1", "SERIAL"].includes(name),
      ),
    ).toEqual([]);
    const fromEnv = parseDnsWriteEnv(write.env);
    expect(fromEnv.problems).toEqual([]);
    const fromFile = parseZoneFile(readFileSync(layout.zoneFile("alice.test")), { origin: "alice.test" }).records;
    expect(fromEnv.records).toEqual(expect.arrayContaining(fromFile.filter((record) => record.type !== "SOA")));
    expect(fromEnv.records).toHaveLength(fromFile.length - 1);
  });

  test("the other hook order puts each action's own hook first and the zone's dns_create_post before its write", async () => {
    const { da } = startEmulator({ order: { containerHooksLast: false, zoneWriteBeforeCreate: false } });
    const runs = await da.createUser(ALICE);
    expect(runs.map((run) => run.hook)).toEqual([
      "user_create_post",
      "domain_create_post",
      "dns_create_post",
      "dns_write_post",
    ]);
  });

  test("suspend and unsuspend rewrite user.conf and pass it whole to user_suspend_post / user_activate_post", async () => {
    const { da, layout, dataDir } = startEmulator();
    await da.createUser(ALICE);
    drainSpool(dataDir);
    const panel = new DirectAdminPanel(layout);

    const suspended = await da.suspendUser("alice");
    expect(summary(suspended)).toEqual([["user_suspend_post", 0, QUEUED]]);
    expect(suspended[0]!.env).toMatchObject({
      username: "alice",
      suspended: "yes",
      domain: "alice.test",
      ip: "192.0.2.10",
    });
    expect((await panel.account("alice"))?.suspended).toBe(true);
    const activated = await da.unsuspendUser("alice");
    expect(activated[0]!.env.suspended).toBe("no");
    expect((await panel.account("alice"))?.suspended).toBe(false);
    expect(eventsOf(drainSpool(dataDir))).toEqual([
      { kind: "user-suspended", username: "alice" },
      { kind: "user-activated", username: "alice" },
    ]);
  });

  test("destroyUser deletes every zone (pointers first, owner details only on domain zones), then user_destroy_post", async () => {
    const { da, layout, dataDir } = startEmulator();
    await da.createUser(ALICE);
    await da.createDomain("alice", "second.test");
    await da.createPointer("alice", "alice.test", "alias.test");
    drainSpool(dataDir);

    const runs = await da.destroyUser("alice");
    expect(runs.map((run) => [run.hook, subject(run)])).toEqual([
      ["dns_delete_post", "alias.test"],
      ["dns_delete_post", "alice.test"],
      ["dns_delete_post", "second.test"],
      ["user_destroy_post", "alice"],
    ]);
    expect(runs[0]!.env).toEqual({ domain: "alias.test" });
    expect(runs[1]!.env).toEqual({ domain: "alice.test", USERNAME: "alice", CREATOR: "admin", PACKAGE: "gold" });
    expect(runs[3]!.env).toEqual({ username: "alice" });
    expect(eventsOf(drainSpool(dataDir)).map((event) => event.kind)).toEqual([
      "zone-deleted",
      "zone-deleted",
      "zone-deleted",
      "user-destroyed",
    ]);
    expect(existsSync(layout.userDir("alice"))).toBe(false);
    for (const zone of ["alice.test", "second.test", "alias.test"])
      expect(existsSync(layout.zoneFile(zone))).toBe(false);
    expect(readFileSync(layout.domainOwners, "utf8")).toBe("");
    expect(await new DirectAdminPanel(layout).listAccounts()).toEqual([]);
  });

  test("restoreUser replays the creation hooks with skip_template=1, zone_existed where the zone was kept, and no passwd", async () => {
    const { da, layout, dataDir } = startEmulator();
    // The account was migrated: its main zone is still on disk, the user is not.
    writeZone(
      layout,
      "alice.test",
      templateRecords("alice.test", {
        ip: "192.0.2.10",
        nameservers: ["ns1.old.test", "ns2.old.test"],
        serial: 2025010105,
      }),
    );
    const backupZone = templateRecords("second.test", {
      ip: "192.0.2.10",
      nameservers: ["ns1.da.example.net", "ns2.da.example.net"],
      serial: 2025010107,
    });

    const { password: _password, domain: _domain, ...account } = ALICE;
    const runs = await da.restoreUser({
      ...account,
      domains: [
        { domain: "alice.test", pointers: ["alias.test"] },
        { domain: "second.test", records: backupZone },
      ],
    });
    expect(runs.map((run) => `${run.hook} ${subject(run)}`)).toEqual([
      "dns_create_post alice.test",
      "domain_create_post alice.test",
      "dns_write_post alias.test",
      "dns_create_post alias.test",
      "domain_pointer_create_post alias.test",
      "dns_write_post second.test",
      "dns_create_post second.test",
      "domain_create_post second.test",
      "user_create_post alice",
    ]);
    expect(runs.every((run) => run.exitCode === 0 && run.output === QUEUED)).toBe(true);
    expect(runs[0]!.env).toMatchObject({ skip_template: "1", zone_existed: "1", caller: "create:domain" });
    expect(runs[3]!.env).toMatchObject({ skip_template: "1", zone_existed: "0", caller: "create:pointer" });
    expect(runs[7]!.env).toMatchObject({ skip_template: "1", user_creation: "1" });
    expect("passwd" in runs[8]!.env).toBe(false);
    // The kept zone is untouched; the backed-up one is written as it was.
    expect(readFileSync(layout.zoneFile("alice.test"), "utf8")).toContain("ns1.old.test.");
    expect(runs[5]!.env.SERIAL).toBe("2025010107");

    const events = eventsOf(drainSpool(dataDir));
    expect(
      events
        .filter((event) => event.kind === "domain-created" || event.kind === "zone-created")
        .every((event) => "restore" in event && event.restore),
    ).toBe(true);
    expect(events.at(-1)).toEqual({
      kind: "user-created",
      username: "alice",
      domain: "alice.test",
      package: "gold",
      ips: ["192.0.2.10"],
      creator: "admin",
      restore: false,
    });
    expect((await new DirectAdminPanel(layout).account("alice"))?.domains).toEqual([
      { domain: "alice.test", kind: "domain" },
      { domain: "alias.test", kind: "pointer", target: "alice.test" },
      { domain: "second.test", kind: "domain" },
    ]);
  });

  test("a plugin switched off (active=no) runs its hooks, which queue nothing", async () => {
    const pluginDir = tempDir("wedos-panel-plugin-");
    cpSync(join(PACKAGE_ROOT, "hooks"), join(pluginDir, "hooks"), { recursive: true });
    writeFileSync(
      join(pluginDir, "plugin.conf"),
      readFileSync(join(PACKAGE_ROOT, "plugin.conf"), "utf8").replace("active=yes", "active=no"),
    );
    const { da, dataDir } = startEmulator({ pluginDir });
    const runs = await da.createUser(ALICE);
    expect(summary(runs)).toEqual(
      ["dns_write_post", "dns_create_post", "domain_create_post", "user_create_post"].map((hook) => [hook, 0, ""]),
    );
    expect(drainSpool(dataDir)).toEqual([]);
  });

  test("refusals: no data directory for the hooks, a user twice, a domain someone else owns", async () => {
    const { da, layout } = startEmulator();
    expect(() => new EmulatedDirectAdmin({ layout, hookEnv: {} })).toThrow(/WEDOS_PANEL_DATA_DIR/);
    await da.createUser(ALICE);
    await expect(da.createUser(ALICE)).rejects.toThrow("the user alice already exists");
    await expect(da.createUser({ ...ALICE, username: "bob" })).rejects.toThrow("alice.test already belongs to alice");
    await expect(da.createUser({ ...ALICE, username: "bob", domain: "not a domain" })).rejects.toThrow(
      '"not a domain" is not a valid domain name',
    );
    await expect(da.suspendUser("nobody")).rejects.toThrow("there is no user nobody");
    // A refused action leaves the emulator usable.
    expect((await da.createDomain("alice", "more.test")).map((run) => run.hook)).toEqual([
      "dns_write_post",
      "dns_create_post",
      "domain_create_post",
    ]);
  });
});
