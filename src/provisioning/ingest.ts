import { toError } from "../errors.js";
import { eventsFromHookPayload } from "../panel/cpanel/hook-events.js";
import { eventFromHookEnv } from "../panel/directadmin/hook-events.js";
import type { HookWarningStore } from "../store/hook-warning-store.js";
import type { SpoolStore } from "../store/spool-store.js";
import { applyPanelEvent, type LifecycleDeps } from "./lifecycle.js";
import { pendingEventFiles, readSpooledEvent, rejectSpooledEvent, removeSpooledEvent, warningOf } from "./spool.js";

export interface IngestResult {
  ingested: number;
  rejected: Array<{ file: string; reason: string }>;
}

/**
 * Turns the events the hooks spooled into inventory changes and jobs, oldest first. Each event is applied in one
 * transaction together with the note that it was applied, and only then removed from the spool: a crash at any
 * point neither loses an event nor applies it twice. An event that cannot be read is kept aside with the reason.
 * DirectAdmin and cPanel events share the spool; each file is read by its own panel's adapter. A pre hook's warning
 * (it let an action through unchecked) is kept for the admin.
 */
export function ingestSpool(dataDir: string, spool: SpoolStore, deps: LifecycleDeps, warnings: HookWarningStore): IngestResult {
  const result: IngestResult = { ingested: 0, rejected: [] };
  for (const file of pendingEventFiles(dataDir)) {
    let applied: () => void;
    let hook: string;
    try {
      const spooled = readSpooledEvent(dataDir, file);
      hook = spooled.hook;
      if (spooled.source === "warning") {
        const warning = warningOf(spooled, deps.clock.now());
        applied = () => warnings.record(warning);
      } else {
        const events = spooled.source === "cpanel" ? eventsFromHookPayload(spooled.payload) : [eventFromHookEnv(spooled.hook, spooled.env)];
        applied = () => {
          for (const event of events) applyPanelEvent(event, deps);
        };
      }
    } catch (error) {
      const reason = toError(error).message;
      rejectSpooledEvent(dataDir, file, reason);
      result.rejected.push({ file, reason });
      continue;
    }
    spool.atomically(() => {
      if (spool.seen(file)) return;
      applied();
      spool.remember(file, hook, deps.clock.now());
    });
    removeSpooledEvent(dataDir, file);
    result.ingested += 1;
  }
  return result;
}
