import { chmodSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ManualClock } from "../../src/clock.js";
import { CsrfTokens, loadWebSecret } from "../../src/web/csrf.js";
import { tempDir } from "../support/temp-dir.js";
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

const HOUR = 3_600_000;
const syncJobs = () =>
  h.services.db.prepare("SELECT job_key AS key FROM jobs WHERE task = ?").all(syncZoneTask.name) as Array<{
    key: string;
  }>;
const tokenFor = async (username: string, level: "user" | "reseller" | "admin" = "user") =>
  csrfTokenIn((await h.visit({ level, session: h.da.login(username) })).stdout);
const sync = (username: string, fields: Record<string, string>, level: "user" | "reseller" | "admin" = "user") =>
  h
    .visit({
      level,
      file: "index.raw",
      session: h.da.login(username),
      method: "POST",
      query: "p=/sync",
      post: form(fields),
    })
    .then((run) => parseRaw(run.stdout));

describe("CSRF tokens on every state-changing request", () => {
  it("accepts the token the visitor's page carries, and acts", async () => {
    const answer = await sync("alice", { csrf: await tokenFor("alice"), domain: "alice.test" });
    expect(answer.status).toBe(200);
    expect(answer.body).toContain("A sync of alice.test has been queued");
    expect(syncJobs()).toEqual([{ key: "sync-zone:alice.test" }]);
  });

  it("refuses a request without a token (403) and does nothing", async () => {
    const answer = await sync("alice", { domain: "alice.test" });
    expect(answer.status).toBe(403);
    expect(answer.body).toContain("This form is missing its security token. Reload the page and send the form again.");
    expect(syncJobs()).toEqual([]);
  });

  it("still accepts a token from the previous 12-hour window, but not an older one", async () => {
    const token = await tokenFor("alice");
    h.clock.advance(13 * HOUR); // DirectAdmin's sessions are long gone: each request logs in afresh
    expect((await sync("alice", { csrf: token, domain: "alice.test" })).status).toBe(200);
    h.clock.advance(12 * HOUR);
    const stale = await sync("alice", { csrf: token, domain: "alice.test" });
    expect(stale.status).toBe(403);
    expect(stale.body).toContain("This form has expired. Reload the page and send the form again.");
  });

  it("refuses another account's token, or a token of another level", async () => {
    const bobs = await sync("alice", { csrf: await tokenFor("bob"), domain: "alice.test" });
    expect(bobs.status).toBe(403);
    expect(bobs.body).toContain("This form&#39;s security token is not valid for you.");
    const adminsUserLevel = await sync(
      "admin",
      { csrf: await tokenFor("admin", "user"), domain: "alice.test" },
      "admin",
    );
    expect(adminsUserLevel.status).toBe(403);
    expect((await sync("alice", { csrf: "garbage", domain: "alice.test" })).status).toBe(403);
    expect(syncJobs()).toEqual([]);
  });

  it("takes the token from a JSON body too (fetch() from a raw page)", async () => {
    const post = JSON.stringify({ csrf: await tokenFor("alice"), domain: "alice.test" });
    const run = await h.visit({
      level: "user",
      file: "index.raw",
      session: h.da.login("alice"),
      method: "POST",
      query: "p=/sync",
      post,
    });
    const answer = parseRaw(run.stdout);
    expect(answer.status).toBe(202);
    expect(answer.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(JSON.parse(answer.body)).toMatchObject({ queued: "alice.test" });
    const missing = parseRaw(
      (
        await h.visit({
          level: "user",
          file: "index.raw",
          session: h.da.login("alice"),
          method: "POST",
          query: "p=/sync",
          post: JSON.stringify({ domain: "alice.test" }),
        })
      ).stdout,
    );
    expect(missing.status).toBe(403);
    expect(JSON.parse(missing.body)).toEqual({
      error: "This form is missing its security token. Reload the page and send the form again.",
    });
  });
});

describe("the CSRF key", () => {
  it("is made once in <dataDir>/web-secret, readable by its owner only, and then reused", () => {
    const dir = tempDir();
    const first = loadWebSecret(dir);
    const file = join(dir, "web-secret");
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(loadWebSecret(dir).equals(first)).toBe(true);
    expect(readFileSync(file, "utf8")).toMatch(/^[0-9a-f]{64}$/);
    chmodSync(file, 0o640);
    expect(() => loadWebSecret(dir)).toThrow(
      /must be readable by its owner only, but its mode is 0640; run: chmod 600/,
    );
  });

  it("makes tokens nobody without it can forge: another key, another token", () => {
    const clock = new ManualClock("2026-03-10T09:00:00Z");
    const ours = new CsrfTokens(Buffer.alloc(32, 1), clock);
    const theirs = new CsrfTokens(Buffer.alloc(32, 2), clock);
    expect(ours.check(ours.issue("user", "alice"), "user", "alice")).toBe("valid");
    expect(ours.check(theirs.issue("user", "alice"), "user", "alice")).toBe("invalid");
    expect(ours.check(ours.issue("user", "alice"), "reseller", "alice")).toBe("invalid");
    expect(ours.check(undefined, "user", "alice")).toBe("missing");
  });
});
