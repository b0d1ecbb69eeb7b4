import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ManualClock } from "../../src/clock.js";
import { fixtureTree, seedAccounts } from "../../src/emulators/directadmin/index.js";
import { startDnsServer, type DnsServer } from "../../src/simulator/dns/index.js";
import { startSimulator, type RunningSimulator } from "../../src/simulator/index.js";
import { databaseFileIn, openDatabase } from "../../src/store/database.js";
import { DriftStore } from "../../src/store/drift-store.js";
import { InventoryStore } from "../../src/store/inventory-store.js";
import { ConflictStore } from "../../src/store/conflict-store.js";
import { loadConfig } from "../../src/config/load.js";
import { createWapi } from "../../src/wapi/index.js";
import { PolicyStore } from "../../src/store/policy-store.js";
import { policySchema } from "../../src/model/policy.js";
import { SqliteJobQueue } from "../../src/provisioning/sqlite-job-queue.js";
import { syncZone } from "../../src/provisioning/tasks/zone-tasks.js";
import { JobStore } from "../../src/store/job-store.js";
import { runCliCaptured } from "../support/run-cli.js";
import { tempDir } from "../support/temp-dir.js";

const clock = new ManualClock("2026-07-01T10:00:00Z");
const HEADER =
  "$TTL 3600\n@ IN SOA ns1.example.net. hostmaster.example.net. 1 3600 900 1209600 300\n@ IN NS ns1.example.net.\n";
let sim: RunningSimulator;
let dns: DnsServer;
let env: Record<string, string>;
let zoneDir: string;

beforeEach(async () => {
  sim = await startSimulator({ login: "demo@example.test", password: "demo-pass-123", clock });
  dns = await startDnsServer({ port: 0, source: sim.simulator });
  const dir = tempDir();
  // One DirectAdmin account (user00001) whose domain is acct00001.test, on a package with the default policy.
  const layout = fixtureTree(join(dir, "da"));
  seedAccounts(layout, 1, { now: clock.now() });
  zoneDir = layout.zoneDir;
  writeFileSync(
    join(dir, "config.json"),
    JSON.stringify({
      directadmin: { root: layout.root, virtualDir: layout.virtualDir },
      dns: { nameServers: [`127.0.0.1:${dns.port}`], primaryIp: "192.0.2.53" },
    }),
  );
  env = {
    WEDOS_PANEL_CONFIG: join(dir, "config.json"),
    WEDOS_WAPI_URL: sim.url,
    WEDOS_WAPI_LOGIN: "demo@example.test",
    WEDOS_WAPI_PASSWORD: "demo-pass-123",
    WEDOS_PANEL_DATA_DIR: join(dir, "data"),
    WEDOS_PANEL_ZONE_DIR: zoneDir,
  };
});
afterEach(async () => {
  await dns.close();
  await sim.close();
});

const DOMAIN = "acct00001.test";
const writeZone = (body: string) => writeFileSync(join(zoneDir, `${DOMAIN}.db`), `${HEADER}${body}\n`);
const sync = (...args: string[]) => runCliCaptured(["sync", DOMAIN, ...args], env, clock);
const openDb = () => openDatabase(databaseFileIn(env.WEDOS_PANEL_DATA_DIR ?? ""));

