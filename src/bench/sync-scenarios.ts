import { domainToASCII } from "node:url";
import { parseZoneFile, type DnsRecord } from "../dns/index.js";

/**
 * The narrative scenario battery (docs/reference/dns-sync.md#acceptance-scenarios), shared by
 * the tests (test/sync/battery.test.ts) and `npm run bench`: each group starts from an empty zone and walks
 * through complete desired states of the panel's zone.
 */
export interface ScenarioStep {
  name: string;
  zone: string;
  /** The WEDOS write requests the step must take, in order (the minimum under WEDOS's rules). */
  writes: string[];
}

const DKIM = `v=DKIM1; k=rsa; p=${"MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAz".repeat(9)}+/==`;
const idn = (name: string) => domainToASCII(name);
const split = (text: string) =>
  text
    .match(/.{1,200}/g)
    ?.map((part) => `"${part}"`)
    .join(" ") ?? '""';

export const SCENARIO_GROUPS: Record<string, ScenarioStep[]> = {
  "A record": [
    {
      name: "create",
      zone: "testa 300 IN A 192.0.2.1",
      writes: ["dns-domain-add", "dns-row-add", "dns-domain-commit"],
    },
    { name: "change value", zone: "testa 300 IN A 192.0.2.3", writes: ["dns-row-update", "dns-domain-commit"] },
  ],
  apex: [
    { name: "create", zone: "@ 300 IN A 192.0.2.2", writes: ["dns-domain-add", "dns-row-add", "dns-domain-commit"] },
    { name: "change value", zone: "@ 300 IN A 192.0.2.4", writes: ["dns-row-update", "dns-domain-commit"] },
  ],
  wildcard: [
    {
      name: "create",
      zone: "* 300 IN A 192.0.2.3\nwww 300 IN A 192.0.2.5",
      writes: ["dns-domain-add", "dns-row-add", "dns-row-add", "dns-domain-commit"],
    },
    { name: "delete the wildcard", zone: "www 300 IN A 192.0.2.5", writes: ["dns-row-delete", "dns-domain-commit"] },
    {
      name: "deeper wildcard",
      zone: "www 300 IN A 192.0.2.5\n*.dev 300 IN A 192.0.2.6",
      writes: ["dns-row-add", "dns-domain-commit"],
    },
  ],
  CNAME: [
    {
      name: "create",
      zone: "testcname 300 IN CNAME www.example.org.",
      writes: ["dns-domain-add", "dns-row-add", "dns-domain-commit"],
    },
    {
      name: "change target",
      zone: "testcname 300 IN CNAME www.example.net.",
      writes: ["dns-row-update", "dns-domain-commit"],
    },
    {
      name: "replace with an A",
      zone: "testcname 300 IN A 192.0.2.7",
      writes: ["dns-row-delete", "dns-row-add", "dns-domain-commit"],
    },
    {
      name: "and back to a CNAME",
      zone: "testcname 300 IN CNAME www.example.net.",
      writes: ["dns-row-delete", "dns-row-add", "dns-domain-commit"],
    },
    {
      name: "in-zone target",
      zone: "testcname 300 IN CNAME www\nwww 300 IN A 192.0.2.8",
      writes: ["dns-row-update", "dns-row-add", "dns-domain-commit"],
    },
  ],
  MX: [
    {
      name: "create at apex",
      zone: "@ 300 IN MX 5 mx1.example.org.",
      writes: ["dns-domain-add", "dns-row-add", "dns-domain-commit"],
    },
    {
      name: "change apex target",
      zone: "@ 300 IN MX 5 mx2.example.org.",
      writes: ["dns-row-update", "dns-domain-commit"],
    },
    {
      name: "move to a label",
      zone: "testmx 300 IN MX 5 mx1.example.org.",
      writes: ["dns-row-delete", "dns-row-add", "dns-domain-commit"],
    },
    {
      name: "change target",
      zone: "testmx 300 IN MX 5 mx2.example.org.",
      writes: ["dns-row-update", "dns-domain-commit"],
    },
    {
      name: "change preference",
      zone: "testmx 300 IN MX 100 mx2.example.org.",
      writes: ["dns-row-update", "dns-domain-commit"],
    },
    {
      name: "second exchanger",
      zone: "testmx 300 IN MX 100 mx2.example.org.\ntestmx 300 IN MX 200 mx3.example.org.",
      writes: ["dns-row-add", "dns-domain-commit"],
    },
  ],
  TXT: [
    {
      name: "create",
      zone: 'testtxt 300 IN TXT "simple"',
      writes: ["dns-domain-add", "dns-row-add", "dns-domain-commit"],
    },
    { name: "change", zone: 'testtxt 300 IN TXT "changed"', writes: ["dns-row-update", "dns-domain-commit"] },
    {
      name: "quotes, backslashes, + & = %",
      zone: 'testtxt 300 IN TXT "say \\"hi\\" C:\\\\dir a+b&c=d%20e"',
      writes: ["dns-row-update", "dns-domain-commit"],
    },
    {
      name: "a 2048-bit DKIM key in several strings",
      zone: `mail._domainkey 300 IN TXT ( ${split(DKIM)} )`,
      writes: ["dns-row-delete", "dns-row-add", "dns-domain-commit"],
    },
    {
      name: "SPF and DMARC beside it",
      zone: `mail._domainkey 300 IN TXT ( ${split(DKIM)} )\n@ 300 IN TXT "v=spf1 a mx ~all"\n_dmarc 300 IN TXT "v=DMARC1; p=none"`,
      writes: ["dns-row-add", "dns-row-add", "dns-domain-commit"],
    },
    {
      name: "UTF-8 text",
      zone: '@ 300 IN TXT "v=spf1 a mx ~all"\ngreeting 300 IN TXT "Dobrý den, žluťoučký kůň"',
      writes: ["dns-row-delete", "dns-row-delete", "dns-row-add", "dns-domain-commit"],
    },
  ],
  "TTL of one record": [
    {
      name: "create",
      zone: "testa 333 IN A 192.0.2.1",
      writes: ["dns-domain-add", "dns-row-add", "dns-domain-commit"],
    },
    { name: "change TTL", zone: "testa 999 IN A 192.0.2.1", writes: ["dns-row-update", "dns-domain-commit"] },
  ],
  "TTL across sets": [
    {
      name: "start",
      zone: "@ 666 IN A 192.0.2.8\nwww IN A 192.0.2.10\nwww IN A 192.0.2.11",
      writes: ["dns-domain-add", "dns-row-add", "dns-row-add", "dns-row-add", "dns-domain-commit"],
    },
    {
      name: "change apex TTL",
      zone: "@ 1000 IN A 192.0.2.8\nwww IN A 192.0.2.10\nwww IN A 192.0.2.11",
      writes: ["dns-row-update", "dns-domain-commit"],
    },
    {
      name: "change one value of a set",
      zone: "@ 1000 IN A 192.0.2.8\nwww IN A 192.0.2.12\nwww IN A 192.0.2.11",
      writes: ["dns-row-update", "dns-domain-commit"],
    },
    // WEDOS needs one TTL per set: a set of two is replaced (deleted and added again) in the same commit.
    {
      name: "change all TTLs",
      zone: "@ 500 IN A 192.0.2.8\nwww 400 IN A 192.0.2.12\nwww 400 IN A 192.0.2.11",
      writes: ["dns-row-delete", "dns-row-delete", "dns-row-update", "dns-row-add", "dns-row-add", "dns-domain-commit"],
    },
  ],
  "several records at one name": [
    {
      name: "three addresses",
      zone: "pool 300 IN A 192.0.2.1\npool 300 IN A 192.0.2.2\npool 300 IN A 192.0.2.3",
      writes: ["dns-domain-add", "dns-row-add", "dns-row-add", "dns-row-add", "dns-domain-commit"],
    },
    {
      name: "drop one, add two",
      zone: "pool 300 IN A 192.0.2.1\npool 300 IN A 192.0.2.3\npool 300 IN A 192.0.2.4\npool 300 IN A 192.0.2.5",
      writes: ["dns-row-update", "dns-row-add", "dns-domain-commit"],
    },
    {
      name: "add IPv6 beside them",
      zone: "pool 300 IN A 192.0.2.1\npool 300 IN A 192.0.2.3\npool 300 IN A 192.0.2.4\npool 300 IN A 192.0.2.5\npool 300 IN AAAA 2001:db8::1",
      writes: ["dns-row-add", "dns-domain-commit"],
    },
  ],
  "other types": [
    {
      name: "AAAA, SRV, CAA, TLSA, SSHFP, delegation NS",
      zone: [
        "v6 300 IN AAAA 2001:db8:0:0::10",
        "_sip._tcp 300 IN SRV 10 60 5060 sip.example.org.",
        '@ 300 IN CAA 0 issue "letsencrypt.org"',
        "_443._tcp.www 300 IN TLSA 3 1 1 0C72AC70B745AC19998811B131D662C9AC69DBDBE7CB23E5B514B56664C5D3D6",
        "host 300 IN SSHFP 4 2 123456789ABCDEF67890123456789ABCDEF67890123456789ABCDEF12345678A",
        "sub 300 IN NS ns1.other.example.",
      ].join("\n"),
      writes: [
        "dns-domain-add",
        "dns-row-add",
        "dns-row-add",
        "dns-row-add",
        "dns-row-add",
        "dns-row-add",
        "dns-row-add",
        "dns-domain-commit",
      ],
    },
    {
      name: "modify each",
      zone: [
        "v6 300 IN AAAA 2001:db8::11",
        "_sip._tcp 300 IN SRV 20 60 5061 sip.example.org.",
        '@ 300 IN CAA 0 issuewild "letsencrypt.org"',
        "_443._tcp.www 300 IN TLSA 3 1 1 1C72AC70B745AC19998811B131D662C9AC69DBDBE7CB23E5B514B56664C5D3D6",
        "host 300 IN SSHFP 4 2 023456789ABCDEF67890123456789ABCDEF67890123456789ABCDEF12345678A",
        "sub 300 IN NS ns2.other.example.",
      ].join("\n"),
      writes: [
        "dns-row-update",
        "dns-row-update",
        "dns-row-update",
        "dns-row-update",
        "dns-row-update",
        "dns-row-update",
        "dns-domain-commit",
      ],
    },
  ],
  // Zone files carry IDNs in punycode (BIND's check-names refuses raw UTF-8 owners).
  "IDN names": [
    {
      name: "create",
      zone: `${idn("kůň")} 300 IN A 192.0.2.1\nshop 300 IN CNAME ${idn("obchod.příklad.example")}.`,
      writes: ["dns-domain-add", "dns-row-add", "dns-row-add", "dns-domain-commit"],
    },
    {
      name: "change",
      zone: `${idn("kůň")} 300 IN A 192.0.2.2\nshop 300 IN CNAME ${idn("obchod.příklad.example")}.`,
      writes: ["dns-row-update", "dns-domain-commit"],
    },
  ],
};

/** The panel's zone as DirectAdmin would write it: SOA and apex NS, then the records of the step. */
export function panelZone(body: string, zone = "example.test"): DnsRecord[] {
  const text = `$TTL 3600\n@ IN SOA ns1.example.net. hostmaster.example.net. 2026031001 3600 900 1209600 300\n@ IN NS ns1.example.net.\n@ IN NS ns2.example.net.\n${body}\n`;
  return parseZoneFile(text, { origin: zone }).records;
}
