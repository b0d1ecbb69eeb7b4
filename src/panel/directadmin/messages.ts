import { accessSync, closeSync, constants, existsSync, openSync, writeSync } from "node:fs";
import { dirname } from "node:path";
import { toError } from "../../errors.js";
import { oneLine } from "../../util/one-line.js";
import { MESSAGE_BODY_MAX, MESSAGE_SUBJECT_MAX, type PanelMessage, type PanelMessages } from "../panel-messages.js";
import { SAFE_USER, type DirectAdminLayout } from "./layout.js";

const SYSTEM = "DirectAdmin's Message System";

/**
 * The task-queue line that makes DirectAdmin put a message in an account's Message System
 * (docs/reference/directadmin.md#message-system): `value=admin` for every admin, `value=users` with
 * `users=select1=<name>` for one account. Subject and message are percent-encoded; the user name is checked by the
 * layout's rules before it gets here.
 */
export function notifyLine(message: PanelMessage): string {
  const subject = encodeURIComponent(oneLine(message.subject, MESSAGE_SUBJECT_MAX));
  const body = encodeURIComponent(message.body.slice(0, MESSAGE_BODY_MAX));
  const who =
    message.to.username === null
      ? "value=admin"
      : `value=users&users=select1=${encodeURIComponent(message.to.username)}`;
  return `action=notify&${who}&subject=${subject}&message=${body}\n`;
}

/**
 * DirectAdmin's Message System, reached by appending one `action=notify` line to its task queue; DirectAdmin's task
 * processor delivers it within a minute. The file is opened for appending without following a link; when the daemon's
 * account may not write it (a real server's default: the queue runs any action as root, so the installer grants
 * nothing), the outcome says so and the notice stays in the plugin's inbox.
 */
export function directAdminMessages(layout: Pick<DirectAdminLayout, "taskQueue">): PanelMessages {
  return {
    system: SYSTEM,
    send: (message) => {
      if (message.to.username !== null && !SAFE_USER.test(message.to.username))
        return Promise.resolve({
          sent: false,
          detail: `not sent: ${JSON.stringify(message.to.username)} is no account name`,
        });
      try {
        const fd = openSync(
          layout.taskQueue,
          constants.O_WRONLY | constants.O_APPEND | constants.O_CREAT | constants.O_NOFOLLOW,
          0o600,
        );
        try {
          // One write of the whole line: appends of one write do not interleave with DirectAdmin's own.
          writeSync(fd, notifyLine(message));
        } finally {
          closeSync(fd);
        }
        return Promise.resolve({ sent: true, detail: `sent to ${SYSTEM}` });
      } catch (error) {
        const problem = oneLine(toError(error).message, 200);
        return Promise.resolve({
          sent: false,
          detail: `not sent: ${layout.taskQueue} could not be written (${problem})`,
        });
      }
    },
    readiness: () => {
      // The processor removes the file after each run: then the directory decides whether it can be made again.
      const target = existsSync(layout.taskQueue) ? layout.taskQueue : dirname(layout.taskQueue);
      try {
        accessSync(target, constants.W_OK);
        return { ready: true, detail: `${SYSTEM} through ${layout.taskQueue}`, fix: "" };
      } catch (error) {
        return {
          ready: false,
          detail: `${target} is not writable by this account (${oneLine(toError(error).message)})`,
          fix: `to deliver them too, let the service account append to ${layout.taskQueue} — only if you trust it with the task processor, which runs every action there as root (docs/reference/directadmin.md#message-system)`,
        };
      }
    },
  };
}
