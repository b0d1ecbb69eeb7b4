import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { toError } from "../../src/errors.js";
import { failureReason } from "../../src/provisioning/failure-reason.js";
import { addRefusedCustomer, startProvisionedHarness, type WebHarness } from "./support.js";

/** What no customer or reseller may read: WAPI codes, commands, WEDOS's English words, paths, error names. */
const ADMIN_ONLY = [/\b2322\b/, /dns-domain-add/, /WAPI/, /Maximum number of DNS domains/, /ENOENT/, /\/[a-z]+\/[a-z]/];

let h: WebHarness;
beforeEach(async () => {
  h = await startProvisionedHarness();
});
afterEach(async () => {
  await h.close();
});

/** A new customer of res1 whose zone WEDOS refuses with `code` when it is created; waits until every job settled. */
async function refusedCustomer(code: number): Promise<void> {
  await addRefusedCustomer(h, code);
  expect(h.inventory.domain("dave.test")?.dnsStatus).toBe("error");
}

const page = async (level: "user" | "reseller" | "admin", account: string, path: string, language = "en") =>
  (await h.visit({ level, session: h.da.login(account), query: `p=${path}`, env: { LANGUAGE: language } })).stdout;

/** The text of the page's reason on the domain page (its Details), tags removed. */
const pageReason = (html: string) =>
  (/<dd class="wedos-reason">([\s\S]*?)<\/dd>/.exec(html)?.[1] ?? "").replace(/<[^>]+>/g, "").trim();

/** The text of the first row's reason in a domain list. */
const listReason = (html: string) =>
  (/<td class="wedos-reason"[^>]*>([\s\S]*?)<\/td>/.exec(html)?.[1] ?? "").replace(/<[^>]+>/g, "").trim();

describe("a refusal by WEDOS (2322: the account's zone limit)", () => {
  it("reads as plain words to the customer and the reseller, and with WEDOS's details to the admin", async () => {
    await refusedCustomer(2322);

    const customer = pageReason(await page("user", "dave", "/domains/dave.test"));
    expect(customer).toBe(
      "WEDOS cannot take this domain&#39;s DNS yet: the WEDOS account has no room for more zones. Your provider has been told.",
    );
    const reseller = pageReason(await page("reseller", "res1", "/domains/dave.test"));
    expect(reseller).toContain("The server&#39;s administrator has been told.");
    const list = listReason(await page("user", "dave", "/"));
    expect(list).toBe(customer);
    for (const text of [customer, reseller, list]) for (const secret of ADMIN_ONLY) expect(text).not.toMatch(secret);

    const admin = pageReason(await page("admin", "admin", "/domains/dave.test"));
    expect(admin).toContain("The WEDOS account has reached its limit of DNS zones: ask WEDOS support to raise it");
    expect(admin).toContain(
      "WAPI dns-domain-add: WEDOS refused the request (code 2322 &#34;Maximum number of DNS domains exceeded&#34;)",
    );
  });

  it("reads in Czech on a Czech page, WEDOS's own reason included", async () => {
    await refusedCustomer(2322);
    const czech = pageReason(await page("user", "dave", "/domains/dave.test", "cs"));
    expect(czech).toBe(
      "WEDOS zatím nemůže převzít DNS této domény: účet u WEDOS nemá místo pro další zóny. Váš poskytovatel o tom ví.",
    );
    // A refusal whose words are WEDOS's own (2202: an invalid domain name) is said in Czech too, never in English.
    h.sim?.simulator.clearFaults();
    h.sim?.simulator.addFault({ command: "dns-domain-add", kind: "wapi-code", code: 2202 });
    await h.services.queue.retry(h.services.queue.list({ states: ["dead"], limit: 1 })[0]?.id ?? 0);
    await h.services.worker.runUntilIdle();
    const refused = pageReason(await page("user", "dave", "/domains/dave.test", "cs"));
    expect(refused).toBe("WEDOS změnu nepřijal: název domény není pro WEDOS platný. Váš poskytovatel o tom ví.");
    const admin = pageReason(await page("admin", "admin", "/domains/dave.test", "cs"));
    expect(admin).toContain("WEDOS požadavek odmítl: název domény není pro WEDOS platný.");
    expect(admin).toContain("code 2202 &#34;Invalid or unsupported domain name format&#34;");
  });
});

