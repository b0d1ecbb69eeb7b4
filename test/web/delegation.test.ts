import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DelegationChecker } from "../../src/provisioning/delegation-checker.js";
import { startTestDns, type TestDns } from "../support/dns-server.js";
import { seedTenants, startWebHarness, type WebHarness } from "./support.js";

let h: WebHarness;
let dns: TestDns;
let checker: DelegationChecker;
beforeEach(async () => {
  h = await startWebHarness();
  await seedTenants(h);
  dns = await startTestDns(["test"]);
  checker = new DelegationChecker({
    inventory: h.inventory,
    store: h.services.stores.delegations,
    clock: h.clock,
    resolver: dns.address,
    nameServers: ["ns.wedos.net", "ns.wedos.cz", "ns.wedos.eu", "ns.wedos.com"],
  });
});
afterEach(async () => {
  await h.close();
  await dns.close();
});

const page = async (username = "alice", domain = "alice.test") =>
  (await h.visit({ level: "user", session: h.da.login(username), query: `p=/domains/${domain}` })).stdout;

describe("whether a domain's delegation to WEDOS is seen", () => {
  it("says it was not checked yet, then what DNS shows and what to do, then that it is seen", async () => {
    expect(await page()).toContain(
      'Delegation to these name servers: <span class="wedos-status wedos-status-pending">not checked yet</span>',
    );

    dns.delegate("alice.test", ["ns1.previous-host.example", "ns2.previous-host.example"]);
    await checker.runDue();
    const notSeen = await page();
    expect(notSeen).toContain("not seen yet (checked 10 Mar 2026, 09:00)");
    expect(notSeen).toContain(
      "The domain still uses other name servers (ns1.previous-host.example, ns2.previous-host.example). Set the name servers listed above at your domain registrar.",
    );
    expect(notSeen).toContain("Next check: 10 Mar 2026, 09:15.");

    dns.delegate("alice.test", ["ns.wedos.net", "ns.wedos.cz", "ns.wedos.eu", "ns.wedos.com"]);
    h.clock.advance(15 * 60_000);
    await checker.runDue();
    const seen = await page();
    expect(seen).toContain('<span class="wedos-status wedos-status-active">seen (checked 10 Mar 2026, 09:15)</span>');
    expect(seen).toContain("DNS uses WEDOS&#39;s name servers for this domain, so WEDOS answers for it.");
    expect(h.services.wapi.calls.latest(10)).toEqual([]);
  });

  it("explains a domain DNS does not know", async () => {
    await checker.runDue();
    expect(await page("bob", "bob.test")).toContain(
      "DNS does not know this domain yet. If you registered it recently, wait until the registration is finished",
    );
  });

  it("speaks Czech", async () => {
    h.da.setLanguage("alice", "cs");
    dns.delegate("alice.test", ["ns.wedos.net", "ns1.elsewhere.example"]);
    await checker.runDue();
    const text = await page();
    expect(text).toContain("zatím není vidět (ověřeno 10. 3. 2026 10:00)");
    expect(text).toContain("Jen některé jmenné servery domény patří WEDOS (ns.wedos.net, ns1.elsewhere.example).");
  });
});

describe("with whitelabel name servers configured", () => {
  it("shows the provider's names to set at the registrar, and the daemon's check looks for them", async () => {
    const whitelabel = ["ns1.provider.example", "ns2.provider.example"];
    const w = await startWebHarness({ delegationNameServers: ["NS1.Provider.Example.", "ns2.provider.example"] });
    const wdns = await startTestDns(["test"]);
    try {
      await seedTenants(w);
      const shown = (await w.visit({ level: "user", session: w.da.login("alice"), query: "p=/domains/alice.test" }))
        .stdout;
      for (const name of whitelabel)
        expect(shown).toContain(
          `<li><code>${name}</code> <button type="button" class="wedos-secondary wedos-copy" data-copy="${name}" hidden>`,
        );
      expect(shown).not.toContain("<code>ns.wedos.net</code>");

      // The daemon's own checker, built from the configuration, with the test's resolver.
      const checker = new DelegationChecker({
        inventory: w.inventory,
        store: w.services.stores.delegations,
        clock: w.clock,
        resolver: wdns.address,
        nameServers: w.services.config.dns.delegationNameServers,
      });
      wdns.delegate("alice.test", whitelabel);
      await checker.runDue();
      expect(w.services.stores.delegations.get("alice.test")?.status).toBe("seen");
    } finally {
      await wdns.close();
      await w.close();
    }
  });
});
