import { describe, expect, it } from "vitest";
import { ManualClock } from "../../src/clock.js";
import { AdoptionRequests } from "../../src/provisioning/adoption-requests.js";
import { MOVES, mayMove, reminderDue, tokenFound, type AdoptionMove } from "../../src/provisioning/adoption-rules.js";
import { SqliteJobQueue } from "../../src/provisioning/sqlite-job-queue.js";
import { queueTakeOver, takeOverAdoption } from "../../src/provisioning/tasks/adoption-tasks.js";
import { jobKey } from "../../src/provisioning/task-definition.js";
import { openDatabase } from "../../src/store/database.js";
import { ConflictStore } from "../../src/store/conflict-store.js";
import { DriftStore } from "../../src/store/drift-store.js";
import { InventoryStore } from "../../src/store/inventory-store.js";
import { NotificationStore } from "../../src/store/notification-store.js";
import { ServiceRequestStore } from "../../src/store/service-request-store.js";

const DAY = 86_400_000;

/** A database with bob (bob.test), a customer of reseller res, and the adoption requests over it. */
function setUp() {
  const db = openDatabase(":memory:");
  const clock = new ManualClock("2026-03-10T09:00:00Z");
  const inventory = new InventoryStore(db);
  const bob = { username: "bob", package: "default", ips: [], suspended: false, creator: "res", domains: [] };
  inventory.rememberAccount(bob, clock.now());
  inventory.rememberDomain(bob, { domain: "bob.test", kind: "domain" }, clock.now());
  const queue = new SqliteJobQueue(db, clock);
  const notices = new NotificationStore(db);
  const requests = new ServiceRequestStore(db);
  const conflicts = new ConflictStore(db);
  conflicts.flag("bob.test", "zone", "a zone for bob.test already exists at WEDOS", clock.now());
  const stores = { queue, clock, inventory, conflicts, drift: new DriftStore(db) };
  const adoptions = new AdoptionRequests({
    requests,
    notices,
    inventory,
    clock,
    times: { expiryDays: 14, reminderDays: 3 },
    takeOver: (request) => queueTakeOver(stores, request),
  });
  const told = (level: "user" | "reseller" | "admin", recipient: string) =>
    notices.unread({ level, recipient }, 50).map((notice) => `${notice.kind} ${notice.domain ?? ""}`);
  const takeOverQueued = () => queue.active(jobKey(takeOverAdoption, { domain: "bob.test", request: 1 })) !== undefined;
  return { db, clock, adoptions, requests, told, takeOverQueued, conflicts };
}

describe("adoption requests", () => {
  it("opens one request per domain, with a token and an expiry, and tells the owner", () => {
    const { clock, adoptions, told } = setUp();
    const opened = adoptions.open("bob.test", "zone", "daemon");
    expect(opened).toMatchObject({
      state: "requested",
      username: "bob",
      reseller: "res",
      openedBy: "daemon",
      expiresAt: clock.now() + 14 * DAY,
    });
    expect(opened?.details.token).toMatch(/^[0-9a-f]{32}$/);
    expect(adoptions.open("bob.test", "protection", "admin admin")?.id).toBe(opened?.id);
    expect(told("user", "bob")).toEqual(["adoption-requested bob.test"]);
    expect(told("reseller", "res")).toEqual([]);
    // A domain without an account has nobody to ask.
    expect(adoptions.open("nobody.test", "zone", "daemon")).toBeUndefined();
  });

  it("queues the take-over only once the owner approves, and tells the reseller and the admins", () => {
    const { adoptions, told, takeOverQueued, conflicts } = setUp();
    const id = adoptions.open("bob.test", "zone", "daemon")?.id ?? 0;
    expect(takeOverQueued()).toBe(false);
    expect(adoptions.move(id, "approve", { actor: "user bob" })).toBe(true);
    expect(adoptions.get(id)?.state).toBe("approved");
    expect(takeOverQueued()).toBe(true);
    // Decided at once: the conflict is adopted, so no list shows it while the job waits.
    expect(conflicts.get("bob.test", "zone")?.resolution).toBe("adopt");
    expect(told("reseller", "res")).toEqual(["adoption-approved bob.test"]);
    expect(told("admin", "admin")).toEqual(["adoption-approved bob.test"]);
    // Approving twice (two tabs) moves nothing the second time.
    expect(adoptions.move(id, "approve", { actor: "user bob" })).toBe(false);
    expect(adoptions.move(id, "decline", { actor: "user bob" })).toBe(false);
    expect(adoptions.move(id, "finish", { actor: "daemon", note: "taken over" })).toBe(true);
    expect(adoptions.get(id)?.state).toBe("done");
    expect(told("user", "bob")).toEqual(["adoption-done bob.test", "adoption-requested bob.test"]);
  });

  it("keeps a refusal: nothing queued, no approval after it, only an admin's override with its reason", () => {
    const { adoptions, told, takeOverQueued, conflicts } = setUp();
    const id = adoptions.open("bob.test", "zone", "daemon")?.id ?? 0;
    expect(adoptions.move(id, "decline", { actor: "user bob" })).toBe(true);
    expect(adoptions.get(id)?.state).toBe("declined");
    expect(takeOverQueued()).toBe(false);
    expect(conflicts.get("bob.test", "zone")?.resolution).toBeNull();
    expect(told("admin", "admin")).toEqual(["adoption-declined bob.test"]);
    expect(adoptions.move(id, "approve", { actor: "user bob" })).toBe(false);
    expect(adoptions.move(id, "prove", { actor: "dns" })).toBe(false);

    const reason = "the owner confirmed by phone, ticket 4711";
    expect(adoptions.move(id, "override", { actor: "admin admin", note: reason })).toBe(true);
    expect(adoptions.get(id)?.state).toBe("approved");
    expect(takeOverQueued()).toBe(true);
    expect(adoptions.history(id).map(({ actor, from, to, note }) => [actor, from, to, note])).toEqual([
      ["daemon", null, "requested", null],
      ["user bob", "requested", "declined", null],
      ["admin admin", "declined", "approved", reason],
    ]);
    expect(told("user", "bob")).toEqual(["adoption-overridden bob.test", "adoption-requested bob.test"]);
  });

  it("reminds the owner once before the expiry, expires the request at it, and lets it be requested again", () => {
    const { clock, adoptions, told } = setUp();
    const id = adoptions.open("bob.test", "zone", "daemon")?.id ?? 0;
    clock.advance(10 * DAY);
    expect(adoptions.upkeep()).toEqual({ expired: 0, reminded: 0 });
    clock.advance(DAY + 1);
    expect(adoptions.upkeep()).toEqual({ expired: 0, reminded: 1 });
    expect(adoptions.upkeep()).toEqual({ expired: 0, reminded: 0 });
    expect(told("user", "bob")).toEqual(["adoption-reminder bob.test", "adoption-requested bob.test"]);
    expect(adoptions.get(id)?.state).toBe("requested");

    clock.advance(3 * DAY);
    expect(adoptions.upkeep()).toEqual({ expired: 1, reminded: 0 });
    expect(adoptions.get(id)?.state).toBe("expired");
    expect(told("reseller", "res")).toEqual(["adoption-expired bob.test"]);
    expect(adoptions.move(id, "approve", { actor: "user bob" })).toBe(false);

    const again = adoptions.open("bob.test", "zone", "reseller res");
    expect(again?.id).not.toBe(id);
    expect(again?.state).toBe("requested");
    expect(again?.details.token).not.toBe(adoptions.get(id)?.details.token);
  });

  it("ends a take-over done or failed, and only from approved", () => {
    const { adoptions, told } = setUp();
    const id = adoptions.open("bob.test", "zone", "daemon")?.id ?? 0;
    expect(adoptions.move(id, "finish", { actor: "daemon" })).toBe(false);
    expect(adoptions.move(id, "fail", { actor: "daemon" })).toBe(false);
    adoptions.move(id, "prove", { actor: "dns", note: "TXT found" });
    expect(told("admin", "admin")).toEqual(["adoption-proved bob.test"]);
    expect(adoptions.move(id, "fail", { actor: "daemon", note: "WEDOS refused" })).toBe(true);
    expect(adoptions.get(id)?.state).toBe("failed");
    expect(adoptions.move(id, "override", { actor: "admin admin", note: "try again" })).toBe(true);
    expect(adoptions.get(id)?.state).toBe("approved");
  });
});

