import { Router, type NextFunction, type Request, type Response } from "express";
import type { CustomerActions, CustomerTask } from "../../provisioning/customer-actions.js";
import { actionNotice, answerAction } from "../action-notice.js";
import { authenticatedPage } from "../context.js";
import { bodyField } from "../da-input.js";
import { WebError } from "../errors.js";
import { renderPage } from "../render.js";
import { domainView } from "../view-models/domain-list.js";
import { linksOf } from "../view-models/layout.js";
import { assetUrl, pageUrl } from "../urls.js";
import { SUPPORT_PATH } from "../view-models/support-page.js";
import { ZoneFileError } from "../../dns/index.js";
import type { Panel } from "../../panel/panel.js";
import type { DelegationStore } from "../../store/delegation-store.js";
import type { DnsZoneStore } from "../../store/dns-zone-store.js";
import type { DomainRow, InventoryStore } from "../../store/inventory-store.js";
import type { PolicyStore } from "../../store/policy-store.js";
import type { ProtectionStore } from "../../store/protection-store.js";
import { delegationView } from "../view-models/delegation.js";
import { aliasesView, dnsEditorView } from "../view-models/domain-page.js";
import { planView, type PlanSources } from "../view-models/domain-plan.js";
import { protectionSituation, protectionView, type ProtectionInputs } from "../view-models/protection.js";
import { recordPage, recordQuery, type RecordPageModel } from "../view-models/record-page.js";
import type { ZoneRecordsCache } from "../records/zone-records.js";
import type { AuthenticatedContext } from "../context.js";
import { domainLifecycleModel, type LifecycleSources } from "../view-models/lifecycle.js";
import { adoptionSummary, type AdoptionSources } from "../view-models/adoption.js";
import { sharingSummary, type SharingSources } from "../view-models/sharing.js";

/**
 * The domain routes every level shares; the tenant scope decides which domains they reach: a domain's detail,
 * "Sync now" and "Purge cache" —
 * customers' actions that cost WAPI requests, so each domain's runs at most once per cooldown
 * (provisioning/customer-actions.ts).
 */
/** Where a domain page reads the panel's records and what the plugin last saw at WEDOS (local only, no WAPI). */
export interface RecordSources {
  panel: Panel;
  zones: DnsZoneStore;
  protections: ProtectionStore;
  policies: PolicyStore;
  /** Only for the package of a domain's account (domains themselves come from the tenant scope). */
  inventory: InventoryStore;
  delegations: DelegationStore;
  /** `dns.delegationNameServers`: what customers set at their registrar. */
  nameServers: readonly string[];
  /** The zones' records, parsed once per version of the file (src/web/records/zone-records.ts). */
  zoneRecords: ZoneRecordsCache;
  /** The lifecycle and drift sections: the removal's job, conflicts, drift checks. */
  lifecycle: LifecycleSources;
  /** The plan section of protection: paid-until, the plan choices and their prices. */
  plans: PlanSources;
  /** A service found at WEDOS and its adoption request (the domain-adoption section, the adoption page). */
  adoption: AdoptionSources;
  /** Sharing with the customer's own WEDOS account (routes/sharing.ts). */
  sharing: SharingSources;
}

export function domainRoutes(records: RecordSources, actions: CustomerActions): Router {
  const router = Router();

  router.get("/domains/:domain", async (req, res) => {
    await showDomain(res, authenticatedPage(res).scope.require(req.params.domain), records);
  });

  // POST, form field or JSON property `domain`: queue a sync of the zone in the interactive lane (within its cooldown).
  router.post("/sync", (req, res, next) => {
    const page = authenticatedPage(res);
    const row = page.scope.require(bodyField(page.request.body, "domain"));
    if (row.state !== "active") throw new WebError(409, "error.domainNotActive", `${row.domain} is ${row.state}`);
    answerCustomerAction(req, res, next, "syncZone", row.domain);
  });

  // POST, form field or JSON property `domain`: purge the WEDOS Global cache of an active protection.
  router.post("/purge", (req, res, next) => {
    const page = authenticatedPage(res);
    const row = page.scope.require(bodyField(page.request.body, "domain"));
    if (!protectionSituation(page, protectionInputsOf(records, row)).actions.includes("purge"))
      throw new WebError(409, "error.protectionNotActive", `${row.domain} has no active protection`);
    answerCustomerAction(req, res, next, "purgeCache", row.domain);
  });

  /**
   * Queues or joins the action (customers' clicks count toward their shares) and answers with what became of it, on
   * the page it was started from (else the domain's page).
   */
  function answerCustomerAction(
    req: Request,
    res: Response,
    next: NextFunction,
    task: CustomerTask,
    domain: string,
  ): void {
    const page = authenticatedPage(res);
    const answer = actions.request(task, domain, page.identity.level !== "admin");
    const notice = actionNotice(page, task, domain, answer, actions.cooldownMinutes);
    answerAction(req, res, next, `/domains/${domain}`, { notice, job: answer.jobId, domain });
  }

  return router;
}

