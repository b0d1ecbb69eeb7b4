import { envelopeObject } from "./response.js";
import type { AccountState, NotificationState } from "./state.js";

/**
 * The POLL notification queue (docs/reference/wapi.md#notifications): results of asynchronous commands, oldest first,
 * each removed only by `poll-ack`. Notifications are JSON with the response envelope's structure
 * (docs/reference/wapi.md#notification-format).
 */

export function enqueueNotification(
  account: AccountState,
  notification: Omit<NotificationState, "id">,
): NotificationState {
  const stored = { id: String(account.nextNotificationId), ...notification };
  account.nextNotificationId += 1;
  account.notifications.push(stored);
  return stored;
}

/** `data.notify` of `poll-req`: `code, result, timestamp, clTRID, svTRID, command, id`, then `data` if any. */
export function notificationView(notification: NotificationState): Record<string, unknown> {
  const view = envelopeObject({
    code: notification.code,
    timestamp: Math.floor(notification.createdAt / 1000),
    clTRID: notification.clTRID ?? undefined,
    svTRID: notification.svTRID,
    command: notification.command,
  });
  view["id"] = notification.id;
  if (notification.data !== null) view["data"] = notification.data;
  return view;
}
