import { z } from "zod";

/**
 * What the plugin does for the accounts of one hosting package. Every field has the default a provider would
 * expect: a primary WEDOS zone, no paid protection, suspension leaves DNS alone (mail keeps working), and
 * termination removes the zone a week after the account is deleted.
 */
export const policySchema = z.object({
  dnsMode: z.enum(["primary", "secondary", "off"]).default("primary"),
  protection: z.enum(["off", "start", "advanced", "expert"]).default("off"),
  protectionPeriod: z.enum(["monthly", "yearly"]).default("monthly"),
  protectionMode: z.enum(["ns", "cname"]).default("ns"),
  protectionChoice: z.enum(["fixed", "opt-out", "opt-in"]).default("fixed"),
  planChoice: z.enum(["fixed", "customer"]).default("fixed"),
  protectionTemplate: z
    .string()
    .regex(/^[0-9A-Za-z_-]{0,64}$/, "a template is the WGP_ID of a service of the WEDOS account (letters, digits, - _)")
    .default(""),
  onSuspend: z.enum(["keep", "withdraw"]).default("keep"),
  termination: z.enum(["delete", "keep"]).default("delete"),
  graceDays: z.number().int().min(0).max(365).default(7),
  zoneQuota: z.number().int().min(0).max(100_000).default(0),
});

export type Policy = z.output<typeof policySchema>;

/** The package name of the default policy (used for packages without their own). */
export const DEFAULT_POLICY_PACKAGE = "*";

/** A package name as the panels allow one, or the default `*` (policies and offers are per package). */
export const PACKAGE_NAME = /^(\*|[A-Za-z0-9][A-Za-z0-9._-]{0,63})$/;

/** What each setting means, for `wedos-panel policy --help` and the admin page. */
export const POLICY_FIELDS: Readonly<Record<keyof Policy, string>> = {
  dnsMode: "primary: WEDOS holds the records; secondary: WEDOS transfers the zone from this server; off: no WEDOS DNS",
  protection: "off, or the WEDOS Global plan to order: start, advanced, expert (paid from the WEDOS credit)",
  protectionPeriod: "billing period of protection: monthly or yearly",
  protectionMode:
    "ns: active once the domain uses WEDOS's name servers; cname: for other DNS (subdomains always use cname)",
  protectionChoice:
    "fixed: protection follows the package; opt-out: ordered, the customer may switch it off and on; opt-in: the customer may switch it on (and off) on the domain's page",
  planChoice:
    "fixed: the plan and period are the package's; customer: the customer may choose another plan and period on the domain's page",
  protectionTemplate:
    "the WGP_ID of the WEDOS Global service whose settings new services copy (empty: none); existing services follow a change",
  onSuspend:
    "keep: DNS stays as it is; withdraw: the zone is removed at WEDOS while suspended and restored on unsuspend",
  termination: "delete: remove the zone and protection at WEDOS after the grace period; keep: leave them",
  graceDays: "days after deletion in the panel before the zone is removed at WEDOS (re-creating the domain cancels it)",
  zoneQuota:
    "how many domains and pointers of one account may have a WEDOS zone (0: no limit); checked before DirectAdmin creates one",
};

/**
 * Whether a domain should have protection: the package's plan, and — where the package lets the customer choose —
 * the latest choice made on the domain's page (`wanted`, undefined when nobody chose yet).
 */
export function protectionWanted(
  policy: Pick<Policy, "protection" | "protectionChoice">,
  wanted: boolean | undefined,
): boolean {
  if (policy.protection === "off") return false;
  if (policy.protectionChoice === "fixed") return true;
  return wanted ?? policy.protectionChoice === "opt-out";
}

/** Whether the customer (or their reseller or admin) may switch protection on and off on the domain's page. */
export function protectionSwitchable(policy: Pick<Policy, "protection" | "protectionChoice">): boolean {
  return policy.protection !== "off" && policy.protectionChoice !== "fixed";
}

/** Whether the customer may choose the plan and period of the domain's protection on its page. */
export function planChoosable(policy: Pick<Policy, "protection" | "planChoice">): boolean {
  return policy.protection !== "off" && policy.planChoice === "customer";
}
