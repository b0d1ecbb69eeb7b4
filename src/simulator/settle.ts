import type { ResolvedSimulatorOptions } from "./options.js";
import type { AccountState } from "./state.js";
import { activateDueServices } from "./wgp-services.js";
import { autocommitDue } from "./zones.js";

/**
 * Applies everything that happens by itself with time: autocommits that fell due and WEDOS Global services that
 * became active. Evaluated lazily (before each command, dump and published-zone read) against the injected
 * clock, so a test moves time and the effects are there, with no timers. Says whether anything changed.
 */
export function settleAccount(
  account: AccountState,
  now: number,
  options: Pick<ResolvedSimulatorOptions, "wgpActivationDelaySeconds">,
): boolean {
  const committed = autocommitDue(account, now);
  const activated = activateDueServices(account, now, options.wgpActivationDelaySeconds);
  return committed || activated;
}
