import { describe, expect, it } from "vitest";
import { ALL_ADMINS } from "../../src/emulators/directadmin/index.js";
import { reason } from "../../src/model/reason.js";
import { ServiceRequestStore } from "../../src/store/service-request-store.js";
import { parseRaw, postAs, seedTenants, useSeededHarness, type WebHarness } from "./support.js";

type Level = "user" | "reseller" | "admin";

const harness = useSeededHarness(async (h) => {
  await seedTenants(h);
  const now = h.clock.now();
  h.inventory.setDnsStatus("alice.test", "error", reason("wedos-refused", "WEDOS refused the zone"), now);
  h.services.wapi.calls.record({
    at: now,
    command: "dns-domain-add",
    domain: "alice.test",
    clTRID: "wp-77",
    lane: "lifecycle",
    outcome: "permanent",
    wapiCode: 2316,
    durationMs: 40,
    error: "the zone already exists elsewhere",
  });
});

const page = async (h: WebHarness, level: Level, username: string, path: string, query = "") =>
  (await h.visit({ level, session: h.da.login(username), query: `p=${path}${query}` })).stdout;

/** alice opens a request about alice.test's zone; returns its id. */
async function aliceOpens(h: WebHarness): Promise<number> {
  const answer = await postAs(h, "user", "alice", "/support", {
    action: "open",
    domain: "alice.test",
    service: "zone",
    description: "The zone never reaches WEDOS <script>alert(1)</script>",
  });
  expect(answer.status).toBe(200);
  const request = new ServiceRequestStore(h.services.db).latest("alice.test", "support");
  if (request === undefined) throw new Error("no request was opened");
  return request.id;
}

describe("opening a support request from a domain's page", () => {
  it("links from the domain page, opens with diagnostics, and words them for each level", async () => {
    const h = harness();
    expect(await page(h, "user", "alice", "/domains/alice.test")).toContain("p=%2Fsupport&amp;domain=alice.test");
    const form = await page(h, "user", "alice", "/support", "&domain=alice.test");
    expect(form).toContain('name="description"');
    const id = await aliceOpens(h);

    const customer = await page(h, "user", "alice", `/support/${id}`);
    expect(customer).toContain("waiting for the provider");
    expect(customer).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(customer).not.toContain("<script>alert(1)");
    // A customer reads states in words: no WAPI code, clTRID, job id or operator's error.
    for (const detail of ["2316", "wp-77", "dns-domain-add", "already exists elsewhere"])
      expect(customer).not.toContain(detail);

    const reseller = await page(h, "reseller", "res1", `/support/${id}`);
    expect(reseller).toContain("wp-77");
    expect(reseller).toContain("2316");
    expect(reseller).not.toContain("Summary for WEDOS support");

    const admin = await page(h, "admin", "admin", `/support/${id}`);
    expect(admin).toContain("Summary for WEDOS support");
    expect(admin).toContain("clTRID wp-77: the zone already exists elsewhere");
    expect(admin).not.toContain("alice@example.test");
  });

  it("refuses a description that is too short, saying what to do, and keeps what was typed", async () => {
    const h = harness();
    const answer = await postAs(h, "user", "alice", "/support", {
      action: "open",
      domain: "alice.test",
      service: "protection",
      description: "broken",
    });
    expect(answer.status).toBe(400);
    expect(answer.body).toContain("Please describe the problem in at least 10 characters.");
    expect(answer.body).toContain(">broken</textarea>");
    expect(new ServiceRequestStore(h.services.db).latest("alice.test", "support")).toBeUndefined();
  });
});

