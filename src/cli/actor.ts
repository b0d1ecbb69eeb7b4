import type { CliIo } from "./command.js";

/** Who a billing change made on the command line is written to the billing audit log as ("cli root"). */
export function cliActor(io: Pick<CliIo, "env">): string {
  return `cli ${io.env["SUDO_USER"] ?? io.env["USER"] ?? "root"}`;
}
