import { z } from "zod";
import type { ServiceRequest } from "../../model/service-request.js";
import type { WapiLane } from "../../wapi/lanes.js";
import { AppError, toError } from "../../errors.js";
import { lookupTxt } from "../../sync/txt-lookup.js";
import { adoptionDetails, proofRecordName, tokenFound } from "../adoption-rules.js";
import { DNS_REASONS } from "../dns-reasons.js";
import { defineTask, type TaskResult } from "../task-definition.js";
import type { TaskContext } from "./context.js";
import { domainPayload } from "./domain-payload.js";
import { syncDomainZone } from "./zone-tasks.js";

const requestPayload = domainPayload.extend({ request: z.number().int().positive() });

/** What deciding a take-over needs: the same stores the admin's Adopt used to change. */
export type TakeOverDeps = Pick<TaskContext, "queue" | "conflicts" | "drift" | "inventory" | "clock">;

/**
 * An approved request (the owner's approval, the TXT proof, an admin's override) is decided at once: its open
 * conflicts are resolved as adopted, so every list agrees before the job runs, and the take-over is queued in the
 * interactive lane. Returns the job's id.
 */
export function queueTakeOver(deps: TakeOverDeps, request: ServiceRequest): number {
  const { domain } = request;
  const now = deps.clock.now();
  if (deps.conflicts.get(domain, "protection")?.resolution === null)
    deps.conflicts.resolve(domain, "protection", "adopt", now);
  if (deps.conflicts.get(domain, "zone")?.resolution === null) {
    deps.conflicts.resolve(domain, "zone", "adopt", now);
    deps.drift.forgetAdoptPreview(domain, "zone");
    deps.inventory.setDnsStatus(domain, "pending", DNS_REASONS.adopting(), now);
  }
  return deps.queue.enqueue(takeOverAdoption, { domain, request: request.id });
}

/**
 * take-over-adoption: the zone of an approved request is synced taking over WEDOS's rows (past the safety threshold
 * only when the preview the approver saw said so); a protection has nothing to send. The request ends done once
 * the zone is in step, failed (with why) when it cannot be; a retryable failure leaves it approved while the job
 * waits to try again.
 */
export const takeOverAdoption = defineTask({
  name: "take-over-adoption",
  payload: requestPayload,
  domainOf: (payload) => payload.domain,
  lane: "interactive",
  progressLabel: "progress.task.adopt",
  run: (ctx, job) => takeOver(ctx, job.payload.request, job.lane),
});

async function takeOver(ctx: TaskContext, id: number, lane: WapiLane): Promise<void> {
  const request = ctx.adoptions.get(id);
  if (request?.state !== "approved") return;
  const { domain } = request;
  const fail = (note: string) => void ctx.adoptions.move(id, "fail", { actor: "daemon", note });
  const row = ctx.inventory.domain(domain);
  if (row === undefined || row.state !== "active") return fail(`${domain} is not active in the panel`);
  if (ctx.conflicts.get(domain, "zone")?.resolution === "ignore")
    return fail(`an admin chose to leave the zone of ${domain} at WEDOS alone (Ignore)`);
  if (ctx.conflicts.get(domain, "zone")?.resolution === "adopt") {
    try {
      await syncDomainZone(ctx, row, {}, lane, { force: adoptionDetails(request).force === true });
    } catch (error) {
      const failure = toError(error);
      if (!(failure instanceof AppError && failure.retryable)) fail(failure.message);
      throw error;
    }
    const after = ctx.inventory.domain(domain);
    if (ctx.conflicts.get(domain, "zone") !== undefined || after?.dnsStatus !== "active")
      return fail(after?.dnsReason ?? "the zone is not in step with the panel after taking it over");
  }
  ctx.adoptions.move(id, "finish", { actor: "daemon", note: "taken over" });
}

/**
 * check-adoption-proof: the owner added the TXT record the request names and asked for it to be checked. One DNS
 * query (the delegation check's resolver); never WAPI. The token found approves the request; otherwise what was
 * found is kept for the owner's page.
 */
export const checkAdoptionProof = defineTask({
  name: "check-adoption-proof",
  payload: requestPayload,
  domainOf: (payload) => payload.domain,
  lane: "interactive",
  progressLabel: "progress.task.adoptionProof",
  run: (ctx, job) => checkProof(ctx, job.payload.request),
});

async function checkProof(ctx: TaskContext, id: number): Promise<TaskResult> {
  const request = ctx.adoptions.get(id);
  if (request?.state !== "requested") return;
  const name = proofRecordName(request.domain);
  const { token } = adoptionDetails(request);
  const found = await lookupTxt(name, ctx.adoption.resolver);
  const now = ctx.clock.now();
  if (token !== "" && tokenFound(found.texts, token)) {
    ctx.adoptions.move(id, "prove", { actor: "dns", note: `TXT ${name} holds the request's token` });
    return;
  }
  const problem = found.problem ?? `TXT ${name} does not hold the request's token`;
  ctx.adoptions.move(id, "check", {
    actor: "dns",
    note: `proof not found: ${problem}`,
    details: { proofCheckedAt: now, proofProblem: problem },
  });
}

/** adoption-upkeep: queued by the reconciler; expires waiting requests at their expiry and reminds owners before. */
export const adoptionUpkeep = defineTask({
  name: "adoption-upkeep",
  payload: z.object({}),
  domainOf: () => null,
  lane: "background",
  run: async (ctx) => void ctx.adoptions.upkeep(),
});
