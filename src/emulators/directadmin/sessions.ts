import { randomBytes, timingSafeEqual } from "node:crypto";
import type { Clock } from "../../clock.js";
import { EmulatorRefusal } from "./options.js";
import type { TreeFiles } from "./tree.js";

/**
 * A DirectAdmin login as page scripts see it: the two variables DirectAdmin exports
 * (docs/reference/directadmin.md#page-environment).
 */
export interface DirectAdminSession {
  SESSION_ID: string;
  SESSION_KEY: string;
}

/** Whom a session belongs to; under login-as, `username` is the impersonated account and `loginAs` the operator. */
export interface SessionOwner {
  username: string;
  loginAs: string | undefined;
}

/** DirectAdmin's default idle timeout is an hour of inactivity (session_minutes); the emulator does the same. */
const DEFAULT_IDLE_MS = 3_600_000;

/**
 * The emulator's logins. A session is an id and a key, as DirectAdmin's `session=…; key=…` cookie, and ends after
 * an idle hour (on the emulator's clock) or at logout. Login-as follows DirectAdmin: an admin may impersonate
 * anyone, a reseller only the accounts they created.
 */
export class SessionBook {
  private readonly sessions = new Map<string, SessionOwner & { key: string; lastUsed: number; ended: boolean }>();

  constructor(
    private readonly files: TreeFiles,
    private readonly clock: Clock,
    private readonly idleMs = DEFAULT_IDLE_MS,
  ) {}

  login(username: string, options: { loginAs?: string } = {}): DirectAdminSession {
    const conf = this.files.userConf(username);
    if (conf === undefined) throw new EmulatorRefusal(`there is no user ${username}`);
    const master = options.loginAs;
    if (master !== undefined) {
      const type = this.files.userConf(master)?.get("usertype");
      const allowed = type === "admin" || (type === "reseller" && conf.get("creator") === master);
      if (!allowed) throw new EmulatorRefusal(`${master} may not log in as ${username}`);
    }
    // Ids and keys mix letters and digits, as DirectAdmin's do.
    const id = randomBytes(12).toString("hex");
    const key = randomBytes(24).toString("base64url").replace(/[-_]/g, "7");
    this.sessions.set(id, { username, loginAs: master, key, lastUsed: this.clock.now(), ended: false });
    return { SESSION_ID: id, SESSION_KEY: key };
  }

  /** Ends the session (it is remembered as ended, so a page can still be run with it: see ownerOf). */
  logout(session: DirectAdminSession): void {
    const entry = this.sessions.get(session.SESSION_ID);
    if (entry !== undefined) entry.ended = true;
  }

  /** The live session's owner (and the session's idle time restarts), or undefined: unknown, wrong key, idle too long. */
  use(id: string, key: string): SessionOwner | undefined {
    const entry = this.sessions.get(id);
    if (
      entry === undefined ||
      entry.key.length !== key.length ||
      !timingSafeEqual(Buffer.from(entry.key), Buffer.from(key))
    )
      return undefined;
    const now = this.clock.now();
    if (entry.ended || now - entry.lastUsed > this.idleMs) {
      entry.ended = true;
      return undefined;
    }
    entry.lastUsed = now;
    return { username: entry.username, loginAs: entry.loginAs };
  }

  /** Whom a session was issued to, live or not (for running pages with it); nothing is touched. */
  ownerOf(session: DirectAdminSession): SessionOwner | undefined {
    const entry = this.sessions.get(session.SESSION_ID);
    return entry === undefined ? undefined : { username: entry.username, loginAs: entry.loginAs };
  }
}
