import type { Clock } from "../clock.js";
import { oneLine } from "./one-line.js";

/**
 * The one way the plugin's long-running processes (the daemon, the panel reader, the demo) write their log: each
 * line starts with the time in ISO 8601 UTC and is one printable line — a value with a newline cannot forge a second
 * line, an escape sequence cannot repaint a terminal (docs/decisions/0032).
 */

/** A log: takes what happened, in words; the time and the escaping are its own. */
export type Log = (line: string) => void;

/**
 * The longest line written, escapes and the cut's note included: room for a zone error's 20 listed problems, and
 * below journald's default LineMax (48K), so the journal never splits a line.
 */
export const LOG_LINE_MAX = 16_000;

/** `<ISO time> <prefix><line>` on one line, ended by a newline. */
export function logLine(at: number, line: string, prefix = ""): string {
  return `${new Date(at).toISOString()} ${oneLine(`${prefix}${line}`, LOG_LINE_MAX)}\n`;
}

/** A log that writes each line, stamped with `clock`'s time, through `write` (a process's stderr). */
export function lineLog(write: (text: string) => void, clock: Pick<Clock, "now">, prefix = ""): Log {
  return (line) => write(logLine(clock.now(), line, prefix));
}
