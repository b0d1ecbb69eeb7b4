import type { WebDeps } from "../deps.js";
import { SessionCheckStore } from "../../store/session-check-store.js";
import { SessionCheckLimits } from "./session-check-limits.js";

/**
 * The session check's limits as the daemon runs them: the server's bound from `directadmin.sessionCheck`, and each
 * bound reached written to the log (for the admin) and to the database (for `doctor`).
 */
export function sessionCheckLimits(
  services: Pick<WebDeps, "config" | "clock" | "db">,
  log: (line: string) => void,
): SessionCheckLimits {
  const store = new SessionCheckStore(services.db);
  return new SessionCheckLimits({
    clock: services.clock,
    maxFailuresPerHour: services.config.directadmin.sessionCheck.maxFailuresPerHour,
    onBoundReached: (bound) => {
      const whose =
        bound.scope === "server"
          ? "on this server: every visitor not yet verified is refused"
          : `for ${bound.source}: that account's visitors not yet verified are refused`;
      log(
        `web: session checks paused ${whose}, after ${bound.failures} checks DirectAdmin did not confirm in the last hour (at most ${bound.limit}), so its brute-force monitor never blocks this server; a local account may be sending made-up sessions, or DirectAdmin refuses sessions replayed from this server (wedos-panel doctor)`,
      );
      store.recordBound(bound);
    },
  });
}
