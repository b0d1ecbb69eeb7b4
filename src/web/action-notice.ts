import type { ActionAnswer, CustomerTask } from "../provisioning/customer-actions.js";
import type { AuthenticatedContext } from "./context.js";
import type { MessageKey } from "./i18n/index.js";

const NOTICES: Readonly<Record<CustomerTask, Readonly<Record<ActionAnswer["outcome"], MessageKey>>>> = {
  syncZone: {
    queued: "action.syncQueued",
    joined: "action.syncJoined",
    running: "action.syncRunning",
    cooling: "action.syncCooling",
    overShare: "action.syncOverShare",
  },
  purgeCache: {
    queued: "action.purgeQueued",
    joined: "action.purgeJoined",
    running: "action.purgeRunning",
    cooling: "action.purgeCooling",
    overShare: "action.purgeOverShare",
  },
};

/** What a page says after a Sync now or Purge click: queued, joined, running, or when it will run and why, in words. */
export function actionNotice(
  page: AuthenticatedContext,
  task: CustomerTask,
  domain: string,
  answer: ActionAnswer,
  cooldownMinutes: number,
): string {
  return page.t(NOTICES[task][answer.outcome], {
    domain,
    at: page.t.time(answer.runAt, ""),
    last: page.t.time(answer.lastRan ?? null, ""),
    minutes: cooldownMinutes,
  });
}
