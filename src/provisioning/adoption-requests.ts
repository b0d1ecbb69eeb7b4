import { randomBytes } from "node:crypto";
import type { Clock } from "../clock.js";
import type { RequestEvent, RequestService, ServiceRequest } from "../model/service-request.js";
import type { InventoryStore } from "../store/inventory-store.js";
import { customerSide, providerSide, type NotificationStore } from "../store/notification-store.js";
import type { ServiceRequestStore } from "../store/service-request-store.js";
import {
  canOpen,
  expiryOf,
  MOVES,
  noticeKind,
  reminderDue,
  TOLD,
  type AdoptionDetails,
  type AdoptionMove,
  type AdoptionTimes,
} from "./adoption-rules.js";

export interface AdoptionDeps {
  requests: ServiceRequestStore;
  notices: NotificationStore;
  inventory: Pick<InventoryStore, "domain" | "account">;
  clock: Clock;
  times: AdoptionTimes;
  /** Queues the take-over of an approved request (tasks/adoption-tasks.ts); returns the job's id. */
  takeOver: (request: ServiceRequest) => number;
}

/** What a move carries besides its name: who made it, why, and the request's new fields (merged into the old). */
export interface MoveInput {
  actor: string;
  note?: string;
  details?: Partial<AdoptionDetails>;
}

/** Requests handled per upkeep run (expiry and reminders). */
const UPKEEP_BATCH = 500;

/**
 * Adoption requests (docs/decisions/0054-adoption-with-consent.md) on the one request store: opening (with its TXT
 * token and expiry), every move by the rules of adoption-rules.ts, whom each move tells, and the queued take-over
 * once approved. Nothing here talks to WEDOS: the take-over job does, and only for an approved request.
 */
export class AdoptionRequests {
  constructor(private readonly deps: AdoptionDeps) {}

  get times(): AdoptionTimes {
    return this.deps.times;
  }

  get(id: number): ServiceRequest | undefined {
    const request = this.deps.requests.get(id);
    return request?.kind === "adoption" ? request : undefined;
  }

  latest(domain: string): ServiceRequest | undefined {
    return this.deps.requests.latest(domain, "adoption");
  }

  history(id: number): RequestEvent[] {
    return this.deps.requests.history(id);
  }

  /**
   * Opens a request to take over the domain's `service` at WEDOS, telling its owner; a live request for the domain is
   * returned as it is (one at a time). A domain without an account cannot be asked about and gets none.
   */
  open(domain: string, service: RequestService, actor: string): ServiceRequest | undefined {
    const latest = this.latest(domain);
    if (!canOpen(latest)) return latest;
    const row = this.deps.inventory.domain(domain);
    if (row === undefined || row.username === null) return undefined;
    const now = this.deps.clock.now();
    const request = this.deps.requests.open(
      {
        kind: "adoption",
        domain,
        service,
        state: "requested",
        username: row.username,
        reseller: this.deps.inventory.account(row.username)?.creator ?? null,
        expiresAt: expiryOf(now, this.deps.times),
        details: { token: randomBytes(16).toString("hex") } satisfies AdoptionDetails,
      },
      actor,
      now,
    );
    this.tell(request, "open", now);
    return request;
  }

  /**
   * Makes a move if the request is still where the move starts (false when it moved meanwhile: another tab, the
   * upkeep). An approval of any kind queues the take-over.
   */
  move(id: number, move: AdoptionMove, input: MoveInput): boolean {
    const request = this.get(id);
    if (request === undefined) return false;
    const now = this.deps.clock.now();
    const { from, to } = MOVES[move];
    const moved = this.deps.requests.transition(id, {
      from,
      to,
      actor: input.actor,
      at: now,
      ...(input.note === undefined ? {} : { note: input.note }),
      ...(input.details === undefined ? {} : { details: { ...request.details, ...input.details } }),
    });
    if (!moved) return false;
    const after = this.get(id) as ServiceRequest;
    if (to === "approved") this.deps.takeOver(after);
    this.tell(after, move, now);
    return true;
  }

  /** Expires the waiting requests whose time has come and reminds those close to it; returns how many of each. */
  upkeep(): { expired: number; reminded: number } {
    const { requests, clock, times } = this.deps;
    const now = clock.now();
    let expired = 0;
    for (const request of requests.expiring(MOVES.expire.from, now, UPKEEP_BATCH))
      if (this.move(request.id, "expire", { actor: "daemon", note: "nobody approved it in time" })) expired += 1;
    let reminded = 0;
    const waiting = { scope: { kind: "all" } as const, kinds: ["adoption"] as const, states: ["requested"] };
    for (const request of requests.page({ ...waiting, limit: UPKEEP_BATCH })) {
      if (!reminderDue(request, now, times)) continue;
      const note = "reminded before the expiry";
      if (this.move(request.id, "remind", { actor: "daemon", note, details: { remindedAt: now } })) reminded += 1;
    }
    return { expired, reminded };
  }

  /** Tells whom the move concerns (adoption-rules.ts TOLD): the domain's owner, or its reseller and the admins. */
  private tell(request: ServiceRequest, move: AdoptionMove | "open", at: number): void {
    const kind = noticeKind(move);
    const about = { kind, domain: request.domain, requestId: request.id };
    for (const audience of TOLD[move]) {
      const recipients = audience === "owner" ? customerSide(request.username) : providerSide(request.reseller);
      this.deps.notices.notifyAll(recipients, about, at);
    }
  }
}