describe("support requests and tenants", () => {
  it("answers another tenant's request and domain exactly like ones that do not exist", async () => {
    const h = harness();
    const id = await aliceOpens(h);
    const missing = await page(h, "user", "bob", "/support/99999");
    expect(await page(h, "user", "bob", `/support/${id}`)).toBe(missing);
    const otherReseller = await page(h, "reseller", "res2", `/support/${id}`);
    expect(otherReseller).toBe(await page(h, "reseller", "res2", "/support/99999"));
    expect(otherReseller).not.toContain("alice.test");
    const foreign = await postAs(h, "user", "carol", "/support", {
      action: "open",
      domain: "alice.test",
      service: "zone",
      description: "Someone else's domain is broken.",
    });
    expect(foreign.status).toBe(404);
    // bob may not close alice's request by posting its id.
    const close = await postAs(h, "user", "bob", "/support", { action: "close", id: String(id), state: "open" });
    expect(close.status).toBe(404);
    expect(new ServiceRequestStore(h.services.db).get(id)?.state).toBe("open");
    // Only an admin gets the summary as a file.
    const raw = (level: Level, username: string) =>
      h.visit({ level, file: "index.raw", session: h.da.login(username), query: `p=/support/${id}/summary` });
    expect(parseRaw((await raw("reseller", "res1")).stdout).status).toBe(404);
    const file = parseRaw((await raw("admin", "admin")).stdout);
    expect(file.headers.get("content-type")).toBe("text/plain; charset=utf-8");
    expect(file.body).toMatch(new RegExp(`^Support request ${id} for alice\\.test`));
    expect(file.body).toContain("- job ");
    expect(file.body).not.toMatch(/alice(?!\.test)|res1/);
  });

  it("changes nothing without the CSRF token", async () => {
    const h = harness();
    const id = await aliceOpens(h);
    const fields = { action: "close", id: String(id), state: "open" };
    const refused = await postAs(h, "user", "alice", "/support", fields, { withToken: false });
    expect(refused.status).toBe(403);
    expect(new ServiceRequestStore(h.services.db).get(id)?.state).toBe("open");
    const read = await postAs(h, "reseller", "res1", "/notices/read", { all: "yes" }, { withToken: false });
    expect(read.status).toBe(403);
    expect(h.services.tasks.notices.unreadCount({ level: "reseller", recipient: "res1" })).toBe(1);
  });
});

describe("the inbox", () => {
  it("tells the reseller and the admin, links to the request, and marks only the visitor's own notices read", async () => {
    const h = harness();
    const id = await aliceOpens(h);
    const home = await page(h, "reseller", "res1", "/");
    expect(home).toContain("You have 1 unread notice(s).");
    expect(home).toContain("Notices (1 unread)");
    const inbox = await page(h, "reseller", "res1", "/notices");
    expect(inbox).toContain(`A support request about alice.test was opened (request ${id}).`);
    expect(inbox).toContain(`p=%2Fsupport%2F${id}`);
    expect(await page(h, "reseller", "res2", "/notices")).toContain("No unread notices.");
    // The daemon hands the notices to DirectAdmin's Message System: res1's and every admin's, nobody else's.
    await h.services.worker.runUntilIdle();
    expect(h.da.messages.runTaskQueue()).toBe(2);
    expect(h.da.messages.messagesOf("res1").map((message) => message.subject)).toEqual([
      `WEDOS: support opened (request ${id} for alice.test)`,
    ]);
    expect(h.da.messages.messagesOf(ALL_ADMINS)).toHaveLength(1);
    expect(h.da.messages.messagesOf("res2")).toEqual([]);

    const [notice] = h.services.tasks.notices.unread({ level: "reseller", recipient: "res1" }, 1);
    // Another reseller posting res1's notice id changes nothing.
    const foreign = await postAs(h, "reseller", "res2", "/notices/read", { id: String(notice?.id) });
    expect(foreign.body).toContain("0 notice(s) marked as read.");
    expect(h.services.tasks.notices.unreadCount({ level: "reseller", recipient: "res1" })).toBe(1);
    const own = await postAs(h, "reseller", "res1", "/notices/read", { id: String(notice?.id) });
    expect(own.body).toContain("1 notice(s) marked as read.");
    expect(await page(h, "reseller", "res1", "/")).not.toContain("unread notice");
  });

  it("tells the customer when the provider answers, and the answer is on the request's page", async () => {
    const h = harness();
    const id = await aliceOpens(h);
    const answerOpen = (note: string) =>
      postAs(h, "reseller", "res1", "/support", { action: "answer", id: String(id), state: "open", note });
    const answer = await answerOpen("The zone exists in another WEDOS account; we are moving it.");
    expect(answer.status).toBe(200);
    expect(answer.body).toContain("Your answer was sent.");
    const inbox = await page(h, "user", "alice", "/notices");
    expect(inbox).toContain(`Your support request about alice.test has an answer (request ${id}).`);
    const shown = await page(h, "user", "alice", `/support/${id}`);
    expect(shown).toContain("we are moving it.");
    // Opening the request read the notice about it.
    expect(h.services.tasks.notices.unreadCount({ level: "user", recipient: "alice" })).toBe(0);
    expect(shown).toContain("your provider");
    // A second click from the same stale page changes nothing and says so.
    const again = await answerOpen("Twice.");
    expect(again.status).toBe(409);
    expect(again.body).toContain("Someone changed this request meanwhile");
  });
});
