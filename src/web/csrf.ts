import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { existsSync, linkSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Clock } from "../clock.js";
import { AppError } from "../errors.js";
import type { Level } from "./identity/identity.js";

/** Length of one token window; a token is accepted in its own window and the next, so for 12 to 24 hours. */
export const CSRF_WINDOW_MS = 12 * 3_600_000;

/** How a submitted token compares with the visitor. */
export type CsrfCheck = "valid" | "missing" | "stale" | "invalid";

/**
 * DirectAdmin gives plugins no CSRF protection (docs/reference/directadmin.md#sessions-csrf-and-the-api), so the
 * pages carry their own token: an HMAC-SHA256 over level, username and a 12-hour window (the pattern of the borg
 * plugin's CsrfTokenizer), keyed with a secret only the daemon can read. Nothing is stored per session; the token
 * reads `<window>.<mac>`.
 */
export class CsrfTokens {
  constructor(
    private readonly secret: Buffer,
    private readonly clock: Clock,
  ) {}

  /** The token for this visitor now. */
  issue(level: Level, username: string): string {
    const window = this.window();
    return `${window.toString(36)}.${this.mac(level, username, window)}`;
  }

  /** Whether `token` was issued to this visitor in the current or the previous window. */
  check(token: string | undefined, level: Level, username: string): CsrfCheck {
    if (token === undefined || token === "") return "missing";
    const match = /^([0-9a-z]{1,12})\.([A-Za-z0-9_-]{43})$/.exec(token);
    if (match === null) return "invalid";
    const window = Number.parseInt(match[1] as string, 36);
    const expected = Buffer.from(this.mac(level, username, window));
    if (!timingSafeEqual(expected, Buffer.from(match[2] as string))) return "invalid";
    const current = this.window();
    if (window === current || window === current - 1) return "valid";
    return window < current ? "stale" : "invalid";
  }

  private window(): number {
    return Math.floor(this.clock.now() / CSRF_WINDOW_MS);
  }

  private mac(level: Level, username: string, window: number): string {
    return createHmac("sha256", this.secret)
      .update(`wedos-panel csrf v1\n${level}\n${username}\n${window}`)
      .digest("base64url");
  }
}

/**
 * The CSRF key, `<dataDir>/web-secret`: 32 random bytes made once (mode 0600; two daemons starting together
 * end up with the same key) and read ever after. A readable-by-others file is refused: anyone
 * who can read it can forge tokens.
 */
export function loadWebSecret(dataDir: string): Buffer {
  const file = join(dataDir, "web-secret");
  if (!existsSync(file)) {
    // Written aside, then linked into place: link() fails if the file appeared meanwhile, so the first key wins
    // and nobody ever reads a half-written one.
    const aside = `${file}.${randomBytes(6).toString("hex")}.tmp`;
    try {
      writeFileSync(aside, randomBytes(32).toString("hex"), { mode: 0o600, flag: "wx" });
      linkSync(aside, file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") {
        throw new AppError(
          "web_secret",
          `cannot create ${file} (${(error as Error).message}); check that the data directory exists and is writable`,
          { cause: error },
        );
      }
    } finally {
      rmSync(aside, { force: true });
    }
  }
  const mode = statSync(file).mode & 0o777;
  if ((mode & 0o077) !== 0) {
    throw new AppError(
      "web_secret",
      `${file} must be readable by its owner only, but its mode is ${mode.toString(8).padStart(4, "0")}; run: chmod 600 ${file}`,
    );
  }
  const text = readFileSync(file, "utf8").trim();
  if (!/^[0-9a-f]{64}$/.test(text))
    throw new AppError(
      "web_secret",
      `${file} does not hold a 64-digit hex key; delete it and restart the daemon to make a new one`,
    );
  return Buffer.from(text, "hex");
}