describe("a failure of this server (ENOENT)", () => {
  const missing = "/var/lib/wedos-panel/zones/big.test.db";
  const enoent = (): Error => {
    try {
      readFileSync(join(h.root, "no-such-dir", "big.test.db"));
    } catch (error) {
      return toError(error);
    }
    throw new Error("the file exists");
  };

  it("tells the customer only that something went wrong; the admin reads the error", async () => {
    const error = enoent();
    expect(error.message).toMatch(/^ENOENT: no such file or directory, open '\//);
    h.inventory.setDnsStatus("alice.test", "error", failureReason(error), h.clock.now());

    const customer = pageReason(await page("user", "alice", "/domains/alice.test"));
    expect(customer).toBe("Something went wrong on this server. Your provider has been told.");
    for (const secret of ADMIN_ONLY) expect(customer).not.toMatch(secret);
    const admin = pageReason(await page("admin", "admin", "/domains/alice.test"));
    expect(admin).toContain("This server failed at it; the details say what happened.");
    expect(admin).toContain("ENOENT: no such file or directory, open");
  });

  it("keeps reading a deleted domain's reason stored as free text before reasons had codes: admins only", async () => {
    h.inventory.setDomainState("bob.test", "deleted", h.clock.now() + 86_400_000, h.clock.now());
    h.services.db
      .prepare("UPDATE domains SET dns_status = 'error', dns_reason = ?, dns_reason_code = NULL WHERE domain = ?")
      .run(`ENOENT: no such file or directory, open '${missing}'`, "bob.test");

    const customer = await page("user", "bob", "/domains/bob.test");
    expect(pageReason(customer)).toBe("Something went wrong on this server. Your provider has been told.");
    expect(customer).not.toContain("ENOENT");
    expect(customer).not.toContain(missing);
    expect(pageReason(await page("reseller", "res1", "/domains/bob.test"))).toBe(
      "Something went wrong on this server. The server&#39;s administrator has been told.",
    );
    expect(pageReason(await page("admin", "admin", "/domains/bob.test"))).toBe(
      `ENOENT: no such file or directory, open &#39;${missing}&#39;`,
    );
  });
});

describe("dates and times", () => {
  it("are written as the page's language does, in one zone the page names once", async () => {
    h.inventory.setDnsStatus("alice.test", "active", null, Date.parse("2026-12-04T21:05:00Z"), true);
    const czech = await page("user", "alice", "/domains/alice.test", "cs");
    expect(czech).toContain("<dd>4. 12. 2026 22:05</dd>");
    expect(czech.match(/Časy jsou uvedeny v pražském čase\./g)).toHaveLength(1);
    const english = await page("user", "alice", "/domains/alice.test");
    expect(english).toContain("<dd>4 Dec 2026, 21:05</dd>");
    expect(english.match(/Times are in UTC\./g)).toHaveLength(1);
  });
});

describe("a delegation check that got no answer", () => {
  it("tells the customer it is retried, and only the admin what the resolver said", async () => {
    const now = h.clock.now();
    h.services.stores.delegations.save({
      domain: "alice.test",
      status: "unanswered",
      nameservers: [],
      detail: "the resolver 192.0.2.53 cannot be found (ETIMEOUT)",
      checkedAt: now,
      seenAt: null,
      misses: 1,
      nextCheckAt: now + 600_000,
    });
    const customer = await page("user", "alice", "/domains/alice.test");
    expect(customer).toContain("The check got no answer this time; it is tried again by itself.");
    expect(customer).not.toContain("ETIMEOUT");
    expect(await page("user", "alice", "/domains/alice.test", "cs")).toContain(
      "Ověření tentokrát nedostalo odpověď; zkusí se znovu samo.",
    );
    expect(await page("admin", "admin", "/domains/alice.test")).toContain(
      "The check got no answer this time (the resolver 192.0.2.53 cannot be found (ETIMEOUT)); it is tried again by itself.",
    );
  });
});
