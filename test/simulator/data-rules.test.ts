import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { rowsOf, seedZone, startHarness, type Harness } from "./wapi-test-client.js";

/** Each case starts from example.test holding these committed rows. */
const EXISTING = [
  { name: "", ttl: 3600, type: "A", rdata: "192.0.2.1" },
  { name: "www", ttl: 3600, type: "CNAME", rdata: "example.test" },
  { name: "mail", ttl: 3600, type: "A", rdata: "192.0.2.25" },
  { name: "multi", ttl: 600, type: "TXT", rdata: "one" },
];

type Row = Record<string, unknown>;
const row = (name: unknown, type: unknown, rdata: unknown, ttl: unknown = 3600): Row => ({ name, type, rdata, ttl });

// docs/reference/wapi.md#zone-data-rules, with the codes of the DNS commands.
const ADD_CASES: Array<[string, Row, number]> = [
  ["apex A", row("", "A", "192.0.2.2"), 1000],
  ["deep name", row("_acme-challenge.www.sub", "TXT", "token"), 1000],
  ["upper-case name and type", row("Upper", "a", "192.0.2.3"), 1000],
  ["wildcard", row("*", "A", "192.0.2.4"), 1000],
  ["deeper wildcard", row("*.sub", "A", "192.0.2.4"), 1000],
  ["@ for the apex", row("@", "A", "192.0.2.5"), 2311],
  ["a wildcard not leftmost", row("sub.*", "A", "192.0.2.5"), 2311],
  ["a partial wildcard", row("*x", "A", "192.0.2.5"), 2311],
  ["two wildcards", row("*.*", "A", "192.0.2.5"), 2311],
  ["a space in the name", row("bad name", "A", "192.0.2.5"), 2311],
  ["a trailing dot in the name", row("www2.", "A", "192.0.2.5"), 2311],
  ["an empty label", row("a..b", "A", "192.0.2.5"), 2311],
  ["a label over 63 characters", row("x".repeat(64), "A", "192.0.2.5"), 2311],
  ["type PTR", row("ptr", "PTR", "host.example.net"), 2309],
  ["type HTTPS", row("h", "HTTPS", "1 . alpn=h2"), 2309],
  ["type SOA", row("", "SOA", "x"), 2309],
  ["a non-numeric TTL", row("t", "A", "192.0.2.6", "1h"), 2315],
  ["a fractional TTL", row("t", "A", "192.0.2.6", 3600.5), 2315],
  ["TTL 299", row("t", "A", "192.0.2.6", 299), 2317],
  ["TTL 172801", row("t", "A", "192.0.2.6", "172801"), 2317],
  ["TTL 300 as a string", row("t", "A", "192.0.2.6", "300"), 1000],
  ["TTL 172800", row("t", "A", "192.0.2.6", 172_800), 1000],
  ["A with an IPv6 address", row("v", "A", "2001:db8::1"), 2314],
  ["A with a short address", row("v", "A", "192.0.2"), 2314],
  ["AAAA", row("v6", "AAAA", "2001:db8::1"), 1000],
  ["AAAA with an IPv4 address", row("v6", "AAAA", "192.0.2.1"), 2314],
  ["CNAME with a trailing dot", row("alias", "CNAME", "target.example.net."), 2314],
  ["CNAME to a single label", row("alias", "CNAME", "localhost"), 2314],
  ["CNAME", row("alias", "CNAME", "target.example.net"), 1000],
  ["MX", row("", "MX", "10 mail.example.test"), 1000],
  ["MX without a preference", row("", "MX", "mail.example.test"), 2314],
  ["MX with a trailing dot", row("", "MX", "10 mail.example.test."), 2314],
  ["MX with two spaces", row("", "MX", "10  mail.example.test"), 2314],
  ["SRV", row("_sip._tcp", "SRV", "10 5 5060 sip.example.test"), 1000],
  ["SRV with a port too large", row("_sip._tcp", "SRV", "10 5 70000 sip.example.test"), 2314],
  ["SRV with a trailing dot", row("_sip._tcp", "SRV", "10 5 5060 sip.example.test."), 2314],
  ["SRV not named _service._proto", row("sip", "SRV", "10 5 5060 sip.example.test"), 2312],
  ["NS for a subdomain", row("sub", "NS", "ns1.example.net"), 1000],
  ["NS at the apex", row("", "NS", "ns1.example.net"), 2312],
  ["NS with a trailing dot", row("sub", "NS", "ns1.example.net."), 2314],
  ["CAA", row("", "CAA", '0 issue "letsencrypt.org"'), 1000],
  ["CAA without quotes", row("", "CAA", "0 issue letsencrypt.org"), 2314],
  ["SSHFP", row("host", "SSHFP", `4 2 ${"ab".repeat(32)}`), 1000],
  ["SSHFP with a wrong digest length", row("host", "SSHFP", `4 2 ${"ab".repeat(20)}`), 2314],
  ["TLSA", row("_443._tcp", "TLSA", `3 1 1 ${"cd".repeat(32)}`), 1000],
  ["TLSA with usage 4", row("_443._tcp", "TLSA", `4 1 1 ${"cd".repeat(32)}`), 2314],
  ["TXT over 255 bytes (allowed by default)", row("dkim", "TXT", "k".repeat(400)), 1000],
  ["TXT over txtMaxLength", row("dkim", "TXT", "k".repeat(4097)), 2314],
  ["an empty TXT", row("empty", "TXT", ""), 2314],
  ["CNAME at the apex", row("", "CNAME", "target.example.net"), 2313],
  ["CNAME beside an A", row("mail", "CNAME", "target.example.net"), 2313],
  ["an A beside a CNAME", row("www", "A", "192.0.2.7"), 2313],
  ["a second CNAME at a name", row("www", "CNAME", "other.example.net"), 2313],
  ["an identical record", row("mail", "A", "192.0.2.25"), 2316],
  ["an identical record differing in case", row("WWW", "CNAME", "EXAMPLE.test"), 2316],
  ["an identical record with another TTL", row("mail", "A", "192.0.2.25", 7200), 2316],
  ["a TTL differing from its RRset", row("multi", "TXT", "two", 3600), 2317],
  ["a TTL matching its RRset", row("multi", "TXT", "two", 600), 1000],
  ["no rdata", { name: "x", type: "A", ttl: 3600 }, 2100],
  ["no name", { type: "A", ttl: 3600, rdata: "192.0.2.1" }, 2100],
];

