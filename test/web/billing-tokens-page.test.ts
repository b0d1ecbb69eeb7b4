import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { BillingAuditStore } from "../../src/store/billing-audit-store.js";
import { BillingTokenStore } from "../../src/store/billing-token-store.js";
import { csrfTokenIn, form, parseRaw, seedTenants, startWebHarness, type WebHarness } from "./support.js";

let h: WebHarness;
beforeEach(async () => {
  h = await startWebHarness();
  await seedTenants(h);
});
afterEach(async () => {
  await h.close();
});

type Level = "user" | "reseller" | "admin";
const page = (username: string, level: Level, query = "p=/billing/tokens", language?: string) =>
  h
    .visit({
      level,
      file: "index.raw",
      session: h.da.login(username),
      query,
      ...(language === undefined ? {} : { env: { LANGUAGE: language } }),
    })
    .then((run) => parseRaw(run.stdout));
async function post(path: string, fields: Record<string, string>, username = "admin", level: Level = "admin") {
  const session = h.da.login(username);
  const csrf = csrfTokenIn((await h.visit({ level, session })).stdout);
  const run = await h.visit({
    level,
    file: "index.raw",
    session,
    method: "POST",
    query: `p=${path}`,
    post: form({ csrf, ...fields }),
  });
  return parseRaw(run.stdout);
}
const secretIn = (html: string) => /id="wedos-token-secret" type="text" readonly value="([^"]+)"/.exec(html)?.[1];

describe("the admin's billing tokens page", () => {
  it("makes a token shown once, lists it by its first characters, and revokes it; both audited as the admin", async () => {
    expect((await page("admin", "admin")).body).toContain("No tokens yet.");
    const made = await post("/billing/tokens/create", { name: "whmcs pull", reseller: "res1" });
    expect(made.status).toBe(200);
    expect(made.body).toContain("Token 1 “whmcs pull” was made. Copy it now: it will not be shown again.");
    const secret = secretIn(made.body) as string;
    expect(secret).toMatch(/^wpbill_/);
    const tokens = new BillingTokenStore(h.services.db);
    expect(tokens.authenticate(secret, 1)).toMatchObject({ id: 1, reseller: "res1" });

    const listed = (await page("admin", "admin")).body;
    expect(listed).not.toContain(secret.slice(13));
    expect(listed).toContain(`<code>${secret.slice(0, 13)}…</code>`);
    expect(listed).toContain("<td>reseller res1</td>");

    const revoked = await post("/billing/tokens/revoke", { id: "1" });
    expect(revoked.body).toContain("Token 1 is revoked: its next request is refused.");
    expect(tokens.authenticate(secret, 2)).toBeUndefined();
    expect(new BillingAuditStore(h.services.db).list().map((entry) => [entry.actor, entry.action])).toEqual([
      ["admin admin", "token.revoke"],
      ["admin admin", "token.create"],
    ]);
    expect(h.logs.join("\n")).not.toContain(secret.slice(13));
  });

  it("says what is wrong with a name or a token number, and needs the CSRF token", async () => {
    const bad = await post("/billing/tokens/create", { name: "<script>" });
    expect(bad.status).toBe(400);
    expect(bad.body).toContain("The name cannot be used: give 1–64 letters, digits, spaces or . _ @ -.");
    expect(bad.body).not.toContain("<script>");
    const missing = await post("/billing/tokens/revoke", { id: "99" });
    expect([missing.status, missing.body.includes("There is no such token")]).toEqual([400, true]);
    const session = h.da.login("admin");
    const forged = await h.visit({
      level: "admin",
      file: "index.raw",
      session,
      method: "POST",
      query: "p=/billing/tokens/create",
      post: form({ name: "forged" }),
    });
    expect(parseRaw(forged.stdout).status).toBe(403);
    expect(new BillingTokenStore(h.services.db).list()).toEqual([]);
  });

  it("shows the API's latest requests, refused ones too, in the visitor's language", async () => {
    const tokens = new BillingTokenStore(h.services.db);
    tokens.logUse({
      at: 0,
      tokenId: null,
      remote: "203.0.113.10",
      request: "GET /api/billing/v1/statements",
      status: 401,
      outcome: "no token",
    });
    const en = (await page("admin", "admin")).body;
    expect(en).toContain(
      "<td>no valid token</td><td>203.0.113.10</td><td><code>GET /api/billing/v1/statements</code></td><td>401 no token</td>",
    );
    const cs = (await page("admin", "admin", "p=/billing/tokens", "cs")).body;
    expect(cs).toContain("<td>bez platného tokenu</td>");
    expect(cs).toContain("Tokeny pro fakturaci");
  });

  it("is the admin's only: a reseller or a user finds no such page", async () => {
    expect((await page("res1", "reseller")).status).toBe(404);
    expect((await page("alice", "user")).status).toBe(404);
    expect((await post("/billing/tokens/create", { name: "mine" }, "res1", "reseller")).status).toBe(404);
    expect(new BillingTokenStore(h.services.db).list()).toEqual([]);
  });
});
