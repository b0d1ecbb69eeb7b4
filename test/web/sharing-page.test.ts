import { describe, expect, it } from "vitest";
import { NotificationStore } from "../../src/store/notification-store.js";
import { ServiceRequestStore } from "../../src/store/service-request-store.js";
import { parseRaw, postAs, seedTenants, useSeededHarness } from "./support.js";

/**
 * /sharing on every level through the raw entry: the customer's form and its checks, the operator's checklist to
 * "linked", unlinking to "revoked", invitation links (bound to the domain's account, single use, expiring), tenant
 * isolation and CSRF. Nothing here reaches WEDOS (the harness has no simulator: a WAPI call would fail).
 */
/** alice.test has its zone and protection at WEDOS through the plugin, bob.test only its zone, carol.test nothing. */
const harness = useSeededHarness(async (h) => {
  await seedTenants(h);
  const now = h.clock.now();
  h.services.stores.zones.rememberZone("alice.test", "primary", true, now);
  h.services.stores.zones.rememberZone("bob.test", "primary", true, now);
  const protections = h.services.tasks.protections;
  protections.recordOrdering(
    { domain: "alice.test", variant: "start", period: "monthly", mode: "ns", upstreamIps: ["192.0.2.10"] },
    now,
  );
  protections.update("alice.test", { state: "active", reason: null, activatedAt: now }, now);
});

type Level = "user" | "reseller" | "admin";
const view = (level: Level, username: string, query: string) =>
  harness()
    .visit({ level, file: "index.raw", session: harness().da.login(username), query: `p=/sharing&${query}` })
    .then((run) => parseRaw(run.stdout));
const post = (level: Level, username: string, fields: Record<string, string>, withToken = true) =>
  postAs(harness(), level, username, "/sharing", fields, { withToken });
const ask = (fields: Record<string, string> = {}) =>
  post("user", "alice", {
    domain: "alice.test",
    do: "request",
    customerId: "123456",
    email: "alice@example.cz",
    service: "both",
    ...fields,
  });
const requests = () => new ServiceRequestStore(harness().services.db);
const unread = (level: Level, recipient: string | null) =>
  new NotificationStore(harness().services.db).unread({ level, recipient }, 20).map((notice) => notice.kind);
const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, " ")
    .replaceAll("&#39;", "'")
    .replaceAll("&amp;", "&")
    .replace(/\s+/g, " ");

