import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BillingAuditStore } from "../../src/store/billing-audit-store.js";
import { BillingTokenError, BillingTokenStore, TOKEN_PREFIX } from "../../src/store/billing-token-store.js";
import { sha256Hex } from "../../src/util/sha256.js";
import { openDatabase } from "../../src/store/database.js";
import { tempDir } from "../support/temp-dir.js";

describe("billing tokens", () => {
  it("keeps only the token's SHA-256: the database file never holds the token itself", () => {
    const file = join(tempDir(), "db.sqlite");
    const db = openDatabase(file);
    const { token, secret } = new BillingTokenStore(db).create({
      name: "whmcs pull",
      reseller: null,
      actor: "cli root",
      now: 1000,
    });
    expect(secret).toMatch(new RegExp(`^${TOKEN_PREFIX}[A-Za-z0-9_-]{43}$`));
    expect(token).toMatchObject({ name: "whmcs pull", reseller: null, hint: secret.slice(0, 13), revokedAt: null });
    const row = db.prepare<[], { token_sha256: string }>("SELECT token_sha256 FROM billing_tokens").get();
    expect(row?.token_sha256).toBe(sha256Hex(secret));
    db.close();
    const bytes = readFileSync(file).toString("latin1");
    expect(bytes).not.toContain(secret);
    expect(bytes).not.toContain(secret.slice(13));
  });

  it("authenticates a live token, marks its use, and refuses it once revoked; both changes are audited", () => {
    const db = openDatabase(join(tempDir(), "db.sqlite"));
    const tokens = new BillingTokenStore(db);
    const { token, secret } = tokens.create({ name: "blesta", reseller: "res1", actor: "admin alice", now: 1000 });
    expect(tokens.authenticate(`${secret}x`, 2000)).toBeUndefined();
    expect(tokens.authenticate(secret, 3000)).toMatchObject({ id: token.id, reseller: "res1", lastUsedAt: 3000 });
    expect(tokens.byId(token.id)?.lastUsedAt).toBe(3000);
    expect(tokens.revoke(token.id, "cli root", 4000)).toBe(true);
    expect(tokens.revoke(token.id, "cli root", 5000)).toBe(false);
    expect(tokens.authenticate(secret, 6000)).toBeUndefined();
    expect(tokens.list()).toMatchObject([{ id: token.id, revokedAt: 4000, revokedBy: "cli root" }]);
    const audit = new BillingAuditStore(db).list();
    expect(audit.map((entry) => [entry.actor, entry.action, entry.subject])).toEqual([
      ["cli root", "token.revoke", `token ${token.id}`],
      ["admin alice", "token.create", `token ${token.id}`],
    ]);
    expect(JSON.stringify(audit)).not.toContain(secret.slice(13));
  });

  it("says what was wrong with a name or a number", () => {
    const tokens = new BillingTokenStore(openDatabase(":memory:"));
    expect(() => tokens.create({ name: "  ", reseller: null, actor: "cli root", now: 1 })).toThrow(BillingTokenError);
    expect(() => tokens.create({ name: "a<b>", reseller: null, actor: "cli root", now: 1 })).toThrow(
      /cannot name a token: use 1–64 letters/,
    );
    expect(() => tokens.revoke(42, "cli root", 1)).toThrow(/there is no token 42/);
  });

  it("keeps the newest 10,000 uses of the API", () => {
    const tokens = new BillingTokenStore(openDatabase(":memory:"));
    for (let at = 1; at <= 10_003; at++) {
      tokens.logUse({ at, tokenId: null, remote: "127.0.0.1", request: "GET /x", status: 401, outcome: "no token" });
    }
    const uses = tokens.uses(20_000);
    expect(uses).toHaveLength(10_000);
    expect(uses[0]?.at).toBe(10_003);
    expect(uses.at(-1)?.at).toBe(4);
  });
});
