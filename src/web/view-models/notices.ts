import type { Notice, Recipient } from "../../store/notification-store.js";
import type { ServiceRequestStore } from "../../store/service-request-store.js";
import type { AuthenticatedContext } from "../context.js";
import { isMessageKey } from "../i18n/index.js";
import { requestPage } from "../request-pages.js";
import { pageUrl } from "../urls.js";

export const NOTICES_PATH = "/notices";
/** The most unread notices the inbox lists at once (the newest). */
export const INBOX_SIZE = 100;

/** Whose notices a visitor reads: their own at the level of the page (an admin also every admin's). */
export function recipientOf(page: AuthenticatedContext): Recipient {
  return { level: page.identity.level, recipient: page.identity.username };
}

/** A notice in the reader's words: `notice.<kind>`, or the generic words for a kind without its own. */
export function noticeText(page: AuthenticatedContext, notice: Pick<Notice, "kind" | "domain" | "requestId">): string {
  const key = `notice.${notice.kind}`;
  const params = { domain: notice.domain ?? "", id: notice.requestId ?? "" };
  return isMessageKey(key) ? page.t(key, params) : page.t("notice.generic", params);
}

/** The inbox (views/notices/index.ejs): the visitor's unread notices, newest first, each linking to its request. */
export function inboxModel(page: AuthenticatedContext, notices: readonly Notice[], requests: ServiceRequestStore) {
  const { level, mode } = page.request;
  return {
    csrfToken: page.csrfToken,
    readAction: pageUrl(level, mode, `${NOTICES_PATH}/read`),
    // The outcome of handing a notice to the panel's messages is the admin's to read (it may name a path).
    showDelivery: level === "admin",
    notices: notices.map((notice) => {
      const request = notice.requestId === null ? undefined : requests.get(notice.requestId);
      const target = request === undefined ? undefined : requestPage(request);
      return {
        id: notice.id,
        at: page.t.time(notice.createdAt),
        text: noticeText(page, notice),
        href: target === undefined ? undefined : pageUrl(level, mode, target.path, target.params),
        delivery: notice.delivery ?? page.t("notices.delivery.waiting"),
      };
    }),
  };
}
