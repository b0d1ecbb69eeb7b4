import { afterEach, describe, expect, it } from "vitest";
import { parseZoneFile } from "../../src/dns/index.js";
import {
  parseRaw,
  seedTenants,
  startProvisionedHarness,
  startWebHarness,
  visitMainPage,
  type WebHarness,
} from "./support.js";

/**
 * The domain page's own parts: the summary of what WEDOS holds, the SOA and NS as WEDOS serves them,
 * the panel's DNS editor, copy buttons for the name servers, and pointers shown as aliases — all from what the
 * plugin stores, without a WAPI request.
 */
let h: WebHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

async function seeded(): Promise<WebHarness> {
  h = await startWebHarness();
  await seedTenants(h);
  return h;
}

const atWedos = (html: string) =>
  /<p class="wedos-at-wedos"><span class="wedos-status wedos-status-(\w+)">([^<]*)</.exec(html);
const tableRows = (html: string) => [...html.matchAll(/<tr class="wedos-record-([a-z-]+)">/g)].map((match) => match[1]);

describe("the summary of the records at WEDOS", () => {
  it("counts the records WEDOS holds, waiting and not accepted, without WEDOS's own SOA and NS", async () => {
    const h = await seeded();
    const zone = parseZoneFile(
      [
        "$TTL 3600",
        "@ SOA ns1.alice.test. h.alice.test. 1 2 3 4 5",
        "@ NS ns1.alice.test.",
        "ns1 A 192.0.2.1",
        '@ NAPTR 100 10 "U" "E2U+sip" "!^.*$!sip:info@alice.test!" .',
        "",
      ].join("\n"),
      { origin: "alice.test" },
    );
    const naptr = zone.records.filter((each) => each.type === "NAPTR");
    for (const record of naptr) await h.da.addRecord("alice.test", record);
    h.services.tasks.zones.rememberZone("alice.test", "primary", true, h.clock.now());
    h.services.tasks.zones.replaceManagedRows(
      "alice.test",
      [{ rowId: "7", name: "www", type: "A", ttl: 3600, rdata: "192.0.2.10", origin: "created" }],
      h.clock.now(),
    );
    const html = await visitMainPage(h, "user", "html", "/domains/alice.test");
    const states = tableRows(html);
    const sent = states.filter((state) => state !== "by-wedos").length;
    const waiting = states.filter((state) => state === "pending").length;
    expect(states.filter((state) => state === "in-sync")).toHaveLength(1);
    expect(waiting).toBeGreaterThan(0);
    expect(atWedos(html)?.[1]).toBe("pending");
    expect(atWedos(html)?.[2]).toBe(
      `1 of ${sent} records at WEDOS; ${waiting} waiting for the next sync; 1 not accepted (the table says why)`,
    );
    const czech = await visitMainPage(h, "user", "html", "/domains/alice.test", "cs");
    expect(atWedos(czech)?.[2]).toBe(
      `Záznamy ve WEDOS: 1 z ${sent}; na další synchronizaci čeká: ${waiting}; nepřijato: 1 (proč, uvádí tabulka)`,
    );
    expect(h.services.wapi.calls.latest(10)).toEqual([]);
  });

  it("says all of them are at WEDOS once a sync put them there", async () => {
    h = await startProvisionedHarness();
    const calls = h.services.wapi.calls.latest(1000).length;
    const html = await visitMainPage(h, "user", "html", "/domains/alice.test");
    const sent = tableRows(html).filter((state) => state !== "by-wedos").length;
    expect(sent).toBeGreaterThan(5);
    expect(atWedos(html)?.slice(1)).toEqual(["active", `${sent} of ${sent} records at WEDOS`]);
    expect(h.services.wapi.calls.latest(1000)).toHaveLength(calls);
  });
});

describe("the SOA and NS rows", () => {
  it("show what WEDOS serves for every zone, first, and not the panel's own SOA and name servers", async () => {
    const h = await seeded();
    const html = await visitMainPage(h, "user", "html", "/domains/alice.test");
    const served = [
      ...html.matchAll(
        /<tr class="wedos-record-by-wedos">\s*<td data-label="Name">@<\/td><td data-label="Type">(SOA|NS)<\/td><td data-label="TTL"><\/td>\s*<td class="wedos-value" data-label="Value">([^<]*)<\/td>/g,
      ),
    ].map((match) => `${match[1]} ${match[2]}`);
    expect(served).toEqual([
      "SOA ns.wedos.net. wedos.wedos.com. … 3600 1800 2592000 3600",
      "NS ns.wedos.net.",
      "NS ns.wedos.cz.",
      "NS ns.wedos.eu.",
      "NS ns.wedos.com.",
    ]);
    expect(tableRows(html).slice(0, 5)).toEqual(Array(5).fill("by-wedos"));
    expect(html).toContain("WEDOS writes this SOA for every zone and raises its serial (…) itself with each change");
    expect(html).toContain("WEDOS answers for the zone from its own name servers");
    // The panel's template SOA (hostmaster.alice.test.) and its name servers are nowhere in the table.
    expect(html).not.toMatch(/<td class="wedos-value" data-label="Value">[^<]*hostmaster\.alice\.test/);
    expect(html).not.toMatch(
      /<td data-label="Name">@<\/td><td data-label="Type">NS<\/td><td data-label="TTL">\d+<\/td>/,
    );
    expect(h.services.wapi.calls.latest(10)).toEqual([]);
  });
});

