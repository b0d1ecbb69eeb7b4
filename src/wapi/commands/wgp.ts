import type { WapiClient } from "../client.js";
import type { CommandOptions } from "./dns.js";

/** WEDOS Global plans as `variant_id`. */
export const WGP_VARIANTS = { start: 1, advanced: 2, expert: 3 } as const;
export type WgpVariant = keyof typeof WGP_VARIANTS;
/** Billing periods as `period_id`. */
export const WGP_PERIODS = { monthly: 1, yearly: 4 } as const;
export type WgpPeriod = keyof typeof WGP_PERIODS;

export interface WgpDomainCreateInput {
  domain: string;
  variant: WgpVariant;
  period: WgpPeriod;
  /** Origin addresses WEDOS Global forwards to (the panel's IPs for the domain). */
  upstreamIps?: readonly string[];
  /** "ns" activates only once the domain uses WEDOS DNS; third-level domains are always "cname". */
  mode?: "ns" | "cname";
  templateDomainId?: string;
}

/**
 * A `wgp-*` reply. Only wgp-domain-create is documented publicly; for every other command the fields are
 * unknown, so whatever WEDOS returns is passed through as `data` for the caller to record.
 */
export interface WgpReply {
  /** 1000 done, 1001 accepted: the outcome arrives later as a poll-req notification. */
  code: number;
  pending: boolean;
  /** Our transaction id, echoed in the notification that carries the outcome. */
  clTRID: string | undefined;
  data: Record<string, unknown>;
}

/** WEDOS Global / Protection. https://kb.wedos.global/wapi/protection/ */
export class WgpCommands {
  constructor(private readonly client: WapiClient) {}

  /**
   * wgp-domain-create — a paid, non-idempotent order: never retry it blindly; check wgp-domain-info first
   * (2278/2291 mean the service already exists). Answers 1001; the result fields come as a notification.
   */
  async domainCreate(input: WgpDomainCreateInput, options?: CommandOptions): Promise<WgpReply> {
    const data: Record<string, unknown> = {
      domain: input.domain,
      variant_id: WGP_VARIANTS[input.variant],
      period_id: WGP_PERIODS[input.period],
    };
    if (input.upstreamIps !== undefined && input.upstreamIps.length > 0) data.upstream_ips = [...input.upstreamIps];
    if (input.mode !== undefined) data.mode = input.mode;
    if (input.templateDomainId !== undefined) data.template_domain_id = input.templateDomainId;
    return this.send("wgp-domain-create", data, options);
  }

  /** wgp-domain-info (parameters assumed: `domain`). */
  domainInfo(domain: string, options?: CommandOptions): Promise<WgpReply> {
    return this.send("wgp-domain-info", { domain }, options);
  }

  /** wgp-services-list (no parameters assumed). */
  servicesList(options?: CommandOptions): Promise<WgpReply> {
    return this.send("wgp-services-list", undefined, options);
  }

  /** wgp-domain-delete — terminates the service (parameters assumed: `domain`). */
  domainDelete(domain: string, options?: CommandOptions): Promise<WgpReply> {
    return this.send("wgp-domain-delete", { domain }, options);
  }

  /** wgp-domain-cache-purge (parameters assumed: `domain`). */
  domainCachePurge(domain: string, options?: CommandOptions): Promise<WgpReply> {
    return this.send("wgp-domain-cache-purge", { domain }, options);
  }

  /** wgp-domain-renew (parameters assumed: `domain`, `period_id`). */
  domainRenew(domain: string, period: WgpPeriod, options?: CommandOptions): Promise<WgpReply> {
    return this.send("wgp-domain-renew", { domain, period_id: WGP_PERIODS[period] }, options);
  }

  /**
   * wgp-domain-update-subscription — change plan and/or period (parameters assumed: `domain`, `variant_id`,
   * `period_id`; what it costs and when is not published: the simulator bills the new plan at the next renewal).
   */
  domainUpdateSubscription(
    domain: string,
    change: { variant?: WgpVariant; period?: WgpPeriod },
    options?: CommandOptions,
  ): Promise<WgpReply> {
    const data: Record<string, unknown> = { domain };
    if (change.variant !== undefined) data.variant_id = WGP_VARIANTS[change.variant];
    if (change.period !== undefined) data.period_id = WGP_PERIODS[change.period];
    return this.send("wgp-domain-update-subscription", data, options);
  }

  /** wgp-domain-retry — "resolve some errors" (parameters assumed: `domain`). */
  domainRetry(domain: string, options?: CommandOptions): Promise<WgpReply> {
    return this.send("wgp-domain-retry", { domain }, options);
  }

  /** wgp-domain-templates-list (no parameters assumed). */
  domainTemplatesList(options?: CommandOptions): Promise<WgpReply> {
    return this.send("wgp-domain-templates-list", undefined, options);
  }

  /** wgp-domain-template-replicate (parameters assumed: `domain`, `template_domain_id`). */
  domainTemplateReplicate(domain: string, templateDomainId: string, options?: CommandOptions): Promise<WgpReply> {
    return this.send("wgp-domain-template-replicate", { domain, template_domain_id: templateDomainId }, options);
  }

  private async send(
    command: string,
    data: Record<string, unknown> | undefined,
    options?: CommandOptions,
  ): Promise<WgpReply> {
    const reply = await this.client.call(command, data, { ...options, successCodes: [1000, 1001] });
    return { code: reply.code, pending: reply.code === 1001, clTRID: reply.clTRID, data: reply.data };
  }
}