describe("wedos-panel sync", () => {
  it("prints a dry-run plan, exits 2 under --check, applies with --apply and sees the data on the name servers", async () => {
    writeZone("www 300 IN A 192.0.2.1\n@ 300 IN MX 10 mail.acct00001.test.\nmail 300 IN A 192.0.2.2");
    const dry = await sync();
    expect(dry.status).toBe(0);
    expect(dry.stdout).toContain(
      `Plan for ${DOMAIN} (primary, to be created at WEDOS):\n  + create the primary zone ${DOMAIN} at WEDOS\n`,
    );
    expect(dry.stdout).toContain("  + add www A 192.0.2.1 (TTL 300)\n");
    expect(sim.simulator.dump().zones).toEqual([]);
    expect((await sync("--check")).status).toBe(2);

    const applied = await sync("--apply");
    expect(applied.stdout).toBe(
      `${DOMAIN}: WEDOS now matches the panel.\nWEDOS's name servers serve the new data (3 record(s) checked).\n`,
    );
    expect(applied.status).toBe(0);
    expect(
      sim.simulator
        .dump()
        .requestLog.map((entry) => entry.command)
        .filter((command) => command === "dns-domain-add" || command === "dns-row-add"),
    ).toEqual(["dns-domain-add", "dns-row-add", "dns-row-add", "dns-row-add"]);
    expect((await sync("--check")).status).toBe(0);

    // One record added: what was sent is said as it was sent (one add, one commit), in the singular.
    writeZone(
      "www 300 IN A 192.0.2.1\n@ 300 IN MX 10 mail.acct00001.test.\nmail 300 IN A 192.0.2.2\nftp 300 IN A 192.0.2.3",
    );
    const before = sim.simulator.dump().requestLog.length;
    expect((await sync("--apply")).status).toBe(0);
    expect(
      sim.simulator
        .dump()
        .requestLog.slice(before)
        .map((entry) => entry.command),
    ).toEqual(["dns-rows-list", "dns-row-add", "dns-domain-commit"]);
  });

  it("clears the zone's drift preview once WEDOS matches the panel", async () => {
    writeZone("www 300 IN A 192.0.2.1");
    const db = openDb();
    const drift = new DriftStore(db);
    drift.record(
      DOMAIN,
      {
        steps: [{ mark: "+", text: "add www A 192.0.2.1 (TTL 300)" }],
        counts: { add: 1, update: 0, delete: 0, adopt: 0 },
        foreign: [],
        conflicts: [],
        safe: true,
        safetyMessage: null,
      },
      null,
      clock.now(),
    );
    expect((await sync("--apply")).status).toBe(0);
    expect(drift.get(DOMAIN)).toBeUndefined();
    db.close();
  });

  it("prints the plan as JSON with the audit findings", async () => {
    writeZone('www 60 IN A 192.0.2.1\n@ 300 IN SPF "v=spf1 -all"');
    const result = await sync("--json");
    const plan = JSON.parse(result.stdout);
    expect(plan.changes).toEqual([
      { kind: "add", message: "add www A 192.0.2.1 (TTL 300)", name: "www", type: "A", ttl: 300, rdata: "192.0.2.1" },
    ]);
    expect(plan.findings.map((f: { rule: string }) => f.rule)).toEqual(["soa", "apex-ns", "ttl-too-low", "spf-type"]);
  });

  it("reads another file with --zone-file and refuses a broken one with its line", async () => {
    const file = join(zoneDir, "other.db");
    writeFileSync(file, `${HEADER}www IN A 192.0.2.300\n`);
    const result = await sync("--zone-file", file);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("other.db:4: ");
  });

  it("syncs a zone that holds NAPTR, HINFO and DNSSEC records: the rest reaches WEDOS, each of those is listed with its reason", async () => {
    writeZone(
      'www 300 IN A 192.0.2.1\n@ 300 IN NAPTR 100 10 "U" "E2U+sip" "!^.*$!sip:info@acct00001.test!" .\nwww 300 IN HINFO "PC" "Linux"\n@ 300 IN NSEC www.example.test. A NS SOA NSEC',
    );
    const planned = await sync();
    expect(planned.stdout).toContain(
      "  ! @ NAPTR: WEDOS DNS does not take NAPTR records; the zone's other records are synced without them\n",
    );
    expect(planned.stdout).toContain(
      "  ! www HINFO: WEDOS DNS does not take HINFO records; the zone's other records are synced without them\n",
    );
    expect(planned.stdout).toContain(
      "  ! @ NSEC: NSEC is a DNSSEC record: DNSSEC records are made by whoever signs and serves the zone",
    );
    const applied = await sync("--apply");
    expect(applied.stderr).toBe("");
    expect(applied.status).toBe(0);
    expect(sim.simulator.dump().zones[0]?.rows.map((row) => `${row.name} ${row.type}`)).toEqual(["www A"]);
    expect((await sync("--check")).status).toBe(0);
  });

  it("refuses TXT data no DNS record can hold, naming the line, and sends WEDOS nothing", async () => {
    // 257 strings of 255 bytes: 65,792 bytes of data, where BIND stops at 65,510.
    const strings = Array.from({ length: 257 }, () => `"${"x".repeat(255)}"`);
    writeZone(`www 300 IN A 192.0.2.1\nbig 300 IN TXT ${strings.join(" ")}`);
    const refused = await sync("--apply");
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain(
      `${DOMAIN}.db:5: ran out of space: the TXT data is 65,792 bytes, more than the 65,510 one DNS record can hold; shorten it`,
    );
    expect(sim.simulator.dump().requestLog).toEqual([]);
  });

  it("names the line of TXT data with a NUL byte, lists the record with its reason and syncs the rest", async () => {
    writeZone('nul 300 IN TXT "a\\000b"\nwww 300 IN A 192.0.2.1');
    const planned = await sync();
    expect(planned.stderr).toBe(
      `warning: ${DOMAIN}.db:4: the TXT value contains a control character (byte 0), which WEDOS cannot store as text: the record is read but not synced to WEDOS\n`,
    );
    expect(planned.stdout).toContain("  ! nul TXT: the TXT value contains a control character (byte 0)");
    expect((await sync("--apply")).status).toBe(0);
    expect(sim.simulator.dump().zones[0]?.rows.map((row) => `${row.name} ${row.type}`)).toEqual(["www A"]);
    const added = sim.simulator.dump().requestLog.filter((entry) => entry.command === "dns-row-add");
    expect(added).toHaveLength(1);
  });

  it("names a non-ASCII name in a refused zone as it is written, not doubly encoded", async () => {
    writeZone("bücher 300 IN A 192.0.2.1\nwww 300 IN MX 10 poštovní");
    const refused = await sync();
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain(`${DOMAIN}.db:4: bad owner name (check-names): 'bücher' cannot own A records`);
    expect(refused.stderr).toContain(
      `${DOMAIN}.db:5: bad name (check-names): 'poštovní', the mail exchanger of the MX record, is not a host name`,
    );
    expect(refused.stderr).not.toMatch(/Ã|Å/);
  });

  it("says where it looked when the zone file is missing", async () => {
    rmSync(join(zoneDir, `${DOMAIN}.db`));
    const result = await sync();
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(
      `wedos-panel sync: the panel has no zone file ${join(zoneDir, `${DOMAIN}.db`)}; check the domain and the zone directory (dns.zoneDir), or give the file with --zone-file\n`,
    );
  });

  it("needs --force for a large deletion", async () => {
    writeZone(Array.from({ length: 12 }, (_, i) => `h${i} 300 IN A 192.0.2.${i + 1}`).join("\n"));
    await sync("--apply");
    writeZone("h0 300 IN A 192.0.2.1");
    const refused = await sync("--apply");
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain(
      "not applied: the plan updates 0 of 12 existing rows (0 %) and deletes 11 (92 %); more than 30 % needs --force",
    );
    expect((await sync("--apply", "--force")).status).toBe(0);
  });

  it("applies in the DNS mode of the domain's package; --mode and --zone-file only plan", async () => {
    writeZone("www 300 IN A 192.0.2.1");
    const refused = await sync("--mode", "secondary", "--apply");
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain("--apply syncs the panel's zone in the DNS mode of the domain's package");
    const db = openDb();
    new PolicyStore(db).save("silver", policySchema.parse({ dnsMode: "secondary" }), clock.now());
    db.close();
    expect((await sync("--apply")).status).toBe(0);
    expect(sim.simulator.dump().zones.map((zone) => [zone.name, zone.type, zone.primaryIp])).toEqual([
      [DOMAIN, "secondary", "192.0.2.53"],
    ]);
  });

  it("refuses a domain that is in no account of the panel, sending nothing", async () => {
    const result = await runCliCaptured(["sync", "nowhere.test", "--apply"], env, clock);
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(
      "wedos-panel sync: nowhere.test is in no account of the panel: --apply syncs the panel's domains only (without --apply, sync plans any zone file)\n",
    );
    expect(sim.simulator.dump().requestLog).toEqual([]);
  });

  it("honours the per-domain lock: while the daemon holds a job of the domain, the apply waits in the queue for it", async () => {
    writeZone("www 300 IN A 192.0.2.1");
    expect((await sync("--apply")).status).toBe(0);
    const db = openDb();
    const daemon = new SqliteJobQueue(db, clock);
    const held = daemon.enqueue(syncZone, { domain: DOMAIN });
    expect((await daemon.claim("worker-daemon", 60_000))?.id).toBe(held);
    const before = sim.simulator.dump().requestLog.length;
    writeZone("www 300 IN A 192.0.2.9");
    const waiting = await sync("--apply");
    expect(waiting.status).toBe(1);
    expect(waiting.stderr).toMatch(
      /^wedos-panel sync: acct00001\.test was not applied yet \(another job of acct00001\.test is running\); job \d+ waits in the queue and the daemon runs it \(wedos-panel jobs\)\n$/,
    );
    expect(sim.simulator.dump().requestLog.length).toBe(before);
    expect(new JobStore(db).list({ states: ["queued"], limit: 5 }).map((job) => [job.task, job.domain])).toEqual([
      ["apply-drift", DOMAIN],
    ]);
    // Once the daemon's job is done, the next apply runs (and settles the one that waited: same key).
    expect(await daemon.complete(held, "worker-daemon")).toBe(true);
    expect((await sync("--apply")).status).toBe(0);
    expect(sim.simulator.dump().zones[0]?.rows.map((row) => row.rdata)).toEqual(["192.0.2.9"]);
    db.close();
  });

  it("sets the domain's status and keeps a refused plan for the drift page, as the daemon does", async () => {
    writeZone(Array.from({ length: 12 }, (_, i) => `h${i} 300 IN A 192.0.2.${i + 1}`).join("\n"));
    expect((await sync("--apply")).status).toBe(0);
    const db = openDb();
    const inventory = new InventoryStore(db);
    expect(inventory.domain(DOMAIN)).toMatchObject({ dnsStatus: "active", dnsReason: null });
    writeZone("h0 300 IN A 192.0.2.1");
    const refused = await sync("--apply");
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain(
      `wedos-panel sync: ${DOMAIN} is error: not applied: the plan updates 0 of 12 existing rows (0 %) and deletes 11 (92 %)`,
    );
    expect(inventory.domain(DOMAIN)?.dnsStatus).toBe("error");
    expect(new DriftStore(db).get(DOMAIN)?.refused).toContain("deletes 11 (92 %)");
    db.close();
  });

  it("flags a zone made at WEDOS outside the plugin as a conflict for an admin, and takes nothing over", async () => {
    writeZone("www 300 IN A 192.0.2.1");
    const elsewhere = openDatabase(join(tempDir(), "elsewhere.sqlite"));
    const outsider = createWapi(loadConfig(env), elsewhere, clock);
    await outsider.dns.domainAdd({ name: DOMAIN });
    await outsider.close();
    elsewhere.close();
    const result = await sync("--apply");
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(
      `wedos-panel sync: ${DOMAIN} is conflict: a zone for ${DOMAIN} already exists at WEDOS and was not created by the plugin; it is taken over once the domain's owner approves (or an admin overrides with a reason), or an admin ignores it\n`,
    );
    const db = openDb();
    expect(new ConflictStore(db).get(DOMAIN, "zone")?.resolution).toBeNull();
    db.close();
    expect(sim.simulator.dump().zones[0]?.rows).toEqual([]);
  });
});
