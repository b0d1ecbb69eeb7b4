import { randomBytes } from "node:crypto";
import { sha256Hex } from "../util/sha256.js";
import { BillingAuditStore } from "./billing-audit-store.js";
import type { Database } from "./database.js";

/** A token of the statements pull API, as lists show it: never the token itself. */
export interface BillingToken {
  id: number;
  name: string;
  /** The token's first characters, to tell tokens apart. */
  hint: string;
  /** null: every reseller's statements; otherwise only this reseller's customers. */
  reseller: string | null;
  createdAt: number;
  createdBy: string;
  revokedAt: number | null;
  revokedBy: string | null;
  lastUsedAt: number | null;
}

export interface BillingApiUse {
  at: number;
  tokenId: number | null;
  remote: string;
  request: string;
  status: number;
  outcome: string;
}

/** Raised for a token request that cannot be done; the message says what to do instead. */
export class BillingTokenError extends Error {
  override readonly name = "BillingTokenError";
}

/** Tokens start with this, so a leaked one is recognisable (secret scanners, logs) as a wedos-panel billing token. */
export const TOKEN_PREFIX = "wpbill_";
const HINT_LENGTH = TOKEN_PREFIX.length + 6;
const LOG_KEEP = 10_000;
const NAME = /^[\p{L}\p{N} ._@-]{1,64}$/u;

const SELECT = `SELECT id, name, hint, scope_reseller AS reseller, created_at AS createdAt, created_by AS createdBy,
  revoked_at AS revokedAt, revoked_by AS revokedBy, last_used_at AS lastUsedAt FROM billing_tokens`;

/**
 * The pull API's bearer tokens (migration 26): 32 random bytes, kept only as their SHA-256 — a copy of the database
 * gives nobody a usable token — shown once when made. Each is scoped to every reseller or one; making and revoking
 * one goes to the billing audit log with who did it, and every use of the API to its own log, without the token.
 */
export class BillingTokenStore {
  private readonly audit: BillingAuditStore;

  constructor(private readonly db: Database) {
    this.audit = new BillingAuditStore(db);
  }

  /** Makes a token; the answer holds the token itself, which nothing can show again. */
  create(input: { name: string; reseller: string | null; actor: string; now: number }): {
    token: BillingToken;
    secret: string;
  } {
    const name = input.name.trim();
    if (!NAME.test(name)) {
      throw new BillingTokenError(
        `"${input.name}" cannot name a token: use 1–64 letters, digits, spaces or . _ @ -, e.g. "whmcs pull"`,
      );
    }
    const reseller = input.reseller?.trim() || null;
    const secret = `${TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
    const id = this.db.transaction(() => {
      const { lastInsertRowid } = this.db
        .prepare(
          `INSERT INTO billing_tokens (name, token_sha256, hint, scope_reseller, created_at, created_by)
           VALUES (?, ?, ?, ?, ?, ?)`,
        )
        .run(name, sha256Hex(secret), secret.slice(0, HINT_LENGTH), reseller, input.now, input.actor);
      this.audit.record({
        at: input.now,
        actor: input.actor,
        action: "token.create",
        subject: `token ${lastInsertRowid}`,
        details: { name, reseller: reseller ?? "all", hint: secret.slice(0, HINT_LENGTH) },
      });
      return Number(lastInsertRowid);
    })();
    return { token: this.byId(id) as BillingToken, secret };
  }

  byId(id: number): BillingToken | undefined {
    return this.db.prepare<[number], BillingToken>(`${SELECT} WHERE id = ?`).get(id);
  }

  /** Every token, newest first, revoked ones included (they say when and by whom). */
  list(): BillingToken[] {
    return this.db.prepare<[], BillingToken>(`${SELECT} ORDER BY id DESC`).all();
  }

  /** Revokes a token at once: its next request is refused. False when it was already revoked. */
  revoke(id: number, actor: string, now: number): boolean {
    const token = this.byId(id);
    if (token === undefined) {
      throw new BillingTokenError(`there is no token ${id}: "wedos-panel billing token list" shows their numbers`);
    }
    if (token.revokedAt !== null) return false;
    this.db.transaction(() => {
      this.db.prepare("UPDATE billing_tokens SET revoked_at = ?, revoked_by = ? WHERE id = ?").run(now, actor, id);
      this.audit.record({
        at: now,
        actor,
        action: "token.revoke",
        subject: `token ${id}`,
        details: { name: token.name, hint: token.hint },
      });
    })();
    return true;
  }

  /** The live token a bearer secret is, or undefined (unknown or revoked); marks it used. */
  authenticate(secret: string, now: number): BillingToken | undefined {
    const row = this.db
      .prepare<[string], BillingToken>(`${SELECT} WHERE token_sha256 = ? AND revoked_at IS NULL`)
      .get(sha256Hex(secret));
    if (row === undefined) return undefined;
    this.db.prepare("UPDATE billing_tokens SET last_used_at = ? WHERE id = ?").run(now, row.id);
    return { ...row, lastUsedAt: now };
  }

  /** Logs one request to the API (never the token), keeping the newest rows only. */
  logUse(use: BillingApiUse): void {
    this.db.transaction(() => {
      const { lastInsertRowid } = this.db
        .prepare(
          `INSERT INTO billing_api_log (at, token_id, remote, request, status, outcome)
           VALUES (@at, @tokenId, @remote, @request, @status, @outcome)`,
        )
        .run(use);
      this.db.prepare("DELETE FROM billing_api_log WHERE id <= ?").run(Number(lastInsertRowid) - LOG_KEEP);
    })();
  }

  /** The newest uses first. */
  uses(limit = 50): BillingApiUse[] {
    return this.db
      .prepare<[number], BillingApiUse>(
        `SELECT at, token_id AS tokenId, remote, request, status, outcome FROM billing_api_log
         ORDER BY id DESC LIMIT ?`,
      )
      .all(limit);
  }
}
