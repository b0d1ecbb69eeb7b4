import { DEFAULT_POLICY_PACKAGE, policySchema, type Policy } from "../model/policy.js";
import type { Database } from "./database.js";

interface PolicyRow {
  package: string;
  dnsMode: string;
  protection: string;
  protectionPeriod: string;
  protectionMode: string;
  protectionChoice: string;
  planChoice: string;
  protectionTemplate: string;
  onSuspend: string;
  termination: string;
  graceDays: number;
  zoneQuota: number;
}

const SELECT = `SELECT package, dns_mode AS dnsMode, protection, protection_period AS protectionPeriod,
  protection_mode AS protectionMode, protection_choice AS protectionChoice,
  plan_choice AS planChoice, protection_template AS protectionTemplate, on_suspend AS onSuspend, termination, grace_days AS graceDays, zone_quota AS zoneQuota FROM policies`;

/** Package policies in the database; the '*' row is the default. */
export class PolicyStore {
  constructor(private readonly db: Database) {}

  /** The policy for a package: its own row, else the default. */
  forPackage(pkg: string | undefined | null): Policy & { package: string } {
    const own =
      pkg === undefined || pkg === null
        ? undefined
        : this.db.prepare<[string], PolicyRow>(`${SELECT} WHERE package = ?`).get(pkg);
    const row = own ?? this.db.prepare<[string], PolicyRow>(`${SELECT} WHERE package = ?`).get(DEFAULT_POLICY_PACKAGE);
    return { package: row?.package ?? DEFAULT_POLICY_PACKAGE, ...policySchema.parse(row ?? {}) };
  }

  list(): Array<Policy & { package: string }> {
    return this.db
      .prepare<[], PolicyRow>(`${SELECT} ORDER BY package = '*' DESC, package`)
      .all()
      .map((row) => ({ package: row.package, ...policySchema.parse(row) }));
  }

  save(pkg: string, policy: Policy, now: number): void {
    this.db
      .prepare(
        `INSERT INTO policies (package, dns_mode, protection, protection_period, protection_mode, protection_choice,
           plan_choice, protection_template, on_suspend, termination, grace_days, zone_quota, updated_at)
         VALUES (@pkg, @dnsMode, @protection, @protectionPeriod, @protectionMode, @protectionChoice, @planChoice,
           @protectionTemplate, @onSuspend, @termination, @graceDays, @zoneQuota, @now)
         ON CONFLICT (package) DO UPDATE SET dns_mode = excluded.dns_mode, protection = excluded.protection,
           protection_period = excluded.protection_period, protection_mode = excluded.protection_mode, protection_choice = excluded.protection_choice,
           plan_choice = excluded.plan_choice, protection_template = excluded.protection_template,
           on_suspend = excluded.on_suspend, termination = excluded.termination, grace_days = excluded.grace_days, zone_quota = excluded.zone_quota,
           updated_at = excluded.updated_at`,
      )
      .run({ pkg, ...policy, now });
  }

  /** Removes a package's own policy (it falls back to the default); the default itself cannot be removed. */
  remove(pkg: string): boolean {
    if (pkg === DEFAULT_POLICY_PACKAGE) return false;
    return this.db.prepare("DELETE FROM policies WHERE package = ?").run(pkg).changes === 1;
  }
}
