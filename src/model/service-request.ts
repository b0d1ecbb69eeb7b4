/**
 * Requests a person must act on before the plugin does anything (docs/decisions/0052-requests-and-notices.md):
 * taking over a service that already exists at WEDOS, sharing a service with the customer's own WEDOS account (or
 * ending that), and a customer's support request. Each kind's states and transitions live in its own module; the
 * store keeps any kind the same way.
 */

export const REQUEST_KINDS = ["adoption", "link", "unlink", "support"] as const;
export type RequestKind = (typeof REQUEST_KINDS)[number];

/** Which of a domain's WEDOS services a request concerns. */
export const REQUEST_SERVICES = ["zone", "protection", "both"] as const;
export type RequestService = (typeof REQUEST_SERVICES)[number];

/** The level of the pages a recipient reads a notice on (a DirectAdmin level; cPanel's WHM is "admin"). */
export const REQUEST_LEVELS = ["user", "reseller", "admin"] as const;
export type RequestLevel = (typeof REQUEST_LEVELS)[number];

/** A stored request. `details` holds the kind's own fields; each kind's module reads and checks them. */
export interface ServiceRequest {
  id: number;
  kind: RequestKind;
  domain: string;
  service: RequestService;
  state: string;
  /** The domain's account when the request was opened (null: the domain had none). */
  username: string | null;
  /** That account's creator, so a reseller sees their customers' requests. */
  reseller: string | null;
  /** Who opened it, as the audit trail words actors: "user bob", "reseller res", "admin admin", "cli root". */
  openedBy: string;
  openedAt: number;
  updatedAt: number;
  /** When it expires if nobody acts (ms since the epoch); null: it does not expire. */
  expiresAt: number | null;
  details: Record<string, unknown>;
}

/** One transition in a request's history: append-only. `from` is null for the opening. */
export interface RequestEvent {
  seq: number;
  at: number;
  actor: string;
  from: string | null;
  to: string;
  note: string | null;
}
