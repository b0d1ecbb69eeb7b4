import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { csrfTokenIn, form, parseRaw, startProvisionedHarness, type WebHarness } from "./support.js";
import { reason } from "../../src/model/reason.js";
import { reconcile as reconcileTask } from "../../src/provisioning/tasks/reconcile.js";

let h: WebHarness;
beforeEach(async () => {
  h = await startProvisionedHarness();
});
afterEach(async () => {
  await h.close();
});

type Level = "user" | "reseller" | "admin";
const syncNow = async (
  file: "index.html" | "index.raw",
  username = "alice",
  domain = "alice.test",
  level: Level = "user",
) => {
  const token = csrfTokenIn((await h.visit({ level, session: h.da.login(username) })).stdout);
  const { stdout } = await h.visit({
    level,
    file,
    session: h.da.login(username),
    method: "POST",
    query: "p=/sync",
    post: form({ domain, csrf: token }),
  });
  return stdout;
};
const jobIdIn = (html: string) => Number(/[?&]job=(\d+)/.exec(html.replaceAll("&amp;", "&"))?.[1]);
const status = async (id: number, username = "alice", level: Level = "user") =>
  parseRaw((await h.visit({ level, file: "index.raw", session: h.da.login(username), query: `p=/jobs/${id}` })).stdout);

