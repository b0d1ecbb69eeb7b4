import type { RequestEvent, ServiceRequest } from "../model/service-request.js";
import { oneLine } from "../util/one-line.js";
import { utcMinute } from "../util/utc-minute.js";
import type { SupportDiagnostics } from "./support-diagnostics.js";
import { supportDetails } from "./support-request.js";

const SERVICES = {
  zone: "DNS zone",
  protection: "WEDOS Global protection",
  both: "DNS zone and WEDOS Global protection",
};

/** Who moved a request, as WEDOS support needs to know it: a side, never a panel account's name. */
function sideOf(actor: string): string {
  const level = actor.split(" ")[0];
  return level === "user" ? "customer" : level === "reseller" || level === "admin" ? "provider" : "system";
}

const yesNo = (value: boolean | null) => (value === null ? "unknown" : value ? "yes" : "no");

function stateLines(d: SupportDiagnostics): string[] {
  const lines = [
    `Domain in the plugin: ${d.domain.state}, DNS ${d.domain.dnsStatus}` +
      (d.domain.reason === null ? "" : ` (${d.domain.reason.code}: ${oneLine(d.domain.reason.detail)})`) +
      (d.domain.syncedAt === null ? "" : `, last in step ${utcMinute(d.domain.syncedAt)}`),
    d.zone === null
      ? "DNS zone at WEDOS: none known to the plugin"
      : `DNS zone at WEDOS: ${d.zone.mode}, created by the plugin: ${yesNo(d.zone.createdByUs)}, ` +
        `last applied: ${d.zone.lastAppliedAt === null ? "never" : utcMinute(d.zone.lastAppliedAt)}, ` +
        `in step: ${yesNo(d.zone.converged)}`,
    d.protection === null
      ? "WEDOS Global protection: none"
      : `WEDOS Global protection: ${d.protection.state}, ${d.protection.variant} ${d.protection.period}, ` +
        `mode ${d.protection.mode}, service id ${d.protection.wgpId ?? "none yet"}, ` +
        `order ${d.protection.orderNum ?? "none"}` +
        (d.protection.reason === null ? "" : ` (${oneLine(d.protection.reason)})`),
    d.delegation === null
      ? "Delegation: not checked"
      : `Delegation: ${d.delegation.status} (${d.delegation.nameservers.join(", ") || "no name servers"}), ` +
        `checked ${utcMinute(d.delegation.checkedAt)}` +
        (d.delegation.detail === null ? "" : `: ${oneLine(d.delegation.detail)}`),
    `WAPI budget this hour: ${d.budget.used} of ${d.budget.limit}` +
      (d.budget.paused === null ? "" : `; sending paused: ${oneLine(d.budget.paused)}`),
  ];
  return lines;
}

/**
 * The plain text an admin hands to WEDOS support (copy or download; nothing is e-mailed): the domain, the service,
 * the WEDOS ids and states, the last WAPI errors with their codes and the request's timeline — as the diagnostics
 * were when it was opened. No secrets and no panel account names: WEDOS needs neither.
 */
export function supportSummary(request: ServiceRequest, history: readonly RequestEvent[]): string {
  const details = supportDetails(request);
  const d = details.diagnostics;
  const lines = [
    `Support request ${request.id} for ${request.domain} (sent by the hosting provider using wedos-panel)`,
    `Service: ${SERVICES[request.service]}`,
    `Opened: ${utcMinute(request.openedAt)}; state now: ${request.state}`,
    "",
    "The problem as the customer describes it:",
    ...details.description.split("\n").map((line) => `  ${line}`),
    "",
    `State when the request was opened (${utcMinute(d.takenAt)}):`,
    ...stateLines(d).map((line) => `- ${line}`),
    "",
    "Last WAPI requests that did not succeed:",
    ...(d.wapiErrors.length === 0
      ? ["- none"]
      : d.wapiErrors.map(
          (call) =>
            `- ${utcMinute(call.at)} ${call.command}: code ${call.code ?? "none"}, ${call.outcome}, ` +
            `clTRID ${call.clTRID}${call.error === null ? "" : `: ${oneLine(call.error)}`}`,
        )),
    "",
    "Recent jobs:",
    ...(d.jobs.length === 0
      ? ["- none"]
      : d.jobs.map(
          (job) =>
            `- job ${job.id} ${job.task}: ${job.state} after ${job.attempts} attempt(s)` +
            (job.reason === null ? "" : ` (${job.reason.code}: ${oneLine(job.reason.detail)})`),
        )),
    "",
    "Timeline:",
    ...history.map(
      (event) =>
        `- ${utcMinute(event.at)} ${event.from === null ? "opened" : `${event.from} → ${event.to}`} by the ` +
        sideOf(event.actor),
    ),
  ];
  return `${lines.join("\n")}\n`;
}
