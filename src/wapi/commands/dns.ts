import { z } from "zod";
import type { CallOptions, WapiClient } from "../client.js";
import { WapiResultError } from "../errors.js";
import { parseData } from "../parse-data.js";
import {
  dnsDomainInfoSchema,
  dnsDomainSchema,
  listOf,
  wapiRowSchema,
  type WapiDnsDomain,
  type WapiDnsDomainInfo,
  type WapiRow,
} from "../schemas.js";

/** Options every command accepts: the lane and the budget behaviour (see CallOptions). */
export type CommandOptions = Pick<CallOptions, "lane" | "whenBudgetExhausted" | "test" | "connectionTest">;

export type DnsDomainAddInput =
  | { name: string; type?: "primary"; axfrIps?: readonly string[] }
  | { name: string; type: "secondary"; primaryIp: string };

export interface DnsRowInput {
  domain: string;
  /** Relative to the zone, "" for the apex. */
  name: string;
  ttl: number;
  type: string;
  /** WEDOS form: host names absolute without the trailing dot, TXT bare. */
  rdata: string;
  comment?: string;
}

/**
 * The WDNS commands, one method each, named after WEDOS's own commands.
 * https://kb.wedos.com/en/wapi-api-interface/wdns-en/wapi-wdns/ — row commands take `domain`, zone commands `name`.
 */
export class DnsCommands {
  constructor(private readonly client: WapiClient) {}

  /** dns-domains-list — every zone of the account. https://kb.wedos.com/en/wapi-api-interface/wdns-en/wapi-wdns/ */
  async domainsList(options?: CommandOptions): Promise<WapiDnsDomain[]> {
    const reply = await this.client.call("dns-domains-list", undefined, options);
    return parseData("dns-domains-list", listOf(dnsDomainSchema), reply.data.domain);
  }

  /** dns-domain-info — https://kb.wedos.com/en/wapi-api-interface/wapi-command-dns-domain-info/ */
  async domainInfo(name: string, options?: CommandOptions): Promise<WapiDnsDomainInfo> {
    const reply = await this.client.call("dns-domain-info", { name }, options);
    return parseData("dns-domain-info", dnsDomainInfoSchema, reply.data.domain);
  }

  /**
   * dns-domain-add — a primary zone (optionally with outgoing AXFR to `axfrIps`) or a secondary zone pulled
   * from `primaryIp`. https://kb.wedos.com/cs/wapi-api-rozhrani/wapi-prikaz-dns-domain-add/
   */
  async domainAdd(input: DnsDomainAddInput, options?: CommandOptions): Promise<void> {
    const data: Record<string, unknown> = { name: input.name, type: input.type ?? "primary" };
    if (input.type === "secondary") {
      data.primary_ip = input.primaryIp;
    } else if (input.axfrIps !== undefined && input.axfrIps.length > 0) {
      // The KB's XML repeats <ip> inside <axfr_ips>; its JSON form is undocumented, so we send the same nesting.
      data.axfr_enabled = 1;
      data.axfr_ips = { ip: [...input.axfrIps] };
    }
    await this.client.call("dns-domain-add", data, options);
  }

  /** dns-domain-delete — removes the zone and all its rows. */
  async domainDelete(name: string, options?: CommandOptions): Promise<void> {
    await this.client.call("dns-domain-delete", { name }, options);
  }

  /** dns-domain-commit — publishes pending changes (WEDOS autocommits 5 minutes after the last change). */
  async domainCommit(name: string, options?: CommandOptions): Promise<void> {
    await this.client.call("dns-domain-commit", { name }, options);
  }

  /** dns-domain-axfr-run — secondary zones only: schedules a transfer; returns when it will run. */
  async domainAxfrRun(name: string, options?: CommandOptions): Promise<{ nextRun: string }> {
    const reply = await this.client.call("dns-domain-axfr-run", { name }, options);
    return { nextRun: parseData("dns-domain-axfr-run", z.string().optional(), reply.data.next_run) ?? "" };
  }

  /** dns-rows-list — every row, uncommitted changes included. https://kb.wedos.com/en/wapi-api-interface/wapi-command-dns-rows-list/ */
  async rowsList(domain: string, options?: CommandOptions): Promise<WapiRow[]> {
    const reply = await this.client.call("dns-rows-list", { domain }, options);
    return parseData("dns-rows-list", listOf(wapiRowSchema), reply.data.row);
  }

  /**
   * dns-row-detail — the KB names the zone key both `domain` and `name`; we send `domain` and try `name` once
   * if WEDOS says a parameter is missing or mismatched (that costs one rejected request; prefer rowsList).
   */
  async rowDetail(domain: string, rowId: string, options?: CommandOptions): Promise<WapiRow> {
    let reply;
    try {
      reply = await this.client.call("dns-row-detail", { domain, row_id: rowId }, options);
    } catch (error) {
      if (!(error instanceof WapiResultError) || (error.wapiCode !== 2100 && error.wapiCode !== 2101)) throw error;
      reply = await this.client.call("dns-row-detail", { name: domain, row_id: rowId }, options);
    }
    return parseData("dns-row-detail", wapiRowSchema, reply.data.row);
  }

  /** dns-row-add — returns nothing, not even the new ID: the next listing claims the row (src/sync/claim-added-rows.ts). https://kb.wedos.com/en/wapi-api-interface/wapi-command-dns-add-row/ */
  async rowAdd(row: DnsRowInput, options?: CommandOptions): Promise<void> {
    const data: Record<string, unknown> = {
      domain: row.domain,
      name: row.name,
      ttl: row.ttl,
      type: row.type,
      rdata: row.rdata,
    };
    if (row.comment !== undefined) data.auth_comment = row.comment;
    await this.client.call("dns-row-add", data, options);
  }

  /** dns-row-update — only TTL and rdata can change. https://kb.wedos.com/en/wapi-api-interface/wapi-command-dns-row-update/ */
  async rowUpdate(
    input: { domain: string; rowId: string; ttl: number; rdata: string },
    options?: CommandOptions,
  ): Promise<void> {
    await this.client.call(
      "dns-row-update",
      { domain: input.domain, row_id: input.rowId, ttl: input.ttl, rdata: input.rdata },
      options,
    );
  }

  /** dns-row-delete */
  async rowDelete(input: { domain: string; rowId: string }, options?: CommandOptions): Promise<void> {
    await this.client.call("dns-row-delete", { domain: input.domain, row_id: input.rowId }, options);
  }
}
