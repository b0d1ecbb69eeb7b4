import { describe, expect, it } from "vitest";
import { translator } from "../../src/web/i18n/index.js";
import { actionUrl, parseOrigin } from "../../src/web/origin.js";
import { readPageRequest } from "../../src/web/protocol.js";
import { csrfTokenIn, form, parseRaw, useHarnessWithEveryState, type WebHarness } from "./support.js";

const harness = useHarnessWithEveryState();

type Level = "user" | "reseller" | "admin";
interface Visitor {
  level: Level;
  account: string;
}
const ALICE: Visitor = { level: "user", account: "alice" };
const ADMIN: Visitor = { level: "admin", account: "admin" };

/** A page as the visitor's browser gets it (embedded fragment), opened at `query` (`p=/…&…`). */
const open = async (h: WebHarness, who: Visitor, query: string) =>
  (await h.visit({ level: who.level, session: h.da.login(who.account), query })).stdout;

/** The query of the first POST form on `html` whose action goes to plugin page `path` (as a browser sends it). */
const formQuery = (html: string, path: string): string => {
  const actions = [...html.matchAll(/<form method="post" action="([^"]+)"/g)].map((match) =>
    (match[1] ?? "").replaceAll("&amp;", "&"),
  );
  const action = actions.find((each) => new URL(each, "http://da.test").searchParams.get("p") === path);
  if (action === undefined) throw new Error(`no form to ${path} on the page; forms go to ${actions.join(", ")}`);
  return action.slice(action.indexOf("?") + 1);
};

/** A POST of `post` to the action URL whose query is `query`, through `file`; what the entry printed. */
const send = async (h: WebHarness, who: Visitor, query: string, post: string, file = "index.html") =>
  (await h.visit({ level: who.level, file, session: h.da.login(who.account), method: "POST", query, post })).stdout;

/** Sends the form to `path` found on `page`, as the browser would: its action URL, the page's CSRF token, `fields`. */
const submit = (h: WebHarness, who: Visitor, page: string, path: string, fields: Record<string, string>) =>
  send(h, who, formQuery(page, path), form({ ...fields, csrf: csrfTokenIn(page) }));

const heading = (html: string) => /<h1>([^<]*)<\/h1>/.exec(html)?.[1];
const refreshLink = (html: string) => /<p data-job-refresh><a href="([^"]+)"/.exec(html)?.[1]?.replaceAll("&amp;", "&");

