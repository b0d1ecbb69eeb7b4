import { z } from "zod";
import { toError } from "../../errors.js";
import type { PanelMessage } from "../../panel/panel-messages.js";
import type { Database } from "../../store/database.js";
import { NotificationStore, type Notice } from "../../store/notification-store.js";
import type { JobQueue } from "../queue.js";
import { oneLine } from "../../util/one-line.js";
import { defineTask } from "../task-definition.js";
import type { TaskContext } from "./context.js";

/** Notices handed over per batch; a run goes on until none is left (each notice once). */
const BATCH = 50;

/**
 * The panel message of a notice: what happened and where to read it, never the request's content (0052: a notice
 * names the request, it never carries what only the request's page may show). English: the panel's message system
 * has no language of the recipient the daemon could read.
 */
export function noticeMessage(notice: Notice): PanelMessage {
  const what = notice.kind.replaceAll("-", " ");
  const about =
    notice.requestId === null
      ? (notice.domain ?? "your services")
      : `request ${notice.requestId}${notice.domain === null ? "" : ` for ${notice.domain}`}`;
  return {
    to: { level: notice.level, username: notice.recipient },
    subject: oneLine(`WEDOS: ${what} (${about})`, 120),
    body: [
      `Something needs your attention in the WEDOS plugin: ${what}, ${about}.`,
      "Open WEDOS in your control panel's plugins and choose Notices to read it and act on it.",
    ].join("\n"),
  };
}

/**
 * deliver-notices: hands every notice not yet delivered to the panel's own messages (DirectAdmin's Message System;
 * cPanel has none, which is recorded as the outcome), once each, and records how it went with the notice. It sends
 * nothing to WEDOS, so it costs no WAPI request. Queued when a notice is made and by the reconciler, for notices
 * whose queueing was missed.
 */
export const deliverNotices = defineTask({
  name: "deliver-notices",
  payload: z.object({}),
  domainOf: () => null,
  lane: "background",
  run: (ctx) => deliverAll(ctx),
});

/**
 * The notices of this database, each one's delivery queued as it is written, whatever kind of request made it. The
 * queue merges the repeats into one job; the reconciler queues one too, for notices written without this (the CLI).
 */
export function deliveredNotices(db: Database, queue: Pick<JobQueue, "enqueue">): NotificationStore {
  return new NotificationStore(db, () => queue.enqueue(deliverNotices, {}));
}

async function deliverAll(ctx: Pick<TaskContext, "notices" | "messages" | "clock">): Promise<void> {
  for (;;) {
    const batch = ctx.notices.undelivered(BATCH);
    for (const notice of batch) {
      let outcome: string;
      try {
        outcome = (await ctx.messages.send(noticeMessage(notice))).detail;
      } catch (error) {
        // A message that cannot be handed over is recorded, not retried: the notice stays in the plugin's inbox.
        outcome = `not sent: ${oneLine(toError(error).message)}`;
      }
      ctx.notices.markDelivered(notice.id, outcome, ctx.clock.now());
    }
    if (batch.length < BATCH) return;
  }
}
