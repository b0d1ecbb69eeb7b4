import type { WapiStatusView } from "../model/wapi-status.js";
import type { WapiBudget } from "./budget.js";
import type { WapiCircuit } from "./circuit.js";
import type { RejectionFuse } from "./fuse.js";

/** The read-only view of the budget, the circuit and the fuse that the pages get instead of the objects themselves. */
export function wapiStatusView(budget: WapiBudget, circuit: WapiCircuit, fuse: RejectionFuse): WapiStatusView {
  return {
    budget: () => budget.status(),
    budgetHistory: (hours) => budget.history(hours),
    pause: () => {
      const paused = circuit.status();
      return paused === undefined
        ? undefined
        : {
            reason: paused.reason,
            summary: paused.summary,
            seenIp: paused.seenIp,
            retryAt: paused.retryAt,
            endsByItself: paused.endsByItself,
          };
    },
    fuse: () => fuse.status(),
  };
}