let harness: Harness;
afterEach(() => harness.close());

describe("dns-row-add enforces the data rules", () => {
  beforeEach(async () => {
    harness = await startHarness();
    await seedZone(harness, "example.test", EXISTING);
  });

  it.each(ADD_CASES)("%s → %i", async (_label, data, code) => {
    const answer = await harness.call("dns-row-add", { domain: "example.test", ...data });
    expect(answer.response.code).toBe(code);
    const rows = rowsOf(await harness.call("dns-rows-list", { domain: "example.test" }));
    expect(rows).toHaveLength(EXISTING.length + (code === 1000 ? 1 : 0));
  });
});

describe("switches for the lenient and stricter variants", () => {
  it("allows mixed TTLs in an RRset when strictTtl is off", async () => {
    harness = await startHarness({ strictTtl: false });
    await seedZone(harness, "example.test", EXISTING);
    const answer = await harness.call("dns-row-add", { domain: "example.test", ...row("multi", "TXT", "two") });
    expect(answer.response.code).toBe(1000);
  });

  it("rejects TXT over 255 bytes with 2314 when rejectLongTxtStrings is on", async () => {
    harness = await startHarness({ rejectLongTxtStrings: true });
    await seedZone(harness, "example.test");
    const add = (length: number) =>
      harness.call("dns-row-add", { domain: "example.test", ...row(`t${length}`, "TXT", "é".repeat(length / 2)) });
    expect((await add(254)).response.code).toBe(1000);
    expect((await add(256)).response.code).toBe(2314);
  });

  it("stores TXT up to txtMaxLength verbatim", async () => {
    harness = await startHarness({ txtMaxLength: 2048 });
    await seedZone(harness, "example.test");
    const value = `v=DKIM1; p=${"A".repeat(2000)}`;
    expect(
      (await harness.call("dns-row-add", { domain: "example.test", ...row("k", "TXT", value) })).response.code,
    ).toBe(1000);
    expect(rowsOf(await harness.call("dns-rows-list", { domain: "example.test" }))[0]?.["rdata"]).toBe(value);
    const tooLong = row("k2", "TXT", "A".repeat(2049));
    expect((await harness.call("dns-row-add", { domain: "example.test", ...tooLong })).response.code).toBe(2314);
  });

  it("limits rows per zone with 2310", async () => {
    harness = await startHarness({ rowLimit: 2 });
    await seedZone(harness, "example.test", EXISTING.slice(0, 2));
    const answer = await harness.call("dns-row-add", { domain: "example.test", ...row("x", "A", "192.0.2.9") });
    expect(answer.response.code).toBe(2310);
  });
});
