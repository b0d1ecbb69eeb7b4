import { describe, expect, it } from "vitest";
import { openDatabase } from "../../src/store/database.js";
import { NotificationStore } from "../../src/store/notification-store.js";
import { ServiceRequestStore, type NewRequest } from "../../src/store/service-request-store.js";

const adoption = (domain: string, username: string, reseller: string | null): NewRequest => ({
  kind: "adoption",
  domain,
  service: "zone",
  state: "requested",
  username,
  reseller,
  expiresAt: 10_000,
  details: { records: 3 },
});

describe("the service request store", () => {
  it("opens a request with its history and moves it only from the states a transition names", () => {
    const requests = new ServiceRequestStore(openDatabase(":memory:"));
    const opened = requests.open(adoption("a.cz", "bob", "res"), "admin admin", 1000);
    expect(opened).toMatchObject({ state: "requested", openedBy: "admin admin", openedAt: 1000, expiresAt: 10_000 });
    expect(opened.details).toEqual({ records: 3 });

    const declinedTooLate = { from: ["approved"], to: "done", actor: "cli root", at: 2000 };
    expect(requests.transition(opened.id, declinedTooLate)).toBe(false);
    expect(requests.get(opened.id)?.state).toBe("requested");

    const approve = { from: ["requested"], to: "approved", actor: "user bob", at: 3000, note: "yes", expiresAt: null };
    expect(requests.transition(opened.id, approve)).toBe(true);
    expect(requests.transition(opened.id, approve)).toBe(false);
    expect(requests.get(opened.id)).toMatchObject({ state: "approved", updatedAt: 3000, expiresAt: null });
    expect(requests.history(opened.id)).toEqual([
      { seq: 1, at: 1000, actor: "admin admin", from: null, to: "requested", note: null },
      { seq: 2, at: 3000, actor: "user bob", from: "requested", to: "approved", note: "yes" },
    ]);
  });

  it("keeps the history append-only in the database itself", () => {
    const db = openDatabase(":memory:");
    const requests = new ServiceRequestStore(db);
    const { id } = requests.open(adoption("a.cz", "bob", "res"), "admin admin", 1000);
    expect(() => db.exec("UPDATE service_request_events SET actor = 'x'")).toThrow(/append-only/);
    expect(() => db.exec("DELETE FROM service_request_events")).toThrow(/append-only/);
    expect(requests.history(id)).toHaveLength(1);
  });

  it("lists only what a scope may see and finds the expired ones", () => {
    const requests = new ServiceRequestStore(openDatabase(":memory:"));
    requests.open(adoption("a.cz", "bob", "res"), "admin admin", 1);
    requests.open({ ...adoption("b.cz", "dan", "other"), kind: "support", expiresAt: null }, "user dan", 2);
    requests.open(adoption("c.cz", "res", "admin"), "admin admin", 3);
    const domains = (scope: Parameters<ServiceRequestStore["page"]>[0]["scope"]) =>
      requests.page({ scope, limit: 10 }).map((each) => each.domain);
    expect(domains({ kind: "all" })).toEqual(["c.cz", "b.cz", "a.cz"]);
    expect(domains({ kind: "account", username: "bob" })).toEqual(["a.cz"]);
    expect(domains({ kind: "reseller", username: "res" })).toEqual(["c.cz", "a.cz"]);
    expect(requests.page({ scope: { kind: "all" }, kinds: ["support"], limit: 10 }).map((r) => r.domain)).toEqual([
      "b.cz",
    ]);
    expect(requests.latest("a.cz", "adoption")?.domain).toBe("a.cz");
    expect(requests.latest("a.cz", "support")).toBeUndefined();
    expect(requests.expiring(["requested"], 9_999, 10)).toEqual([]);
    expect(requests.expiring(["requested"], 10_000, 10).map((r) => r.domain)).toEqual(["a.cz", "c.cz"]);
  });
});

describe("the notification store", () => {
  it("shows each recipient only their own notices, and every admin the admins' ones", () => {
    const notices = new NotificationStore(openDatabase(":memory:"));
    const forBob = notices.notify({ level: "user", recipient: "bob", kind: "k", domain: "a.cz", requestId: null }, 1);
    notices.notify({ level: "user", recipient: "dan", kind: "k", domain: "b.cz", requestId: null }, 2);
    const forAdmins = notices.notify({ level: "admin", recipient: null, kind: "k", domain: null, requestId: null }, 3);
    expect(notices.unread({ level: "user", recipient: "bob" }, 10).map((n) => n.id)).toEqual([forBob]);
    expect(notices.unread({ level: "admin", recipient: "root" }, 10).map((n) => n.id)).toEqual([forAdmins]);
    expect(notices.unread({ level: "reseller", recipient: "bob" }, 10)).toEqual([]);

    expect(notices.markRead({ level: "user", recipient: "dan" }, [forBob], 5)).toBe(0);
    expect(notices.unreadCount({ level: "user", recipient: "bob" })).toBe(1);
    expect(notices.markRead({ level: "user", recipient: "bob" }, [forBob], 5)).toBe(1);
    expect(notices.unreadCount({ level: "user", recipient: "bob" })).toBe(0);
  });

  it("hands each notice to delivery once", () => {
    const notices = new NotificationStore(openDatabase(":memory:"));
    const id = notices.notify({ level: "user", recipient: "bob", kind: "k", domain: null, requestId: null }, 1);
    expect(notices.undelivered(10).map((n) => n.id)).toEqual([id]);
    notices.markDelivered(id, "sent", 2);
    notices.markDelivered(id, "again", 3);
    expect(notices.undelivered(10)).toEqual([]);
  });
});