describe("the adoption rules", () => {
  const request = { username: "bob" };
  it("lets only the domain's own account approve or decline, and only an admin override", () => {
    expect(mayMove("approve", { level: "user", username: "bob" }, request)).toBe(true);
    expect(mayMove("decline", { level: "user", username: "bob" }, request)).toBe(true);
    expect(mayMove("approve", { level: "user", username: "alice" }, request)).toBe(false);
    expect(mayMove("approve", { level: "reseller", username: "bob" }, request)).toBe(false);
    expect(mayMove("approve", { level: "admin", username: "admin" }, request)).toBe(false);
    expect(mayMove("override", { level: "reseller", username: "res" }, request)).toBe(false);
    expect(mayMove("override", { level: "admin", username: "admin" }, request)).toBe(true);
    expect(mayMove("approve", { level: "user", username: "bob" }, { username: null })).toBe(false);
  });

  it("moves the daemon's and people's steps only from their states", () => {
    const into = (state: string) =>
      (Object.keys(MOVES) as AdoptionMove[]).filter((move) => MOVES[move].from.includes(state as never)).sort();
    expect(into("requested")).toEqual(["approve", "check", "decline", "expire", "override", "prove", "remind"]);
    expect(into("approved")).toEqual(["fail", "finish"]);
    expect(into("declined")).toEqual(["override"]);
    expect(into("expired")).toEqual(["override"]);
    expect(into("failed")).toEqual(["override"]);
    expect(into("done")).toEqual([]);
  });

  it("matches the token exactly and reminds only a waiting request within the reminder days", () => {
    expect(tokenFound(["v=spf1 -all", "abc123"], "abc123")).toBe(true);
    expect(tokenFound(["abc1234"], "abc123")).toBe(false);
    const waiting = {
      id: 1,
      kind: "adoption" as const,
      domain: "bob.test",
      service: "zone" as const,
      state: "requested",
      username: "bob",
      reseller: null,
      openedBy: "daemon",
      openedAt: 0,
      updatedAt: 0,
      expiresAt: 14 * DAY,
      details: {},
    };
    const times = { expiryDays: 14, reminderDays: 3 };
    expect(reminderDue(waiting, 11 * DAY - 1, times)).toBe(false);
    expect(reminderDue(waiting, 11 * DAY, times)).toBe(true);
    expect(reminderDue({ ...waiting, details: { remindedAt: 1 } }, 12 * DAY, times)).toBe(false);
    expect(reminderDue({ ...waiting, state: "approved" }, 12 * DAY, times)).toBe(false);
    expect(reminderDue(waiting, 12 * DAY, { ...times, reminderDays: 0 })).toBe(false);
  });
});