describe("the link to the panel's DNS editor", () => {
  it("opens the account's DNS Management, the admin's DNS Administration, or says who edits the zone", async () => {
    const h = await seeded();
    const user = await visitMainPage(h, "user", "html", "/domains/alice.test");
    expect(user).toContain(
      '<p class="wedos-dns-editor"><a href="/CMD_DNS_CONTROL?domain=alice.test" target="_top">Edit the records of alice.test in DirectAdmin&#39;s DNS Management</a></p>',
    );
    const admin = await visitMainPage(h, "admin", "html", "/domains/carol.test");
    expect(admin).toContain('<a href="/CMD_DNS_ADMIN?domain=carol.test" target="_top">');
    const reseller = await visitMainPage(h, "reseller", "html", "/domains/bob.test");
    expect(reseller).toContain(
      '<p class="wedos-dns-editor">The records are edited in DirectAdmin by the account bob: log in as bob to change them.</p>',
    );
    const czech = await visitMainPage(h, "user", "html", "/domains/alice.test", "cs");
    expect(czech).toContain("Upravit záznamy domény alice.test ve Správě DNS v DirectAdminu</a>");
  });
});

describe("the name servers' copy buttons", () => {
  it("come hidden, one per name server and one for all, shown by the page's script where scripts run", async () => {
    const h = await seeded();
    const html = await visitMainPage(h, "user", "html", "/domains/alice.test");
    const button = /<button type="button" class="wedos-secondary wedos-copy" data-copy="([^"]*)" hidden>/g;
    const buttons = [...html.matchAll(button)];
    expect(buttons.map((match) => match[1])).toEqual([
      "ns.wedos.net",
      "ns.wedos.cz",
      "ns.wedos.eu",
      "ns.wedos.com",
      "ns.wedos.net\nns.wedos.cz\nns.wedos.eu\nns.wedos.com",
    ]);
    expect(html).toContain('data-copied="Copied"');
    // An embedded page carries no script (the skin decides what runs): its buttons stay hidden.
    expect(html).not.toContain("copy.js");

    const session = h.da.login("alice");
    const visit = await h.visit({ level: "user", file: "index.raw", session, query: "p=/domains/alice.test" });
    const raw = parseRaw(visit.stdout);
    const nonce = /script-src 'nonce-([^']+)'/.exec(raw.headers.get("content-security-policy") ?? "")?.[1];
    expect(raw.body).toContain(`<script nonce="${nonce}" src="/CMD_PLUGINS/wedos/images/copy.js" defer></script>`);
    const czech = await visitMainPage(h, "user", "html", "/domains/alice.test", "cs");
    expect(czech).toContain('data-copied="Zkopírováno"');
    expect(czech).toContain(">Kopírovat vše</button>");
  });
});

describe("pointers", () => {
  it("are shown as aliases of their domain, each way, within the visitor's scope", async () => {
    const h = await seeded();
    await h.da.createPointer("alice", "alice.test", "alias.test");
    h.services.ingest();
    const domain = await visitMainPage(h, "user", "html", "/domains/alice.test");
    expect(domain).toMatch(
      /<dt>Aliases \(pointers\)<\/dt><dd class="wedos-aliases"><a href="\/CMD_PLUGINS\/wedos\/index\.html\?p=%2Fdomains%2Falias\.test">alias\.test<\/a><\/dd>/,
    );
    const pointer = await visitMainPage(h, "user", "html", "/domains/alias.test");
    expect(pointer).toMatch(
      /<dt>Alias of<\/dt><dd><a href="\/CMD_PLUGINS\/wedos\/index\.html\?p=%2Fdomains%2Falice\.test">alice\.test<\/a>/,
    );
    expect(pointer).toContain("it shows the same site as alice.test");
    const czech = await visitMainPage(h, "user", "html", "/domains/alias.test", "cs");
    expect(czech).toContain("<dt>Alias domény</dt>");
    // A domain without pointers says so; another account's pointer is not among them.
    const bob = await visitMainPage(h, "reseller", "html", "/domains/bob.test");
    expect(bob).toContain('<dd class="wedos-aliases">none</dd>');
    const reseller = await visitMainPage(h, "reseller", "html", "/domains/alice.test");
    expect(reseller).toContain(">alias.test</a></dd>");
  });
});
