import { randomBytes } from "node:crypto";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ManualClock } from "../../src/clock.js";
import {
  EmulatedDirectAdmin,
  fixtureTree,
  type DirectAdminSession,
  type RunningDirectAdminApi,
} from "../../src/emulators/directadmin/index.js";
import type { SessionCheckBound } from "../../src/store/session-check-store.js";
import { Secret } from "../../src/util/secret.js";
import { SessionCheckLimits } from "../../src/web/identity/session-check-limits.js";
import { SessionVerifier } from "../../src/web/identity/session-verifier.js";
import { tempDir } from "../support/temp-dir.js";

const HOUR_MS = 3_600_000;
const ACCOUNTS = Array.from({ length: 10 }, (_, i) => `res${i + 1}`);

let clock: ManualClock;
let da: EmulatedDirectAdmin;
let api: RunningDirectAdminApi;
let bounds: SessionCheckBound[];
let verifier: SessionVerifier;

beforeEach(async () => {
  clock = new ManualClock("2026-03-10T09:00:00Z");
  const root = tempDir();
  da = new EmulatedDirectAdmin({
    layout: fixtureTree(join(root, "da")),
    hookEnv: { WEDOS_PANEL_DATA_DIR: join(root, "data") },
    clock,
  });
  for (const name of [...ACCOUNTS, "mallory", "eve"]) da.createStaffAccount(name, "reseller");
  api = await da.startApi();
  bounds = [];
  verifier = new SessionVerifier({
    endpoint: () => ({ url: api.url }),
    clock,
    limits: new SessionCheckLimits({ clock, onBoundReached: (bound) => bounds.push(bound) }),
  });
});
afterEach(async () => {
  await verifier.close();
  await api.close();
});

/** A session DirectAdmin never issued, shaped like its own (letters and digits). */
const madeUp = (): DirectAdminSession => ({
  SESSION_ID: randomBytes(12).toString("hex"),
  SESSION_KEY: randomBytes(24).toString("hex"),
});
const verify = (session: DirectAdminSession, source: string) =>
  verifier.verify({ id: new Secret(session.SESSION_ID), key: new Secret(session.SESSION_KEY) }, source);
const asked = () => api.requests.filter((request) => request.path === "/CMD_API_SHOW_USER_CONFIG");
const settle = <T>(promises: Array<Promise<T>>) => Promise.allSettled(promises);

describe("session checks cannot be flooded (DirectAdmin's API emulated, time injected)", () => {
  it("lets ten real fresh logins from other accounts all succeed while one account floods made-up sessions", async () => {
    const flood = Array.from({ length: 60 }, () => verify(madeUp(), "mallory"));
    const logins = ACCOUNTS.map((name) => verify(da.login(name), name));
    const [flooded, real] = await Promise.all([settle(flood), settle(logins)]);
    expect(
      real.map((result) => (result.status === "fulfilled" ? result.value.username : String(result.reason))),
    ).toEqual(ACCOUNTS);
    expect(flooded.every((result) => result.status === "rejected")).toBe(true);
    // At most two of the flood's checks were under way at once, and after they failed the account was asked no more.
    expect(asked().filter((request) => request.status === 401)).toHaveLength(2);
    const later = await settle(Array.from({ length: 20 }, () => verify(madeUp(), "mallory")));
    expect(
      later.map((result) =>
        result.status === "rejected" ? (result.reason as { messageKey: string }).messageKey : "verified",
      ),
    ).toEqual(Array(20).fill("error.sessionChecksPaused"));
    expect(asked()).toHaveLength(12);
    // Reported once, naming the account (the admin's log line and doctor's record come from this).
    expect(bounds).toEqual([{ at: clock.now(), scope: "source", source: "mallory", failures: 2, limit: 2 }]);
    // Another account's fresh login still goes through.
    await expect(verify(da.login("eve"), "eve")).resolves.toMatchObject({ username: "eve", usertype: "reseller" });
  });

  it("refuses a malformed session without asking DirectAdmin", async () => {
    const real = da.login("res1");
    const malformed: DirectAdminSession[] = [
      { SESSION_ID: "", SESSION_KEY: real.SESSION_KEY },
      { SESSION_ID: "0123abcd", SESSION_KEY: real.SESSION_KEY },
      { SESSION_ID: real.SESSION_ID, SESSION_KEY: `${real.SESSION_KEY}; session=other` },
      { SESSION_ID: real.SESSION_ID, SESSION_KEY: "x".repeat(257) },
      { SESSION_ID: `${real.SESSION_ID}\u00e9`, SESSION_KEY: real.SESSION_KEY },
    ];
    for (const session of malformed) {
      await expect(verify(session, "res1")).rejects.toMatchObject({
        status: 401,
        messageKey: "error.sessionExpired",
        message: expect.stringContaining("refused without asking DirectAdmin"),
      });
    }
    expect(asked()).toHaveLength(0);
    expect(bounds).toEqual([]);
    await expect(verify(real, "res1")).resolves.toMatchObject({ username: "res1" });
  });

  it("remembers a session DirectAdmin did not know, and asks about it again only after ten minutes", async () => {
    const session = madeUp();
    await expect(verify(session, "eve")).rejects.toMatchObject({ status: 401 });
    await expect(verify(session, "eve")).rejects.toMatchObject({
      status: 401,
      message: expect.stringContaining("did not know it a moment ago"),
    });
    expect(asked()).toHaveLength(1);
    clock.advance(10 * 60_000);
    await expect(verify(session, "eve")).rejects.toMatchObject({ status: 401 });
    expect(asked()).toHaveLength(2);
  });

  it("holds the server's bound exactly when many made-up sessions from many accounts start at once", async () => {
    const results = await settle(Array.from({ length: 40 }, (_, n) => verify(madeUp(), `local${n % 20}`)));
    expect(results.every((result) => result.status === "rejected")).toBe(true);
    expect(asked().filter((request) => request.status === 401)).toHaveLength(12);
    await settle(Array.from({ length: 40 }, (_, n) => verify(madeUp(), `other${n}`)));
    expect(asked()).toHaveLength(12);
  });

  it("never lets more than the server's bound of failed checks reach DirectAdmin in an hour, then refuses only requests not yet proven", async () => {
    const known = da.login("res1");
    await verify(known, "res1");
    // Twenty accounts, each within its own bound, together send forty made-up sessions within a minute.
    for (let round = 0; round < 40; round++) {
      await verify(madeUp(), `local${round % 20}`).catch(() => undefined);
      clock.advance(1_000);
    }
    expect(asked().filter((request) => request.status === 401)).toHaveLength(12);
    expect(bounds[0]).toMatchObject({ scope: "server", failures: 12, limit: 12 });
    expect(bounds.filter((bound) => bound.scope === "server")).toHaveLength(1);
    // A fresh login is refused with words for the visitor, and DirectAdmin is not asked…
    const before = asked().length;
    const fresh = da.login("res2");
    await expect(verify(fresh, "res2")).rejects.toMatchObject({
      status: 503,
      messageKey: "error.sessionChecksPaused",
      message: expect.stringContaining("12 failed checks on this server in the last hour (at most 12)"),
    });
    // …while a session verified before still works, from the verifier's cache.
    await expect(verify(known, "res1")).resolves.toMatchObject({ username: "res1" });
    expect(asked()).toHaveLength(before);
    // An hour after the first failure, checks resume.
    clock.advance(HOUR_MS - 40_000);
    await expect(verify(fresh, "res2")).resolves.toMatchObject({ username: "res2" });
  });
});
