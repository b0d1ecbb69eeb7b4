import { beforeEach, describe, expect, it } from "vitest";
import { ManualClock } from "../../src/clock.js";
import {
  INVITATION_DAYS,
  SharingError,
  cancel,
  decline,
  expireInvitations,
  findInvitation,
  invite,
  markStep,
  requestLink,
  requestUnlink,
  type Actor,
  type SharingDeps,
} from "../../src/provisioning/sharing.js";
import { openDatabase } from "../../src/store/database.js";
import { InventoryStore, type DomainRow } from "../../src/store/inventory-store.js";
import { NotificationStore } from "../../src/store/notification-store.js";
import { ServiceRequestStore } from "../../src/store/service-request-store.js";

const BOB: Actor = { name: "user bob", role: "customer" };
const RES: Actor = { name: "reseller res1", role: "operator" };
const ADMIN: Actor = { name: "admin admin", role: "operator" };
const ACCOUNT = { customerId: "123456", email: "bob@example.cz" };

let deps: SharingDeps;
let clock: ManualClock;
let row: DomainRow;

beforeEach(() => {
  const db = openDatabase(":memory:");
  clock = new ManualClock("2026-12-05T10:00:00Z");
  const inventory = new InventoryStore(db);
  inventory.upsertAccount({ username: "bob", creator: "res1" }, clock.now());
  inventory.upsertDomain({ domain: "bob.test", username: "bob", kind: "domain" }, clock.now());
  inventory.upsertDomain({ domain: "orphan.test", username: undefined, kind: "domain" }, clock.now());
  row = inventory.domain("bob.test") as DomainRow;
  deps = { db, requests: new ServiceRequestStore(db), notices: new NotificationStore(db), inventory, clock };
});

const refusal = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    if (error instanceof SharingError) return error.refusal;
    throw error;
  }
  return "not refused";
};
const noticesOf = (level: "user" | "reseller" | "admin", recipient: string | null) =>
  deps.notices
    .unread({ level, recipient }, 50)
    .map((notice) => notice.kind)
    .reverse();
const states = (id: number) => deps.requests.history(id).map((event) => [event.actor, event.to, event.note]);

describe("sharing a domain with the customer's WEDOS account", () => {
  it("goes requested → in-progress → linked as the operator marks each step, everyone told", () => {
    const request = requestLink(deps, row, { service: "both", account: ACCOUNT }, BOB);
    expect(request).toMatchObject({ kind: "link", state: "requested", username: "bob", reseller: "res1" });
    expect(request.details).toMatchObject(ACCOUNT);
    expect(noticesOf("reseller", "res1")).toEqual(["link-requested"]);
    expect(noticesOf("admin", "admin")).toEqual(["link-requested"]);

    clock.advance(60_000);
    const first = markStep(deps, request, "protection-member-added", RES);
    expect(first.state).toBe("in-progress");
    const second = markStep(deps, first, "zone-user-added", ADMIN);
    expect(second.state).toBe("in-progress");
    expect(refusal(() => markStep(deps, second, "zone-user-added", ADMIN))).toBe("unknown-step");
    expect(refusal(() => markStep(deps, second, "protection-member-removed", ADMIN))).toBe("unknown-step");
    const linked = markStep(deps, second, "zone-domains-assigned", ADMIN);
    expect(linked.state).toBe("linked");
    expect(states(request.id)).toEqual([
      ["user bob", "requested", null],
      ["reseller res1", "in-progress", "protection-member-added"],
      ["admin admin", "in-progress", "zone-user-added"],
      ["admin admin", "linked", "zone-domains-assigned"],
    ]);
    expect(noticesOf("user", "bob")).toEqual(["link-in-progress", "link-linked"]);
    // The customer cannot mark steps, and a linked request takes no more steps.
    expect(refusal(() => markStep(deps, request, "protection-member-added", BOB))).toBe("not-allowed");
    expect(refusal(() => markStep(deps, linked, "zone-user-added", ADMIN))).toBe("unknown-step");
    expect(refusal(() => requestLink(deps, row, { service: "zone", account: ACCOUNT }, BOB))).toBe("already-shared");
  });

  it("unlinks the same way and ends both requests revoked", () => {
    let link = requestLink(deps, row, { service: "protection", account: ACCOUNT }, BOB);
    expect(refusal(() => requestUnlink(deps, link, BOB))).toBe("not-linked");
    link = markStep(deps, link, "protection-member-added", ADMIN);
    const unlink = requestUnlink(deps, link, BOB);
    expect(unlink).toMatchObject({ kind: "unlink", state: "requested", service: "protection" });
    expect(unlink.details).toMatchObject({ ...ACCOUNT, linkId: link.id });
    expect(refusal(() => requestUnlink(deps, link, ADMIN))).toBe("unlink-open");
    expect(refusal(() => markStep(deps, unlink, "protection-member-removed", BOB))).toBe("not-allowed");
    const done = markStep(deps, unlink, "protection-member-removed", RES);
    expect(done.state).toBe("revoked");
    expect(deps.requests.get(link.id)?.state).toBe("revoked");
    const told = ["link-in-progress", "link-linked", "link-unlink-in-progress", "link-revoked"];
    expect(noticesOf("user", "bob")).toEqual(told);
    expect(noticesOf("reseller", "res1")).toEqual(["link-requested", "link-unlink-requested"]);
    // Revoked frees the service for a new request.
    expect(requestLink(deps, row, { service: "protection", account: ACCOUNT }, BOB).state).toBe("requested");
  });

  it("is declined only with a reason, cancelled only before a step, and refused to the wrong role", () => {
    const request = requestLink(deps, row, { service: "zone", account: ACCOUNT }, BOB);
    expect(refusal(() => requestLink(deps, row, { service: "zone", account: ACCOUNT }, RES))).toBe("not-allowed");
    expect(refusal(() => decline(deps, request, "  ", ADMIN))).toBe("reason-missing");
    expect(refusal(() => decline(deps, request, "no", BOB))).toBe("not-allowed");
    decline(deps, request, "The zone is about to move elsewhere.", ADMIN);
    expect(deps.requests.get(request.id)?.state).toBe("declined");
    expect(states(request.id).at(-1)).toEqual(["admin admin", "declined", "The zone is about to move elsewhere."]);
    expect(noticesOf("user", "bob")).toEqual(["link-declined"]);

    const again = requestLink(deps, row, { service: "zone", account: ACCOUNT }, BOB);
    const started = markStep(deps, again, "zone-user-added", ADMIN);
    expect(refusal(() => cancel(deps, started, BOB))).toBe("not-allowed");
    const third = requestLink(deps, row, { service: "protection", account: ACCOUNT }, BOB);
    cancel(deps, third, BOB);
    expect(deps.requests.get(third.id)?.state).toBe("cancelled");
    expect(noticesOf("reseller", "res1").at(-1)).toBe("link-cancelled");
  });

  it("refuses a domain with no account, and a move from a state that changed meanwhile", () => {
    const orphan = deps.inventory.domain("orphan.test") as DomainRow;
    expect(refusal(() => invite(deps, orphan, "zone", ADMIN))).toBe("no-account");
    const request = requestLink(deps, row, { service: "zone", account: ACCOUNT }, BOB);
    markStep(deps, request, "zone-user-added", ADMIN);
    // `request` is the copy read before the step: its state no longer holds.
    expect(refusal(() => markStep(deps, request, "zone-domains-assigned", RES))).toBe("moved");
  });
});

