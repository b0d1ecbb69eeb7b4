import type { Day } from "../billing/calendar.js";
import { DaemonStateStore } from "./daemon-state-store.js";
import type { Database } from "./database.js";

const TEMPLATES_FETCHED = "wgp_templates_fetched";

/** A plan and period a customer chose on the domain's page, and what became of it. */
export interface PlanChoice {
  domain: string;
  variant: string;
  period: string;
  by: string;
  at: number;
  state: "waiting" | "done" | "refused";
  reason: string | null;
}

/** A protection service's paid period and template, as the renewal and template jobs see it. */
export interface PaidService {
  domain: string;
  variant: string;
  period: string;
  activatedAt: number | null;
  paidUntil: Day | null;
  templateId: string | null;
}

export interface WgpTemplate {
  templateId: string;
  domain: string;
  fetchedAt: number;
}

const SERVICE_COLUMNS = `domain, variant, period, activated_at AS activatedAt, paid_until AS paidUntil,
  template_id AS templateId`;

/**
 * Protection plans as products (migration 29): each active service's paid-until day and template, the customers'
 * plan choices, and the WEDOS Global templates the account has.
 */
export class ProtectionPlanStore {
  constructor(private readonly db: Database) {}

  /** Every active service, for the daily look at renewals, plans and templates. */
  activeServices(): PaidService[] {
    return this.db
      .prepare<[], PaidService>(`SELECT ${SERVICE_COLUMNS} FROM protections WHERE state = 'active' ORDER BY domain`)
      .all();
  }

  /** Active services whose paid period ended before `today` without a renewal, the longest overdue first. */
  overdue(today: Day): PaidService[] {
    return this.db
      .prepare<[Day], PaidService>(
        `SELECT ${SERVICE_COLUMNS} FROM protections WHERE state = 'active' AND paid_until < ?
           ORDER BY paid_until, domain`,
      )
      .all(today);
  }

  service(domain: string): PaidService | undefined {
    return this.db
      .prepare<[string], PaidService>(`SELECT ${SERVICE_COLUMNS} FROM protections WHERE domain = ?`)
      .get(domain);
  }

  setPaidUntil(domain: string, paidUntil: Day, now: number): void {
    this.db
      .prepare("UPDATE protections SET paid_until = ?, updated_at = ? WHERE domain = ?")
      .run(paidUntil, now, domain);
  }

  /** A new order starts afresh: no paid period yet, not lapsed, and the template it is ordered with. */
  startOrder(domain: string, templateId: string | null, now: number): void {
    this.db
      .prepare(
        `UPDATE protections SET paid_until = NULL, lapsed_on = NULL, template_id = ?,
           updated_at = ? WHERE domain = ?`,
      )
      .run(templateId, now, domain);
  }

  /** The service lapsed at the end of its paid period (`paidUntil`). */
  markLapsed(domain: string, paidUntil: Day, now: number): void {
    this.db
      .prepare("UPDATE protections SET lapsed_on = ?, paid_until = NULL, updated_at = ? WHERE domain = ?")
      .run(paidUntil, now, domain);
  }

  /** The day a service lapsed under its offer, if it did (and was not ordered again since). */
  lapsedOn(domain: string): Day | undefined {
    const row = this.db
      .prepare<[string], { day: Day | null }>("SELECT lapsed_on AS day FROM protections WHERE domain = ?")
      .get(domain);
    return row?.day ?? undefined;
  }

  setPlan(domain: string, variant: string, period: string, now: number): void {
    this.db
      .prepare("UPDATE protections SET variant = ?, period = ?, updated_at = ? WHERE domain = ?")
      .run(variant, period, now, domain);
  }

  setTemplate(domain: string, templateId: string | null, now: number): void {
    this.db
      .prepare("UPDATE protections SET template_id = ?, updated_at = ? WHERE domain = ?")
      .run(templateId, now, domain);
  }

  /** The customer's latest choice of plan and period for the domain. */
  choice(domain: string): PlanChoice | undefined {
    return this.db
      .prepare<[string], PlanChoice>(
        `SELECT domain, variant, period, chosen_by AS by, chosen_at AS at, state, reason
           FROM protection_plan_choices WHERE domain = ?`,
      )
      .get(domain);
  }

  choose(domain: string, variant: string, period: string, by: string, now: number): void {
    this.db
      .prepare(
        `INSERT INTO protection_plan_choices (domain, variant, period, chosen_by, chosen_at, state, reason)
         VALUES (?, ?, ?, ?, ?, 'waiting', NULL)
         ON CONFLICT (domain) DO UPDATE SET variant = excluded.variant, period = excluded.period,
           chosen_by = excluded.chosen_by, chosen_at = excluded.chosen_at, state = 'waiting', reason = NULL`,
      )
      .run(domain, variant, period, by, now);
  }

  settleChoice(domain: string, state: "done" | "refused", reason: string | null): void {
    this.db
      .prepare("UPDATE protection_plan_choices SET state = ?, reason = ? WHERE domain = ?")
      .run(state, reason, domain);
  }

  /** Replaces the stored list with what WEDOS answered now, and notes when (an empty answer counts too). */
  replaceTemplates(templates: ReadonlyArray<{ templateId: string; domain: string }>, now: number): void {
    const insert = this.db.prepare("INSERT INTO wgp_templates (template_id, domain, fetched_at) VALUES (?, ?, ?)");
    this.db.transaction(() => {
      this.db.prepare("DELETE FROM wgp_templates").run();
      for (const template of templates) insert.run(template.templateId, template.domain, now);
      new DaemonStateStore(this.db).set(TEMPLATES_FETCHED, now, now);
    })();
  }

  templates(): WgpTemplate[] {
    return this.db
      .prepare<[], WgpTemplate>(
        "SELECT template_id AS templateId, domain, fetched_at AS fetchedAt FROM wgp_templates ORDER BY domain",
      )
      .all();
  }

  /** When the list was last fetched, if ever. */
  templatesFetchedAt(): number | undefined {
    return new DaemonStateStore(this.db).get<number>(TEMPLATES_FETCHED)?.value;
  }
}