describe("the progress of an action", () => {
  it("embedded: is announced politely, without a script, and the page refreshes itself until it is done", async () => {
    h.clock.set("2026-03-10T09:30:00Z");
    const answer = await syncNow("index.html");
    expect(answer).toMatch(
      /<section class="wedos-progress" aria-label="Progress">\s*<p class="wedos-status wedos-status-pending" role="status" aria-live="polite" data-job-text>Sync of alice\.test: waiting in the queue<\/p>/,
    );
    expect(answer).not.toContain("<script");
    const id = jobIdIn(answer);
    // No `back` on this hand-made POST: the answer is the domain's page, the page the action is about.
    const href = `/CMD_PLUGINS/wedos/index.html?p=%2Fdomains%2Falice.test&amp;job=${id}`;
    expect(answer).toContain(`<a href="${href}">Refresh to see the progress</a>`);
    expect(answer).toContain(`<meta http-equiv="refresh" content="2; url=${href}">`);

    // It slows down as the job waits, and stops after ten minutes (the link stays).
    h.clock.advance(60_000);
    const later = (
      await h.visit({ level: "user", session: h.da.login("alice"), query: `p=/domains/alice.test&job=${id}` })
    ).stdout;
    expect(later).toContain(`<meta http-equiv="refresh" content="10; url=${href}">`);
    h.clock.advance(10 * 60_000);
    const tired = (
      await h.visit({ level: "user", session: h.da.login("alice"), query: `p=/domains/alice.test&job=${id}` })
    ).stdout;
    expect(tired).not.toContain('http-equiv="refresh"');
    expect(tired).toContain(`<a href="${href}">Refresh to see the progress</a>`);

    await h.services.worker.runUntilIdle();
    const refreshed = (await h.visit({ level: "user", session: h.da.login("alice"), query: `job=${id}` })).stdout;
    expect(refreshed).toContain(
      '<p class="wedos-status wedos-status-active" role="status" aria-live="polite" data-job-text>Sync of alice.test: done</p>',
    );
    expect(refreshed).toContain(">alice.test</a>");
    expect(refreshed).not.toContain("Refresh to see the progress");
    expect(refreshed).not.toContain('http-equiv="refresh"');
  });

  it("raw: carries a script with the response's nonce that polls a JSON status until the job is done", async () => {
    const answer = parseRaw(await syncNow("index.raw"));
    const id = jobIdIn(answer.body);
    expect(answer.body).toContain(`data-job-status="/CMD_PLUGINS/wedos/index.raw?p=%2Fjobs%2F${id}"`);
    const nonce = /'nonce-([^']+)'/.exec(answer.headers.get("content-security-policy") ?? "")?.[1];
    expect(answer.body).toContain(`<script nonce="${nonce}" src="/CMD_PLUGINS/wedos/images/progress.js"></script>`);
    // Without scripts the page refreshes itself instead.
    expect(answer.body).toMatch(/<noscript><meta http-equiv="refresh" content="2; url=[^"]+&amp;job=\d+"><\/noscript>/);

    const queued = await status(id);
    expect(queued.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(JSON.parse(queued.body)).toEqual({
      text: "Sync of alice.test: waiting in the queue",
      finished: false,
      state: "queued",
    });
    await h.services.worker.runUntilIdle();
    expect(JSON.parse((await status(id)).body)).toEqual({
      text: "Sync of alice.test: done",
      finished: true,
      state: "done",
    });

    const refreshed = parseRaw(
      (await h.visit({ level: "user", file: "index.raw", session: h.da.login("alice"), query: `job=${id}` })).stdout,
    );
    expect(refreshed.body).toContain("Sync of alice.test: done");
    expect(refreshed.body).not.toContain("<script");
    expect(refreshed.body).not.toContain("Refresh to see the progress");
  });

  it("is seen only by who may see the domain; a job without a domain only by the admin", async () => {
    const id = jobIdIn(await syncNow("index.html"));
    expect((await status(id, "carol")).status).toBe(404);
    expect((await status(id, "res2", "reseller")).status).toBe(404);
    expect((await status(id, "res1", "reseller")).status).toBe(200);
    expect((await status(id, "admin", "admin")).status).toBe(200);
    const foreign = (await h.visit({ level: "user", session: h.da.login("carol"), query: `job=${id}` })).stdout;
    expect(foreign).not.toContain("wedos-progress");
    expect(foreign).not.toContain("alice.test");

    const domainless = h.services.queue.enqueue(reconcileTask, {}, { lane: "background" });
    expect((await status(domainless, "admin", "admin")).status).toBe(200);
    expect((await status(domainless, "alice")).status).toBe(404);
  });

  it("tells a customer why the job failed in plain words, and the admin with WEDOS's details", async () => {
    const id = jobIdIn(await syncNow("index.html"));
    const job = h.services.queue.get(id);
    expect(job?.state).toBe("queued");
    await h.services.queue.claim("test-worker", 60_000);
    const detail = 'WAPI dns-row-add: WEDOS refused the request (code 2314 "Invalid record data")';
    const params = { command: "dns-row-add", wapiCode: 2314, result: "Invalid record data" };
    await h.services.queue.bury(id, "test-worker", reason("wedos-refused", detail, params));
    expect(JSON.parse((await status(id)).body).text).toBe(
      "Sync of alice.test: failed (WEDOS did not accept the change: a record value WEDOS does not accept. Your provider has been told.)",
    );
    expect(JSON.parse((await status(id, "admin", "admin")).body).text).toBe(
      `Sync of alice.test: failed (WEDOS refused the request: a record value WEDOS does not accept. Check the data in the panel, then retry the job. (${detail}))`,
    );
  });

  it("a fetch() action answers with the job to follow", async () => {
    const token = csrfTokenIn((await h.visit({ level: "user", session: h.da.login("alice") })).stdout);
    const run = await h.visit({
      level: "user",
      file: "index.raw",
      session: h.da.login("alice"),
      method: "POST",
      query: "p=/sync",
      post: JSON.stringify({ domain: "alice.test", csrf: token }),
    });
    const { job } = JSON.parse(parseRaw(run.stdout).body) as { job: number };
    expect(JSON.parse((await status(job)).body)).toMatchObject({ state: "queued", finished: false });
  });

  it("speaks Czech", async () => {
    h.da.setLanguage("alice", "cs");
    expect(await syncNow("index.html")).toContain("Synchronizace domény alice.test: čeká ve frontě");
  });
});
