import { describe, expect, it } from "vitest";
import { ManualClock } from "../../src/clock.js";
import type { ServiceRequest } from "../../src/model/service-request.js";
import { SqliteJobQueue } from "../../src/provisioning/sqlite-job-queue.js";
import { deliveredNotices } from "../../src/provisioning/tasks/notice-delivery.js";
import type { SupportDiagnostics } from "../../src/provisioning/support-diagnostics.js";
import {
  DESCRIPTION_MAX,
  moveSupportRequest,
  openSupportRequest,
  type SupportDeps,
} from "../../src/provisioning/support-request.js";
import {
  SUPPORT_MOVES,
  SUPPORT_STATES,
  supportRole,
  type SupportMove,
  type SupportRole,
} from "../../src/provisioning/support-states.js";
import { openDatabase } from "../../src/store/database.js";
import type { DomainRow } from "../../src/store/inventory-store.js";
import { ServiceRequestStore } from "../../src/store/service-request-store.js";

const ROW: DomainRow = {
  domain: "alice.test",
  username: "alice",
  kind: "domain",
  target: null,
  state: "active",
  origin: "panel",
  deleteAfter: null,
  dnsStatus: "error",
  dnsReason: "WEDOS refused the zone",
  dnsReasonCode: null,
  dnsSyncedAt: null,
  createdAt: 0,
  updatedAt: 0,
} as DomainRow;

const DIAGNOSTICS: SupportDiagnostics = {
  takenAt: 1_000,
  domain: { state: "active", dnsStatus: "error", reason: null, syncedAt: null },
  zone: null,
  protection: null,
  delegation: null,
  jobs: [],
  wapiErrors: [],
  budget: { used: 3, limit: 1000, paused: null, pauseReason: null },
};

function setUp() {
  const db = openDatabase(":memory:");
  const clock = new ManualClock("2026-03-10T09:00:00Z");
  const queue = new SqliteJobQueue(db, clock);
  const notices = deliveredNotices(db, queue);
  const deps: SupportDeps = { requests: new ServiceRequestStore(db), notices };
  const open = (description = "Protection does not activate since Monday.") =>
    openSupportRequest(deps, {
      row: ROW,
      creator: "res1",
      tellReseller: "res1",
      service: "protection",
      description,
      diagnostics: DIAGNOSTICS,
      actor: "user alice",
      now: clock.now(),
    });
  return { db, clock, notices, queue, deps, open };
}

const ACTOR: Record<SupportRole, string> = { customer: "user alice", reseller: "reseller res1", admin: "admin admin" };

/** The moves each role may make in each state: written out here, not read from the rules under test. */
const ALLOWED: Record<string, Partial<Record<SupportMove, SupportRole[]>>> = {
  open: { forward: ["admin"], answer: ["reseller", "admin"], close: ["customer", "reseller", "admin"] },
  forwarded: { answer: ["reseller", "admin"], close: ["customer", "reseller", "admin"] },
  answered: { forward: ["admin"], reopen: ["customer"], close: ["customer", "reseller", "admin"] },
  closed: {},
};
const TARGET: Record<SupportMove, string> = {
  forward: "forwarded",
  answer: "answered",
  reopen: "open",
  close: "closed",
};

/** A fresh request brought to `state` through the store's own transitions. */
function requestIn(state: string) {
  const s = setUp();
  const opened = s.open();
  if (opened.kind !== "opened") throw new Error("not opened");
  if (state !== "open")
    s.deps.requests.transition(opened.request.id, { from: ["open"], to: state, actor: "admin admin", at: 2_000 });
  return { ...s, request: s.deps.requests.get(opened.request.id) as ServiceRequest };
}

