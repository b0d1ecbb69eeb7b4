import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { adoptionUpkeep } from "../../src/provisioning/tasks/adoption-tasks.js";
import { NotificationStore } from "../../src/store/notification-store.js";
import { accountWithForeignZone, parseRaw, postAs, seedTenants, startWebHarness, type WebHarness } from "./support.js";

/**
 * Adoption with the owner's consent through the real pages: dave (a customer of res1) gets an account for
 * dave.test, whose zone already exists at WEDOS with a row `old` the panel does not have. The plugin finds it,
 * sends nothing more to WEDOS, and asks dave.
 */
let h: WebHarness;
beforeEach(async () => {
  h = await startWebHarness({ simulator: true, simulatorDns: true });
  await seedTenants(h);
  await h.services.worker.runUntilIdle();
  await accountWithForeignZone(h, "dave");
});
afterEach(async () => {
  await h.close();
});

const DAY = 86_400_000;
const requestsAtWedos = () => h.sim?.simulator.dump().requestLog.length ?? 0;
const publishedRows = (domain: string) =>
  [...(h.sim?.simulator.publishedZones() ?? [])].find((zone) => zone.name === domain)?.rows ?? [];
const page = async (level: "user" | "reseller" | "admin", username: string, query: string) =>
  (await h.visit({ level, session: h.da.login(username), query })).stdout;
const adoptionPage = (level: "user" | "reseller" | "admin", username: string) =>
  page(level, username, "p=/adoption&domain=dave.test");
const post = (level: "user" | "reseller" | "admin", username: string, fields: Record<string, string>) =>
  postAs(h, level, username, "/adoption", { domain: "dave.test", ...fields });
const request = () => h.services.adoptions.latest("dave.test");
const told = (level: "user" | "reseller" | "admin", recipient: string) =>
  new NotificationStore(h.services.db).unread({ level, recipient }, 20).map((notice) => notice.kind);