describe("invitation links", () => {
  it("are single-use tokens kept only as a hash, bound to the domain and its account", () => {
    expect(refusal(() => invite(deps, row, "zone", BOB))).toBe("not-allowed");
    const { request, token } = invite(deps, row, "zone", RES);
    expect(token).toMatch(/^wpinv_[A-Za-z0-9_-]{43}$/);
    expect(request).toMatchObject({ state: "invited", expiresAt: clock.now() + INVITATION_DAYS * 86_400_000 });
    expect(JSON.stringify(deps.requests.get(request.id))).not.toContain(token.slice(6));
    expect(noticesOf("user", "bob")).toEqual(["link-invited"]);

    expect(findInvitation(deps, "bob.test", "alice", token)).toBeUndefined();
    expect(findInvitation(deps, "other.test", "bob", token)).toBeUndefined();
    expect(findInvitation(deps, "bob.test", "bob", `${token}x`)).toBeUndefined();
    const found = findInvitation(deps, "bob.test", "bob", token);
    expect(found?.id).toBe(request.id);

    const accepted = requestLink(deps, row, { service: "protection", account: ACCOUNT, invitation: found }, BOB);
    expect(accepted).toMatchObject({ id: request.id, state: "requested", service: "zone", expiresAt: null });
    expect(accepted.details).toMatchObject({ ...ACCOUNT, invitationSha256: null });
    expect(findInvitation(deps, "bob.test", "bob", token)).toBeUndefined();
    expect(noticesOf("reseller", "res1")).toEqual(["link-requested"]);
  });

  it("expire after their days, by the sweep or when used late", () => {
    const late = invite(deps, row, "zone", ADMIN);
    clock.advance(INVITATION_DAYS * 86_400_000);
    expect(findInvitation(deps, "bob.test", "bob", late.token)).toBeUndefined();
    expect(deps.requests.get(late.request.id)?.state).toBe("expired");
    expect(states(late.request.id).at(-1)).toEqual(["plugin", "expired", "the invitation was not used in time"]);

    const swept = invite(deps, row, "protection", ADMIN);
    clock.advance(INVITATION_DAYS * 86_400_000 - 1);
    expect(expireInvitations(deps)).toBe(0);
    clock.advance(1);
    expect(expireInvitations(deps)).toBe(1);
    expect(deps.requests.get(swept.request.id)?.state).toBe("expired");
  });

  it("are withdrawn by the operator, or by the customer's own request for the same service", () => {
    const withdrawn = invite(deps, row, "zone", ADMIN);
    expect(refusal(() => invite(deps, row, "both", RES))).toBe("already-shared");
    expect(refusal(() => cancel(deps, withdrawn.request, BOB))).toBe("not-allowed");
    cancel(deps, withdrawn.request, RES);
    expect(findInvitation(deps, "bob.test", "bob", withdrawn.token)).toBeUndefined();

    const superseded = invite(deps, row, "zone", ADMIN);
    const own = requestLink(deps, row, { service: "both", account: ACCOUNT }, BOB);
    expect(deps.requests.get(superseded.request.id)?.state).toBe("cancelled");
    expect(own.state).toBe("requested");
    expect(findInvitation(deps, "bob.test", "bob", superseded.token)).toBeUndefined();
  });
});
