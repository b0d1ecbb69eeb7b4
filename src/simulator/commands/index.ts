import type { CommandHandler } from "./command.js";
import { accountCommands } from "./account.js";
import { dnsDomainCommands } from "./dns-domains.js";
import { dnsRowCommands } from "./dns-rows.js";
import { pollCommands } from "./poll.js";
import { wgpCreateCommands } from "./wgp.js";
import { wgpAssumedCommands } from "./wgp-assumed.js";

/**
 * Every command the simulator knows, by WEDOS's own name. Anything else — including real but undocumented commands
 * such as `dns-domain-update` (docs/reference/wapi.md#undocumented-zone-commands) — is 2010 "Unknown command".
 */
export const COMMANDS: Readonly<Record<string, CommandHandler>> = {
  ...accountCommands,
  ...dnsDomainCommands,
  ...dnsRowCommands,
  ...pollCommands,
  ...wgpCreateCommands,
  ...wgpAssumedCommands,
};

/** The handler of a command, or undefined (2010) for a name the simulator does not know. */
export function findCommand(name: string): CommandHandler | undefined {
  return Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
}

/** Commands that never change account data, so answering them needs no state-file write. */
const READ_ONLY = new Set([
  "ping",
  "credit-info",
  "account-list",
  "dns-domains-list",
  "dns-domain-info",
  "dns-rows-list",
  "dns-row-detail",
  "poll-req",
  "wgp-domain-info",
  "wgp-services-list",
  "wgp-domain-templates-list",
]);

export function isReadOnly(name: string): boolean {
  return READ_ONLY.has(name);
}