describe("the sharing page", () => {
  it("takes the customer's WEDOS account and says exactly what is wrong with it", async () => {
    const empty = await view("user", "alice", "domain=alice.test");
    expect(empty.status).toBe(200);
    expect(text(empty.body)).toContain("DNS zone managed here");
    expect(text(empty.body)).toContain("WEDOS Global protection managed here");
    expect(empty.body).toContain('name="customerId"');

    const bad = await ask({ customerId: "WD-12", email: "alice at example" });
    expect(bad.status).toBe(400);
    expect(bad.body).toContain("A WEDOS customer ID is 4 to 10 digits, e.g. 123456");
    expect(bad.body).toContain("That is not an e-mail address we can use");
    expect(bad.body).toContain('value="alice at example"');
    expect(requests().ofDomain("alice.test", ["link"])).toEqual([]);
    const noService = await ask({ service: "everything" });
    expect([noService.status, noService.body.includes("Choose which service to share.")]).toEqual([400, true]);

    const done = await ask({ customerId: "12 34 56" });
    expect(done.status).toBe(200);
    expect(text(done.body)).toContain("Your request 1 is recorded; your provider has been told.");
    expect(text(done.body)).toContain("WEDOS customer ID 123456, e-mail alice@example.cz");
    expect(text(done.body)).toContain("Nothing changes yet");
    expect(unread("reseller", "res1")).toEqual(["link-requested"]);
    expect(unread("admin", "admin")).toEqual(["link-requested"]);
    expect(unread("reseller", "res2")).toEqual([]);
    // The same service cannot be asked for twice.
    const twice = await ask({ service: "zone" });
    expect([twice.status, twice.body.includes("That service cannot be shared now")]).toEqual([400, true]);
  });

  it("gives the reseller and the admin the checklist, each mark in the history, through to linked", async () => {
    await ask();
    const checklist = await view("reseller", "res1", "domain=alice.test");
    expect(text(checklist.body)).toContain(
      "Assign the DNS domain alice.test itself to that authorized user. Assigning only a DNS group is not enough: " +
        "the user then sees no domain.",
    );
    expect(text(checklist.body)).toContain("add WEDOS customer 123456 (alice@example.cz) as a member");
    const step = (level: Level, username: string, name: string) =>
      post(level, username, { domain: "alice.test", do: "step", request: "1", step: name });
    expect((await step("reseller", "res1", "protection-member-added")).body).toContain("Request 1 is now in progress.");
    expect(unread("user", "alice")).toEqual(["link-in-progress"]);
    const inProgress = await view("user", "alice", "domain=alice.test");
    expect(text(inProgress.body)).toContain("WEDOS may send an invitation to alice@example.cz");
    expect(inProgress.body).not.toContain("Mark done");
    // The customer cannot mark a step.
    expect((await step("user", "alice", "zone-user-added")).status).toBe(409);
    await step("admin", "admin", "zone-user-added");
    const linked = await step("admin", "admin", "zone-domains-assigned");
    expect(linked.body).toContain("Request 1 is now linked.");
    expect(
      requests()
        .history(1)
        .map((event) => [event.actor, event.to, event.note]),
    ).toEqual([
      ["user alice", "requested", null],
      ["reseller res1", "in-progress", "protection-member-added"],
      ["admin admin", "in-progress", "zone-user-added"],
      ["admin admin", "linked", "zone-domains-assigned"],
    ]);
    expect(text(linked.body)).toContain("step done: DNS domain assigned");
    const customer = await view("user", "alice", "domain=alice.test");
    expect(text(customer.body)).toContain("DNS zone managed here and shared with your WEDOS account");
    expect(text(customer.body)).toContain("WEDOS Global protection managed here and shared with your WEDOS account");
    const operator = text((await view("reseller", "res1", "domain=alice.test")).body);
    expect(operator).toContain("DNS zone managed here and shared with the customer's WEDOS account");
    expect(unread("user", "alice")).toEqual(["link-linked", "link-in-progress"]);
    const h = harness();
    const session = h.da.login("alice");
    const run = await h.visit({ level: "user", file: "index.raw", session, query: "p=/domains/alice.test" });
    const domainPage = parseRaw(run.stdout);
    expect(text(domainPage.body)).toContain("Your own WEDOS account");
    expect(text(domainPage.body)).toContain("DNS zone: managed here and shared with your WEDOS account");

    // Unlinking: the customer asks, the operator removes the access, both requests end revoked.
    const unlinking = await post("user", "alice", { domain: "alice.test", do: "unlink", request: "1" });
    expect(text(unlinking.body)).toContain("Request 2: stop sharing the DNS zone and WEDOS Global protection");
    for (const step of ["protection-member-removed", "zone-domains-unassigned"])
      await post("reseller", "res1", { domain: "alice.test", do: "step", request: "2", step });
    expect([requests().get(1)?.state, requests().get(2)?.state]).toEqual(["revoked", "revoked"]);
    const after = text((await view("user", "alice", "domain=alice.test")).body);
    expect(after).toContain("DNS zone managed here");
    expect(after).not.toContain("shared with your WEDOS account");
    expect(unread("user", "alice").slice(0, 2)).toEqual(["link-revoked", "link-unlink-in-progress"]);
  });

  it("offers only what the plugin keeps at WEDOS for the domain", async () => {
    const bob = await view("user", "bob", "domain=bob.test");
    expect(bob.body).toContain('<option value="zone" selected>DNS zone</option>');
    expect(bob.body).not.toContain('value="protection"');
    const fields = { domain: "bob.test", do: "request", customerId: "123456", email: "bob@example.cz" };
    const refused = await post("user", "bob", { ...fields, service: "protection" });
    expect([refused.status, refused.body.includes("That service cannot be shared now")]).toEqual([400, true]);
    const invite = await post("reseller", "res1", { domain: "bob.test", do: "invite", service: "both" });
    expect([invite.status, invite.body.includes("That service cannot be shared now")]).toEqual([409, true]);
    const carol = await view("user", "carol", "domain=carol.test");
    expect(text(carol.body)).toContain("Nothing of this domain is at WEDOS through the plugin yet");
    expect(carol.body).not.toContain('name="customerId"');
    expect(requests().ofDomain("bob.test", ["link"])).toEqual([]);
  });

  it("declines with a reason the customer reads", async () => {
    await ask({ service: "zone" });
    const noReason = await post("admin", "admin", { domain: "alice.test", do: "decline", request: "1", reason: " " });
    expect([noReason.status, noReason.body.includes("Say why you decline")]).toEqual([409, true]);
    const reason = "Zone moves away <soon>";
    await post("admin", "admin", { domain: "alice.test", do: "decline", request: "1", reason });
    const seen = await view("user", "alice", "domain=alice.test");
    expect(seen.body).toContain("Your provider declined this request: Zone moves away &lt;soon&gt;");
    expect(unread("user", "alice")).toEqual(["link-declined"]);
  });

  it("keeps every account to its own domains and requests, and needs the CSRF token", async () => {
    await ask();
    expect((await view("user", "bob", "domain=alice.test")).status).toBe(404);
    expect((await view("reseller", "res2", "domain=alice.test")).status).toBe(404);
    const step = { domain: "alice.test", do: "step", request: "1", step: "zone-user-added" };
    const foreign = await post("reseller", "res2", step);
    expect(foreign.status).toBe(404);
    // A request id of another domain is not found on this one.
    const elsewhere = await post("user", "bob", { domain: "bob.test", do: "cancel", request: "1" });
    expect(elsewhere.status).toBe(404);
    const forged = await post("user", "alice", { domain: "alice.test", do: "cancel", request: "1" }, false);
    expect(forged.status).toBe(403);
    expect(requests().get(1)?.state).toBe("requested");
    const cancelled = await post("user", "alice", { domain: "alice.test", do: "cancel", request: "1" });
    expect(cancelled.body).toContain("Request 1 is now cancelled.");
    expect(unread("reseller", "res1")).toEqual(["link-cancelled", "link-requested"]);
  });
});

