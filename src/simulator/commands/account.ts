import { formatAmount } from "../state.js";
import { WGP_CURRENCY } from "../wgp-services.js";
import type { CommandHandler } from "./command.js";

/** Account-level commands. */

/** 1000 whenever the envelope, IP and auth are valid (KB-ping); no data. */
const ping: CommandHandler = () => ({});

/**
 * ASSUMED shape: WEDOS documents `credit-info` only by name. The answer carries the balance as a decimal string
 * and its currency: `data: { amount: "5000.00", currency: "CZK" }`.
 */
const creditInfo: CommandHandler = ({ account }) => ({
  data: { amount: formatAmount(account.creditCents), currency: WGP_CURRENCY },
});

export const accountCommands: Record<string, CommandHandler> = {
  ping,
  "credit-info": creditInfo,
};
