import { z } from "zod";
import type { WapiClient } from "../client.js";
import { parseData } from "../parse-data.js";
import { notificationSchema, type WapiNotification } from "../schemas.js";
import { readMovements, type CreditMovement } from "./account-movements.js";
import type { CommandOptions } from "./dns.js";

/** Account-level commands: ping, the credit and its movements, and the notification queue. */
export class AccountCommands {
  constructor(private readonly client: WapiClient) {}

  /** ping — 1000 whenever envelope, auth and IP are valid. https://kb.wedos.com/en/wapi-api-interface/wapi-command-ping/ */
  async ping(options?: CommandOptions): Promise<void> {
    await this.client.call("ping", undefined, options);
  }

  /**
   * credit-info — the credit account balance. Its field names are not documented publicly; `amount` and
   * `currency` are read when present and every field is passed through in `fields`.
   */
  async creditInfo(
    options?: CommandOptions,
  ): Promise<{ amount: number | undefined; currency: string | undefined; fields: Record<string, unknown> }> {
    const reply = await this.client.call("credit-info", undefined, options);
    const parsed = parseData(
      "credit-info",
      z.object({ amount: z.union([z.string(), z.number()]).optional(), currency: z.string().optional() }).passthrough(),
      reply.data,
    );
    const amount = parsed.amount === undefined ? undefined : Number(parsed.amount);
    return { amount: Number.isFinite(amount) ? amount : undefined, currency: parsed.currency, fields: reply.data };
  }

  /**
   * account-list — the credit account's movements on the days `from`..`to` (YYYY-MM-DD, WEDOS's calendar). WEDOS
   * documents it by name only: `date_from`/`date_to` are the names a client library uses (ASSUMED), and the answer
   * is read tolerantly (account-movements.ts). `currency` is the account's, for items that name none.
   */
  async accountList(
    range: { from: string; to: string; currency: string },
    options?: CommandOptions,
  ): Promise<CreditMovement[]> {
    const reply = await this.client.call("account-list", { date_from: range.from, date_to: range.to }, options);
    return readMovements(reply.data, range.currency);
  }

  /**
   * poll-req — the oldest unacknowledged notification (results of asynchronous commands such as
   * wgp-domain-create), or undefined when the queue is empty (1003). https://kb.wedos.com/en/wapi-api-interface/wapi-command-poll-req/
   */
  async pollReq(options?: CommandOptions): Promise<WapiNotification | undefined> {
    const reply = await this.client.call("poll-req", undefined, { ...options, successCodes: [1000, 1003] });
    if (reply.code === 1003) return undefined;
    return parseData("poll-req", notificationSchema, reply.data.notify);
  }

  /** poll-ack — acknowledges a notification so the next one becomes available (1002). */
  async pollAck(id: string, options?: CommandOptions): Promise<void> {
    await this.client.call("poll-ack", { id }, { ...options, successCodes: [1002] });
  }
}
