import { Router, type Response } from "express";
import type { Clock } from "../../clock.js";
import type { NotificationStore } from "../../store/notification-store.js";
import type { ServiceRequestStore } from "../../store/service-request-store.js";
import { authenticatedPage } from "../context.js";
import { bodyField } from "../da-input.js";
import { renderPage } from "../render.js";
import { INBOX_SIZE, inboxModel, NOTICES_PATH, recipientOf } from "../view-models/notices.js";

export interface NoticeSources {
  notices: NotificationStore;
  requests: ServiceRequestStore;
  clock: Clock;
}

/**
 * The inbox on every level (docs/decisions/0056): `GET /notices` lists the visitor's unread notices, `POST
 * /notices/read` (field `id`, or `all=yes`) marks them read — only the visitor's own: another account's id changes
 * nothing and reads exactly like one already read.
 */
export function noticeRoutes(sources: NoticeSources): Router {
  const router = Router();
  router.get(NOTICES_PATH, async (_req, res) => {
    await showInbox(res, sources);
  });
  router.post(`${NOTICES_PATH}/read`, async (_req, res) => {
    const page = authenticatedPage(res);
    const recipient = recipientOf(page);
    const body = page.request.body;
    const ids =
      bodyField(body, "all") === "yes"
        ? sources.notices.unread(recipient, INBOX_SIZE).map((notice) => notice.id)
        : [Number(bodyField(body, "id"))].filter((id) => Number.isSafeInteger(id) && id > 0);
    const count = sources.notices.markRead(recipient, ids, sources.clock.now());
    await showInbox(res, sources, page.t("notices.marked", { count }));
  });
  return router;
}

async function showInbox(res: Response, sources: NoticeSources, notice?: string): Promise<void> {
  const page = authenticatedPage(res);
  const unread = sources.notices.unread(recipientOf(page), INBOX_SIZE);
  const model = { ...inboxModel(page, unread, sources.requests), notice };
  await renderPage(res, page, "notices/index", page.t("page.notices.title"), model);
}
