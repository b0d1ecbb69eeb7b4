import type { AccountLevel } from "../model/account.js";

/**
 * One message handed to the panel's own message system (docs/decisions/0056-support-and-the-inbox.md): plain text,
 * naming the request and where to read it; never what only the request's page may show.
 */
export interface PanelMessage {
  /** An account at a level, or (`username` null) every admin of the panel. */
  to: { level: AccountLevel; username: string | null };
  /** One line, at most {@link MESSAGE_SUBJECT_MAX} characters. */
  subject: string;
  body: string;
}

export const MESSAGE_SUBJECT_MAX = 120;
export const MESSAGE_BODY_MAX = 2_000;

/** How handing one message over went: `sent`, or why not, in words for the admin (stored with the notice). */
export type MessageOutcome = { sent: true; detail: string } | { sent: false; detail: string };

/** The panel's own messages as the plugin reaches them. */
export interface PanelMessages {
  /** The message system's name for the admin ("DirectAdmin's Message System"), or undefined: the panel has none. */
  readonly system: string | undefined;
  /** Hands one message over; the panel's refusal is an outcome, never a throw (only a programming error throws). */
  send(message: PanelMessage): Promise<MessageOutcome>;
  /** Whether messages can be handed over now, without sending one (the doctor's check): why not, in one sentence. */
  readiness(): { ready: boolean; detail: string; fix: string };
}

/** What a panel without a message system the plugin can reach answers: the notice stays in the plugin's inbox. */
export function noMessageSystem(why: string): PanelMessages {
  return {
    system: undefined,
    send: () => Promise.resolve({ sent: false, detail: `no message system: ${why}` }),
    readiness: () => ({ ready: false, detail: why, fix: "nothing to do: the Notices page is the only channel here" }),
  };
}
