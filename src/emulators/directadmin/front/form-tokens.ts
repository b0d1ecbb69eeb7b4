import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

/**
 * The token the emulated panel's own forms carry (login-as, logout, account and DNS forms), bound to the session
 * that shows the form: an HMAC of the session id under a key made at start. The front's sessions live in memory,
 * so the key need not outlive the process. This guards the emulator's forms only; the plugin's pages bring their own.
 */
export class FormTokens {
  private readonly key = randomBytes(32);

  issue(sessionId: string): string {
    return createHmac("sha256", this.key).update(sessionId).digest("base64url");
  }

  matches(token: string | undefined, sessionId: string): boolean {
    const expected = Buffer.from(this.issue(sessionId));
    const given = Buffer.from(token ?? "");
    return given.length === expected.length && timingSafeEqual(given, expected);
  }
}
