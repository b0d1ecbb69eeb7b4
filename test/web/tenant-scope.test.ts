import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { csrfTokenIn, form, parseRaw, seedTenants, startWebHarness, type WebHarness } from "./support.js";
import { syncZone as syncZoneTask } from "../../src/provisioning/tasks/zone-tasks.js";

let h: WebHarness;
beforeEach(async () => {
  h = await startWebHarness();
  await seedTenants(h);
});
afterEach(async () => {
  await h.close();
});

type Level = "user" | "reseller" | "admin";
const listed = (html: string) => [...html.matchAll(/>([a-z0-9.-]+\.test)<\/a>/g)].map((match) => match[1]);
const syncJobs = () =>
  h.services.db.prepare("SELECT job_key AS key FROM jobs WHERE task = ?").all(syncZoneTask.name) as Array<{
    key: string;
  }>;
const page = (username: string, level: Level, query = "") =>
  h.visit({ level, file: "index.raw", session: h.da.login(username), query }).then((run) => parseRaw(run.stdout));
async function post(username: string, level: Level, body: (token: string) => string) {
  const session = h.da.login(username);
  const token = csrfTokenIn((await h.visit({ level, session })).stdout);
  return parseRaw(
    (await h.visit({ level, file: "index.raw", session, method: "POST", query: "p=/sync", post: body(token) })).stdout,
  );
}

describe("each visitor sees and acts on their own tenants' domains only", () => {
  it("a user sees their own domains", async () => {
    expect(listed((await page("alice", "user")).body)).toEqual(["alice.test"]);
  });

  it("a reseller sees the domains of the accounts they created, not another reseller's", async () => {
    const { body } = await page("res1", "reseller");
    expect(listed(body)).toEqual(["alice.test", "bob.test"]);
    expect(body).toContain('<td data-label="Account">alice</td>');
    expect(listed((await page("res2", "reseller")).body)).toEqual(["carol.test"]);
  });

  it("an admin sees every domain and the queue counts", async () => {
    const { body } = await page("admin", "admin");
    expect(listed(body)).toEqual(["alice.test", "bob.test", "carol.test"]);
    expect(body).toContain("3 queued, 0 running, 0 failed");
  });

  it("refuses a URL naming another tenant's domain exactly as a domain that does not exist", async () => {
    const foreign = await page("alice", "user", "p=/domains/bob.test");
    const missing = await page("alice", "user", "p=/domains/nowhere.test");
    expect(foreign.status).toBe(404);
    expect(foreign.body).toContain("There is no such domain among the domains you may manage.");
    expect(foreign.body).not.toContain("bob.test");
    expect(foreign.body).toBe(missing.body);
    expect((await page("res2", "reseller", "p=/domains/alice.test")).status).toBe(404);
    expect((await page("res1", "reseller", "p=/domains/alice.test")).status).toBe(200);
    expect((await page("admin", "admin", "p=/domains/carol.test")).status).toBe(200);
  });

  it("refuses a form naming another tenant's domain, even with a valid token, and queues nothing", async () => {
    const answer = await post("alice", "user", (csrf) => form({ csrf, domain: "bob.test" }));
    expect(answer.status).toBe(404);
    expect(answer.body).toContain("There is no such domain among the domains you may manage.");
    expect((await post("res2", "reseller", (csrf) => form({ csrf, domain: "alice.test" }))).status).toBe(404);
    expect(syncJobs()).toEqual([]);
  });

  it("refuses JSON naming another tenant's domain", async () => {
    const answer = await post("bob", "user", (csrf) => JSON.stringify({ csrf, domain: "alice.test" }));
    expect(answer.status).toBe(404);
    expect(JSON.parse(answer.body)).toEqual({ error: "There is no such domain among the domains you may manage." });
    expect(syncJobs()).toEqual([]);
  });

  it("refuses a field sent twice (own domain, then someone else's)", async () => {
    const answer = await post("alice", "user", (csrf) => `${form({ csrf })}&domain=alice.test&domain=bob.test`);
    expect(answer.status).toBe(404);
    expect(syncJobs()).toEqual([]);
  });

  it("lets a reseller act on a customer's domain and an admin on anyone's", async () => {
    expect((await post("res1", "reseller", (csrf) => form({ csrf, domain: "bob.test" }))).status).toBe(200);
    expect((await post("admin", "admin", (csrf) => form({ csrf, domain: "carol.test" }))).status).toBe(200);
    expect(
      syncJobs()
        .map((job) => job.key)
        .sort(),
    ).toEqual(["sync-zone:bob.test", "sync-zone:carol.test"]);
  });

  it("keeps a reseller's user level to their own domains", async () => {
    expect(listed((await page("res1", "user")).body)).toEqual([]);
    expect((await page("res1", "user", "p=/domains/alice.test")).status).toBe(404);
  });
});
