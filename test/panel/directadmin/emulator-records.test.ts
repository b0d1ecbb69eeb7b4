import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { parseZoneFile, type DnsRecord } from "../../../src/dns/index.js";
import { parseDnsWriteEnv } from "../../../src/panel/directadmin/dns-write-env.js";
import { ALICE, drainSpool, eventsOf, startEmulator } from "./support.js";

const ZONE = "alice.test";
const NS: DnsRecord[] = [
  { name: ZONE, type: "NS", ttl: 3600, data: { target: "ns1.da.example.net" } },
  { name: ZONE, type: "NS", ttl: 3600, data: { target: "ns2.da.example.net" } },
];
// Values that break naive hook-env parsing: & and = split pairs, % looks like an escape, + is not a space.
const TRICKY = 'v=DKIM1; k=rsa; p=MIGf+MA0/GCSq==&x=50% "quoted"';

const RECORDS: DnsRecord[] = [
  ...NS,
  { name: ZONE, type: "A", ttl: 300, data: { address: "192.0.2.20" } },
  { name: `www.${ZONE}`, type: "AAAA", ttl: 600, data: { address: "2001:db8::20" } },
  { name: `ftp.${ZONE}`, type: "CNAME", ttl: 3600, data: { target: `www.${ZONE}` } },
  { name: ZONE, type: "MX", ttl: 3600, data: { preference: 5, exchange: "mx.example.net" } },
  { name: `sel._domainkey.${ZONE}`, type: "TXT", ttl: 3600, data: { strings: [TRICKY] } },
  {
    name: `_sip._tcp.${ZONE}`,
    type: "SRV",
    ttl: 3600,
    data: { priority: 10, weight: 60, port: 5060, target: `sip.${ZONE}` },
  },
  { name: ZONE, type: "CAA", ttl: 3600, data: { flags: 0, tag: "issue", value: "letsencrypt.org" } },
];

/** The records in the zone file, SOA aside. */
function zoneRecords(file: string): DnsRecord[] {
  return parseZoneFile(readFileSync(file), { origin: ZONE }).records.filter((record) => record.type !== "SOA");
}

function serialOf(file: string): number | undefined {
  const soa = parseZoneFile(readFileSync(file), { origin: ZONE }).records.find((record) => record.type === "SOA");
  return soa?.type === "SOA" ? soa.data.serial : undefined;
}

async function withAlice() {
  const harness = startEmulator();
  await harness.da.createUser(ALICE);
  drainSpool(harness.dataDir);
  return harness;
}

describe("EmulatedDirectAdmin: zone records", () => {
  test("setRecords rewrites the zone, bumps the serial and sends the records through dns_write_post intact", async () => {
    const { da, layout, dataDir } = await withAlice();
    const runs = await da.setRecords(ZONE, RECORDS);
    expect(runs.map((run) => [run.hook, run.exitCode, run.output])).toEqual([
      ["dns_write_post", 0, "WEDOS DNS: queued\n"],
    ]);
    expect(serialOf(layout.zoneFile(ZONE))).toBe(2026031002);
    expect(zoneRecords(layout.zoneFile(ZONE))).toEqual(expect.arrayContaining(RECORDS));
    expect(zoneRecords(layout.zoneFile(ZONE))).toHaveLength(RECORDS.length);

    const [spooled] = drainSpool(dataDir);
    expect(spooled!.env).toMatchObject({ A_TIME: "300", AAAA_TIME: "600", MX: "alice.test.=5", PTR: "", DS: "" });
    expect(spooled!.env.TXT).toContain("sel._domainkey=");
    expect(spooled!.env.TXT).not.toContain("&x=");
    const read = parseDnsWriteEnv(spooled!.env);
    expect(read.problems).toEqual([]);
    expect(read.records).toEqual(expect.arrayContaining(RECORDS));
    expect(read.records).toHaveLength(RECORDS.length);
    expect(eventsOf([spooled!])).toEqual([
      { kind: "zone-written", domain: ZONE, env: expect.objectContaining({ TXT: spooled!.env.TXT }) },
    ]);
  });

  test("a SOA given to setRecords is ignored: the zone keeps its own, with the next serial", async () => {
    const { da, layout, clock } = await withAlice();
    clock.advance(2 * 86_400_000);
    const foreignSoa: DnsRecord = {
      name: ZONE,
      type: "SOA",
      ttl: 60,
      data: { mname: "x.test", rname: "y.test", serial: 7, refresh: 1, retry: 1, expire: 1, minimum: 1 },
    };
    await da.setRecords(ZONE, [foreignSoa, ...NS]);
    expect(serialOf(layout.zoneFile(ZONE))).toBe(2026031201);
    expect(readFileSync(layout.zoneFile(ZONE), "utf8")).toContain("hostmaster.alice.test.");
    expect(zoneRecords(layout.zoneFile(ZONE))).toEqual(NS);
  });

  test("addRecord and deleteRecord each change one record and run dns_write_post", async () => {
    const { da, layout, dataDir } = await withAlice();
    const record: DnsRecord = { name: `new.${ZONE}`, type: "A", ttl: 3600, data: { address: "192.0.2.99" } };
    await da.addRecord(ZONE, record);
    expect(zoneRecords(layout.zoneFile(ZONE))).toContainEqual(record);
    await da.deleteRecord(ZONE, { ...record, ttl: 1 });
    expect(zoneRecords(layout.zoneFile(ZONE))).not.toContainEqual(record);
    expect(serialOf(layout.zoneFile(ZONE))).toBe(2026031003);
    const written = drainSpool(dataDir);
    expect(written.map((event) => event.hook)).toEqual(["dns_write_post", "dns_write_post"]);
    expect(written[0]!.env.A).toContain("new=192.0.2.99");
    expect(written[1]!.env.A).not.toContain("new=");
  });

  test("refusals: deleting a record that is not there, editing a zone the server does not have", async () => {
    const { da, dataDir } = await withAlice();
    await expect(
      da.deleteRecord(ZONE, { name: `nope.${ZONE}`, type: "A", ttl: 3600, data: { address: "192.0.2.1" } }),
    ).rejects.toThrow("alice.test has no A record at nope.alice.test like that");
    await expect(da.setRecords("other.test", NS)).rejects.toThrow("other.test has no zone on this server");
    expect(drainSpool(dataDir)).toEqual([]);
  });
});
