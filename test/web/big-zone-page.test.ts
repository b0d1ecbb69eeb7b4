import { writeFileSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { seedTenants, startWebHarness, type WebHarness } from "./support.js";
import { bigZone, gatedPacing, leaveAlone } from "./zone-support.js";

let h: WebHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

async function harness(options: Parameters<typeof startWebHarness>[0] = {}): Promise<WebHarness> {
  h = await startWebHarness(options);
  await seedTenants(h);
  return h;
}

function writeZone(h: WebHarness, domain: string, text: string): void {
  writeFileSync(h.da.layout.zoneFile(domain), text);
  leaveAlone(h.da.layout.zoneFile(domain));
}

const rowsOf = (html: string) =>
  [...html.matchAll(/<tr class="wedos-record-[a-z-]+">\s*<td data-label="Name">([^<]*)<\/td>/g)].map(
    (match) => match[1],
  );
const decode = (href: string) => href.replaceAll("&amp;", "&");

describe("a big zone's domain page", () => {
  it("shows the records a hundred at a time, with links to the pages before and after", async () => {
    const h = await harness();
    writeZone(h, "alice.test", bigZone("alice.test", 250));
    const visit = (query: string) =>
      h.visit({ level: "user", session: h.da.login("alice"), query: `p=/domains/alice.test${query}` });

    const first = (await visit("")).stdout;
    expect(rowsOf(first)).toHaveLength(100);
    expect(first).toContain("Records 1–100 of 256");
    expect(first).not.toContain('rel="prev"');
    const next = first.match(/<a href="([^"]+)" rel="next">Next page<\/a>/)?.[1];
    expect(decode(next ?? "")).toBe("/CMD_PLUGINS/wedos/index.html?p=%2Fdomains%2Falice.test&page=2");

    const last = (await visit("&page=3")).stdout;
    expect(last).toContain("Records 201–256 of 256");
    expect(rowsOf(last)).toHaveLength(56);
    expect(last).toContain('rel="prev"');
    expect(last).not.toContain('rel="next"');
    // A page past the end shows the last one; a page that is not a number, the first.
    expect((await visit("&page=99")).stdout).toContain("Records 201–256 of 256");
    expect((await visit("&page=-1")).stdout).toContain("Records 1–100 of 256");
    expect(h.web.zoneRecords.counts).toEqual({ parses: 1, hits: 3 });
  });

  it("finds records by name, type or value and by state, keeping the search in the page links", async () => {
    const h = await harness();
    writeZone(h, "alice.test", bigZone("alice.test", 250));
    h.services.tasks.zones.rememberZone("alice.test", "primary", true, h.clock.now());
    h.services.tasks.zones.replaceManagedRows(
      "alice.test",
      [{ rowId: "1", name: "h12", type: "A", ttl: 3600, rdata: "192.0.0.12", origin: "created" }],
      h.clock.now(),
    );
    const visit = (query: string) =>
      h.visit({ level: "user", session: h.da.login("alice"), query: `p=/domains/alice.test${query}` });

    const byName = (await visit("&q=H12")).stdout;
    expect(rowsOf(byName)).toEqual([
      "h12",
      "h120",
      "h121",
      "h122",
      "h123",
      "h124",
      "h125",
      "h126",
      "h127",
      "h128",
      "h129",
    ]);
    expect(byName).toContain("Records 1–11 of the 11 that match (256 in the zone)");
    expect(byName).toContain('name="q" value="H12"');
    expect(rowsOf((await visit("&q=192.0.0.20")).stdout)).toEqual([
      "h20",
      "h200",
      "h201",
      "h202",
      "h203",
      "h204",
      "h205",
      "h206",
      "h207",
      "h208",
      "h209",
    ]);
    // WEDOS's SOA and its four NS by value and type (they stand first, as WEDOS serves them), and ns1 by its name;
    // the panel's own SOA and NS (ns1.alice.test.) are not what WEDOS serves, so they are not shown.
    expect(rowsOf((await visit("&q=ns")).stdout)).toEqual(["@", "@", "@", "@", "@", "ns1"]);
    expect((await visit("&q=ns1.alice.test")).stdout).toContain("No record matches");
    expect(rowsOf((await visit("&state=in-sync")).stdout)).toEqual(["h12"]);
    expect(rowsOf((await visit("&q=h1&state=in-sync")).stdout)).toEqual(["h12"]);

    const many = (await visit("&q=h1")).stdout;
    expect(decode(many.match(/<a href="([^"]+)" rel="next">/)?.[1] ?? "")).toBe(
      "/CMD_PLUGINS/wedos/index.html?p=%2Fdomains%2Falice.test&q=h1&page=2",
    );
    const none = (await visit("&q=nothing-like-this")).stdout;
    expect(none).toContain("No record matches; change or clear the search.");
    expect(rowsOf(none)).toEqual([]);
  });

  it("escapes the search it shows again, and ignores a state it does not know", async () => {
    const h = await harness();
    writeZone(h, "alice.test", bigZone("alice.test", 5));
    const { stdout } = await h.visit({
      level: "user",
      session: h.da.login("alice"),
      query: `p=/domains/alice.test&q=${encodeURIComponent('"><script>alert(1)</script>')}&state=${encodeURIComponent("<b>")}`,
    });
    expect(stdout).toContain('value="&#34;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"');
    expect(stdout).not.toContain("<script>alert(1)");
    expect(stdout).not.toContain("<b>");
    expect(stdout).toContain("No record matches");
  });

  it("is searched with a GET form that carries the page in p, so it needs no CSRF token and changes nothing", async () => {
    const h = await harness();
    writeZone(h, "alice.test", bigZone("alice.test", 5));
    const queued = () => h.services.queue.list({ states: ["queued"], limit: 50 });
    const before = queued();
    const { stdout } = await h.visit({
      level: "user",
      session: h.da.login("alice"),
      query: "p=/domains/alice.test&q=h1",
    });
    expect(stdout).toMatch(
      /<form method="get" action="\/CMD_PLUGINS\/wedos\/index\.html" class="wedos-record-filter"[^>]*>\s*<input type="hidden" name="p" value="\/domains\/alice\.test">/,
    );
    expect(queued()).toEqual(before);
  });

  it("says in words that a zone over the limit is too large to show; the admin also gets the file, its size and the setting", async () => {
    const h = await harness({ pages: { zoneMaxBytes: 4096 } });
    const text = bigZone("alice.test", 300);
    writeZone(h, "alice.test", text);
    const customer = (await h.visit({ level: "user", session: h.da.login("alice"), query: "p=/domains/alice.test" }))
      .stdout;
    expect(customer).toContain(
      "This zone is too large to show on this page. Its records are still synchronised to WEDOS as usual",
    );
    expect(customer).not.toContain(h.da.layout.zoneFile("alice.test"));
    expect(customer).not.toContain("zoneMaxBytes");
    const admin = (await h.visit({ level: "admin", session: h.da.login("admin"), query: "p=/domains/alice.test" }))
      .stdout;
    expect(admin).toContain(
      `The zone file ${h.da.layout.zoneFile("alice.test")} has ${text.length} bytes; pages read at most 4096 (pages.zoneMaxBytes)`,
    );
    expect(h.web.zoneRecords.counts.parses).toBe(0);
  });

  it("is in Czech for a Czech customer", async () => {
    const h = await harness({ pages: { zoneMaxBytes: 4096 } });
    writeZone(h, "alice.test", bigZone("alice.test", 300));
    writeZone(h, "bob.test", bigZone("bob.test", 150));
    h.da.setLanguage("alice", "cs");
    h.da.setLanguage("bob", "cs");
    expect(
      (await h.visit({ level: "user", session: h.da.login("alice"), query: "p=/domains/alice.test" })).stdout,
    ).toContain("Tato zóna je příliš velká");
    const bob = (await h.visit({ level: "user", session: h.da.login("bob"), query: "p=/domains/bob.test" })).stdout;
    expect(bob).toContain("Záznamy 1–100 z 156");
    expect(bob).toContain("Další stránka");
  });

  it("lets another customer's page through while a zone is being parsed on the main thread", async () => {
    const gate = gatedPacing();
    const h = await harness({ zonePacing: gate.pacing });
    // Below the size a worker takes (about 35 kB): parsed in slices on the main thread, which the gate holds.
    writeZone(h, "alice.test", bigZone("alice.test", 1_500));
    writeZone(h, "bob.test", bigZone("bob.test", 3));
    const order: string[] = [];
    const big = h.visit({ level: "user", session: h.da.login("alice"), query: "p=/domains/alice.test" }).then((run) => {
      order.push("alice's big zone");
      return run;
    });
    await gate.paused;
    // Alice's parse is held at a pause; bob's page (his zone is a few lines, parsed without a pause) is answered.
    const other = await h.visit({ level: "user", session: h.da.login("bob"), query: "p=/domains/bob.test" });
    order.push("bob's page");
    expect(other.stdout).toContain("Records 1–9 of 9");
    expect(order).toEqual(["bob's page"]);
    gate.release();
    const run = await big;
    expect(order).toEqual(["bob's page", "alice's big zone"]);
    expect(run.stdout).toContain("Records 1–100 of 1506");
  });
});