describe("a support request's states and moves", () => {
  for (const state of SUPPORT_STATES)
    for (const move of SUPPORT_MOVES)
      for (const role of ["customer", "reseller", "admin"] as const) {
        const allowed = ALLOWED[state]?.[move]?.includes(role) === true;
        it(`${state}: ${role} ${move} is ${allowed ? "allowed" : "refused"}`, () => {
          const s = requestIn(state);
          const before = s.deps.requests.history(s.request.id).length;
          const unread = (level: "user" | "reseller" | "admin", who: string | null) =>
            s.notices.unreadCount({ level, recipient: who });
          const counts = () => [unread("user", "alice"), unread("reseller", "res1"), unread("admin", "admin")];
          const was = counts();
          const outcome = moveSupportRequest(
            s.deps,
            s.request,
            move,
            { role, actor: ACTOR[role], tellReseller: "res1" },
            "Please check the origin IP.",
            3_000,
          );
          const after = s.deps.requests.get(s.request.id) as ServiceRequest;
          if (!allowed) {
            expect(outcome).toBe("not-allowed");
            expect(after.state).toBe(state);
            expect(s.deps.requests.history(s.request.id)).toHaveLength(before);
            expect(counts()).toEqual(was);
            return;
          }
          expect(outcome).toBe("moved");
          expect(after.state).toBe(TARGET[move]);
          expect(s.deps.requests.history(s.request.id).at(-1)).toEqual({
            seq: before + 1,
            at: 3_000,
            actor: ACTOR[role],
            from: state,
            to: TARGET[move],
            note: "Please check the origin IP.",
          });
          // The other side is told: staff's moves tell the customer, the customer's tell the reseller and admins.
          const [user, reseller, admin] = counts().map((n, i) => n - (was[i] as number));
          if (role === "customer") expect([user, reseller, admin]).toEqual([0, 1, 1]);
          else expect([user, reseller, admin]).toEqual([1, 0, 0]);
          expect(s.queue.list({ states: ["queued"], limit: 10 }).map((job) => job.task)).toContain("deliver-notices");
        });
      }

  it("needs words for an answer and a reopening, and refuses a note that is too long", () => {
    const s = requestIn("open");
    const staff = { role: "reseller" as const, actor: "reseller res1", tellReseller: "res1" };
    expect(moveSupportRequest(s.deps, s.request, "answer", staff, "   ", 3_000)).toEqual({ problem: "short" });
    expect(moveSupportRequest(s.deps, s.request, "answer", staff, "x".repeat(2_001), 3_000)).toEqual({
      problem: "long",
    });
    expect(s.deps.requests.get(s.request.id)?.state).toBe("open");
    // Closing needs none.
    const customer = { role: "customer" as const, actor: "user alice", tellReseller: "res1" };
    expect(moveSupportRequest(s.deps, s.request, "close", customer, "", 3_000)).toBe("moved");
    expect(s.deps.requests.history(s.request.id).at(-1)?.note).toBeNull();
  });

  it("moves a request only from the state the visitor saw, so a stale tab changes nothing", () => {
    const s = requestIn("open");
    const admin = { role: "admin" as const, actor: "admin admin", tellReseller: "res1" };
    expect(moveSupportRequest(s.deps, s.request, "forward", admin, "", 3_000)).toBe("moved");
    // The reseller's tab still shows "open": answering from "forwarded" is allowed, but not what they saw.
    const reseller = { role: "reseller" as const, actor: "reseller res1", tellReseller: "res1" };
    expect(moveSupportRequest(s.deps, s.request, "answer", reseller, "Done.", 3_100)).toBe("moved-meanwhile");
    expect(s.deps.requests.get(s.request.id)?.state).toBe("forwarded");
    const fresh = s.deps.requests.get(s.request.id) as ServiceRequest;
    expect(moveSupportRequest(s.deps, fresh, "answer", reseller, "Done.", 3_200)).toBe("moved");
    expect(s.deps.requests.history(s.request.id).map((event) => event.to)).toEqual(["open", "forwarded", "answered"]);
  });
});

describe("opening a support request", () => {
  it("keeps the description and the diagnostics, and tells the reseller and every admin", () => {
    const s = setUp();
    const opened = s.open("  The zone is not at WEDOS.\r\nIt says refused.  ");
    expect(opened.kind).toBe("opened");
    if (opened.kind !== "opened") return;
    expect(opened.request).toMatchObject({ kind: "support", state: "open", username: "alice", reseller: "res1" });
    expect(opened.request.details).toEqual({
      description: "The zone is not at WEDOS.\nIt says refused.",
      diagnostics: DIAGNOSTICS,
    });
    expect(s.notices.unread({ level: "reseller", recipient: "res1" }, 10)).toMatchObject([
      { kind: "support-opened", domain: "alice.test", requestId: opened.request.id },
    ]);
    expect(s.notices.unreadCount({ level: "admin", recipient: "root2" })).toBe(1);
    expect(s.notices.unreadCount({ level: "user", recipient: "alice" })).toBe(0);
  });

  it("refuses a description that is too short, too long or holds control characters, opening nothing", () => {
    const s = setUp();
    expect(s.open("help")).toEqual({ kind: "refused", problem: "short" });
    expect(s.open("x".repeat(DESCRIPTION_MAX + 1))).toEqual({ kind: "refused", problem: "long" });
    expect(s.open("Broken since\u0007 Monday")).toEqual({ kind: "refused", problem: "control" });
    expect(s.deps.requests.latest("alice.test", "support")).toBeUndefined();
    expect(s.notices.unreadCount({ level: "admin", recipient: null })).toBe(0);
  });

  it("answers with the live request instead of opening a second, and opens a new one once it is closed", () => {
    const s = setUp();
    const first = s.open();
    const again = s.open("Another thing is broken too.");
    expect(again.kind).toBe("already-open");
    if (first.kind !== "opened" || again.kind !== "already-open") return;
    expect(again.request.id).toBe(first.request.id);
    s.deps.requests.transition(first.request.id, { from: ["open"], to: "closed", actor: "user alice", at: 2_000 });
    const next = s.open("It broke again after a week.");
    expect(next.kind).toBe("opened");
    if (next.kind === "opened") expect(next.request.id).not.toBe(first.request.id);
  });
});

describe("who may see a support request", () => {
  const request = { username: "alice", reseller: "res1" };
  it("is the customer, the account's reseller, and any admin; nobody else", () => {
    expect(supportRole(request, { level: "user", username: "alice" })).toBe("customer");
    expect(supportRole(request, { level: "reseller", username: "res1" })).toBe("reseller");
    expect(supportRole(request, { level: "admin", username: "admin" })).toBe("admin");
    expect(supportRole(request, { level: "user", username: "bob" })).toBeUndefined();
    expect(supportRole(request, { level: "reseller", username: "res2" })).toBeUndefined();
    // A reseller's user level is its own account: its customers' requests are not there.
    expect(supportRole(request, { level: "user", username: "res1" })).toBeUndefined();
  });
});
