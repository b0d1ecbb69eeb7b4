import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { reason } from "../../src/model/reason.js";
import { DNS_REASONS } from "../../src/provisioning/dns-reasons.js";
import { parseZoneFile, wedosRowToRecord } from "../../src/dns/index.js";
import { csrfTokenIn, form, parseRaw, seedTenants, startWebHarness, type WebHarness } from "./support.js";

let h: WebHarness;
beforeEach(async () => {
  h = await startWebHarness();
  await seedTenants(h);
});
afterEach(async () => {
  await h.close();
});

describe("a domain's page", () => {
  it("lists the panel's records with their state at WEDOS and the name servers to set, without a WAPI request", async () => {
    await h.da.addRecord(
      "alice.test",
      wedosRowToRecord({ name: "evil", type: "TXT", ttl: 300, rdata: "<script>alert(9)</script>" }, "alice.test"),
    );
    // What the plugin last recorded at WEDOS: www is there, the rest is not yet.
    h.services.tasks.zones.rememberZone("alice.test", "primary", true, h.clock.now());
    h.services.tasks.zones.replaceManagedRows(
      "alice.test",
      [{ rowId: "7", name: "www", type: "A", ttl: 3600, rdata: "192.0.2.10", origin: "created" }],
      h.clock.now(),
    );

    const { stdout } = await h.visit({ level: "user", session: h.da.login("alice"), query: "p=/domains/alice.test" });
    expect(stdout).toMatch(
      /<td data-label="Name">www<\/td><td data-label="Type">A<\/td><td data-label="TTL">3600<\/td>\s*<td class="wedos-value" data-label="Value">192\.0\.2\.10<\/td>\s*<td data-label="At WEDOS"><span class="wedos-status wedos-status-in-sync">in sync<\/span>/,
    );
    expect(stdout).toMatch(
      /<td data-label="Name">mail<\/td><td data-label="Type">A<\/td>[\s\S]*?waiting for the next sync/,
    );
    expect(stdout).toContain("WEDOS writes this SOA for every zone and raises its serial (…) itself with each change");
    expect(stdout).toContain("&lt;script&gt;alert(9)&lt;/script&gt;");
    expect(stdout).not.toContain("<script>alert(9)");
    for (const ns of ["ns.wedos.net", "ns.wedos.cz", "ns.wedos.eu", "ns.wedos.com"])
      expect(stdout).toContain(`<code>${ns}</code>`);
    expect(h.services.wapi.calls.latest(10)).toEqual([]);
  });

  it("lists records of types WEDOS does not take as not accepted, with the reason in the visitor's language", async () => {
    const zone = parseZoneFile(
      '$TTL 3600\n@ SOA ns1.alice.test. h.alice.test. 1 2 3 4 5\n@ NS ns1.alice.test.\nns1 A 192.0.2.1\n@ NAPTR 100 10 "U" "E2U+sip" "!^.*$!sip:info@alice.test!" .\n@ DNSKEY 257 3 13 mdsswUyr3DPW132mOi8V9xESWE8jTo0dxCjjnopKl+GqJxpVXckHAeF+KkxLbxILfDLUT0rAK9iUzy1L53eKGQ==\n',
      { origin: "alice.test" },
    );
    for (const record of zone.records.filter((each) => each.type === "NAPTR" || each.type === "DNSKEY"))
      await h.da.addRecord("alice.test", record);
    const english = await h.visit({ level: "user", session: h.da.login("alice"), query: "p=/domains/alice.test" });
    expect(english.stdout).toMatch(
      /<td data-label="Name">@<\/td><td data-label="Type">NAPTR<\/td><td data-label="TTL">3600<\/td>\s*<td class="wedos-value" data-label="Value">100 10 &#34;U&#34; &#34;E2U\+sip&#34; [\s\S]*?not accepted[\s\S]*?WEDOS DNS does not take NAPTR records; the zone&#39;s other records are synced without them/,
    );
    expect(english.stdout).toContain(
      "DNSKEY is a DNSSEC record: DNSSEC records are made by whoever signs and serves the zone",
    );
    h.da.setLanguage("alice", "cs");
    const czech = await h.visit({ level: "user", session: h.da.login("alice"), query: "p=/domains/alice.test" });
    expect(czech.stdout).toContain("WEDOS DNS nepřijímá záznamy typu NAPTR");
    expect(czech.stdout).toContain("DNSKEY je záznam DNSSEC");
  });

  it("is shown in Czech to a Czech user", async () => {
    h.da.setLanguage("alice", "cs");
    const { stdout } = await h.visit({ level: "user", session: h.da.login("alice"), query: "p=/domains/alice.test" });
    expect(stdout).toContain("Jmenné servery");
    expect(stdout).toContain("čeká na další synchronizaci");
  });

  it("offers Sync now, which queues a sync of the domain in the interactive lane", async () => {
    const page = await h.visit({ level: "user", session: h.da.login("alice"), query: "p=/domains/alice.test" });
    expect(page.stdout).toMatch(
      /<form method="post" action="\/CMD_PLUGINS\/wedos\/index\.html\?p=%2Fsync&amp;back=%2Fdomains%2Falice\.test">[\s\S]*?name="domain" value="alice\.test"[\s\S]*?Sync now<\/button>/,
    );
    const sent = await h.visit({
      level: "user",
      session: h.da.login("alice"),
      method: "POST",
      query: "p=/sync",
      post: form({ domain: "alice.test", csrf: csrfTokenIn(page.stdout) }),
    });
    expect(sent.stdout).toContain("A sync of alice.test has been queued");
    expect(
      h.services.queue.list({ states: ["queued"], limit: 50 }).filter((job) => job.jobKey === "sync-zone:alice.test"),
    ).toEqual([expect.objectContaining({ lane: "interactive" })]);
  });

  it("says the tasks' fixed reasons in the visitor's language", async () => {
    h.services.tasks.inventory.setDnsStatus("alice.test", "active", DNS_REASONS.recordsNotSynced(3), h.clock.now());
    h.da.setLanguage("alice", "cs");
    const czech = await h.visit({ level: "user", session: h.da.login("alice"), query: "p=/domains/alice.test" });
    expect(czech.stdout).toContain("nesynchronizované záznamy: 3; podívejte se na záznamy domény");
    expect(czech.stdout).not.toContain("record(s) not synced");
  });

  it("is not shown to another customer", async () => {
    const { stdout } = await h.visit({ level: "user", session: h.da.login("carol"), query: "p=/domains/alice.test" });
    expect(stdout).not.toContain("192.0.2.10");
    expect(stdout).not.toContain("Records");
  });
});

