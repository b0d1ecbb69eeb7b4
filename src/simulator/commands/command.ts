import type { ListShaper } from "../list-shapes.js";
import type { ResolvedSimulatorOptions } from "../options.js";
import type { AccountState } from "../state.js";

/**
 * The shape every WAPI command handler has. Handlers are synchronous, mutate `account` directly (in test mode
 * they receive a throw-away copy) and end with a result or by throwing a `WapiFailure`.
 */

export interface CommandContext {
  account: AccountState;
  /** The request's `data`, always an object (absent, `null` and `[]` become `{}`). */
  data: Record<string, unknown>;
  now: number;
  clTRID: string | undefined;
  /** This request's server transaction ID (notifications of asynchronous commands repeat it). */
  svTRID: string;
  options: ResolvedSimulatorOptions;
  lists: ListShaper;
}

export interface CommandResult {
  /** 1000 unless the command says otherwise (1001 pending, 1002 acknowledged, 1003 empty queue). */
  code?: number;
  data?: Record<string, unknown> | undefined;
}

export type CommandHandler = (context: CommandContext) => CommandResult;
