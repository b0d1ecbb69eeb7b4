import { notificationView } from "../notifications.js";
import { WapiFailure } from "../wapi-failure.js";
import type { CommandHandler } from "./command.js";
import { looseId } from "./params.js";

/** The POLL queue commands (docs/reference/wapi.md#notifications). */

/** The oldest unacknowledged notification (1000), or 1003 when there is none; it stays until acknowledged. */
const pollReq: CommandHandler = ({ account }) => {
  const oldest = account.notifications[0];
  if (oldest === undefined) return { code: 1003 };
  return { data: { notify: notificationView(oldest) } };
};

/** Removes a notification by `id` (number or string): 1002, or 2151 for an unknown ID. */
const pollAck: CommandHandler = ({ account, data }) => {
  const id = looseId(data["id"], "id");
  const index = account.notifications.findIndex((notification) => notification.id === id);
  if (index < 0) throw new WapiFailure(2151, `no notification ${id}`);
  account.notifications.splice(index, 1);
  return { code: 1002 };
};

export const pollCommands: Record<string, CommandHandler> = {
  "poll-req": pollReq,
  "poll-ack": pollAck,
};