describe("protection on a domain's page", () => {
  const order = (domain: string, state: "pending" | "active") => {
    h.services.tasks.protections.recordOrdering(
      { domain, variant: "advanced", period: "yearly", mode: "cname", upstreamIps: ["192.0.2.10"] },
      h.clock.now(),
    );
    h.services.tasks.protections.update(
      domain,
      {
        state,
        reason: state === "pending" ? "ordered; waiting for WEDOS to activate it" : null,
        activatedAt: state === "active" ? h.clock.now() : null,
      },
      h.clock.now(),
    );
  };
  const purge = async (username: string, domain: string, withToken = true) => {
    const page = await h.visit({ level: "user", session: h.da.login(username), query: `p=/domains/${domain}` });
    const fields: Record<string, string> = { domain };
    if (withToken) fields.csrf = csrfTokenIn(page.stdout);
    return parseRaw(
      (
        await h.visit({
          level: "user",
          file: "index.raw",
          session: h.da.login(username),
          method: "POST",
          query: "p=/purge",
          post: form(fields),
        })
      ).stdout,
    );
  };

  it("shows the plan, mode, origins and state, or that the package has none", async () => {
    order("alice.test", "pending");
    const { stdout } = await h.visit({ level: "user", session: h.da.login("alice"), query: "p=/domains/alice.test" });
    expect(stdout).toContain("Advanced, yearly");
    expect(stdout).toContain("being activated");
    expect(stdout).toContain("WEDOS has accepted the order and is activating the service.");
    // What the task noted is for the admin: the customer reads the one state and its next step.
    expect(stdout).not.toContain("ordered; waiting for WEDOS to activate it");
    expect(stdout).not.toContain("Purge cache");
    const bob = await h.visit({ level: "user", session: h.da.login("bob"), query: "p=/domains/bob.test" });
    expect(bob.stdout).toContain("Your hosting package does not include protection for this domain.");
  });

  it("queues a cache purge for an active protection, with a CSRF token, and only for the visitor's own domain", async () => {
    order("alice.test", "active");
    order("carol.test", "active");
    const page = (await h.visit({ level: "user", session: h.da.login("alice"), query: "p=/domains/alice.test" }))
      .stdout;
    expect(page).toMatch(
      new RegExp(
        `<input type="hidden" name="csrf" value="${csrfTokenIn(page)}">\\s*<input type="hidden" name="domain" value="alice.test">\\s*<button type="submit">Purge cache</button>`,
      ),
    );
    expect((await purge("alice", "alice.test")).status).toBe(200);
    expect(h.services.queue.list({ states: ["queued"], limit: 10 }).map((job) => job.jobKey)).toContain(
      "purge-cache:alice.test",
    );
    expect((await purge("alice", "alice.test", false)).status).toBe(403);
    expect((await purge("alice", "carol.test")).status).toBe(404);
    expect(h.services.queue.list({ states: ["queued"], limit: 10 }).map((job) => job.jobKey)).not.toContain(
      "purge-cache:carol.test",
    );
  });
});

describe("the domain list", () => {
  it("filters to the domains with problems", async () => {
    h.inventory.setDnsStatus("bob.test", "conflict", reason("zone-conflict", "a zone already exists"), h.clock.now());
    h.inventory.setDnsStatus("alice.test", "active", null, h.clock.now(), true);
    const { stdout } = await h.visit({ level: "reseller", session: h.da.login("res1"), query: "status=problems" });
    expect(stdout).toContain("bob.test");
    expect(stdout).not.toContain(">alice.test<");
    expect(stdout).toMatch(
      /<a href="[^"]*status=problems" aria-current="page">problems <span class="wedos-count">1<\/span><\/a>/,
    );
    const all = await h.visit({ level: "reseller", session: h.da.login("res1"), query: "status=%3Cscript%3E" });
    expect(all.stdout).toContain(">alice.test<");
  });

  it("shows the domains that need attention first", async () => {
    h.inventory.setDnsStatus("bob.test", "error", reason("wedos-refused", "refused"), h.clock.now());
    h.inventory.setDnsStatus("alice.test", "active", null, h.clock.now(), true);
    const { stdout } = await h.visit({ level: "reseller", session: h.da.login("res1") });
    expect(stdout.indexOf("bob.test")).toBeGreaterThan(-1);
    expect(stdout.indexOf("bob.test")).toBeLessThan(stdout.indexOf("alice.test"));
  });
});