describe("invitation links", () => {
  const linkIn = (html: string) => /id="wedos-invitation-link" type="text" readonly value="([^"]+)"/.exec(html)?.[1];
  const tokenOf = (link: string) =>
    new URLSearchParams(link.replaceAll("&amp;", "&").split("?")[1]).get("invite") as string;

  it("open the form for the domain's own account only, once", async () => {
    const made = await post("reseller", "res1", { domain: "bob.test", do: "invite", service: "zone" });
    const link = linkIn(made.body) as string;
    expect(link).toMatch(/^\/CMD_PLUGINS\/wedos\/index\.html\?p=%2Fsharing&amp;domain=bob\.test&amp;invite=wpinv_/);
    const token = tokenOf(link);
    expect(unread("user", "bob")).toEqual(["link-invited"]);
    expect((await view("reseller", "res1", "domain=bob.test")).body).not.toContain(token);
    expect(JSON.stringify(requests().get(1))).not.toContain(token);

    const query = `domain=bob.test&invite=${token}`;
    expect((await view("user", "alice", query)).status).toBe(404);
    expect((await view("user", "alice", `domain=alice.test&invite=${token}`)).status).toBe(410);
    expect((await view("reseller", "res1", query)).status).toBe(404);
    expect((await view("admin", "admin", query)).status).toBe(404);
    const opened = await view("user", "bob", query);
    expect(opened.status).toBe(200);
    expect(opened.body).toContain("Your provider invites you to manage the DNS zone in your own WEDOS account.");

    const fields = { domain: "bob.test", do: "request", invite: token, customerId: "778899", email: "bob@example.cz" };
    const accepted = await post("user", "bob", fields);
    expect(accepted.body).toContain("Your request 1 is recorded");
    expect(requests().get(1)).toMatchObject({ state: "requested", service: "zone" });
    expect(unread("reseller", "res1")).toEqual(["link-requested"]);
    expect((await view("user", "bob", query)).status).toBe(410);
    expect((await post("user", "bob", fields)).status).toBe(410);
    expect(harness().logs.join("\n")).not.toContain(token.slice(6));
  });

  it("expire after seven days", async () => {
    const made = await post("admin", "admin", { domain: "bob.test", do: "invite", service: "zone" });
    const token = tokenOf(linkIn(made.body) as string);
    harness().clock.advance(7 * 86_400_000);
    const late = await view("user", "bob", `domain=bob.test&invite=${token}`);
    expect(late.status).toBe(410);
    expect(late.body).toContain("This invitation cannot be used: it expired");
    expect(requests().get(1)?.state).toBe("expired");
  });
});
