import type { RequestHandler } from "express";
import type { NotificationStore } from "../../store/notification-store.js";
import { authenticatedPage } from "../context.js";
import { recipientOf } from "../view-models/notices.js";

/**
 * Gives every authenticated page the visitor's count of unread notices, read when the layout asks (after the page's
 * action, so marking notices read shows at once): the navigation's and the home page's badge.
 */
export function unreadNotices(notices: Pick<NotificationStore, "unreadCount">): RequestHandler {
  return (_req, res, next) => {
    const page = authenticatedPage(res);
    page.unreadNotices = () => notices.unreadCount(recipientOf(page));
    next();
  };
}
