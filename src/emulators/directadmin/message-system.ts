import { existsSync, readFileSync, rmSync } from "node:fs";

/** One message in an account's Message System, as DirectAdmin shows it. */
export interface DirectAdminMessage {
  subject: string;
  message: string;
}

/** Every admin's messages (a `value=admin` notice) are filed under this name. */
export const ALL_ADMINS = "*admins*";

/**
 * DirectAdmin's Message System as far as its task queue feeds it: the task processor (dataskq) reads
 * `<root>/data/task.queue`, turns each `action=notify` line into a message — `value=admin` for every admin,
 * `value=users&users=select1=<name>` for one account — and removes the file, as DirectAdmin does every minute. Lines
 * of other actions are consumed and ignored; a notify line without a subject or a recipient is dropped, as the real
 * processor gives no message for it. Its own reading of the line: it shares no code with the plugin's writer.
 */
export class EmulatedMessageSystem {
  private readonly inboxes = new Map<string, DirectAdminMessage[]>();

  constructor(private readonly taskQueue: string) {}

  /** Runs the task processor once: returns how many messages it filed. */
  runTaskQueue(): number {
    if (!existsSync(this.taskQueue)) return 0;
    const lines = readFileSync(this.taskQueue, "utf8").split("\n");
    rmSync(this.taskQueue);
    let filed = 0;
    for (const line of lines) {
      const fields = new URLSearchParams(line);
      if (fields.get("action") !== "notify") continue;
      const subject = fields.get("subject") ?? "";
      const message = fields.get("message") ?? "";
      const value = fields.get("value");
      // `users=select1=<name>`: the parser reads the first `=` as the field's, the rest is the selection.
      const selected = /^select\d+=(.+)$/.exec(fields.get("users") ?? "")?.[1];
      const to = value === "admin" ? ALL_ADMINS : value === "users" ? selected : undefined;
      if (to === undefined || subject === "") continue;
      this.inboxes.set(to, [...(this.inboxes.get(to) ?? []), { subject, message }]);
      filed += 1;
    }
    return filed;
  }

  /** The messages filed for an account (or {@link ALL_ADMINS}), oldest first. */
  messagesOf(username: string): DirectAdminMessage[] {
    return [...(this.inboxes.get(username) ?? [])];
  }
}