/** The package policy of a domain's account. */
export function policyOfDomain(records: Pick<RecordSources, "policies" | "inventory">, row: DomainRow) {
  return records.policies.forPackage(
    row.username === null ? undefined : records.inventory.account(row.username)?.package,
  );
}

/** What a domain's protection state is decided from (view-models/protection.ts). */
export function protectionInputsOf(records: RecordSources, row: DomainRow): ProtectionInputs {
  const choice = records.protections.choice(row.domain);
  return {
    domain: row,
    policy: policyOfDomain(records, row),
    row: records.protections.get(row.domain),
    choice: choice === undefined ? undefined : { wanted: choice.wanted, at: choice.at },
    lapsedOn: records.plans.store.lapsedOn(row.domain),
  };
}

/** A domain's page (views/domains/show.ejs); `notice` is the line shown after an action on it. */
export async function showDomain(
  res: Response,
  row: DomainRow,
  records: RecordSources,
  notice?: string,
): Promise<void> {
  const page = authenticatedPage(res);
  const links = linksOf(page);
  const model = {
    notice,
    csrfToken: page.csrfToken,
    domain: domainView(page, row, page.sending?.waiting([row.domain]).get(row.domain)),
    backHref: links.home,
    ...(await recordsModel(page, row.domain, records)),
    dnsEditor: dnsEditorView(page, records.panel.kind, row),
    aliases: aliasesView(page, row),
    nameservers: records.nameServers,
    // Embedded pages carry no script (the skin decides what runs: docs/decisions/0039); the buttons stay hidden there.
    copyScriptHref:
      page.request.mode === "html" ? undefined : assetUrl(page.request.level, page.request.mode, "copy.js"),
    delegation: delegationView(page, records.delegations.get(row.domain)),
    protection: protectionView(page, protectionInputsOf(records, row)),
    plan: planView(page, records.plans, policyOfDomain(records, row), records.protections.get(row.domain)),
    supportHref: pageUrl(page.request.level, page.request.mode, SUPPORT_PATH, { domain: row.domain }),
    syncAction: links.sync,
    purgeAction: links.purge,
    protectionAction: links.protection,
    sharing: row.username === null ? undefined : sharingSummary(page, records.sharing, row),
    ...domainLifecycleModel(page, row, policyOfDomain(records, row), { ...records.lifecycle, zones: records.zones }),
    adoption: adoptionSummary(page, records.adoption, row),
  };
  await renderPage(res, page, "domains/show", page.t("page.domain.title", { domain: row.domain }), model);
}

type RecordsModel = { recordsPage: RecordPageModel | undefined; recordsProblem: string | undefined };

/**
 * One page of the domain's records with their state at WEDOS (the visitor's search and page from the query), from
 * the panel's zone file and the plugin's own records.
 */
async function recordsModel(page: AuthenticatedContext, domain: string, sources: RecordSources): Promise<RecordsModel> {
  const problem = (reason: string): RecordsModel => ({ recordsPage: undefined, recordsProblem: reason });
  try {
    const zone = await sources.zoneRecords.records(domain);
    if (zone.kind === "no-file") return problem(page.t("records.unreadable", { reason: page.t("records.noZoneFile") }));
    if (zone.kind === "too-big")
      return problem(
        page.request.level === "admin"
          ? page.t("records.tooBigAdmin", { path: zone.path, size: zone.size, limit: zone.limit })
          : page.t("records.tooBig"),
      );
    return {
      recordsPage: recordPage(page, domain, zone.records, recordQuery(page.request.query)),
      recordsProblem: undefined,
    };
  } catch (error) {
    // What is wrong in the zone itself (file:line, the domain's own file name) helps the customer; why the server
    // could not read it (paths, the panel reader) is for the administrator's tools, not this page.
    const reason = error instanceof ZoneFileError ? error.message : page.t("records.notReadNow");
    return problem(page.t("records.unreadable", { reason }));
  }
}