describe("an action answers with the page it was started from", () => {
  it("Sync now on a domain's page stays on that page, with the notice and the progress above it", async () => {
    const h = harness();
    const page = await open(h, ALICE, "p=/domains/alice.test");
    const answer = await submit(h, ALICE, page, "/sync", { domain: "alice.test" });
    expect(heading(answer)).toBe(heading(page));
    expect(answer).toContain('<p class="wedos-notice" role="status">A sync of alice.test has been queued');
    expect(answer).toContain("Sync of alice.test: waiting in the queue");
    const id = h.services.queue.list({ states: ["queued"], limit: 100 }).find((job) => job.task === "sync-zone")?.id;
    expect(refreshLink(answer)).toBe(`/CMD_PLUGINS/wedos/index.html?p=%2Fdomains%2Falice.test&job=${id}`);
    // The page it answers with is the origin again: its own forms come back to it.
    expect(formQuery(answer, "/sync")).toBe(formQuery(page, "/sync"));
  });

  it("Sync now on the list stays on the list, on its filter and page", async () => {
    const h = harness();
    const list = await open(h, ADMIN, "status=pending&page=1");
    expect(formQuery(list, "/sync")).toBe("p=%2Fsync&back=%2F%3Fstatus%3Dpending%26page%3D1");
    const answer = await submit(h, ADMIN, list, "/sync", { domain: "bob.test" });
    expect(heading(answer)).toBe(heading(list));
    expect(answer).toMatch(/<a href="[^"]*status=pending"[^>]* aria-current="page">/);
    expect(answer).toContain("A sync of bob.test has been queued");
    expect(refreshLink(answer)).toMatch(/^\/CMD_PLUGINS_ADMIN\/wedos\/index\.html\?status=pending&page=1&job=\d+$/);
  });

  it.each<{ action: string; at: string; path: string; fields: Record<string, string>; says: string[] }>([
    {
      action: "Purge cache on a domain's page",
      at: "p=/domains/alice.test",
      path: "/purge",
      fields: { domain: "alice.test" },
      says: ["The protection cache of alice.test will be purged within a minute.", "Cache purge of alice.test"],
    },
    {
      action: "Ignore on the drift page",
      at: "p=/drift",
      path: "/conflicts/resolve",
      fields: { domain: "carol.test", kind: "zone", resolution: "ignore" },
      says: ["carol.test will be left alone at WEDOS.", "Setting up carol.test at WEDOS: waiting in the queue"],
    },
  ])("$action comes back to it", async ({ at, path, fields, says }) => {
    const h = harness();
    const page = await open(h, ADMIN, at);
    const answer = await submit(h, ADMIN, page, path, fields);
    expect(heading(answer)).toBe(heading(page));
    for (const text of says) expect(answer).toContain(text);
  });

  it("Retry on the operations page comes back to it", async () => {
    const h = harness();
    const operations = await open(h, ADMIN, "p=/operations");
    const failed = h.services.queue.list({ states: ["dead"], limit: 10 })[0];
    expect(failed).toBeDefined();
    // A job that failed long ago is followed as closely as a new one once it is queued again.
    h.clock.advance(3_600_000);
    const retried = await submit(h, ADMIN, operations, "/jobs/retry", { job: String(failed?.id) });
    expect(heading(retried)).toBe(heading(operations));
    expect(retried).toContain(`Job ${failed?.id} is queued again.`);
    expect(retried).toMatch(/<meta http-equiv="refresh" content="2; url=[^"]*p=%2Foperations&amp;job=\d+">/);
  });

  it("Resume in the banner answers with the page it was pressed on", async () => {
    const h = harness();
    const settings = await open(h, ADMIN, "p=/settings");
    const answer = await send(h, ADMIN, "p=%2Fwapi%2Fresume&back=%2Fsettings", form({ csrf: csrfTokenIn(settings) }));
    expect(heading(answer)).toBe(heading(settings));
    expect(answer).toContain("Sending was not paused by a cause an administrator fixes; nothing changed");
  });

  it("a fetch() action still answers JSON, whatever page it names", async () => {
    const h = harness();
    const page = await open(h, ALICE, "p=/domains/alice.test");
    const json = JSON.stringify({ domain: "alice.test", csrf: csrfTokenIn(page) });
    const answer = parseRaw(await send(h, ALICE, formQuery(page, "/sync"), json, "index.raw"));
    expect(answer.status).toBe(202);
    expect(JSON.parse(answer.body)).toMatchObject({ queued: "alice.test", job: expect.any(Number) });
  });
});

describe("the page an action names", () => {
  it("is only ever a plugin page of the visitor's own level", async () => {
    const h = harness();
    const page = await open(h, ALICE, "p=/domains/alice.test");
    const token = csrfTokenIn(page);
    const post = (back: string) =>
      send(h, ALICE, new URLSearchParams({ p: "/sync", back }).toString(), form({ domain: "alice.test", csrf: token }));
    // Not a page path: ignored, the action's own page (the domain's) answers.
    for (const back of ["//evil.example/x", "https://evil.example/", "/../admin", "/domains/%2e%2e", "\\x"])
      expect(heading(await post(back)), back).toBe(heading(page));
    // Another level's page is looked up at the visitor's level, where it does not exist.
    const foreign = await post("/operations");
    expect(foreign).toContain("wedos-error");
    expect(foreign).not.toContain("Failed jobs");
  });

  it("keeps its own query but never a job or another back", () => {
    const origin = parseOrigin("/?status=failed&page=3&job=7&back=/x");
    expect(origin?.path).toBe("/");
    expect(origin?.query.toString()).toBe("status=failed&page=3");
    expect(parseOrigin("/domains/a.test/")).toBeUndefined();
    expect(parseOrigin("/domains/.hidden")).toBeUndefined();
    expect(parseOrigin(`/${"a".repeat(1001)}`)).toBeUndefined();
  });

  it("is passed on by a step between (a confirmation page opened from another page)", () => {
    const at = (query: string) => {
      const request = readPageRequest("user", "html", new Map([["QUERY_STRING", query]]));
      return { request, nonce: "", language: "en" as const, t: translator("en") };
    };
    expect(actionUrl(at("p=/domains/a.test"), "/sync")).toBe(
      "/CMD_PLUGINS/wedos/index.html?p=%2Fsync&back=%2Fdomains%2Fa.test",
    );
    expect(actionUrl(at("p=/protection/confirm&domain=a.test&back=/domains/a.test"), "/protection")).toBe(
      "/CMD_PLUGINS/wedos/index.html?p=%2Fprotection&back=%2Fdomains%2Fa.test",
    );
  });
});