describe("adoption with the owner's consent", () => {
  it("shows the owner what taking over changes, sends nothing before approval, and takes over after it", async () => {
    const before = requestsAtWedos();
    expect(request()).toMatchObject({ state: "requested", username: "dave", reseller: "res1", openedBy: "daemon" });
    expect(told("user", "dave")).toEqual(["adoption-requested"]);
    expect(h.inventory.domain("dave.test")?.dnsStatus).toBe("conflict");

    const domainPage = await page("user", "dave", "p=/domains/dave.test");
    expect(domainPage).toMatch(/<h2 id="wedos-domain-adoption-title">Found at WEDOS<\/h2>/);
    expect(domainPage).toContain("waiting for the owner</span> This domain already has a service at WEDOS");
    expect(domainPage).toContain("See what would change and decide</a>");

    const shown = await adoptionPage("user", "dave");
    // Which records, which way: the plan made from the listing that found the zone (no second diff, no request).
    expect(shown).toContain(
      "<td><code>- delete old A 198.51.100.1 (TTL 300)</code></td><td>deleted at WEDOS (not in the panel)</td>",
    );
    expect(shown).toMatch(
      /<td><code>\+ add www A 192\.0\.2\.10 \(TTL \d+\)<\/code><\/td><td>panel → WEDOS: added at WEDOS<\/td>/,
    );
    expect(shown).toContain('<button type="submit" name="action" value="approve">Approve: take it over</button>');
    expect(shown).toContain("<code>_wedos-panel.dave.test</code>");
    expect(shown).toContain(`<code class="wedos-proof-token">${String(request()?.details.token)}</code>`);
    // The owner reads no operator text (the conflict's English detail is for staff).
    expect(shown).not.toContain("it is taken over once the domain");

    // The reseller sees the state and the history, not the owner's buttons; another customer sees nothing.
    const resellers = await adoptionPage("reseller", "res1");
    expect(resellers).toContain("Waiting for the domain&#39;s owner to approve or decline");
    expect(resellers).toContain("it is taken over once the domain");
    expect(resellers).not.toContain('value="approve"');
    expect(resellers).not.toContain('name="reason"');
    expect((await post("reseller", "res1", { action: "approve" })).status).toBe(403);
    expect((await post("user", "alice", { action: "approve" })).status).toBe(404);
    expect((await post("user", "dave", { action: "approve" })).status).toBe(200);
    expect(request()?.state).toBe("approved");
    expect(requestsAtWedos()).toBe(before);

    await h.services.worker.runUntilIdle();
    expect(request()?.state).toBe("done");
    expect(h.inventory.domain("dave.test")?.dnsStatus).toBe("active");
    const rows = publishedRows("dave.test");
    expect(rows.some((row) => row.name === "old")).toBe(false);
    expect(rows.some((row) => row.name === "www" && row.rdata === "192.0.2.10")).toBe(true);
    expect(told("reseller", "res1")).toEqual(["adoption-done", "adoption-approved"]);
    expect(told("admin", "admin")).toEqual(["adoption-done", "adoption-approved"]);
    expect(await page("user", "dave", "p=/domains/dave.test")).toContain(
      "taken over</span> Taken over: the plugin manages this service at WEDOS now.",
    );
  });

  it("keeps a refusal (nothing reaches WEDOS); an admin overrides only with a reason kept in the history", async () => {
    const before = requestsAtWedos();
    expect((await post("user", "dave", { action: "decline" })).status).toBe(200);
    await h.services.worker.runUntilIdle();
    expect(request()?.state).toBe("declined");
    expect(requestsAtWedos()).toBe(before);
    expect(publishedRows("dave.test").some((row) => row.name === "old")).toBe(true);
    expect(told("admin", "admin")).toEqual(["adoption-declined"]);
    expect((await post("user", "dave", { action: "approve" })).status).toBe(409);

    expect((await post("admin", "admin", { action: "override", reason: "   " })).status).toBe(400);
    expect((await post("reseller", "res1", { action: "override", reason: "because" })).status).toBe(403);
    expect(request()?.state).toBe("declined");
    const reason = "the owner asked by phone, ticket 4711";
    expect((await post("admin", "admin", { action: "override", reason })).status).toBe(200);
    expect(h.services.adoptions.history(request()?.id ?? 0).at(-1)).toMatchObject({
      actor: "admin admin",
      from: "declined",
      to: "approved",
      note: reason,
    });
    expect(told("user", "dave")).toEqual(["adoption-overridden", "adoption-requested"]);
    await h.services.worker.runUntilIdle();
    expect(request()?.state).toBe("done");
    expect(await adoptionPage("admin", "admin")).toContain(`<td>${reason}</td>`);
  });

  it("ends failed, with why, when WEDOS refuses the take-over, and tells the reseller and the admins", async () => {
    h.sim?.simulator.addFault({ command: "dns-row-delete", kind: "wapi-code", code: 2322 });
    expect((await post("user", "dave", { action: "approve" })).status).toBe(200);
    await h.services.worker.runUntilIdle();
    expect(request()?.state).toBe("failed");
    expect(h.services.adoptions.history(request()?.id ?? 0).at(-1)?.note).toContain("apply stopped at a failed change");
    expect(told("reseller", "res1")).toEqual(["adoption-failed", "adoption-approved"]);
    expect(await page("user", "dave", "p=/domains/dave.test")).toContain(
      "The approved take-over could not be completed. Your provider has been told",
    );
    // An admin can take it over again, with a reason.
    expect(await adoptionPage("admin", "admin")).toContain('value="override">Take over with this reason</button>');
    h.sim?.simulator.clearFaults();
    expect((await post("admin", "admin", { action: "override", reason: "WEDOS fixed the refusal" })).status).toBe(200);
    await h.services.worker.runUntilIdle();
    expect(request()?.state).toBe("done");
  });

  it("approves when the TXT token is seen over DNS, and says when it is not yet", async () => {
    const token = String(request()?.details.token);
    const before = requestsAtWedos();
    expect((await post("user", "dave", { action: "prove" })).status).toBe(200);
    await h.services.worker.runUntilIdle();
    expect(request()?.state).toBe("requested");
    expect(requestsAtWedos()).toBe(before);
    expect(await adoptionPage("user", "dave")).toContain(
      "Last checked 10 Mar 2026, 09:00: the record was not found yet.",
    );

    // The owner adds the record where the zone is served now (at WEDOS, in WEDOS's own administration).
    const { dns } = h.services.wapi;
    await dns.rowAdd({ domain: "dave.test", name: "_wedos-panel", ttl: 300, type: "TXT", rdata: token });
    await dns.domainCommit("dave.test");
    expect((await post("user", "dave", { action: "prove" })).status).toBe(200);
    await h.services.worker.runUntilIdle();
    expect(h.services.adoptions.history(request()?.id ?? 0).map((event) => [event.actor, event.to])).toEqual([
      ["daemon", "requested"],
      ["dns", "requested"],
      ["dns", "approved"],
      ["daemon", "done"],
    ]);
    expect(told("reseller", "res1")).toEqual(["adoption-done", "adoption-proved"]);
  });

  it("expires at its expiry after a reminder, and the reseller can ask again", async () => {
    const first = request()?.id;
    h.clock.advance(11 * DAY + 1);
    h.services.queue.enqueue(adoptionUpkeep, {});
    await h.services.worker.runUntilIdle();
    expect(told("user", "dave")).toEqual(["adoption-reminder", "adoption-requested"]);
    h.clock.advance(3 * DAY);
    h.services.queue.enqueue(adoptionUpkeep, {});
    await h.services.worker.runUntilIdle();
    expect(request()?.state).toBe("expired");
    expect(told("reseller", "res1")).toEqual(["adoption-expired"]);
    expect((await post("user", "dave", { action: "approve" })).status).toBe(409);

    expect(await adoptionPage("reseller", "res1")).toContain('value="open">Ask the owner to approve</button>');
    expect((await post("user", "dave", { action: "open" })).status).toBe(403);
    expect((await post("reseller", "res1", { action: "open" })).status).toBe(200);
    expect(request()).toMatchObject({ state: "requested", openedBy: "reseller res1" });
    expect(request()?.id).not.toBe(first);
  });

  it("needs the CSRF token, and shows nothing of a domain outside the visitor's scope", async () => {
    const fields = { domain: "dave.test", action: "approve" };
    const noToken = await postAs(h, "user", "dave", "/adoption", fields, { withToken: false });
    expect(noToken.status).toBe(403);
    expect(request()?.state).toBe("requested");
    const query = "p=/adoption&domain=dave.test";
    const session = h.da.login("carol");
    const alien = parseRaw((await h.visit({ level: "user", file: "index.raw", session, query })).stdout);
    expect(alien.status).toBe(404);
    expect(alien.body).not.toContain("_wedos-panel");
  });
});
