import type { RequestService, ServiceRequest } from "../model/service-request.js";
import { customerSide, providerSide, type NotificationStore, type Recipient } from "../store/notification-store.js";
import type { DomainRow } from "../store/inventory-store.js";
import type { ServiceRequestStore } from "../store/service-request-store.js";
import type { SupportDiagnostics } from "./support-diagnostics.js";
import {
  SUPPORT_LIVE_STATES,
  SUPPORT_NOTICE,
  SUPPORT_RULES,
  type SupportMove,
  type SupportRole,
} from "./support-states.js";

export const DESCRIPTION_MIN = 10;
export const DESCRIPTION_MAX = 2_000;
export const NOTE_MAX = 2_000;

/** A support request's own fields (its `details`): the customer's words and the diagnostics taken when opened. */
export interface SupportDetails {
  description: string;
  diagnostics: SupportDiagnostics;
}

export function supportDetails(request: ServiceRequest): SupportDetails {
  if (request.kind !== "support") throw new Error(`request ${request.id} is a ${request.kind} request, not support`);
  return request.details as unknown as SupportDetails;
}

/** What is wrong with a typed text: too short, too long, or holding control characters. */
export type TextProblem = "short" | "long" | "control";

/**
 * The text as stored (line ends made `\n`, outer blanks trimmed), or what is wrong with it. Tabs and line breaks are
 * kept; any other control character is refused, so the text prints the same on every page and in the summary.
 */
export function checkText(text: string, min: number, max: number): { text: string } | { problem: TextProblem } {
  const clean = text.replace(/\r\n?/g, "\n").trim();
  if (clean.length < min) return { problem: "short" };
  if (clean.length > max) return { problem: "long" };
  if (/[\u0000-\u0008\u000b-\u001f\u007f]/.test(clean)) return { problem: "control" };
  return { text: clean };
}

export interface SupportDeps {
  requests: ServiceRequestStore;
  /** Each notice's delivery through the panel's messages is queued as it is written (tasks/notice-delivery.ts). */
  notices: Pick<NotificationStore, "notifyAll">;
}

function tell(deps: SupportDeps, request: ServiceRequest, kind: string, to: Recipient[], now: number): void {
  deps.notices.notifyAll(to, { kind, domain: request.domain, requestId: request.id }, now);
}

export type OpenOutcome =
  | { kind: "opened"; request: ServiceRequest }
  | { kind: "already-open"; request: ServiceRequest }
  | { kind: "refused"; problem: TextProblem };

/**
 * Opens a support request for a domain with the customer's description and the diagnostics taken now, and tells
 * the provider. One live request per domain: while one waits, opening another answers with it instead.
 * `tellReseller` is the account's reseller when it is a reseller-level account (an admin-created account has none).
 */
export function openSupportRequest(
  deps: SupportDeps,
  input: {
    row: DomainRow;
    creator: string | null;
    tellReseller: string | null;
    service: RequestService;
    description: string;
    diagnostics: SupportDiagnostics;
    actor: string;
    now: number;
  },
): OpenOutcome {
  const checked = checkText(input.description, DESCRIPTION_MIN, DESCRIPTION_MAX);
  if ("problem" in checked) return { kind: "refused", problem: checked.problem };
  const live = deps.requests.latest(input.row.domain, "support");
  if (live !== undefined && (SUPPORT_LIVE_STATES as readonly string[]).includes(live.state))
    return { kind: "already-open", request: live };
  const details: SupportDetails = { description: checked.text, diagnostics: input.diagnostics };
  const request = deps.requests.open(
    {
      kind: "support",
      domain: input.row.domain,
      service: input.service,
      state: "open",
      username: input.row.username,
      reseller: input.creator,
      expiresAt: null,
      details: details as unknown as Record<string, unknown>,
    },
    input.actor,
    input.now,
  );
  tell(deps, request, SUPPORT_NOTICE.open, providerSide(input.tellReseller), input.now);
  return { kind: "opened", request };
}

export type MoveOutcome = "moved" | "not-allowed" | "moved-meanwhile" | { problem: TextProblem };

/**
 * Makes `move` on a request as `role`, if the rules allow it from the request's state (support-states.ts), with
 * the note the move needs; tells the other side. "moved-meanwhile": the request is no longer in the state `request`
 * holds (someone moved it first; nothing written).
 */
export function moveSupportRequest(
  deps: SupportDeps,
  request: ServiceRequest,
  move: SupportMove,
  by: { role: SupportRole; actor: string; tellReseller: string | null },
  note: string,
  now: number,
): MoveOutcome {
  const rule = SUPPORT_RULES[move];
  if (!rule.by.includes(by.role) || !(rule.from as readonly string[]).includes(request.state)) return "not-allowed";
  let stored: string | undefined;
  if (rule.needsNote || note.trim() !== "") {
    const checked = checkText(note, 1, NOTE_MAX);
    if ("problem" in checked) return { problem: checked.problem };
    stored = checked.text;
  }
  // Only from the state the visitor saw: a tab showing an older state must not move what someone else moved since.
  const moved = deps.requests.transition(request.id, {
    from: [request.state],
    to: rule.to,
    actor: by.actor,
    at: now,
    ...(stored === undefined ? {} : { note: stored }),
  });
  if (!moved) return "moved-meanwhile";
  const to = rule.tells(by.role) === "customer" ? customerSide(request.username) : providerSide(by.tellReseller);
  tell(deps, request, SUPPORT_NOTICE[move], to, now);
  return "moved";
}
