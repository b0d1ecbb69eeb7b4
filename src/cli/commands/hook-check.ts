import { loadConfig } from "../../config/load.js";
import { toError } from "../../errors.js";
import { newDomainSpendRefusal, spendCheckFor } from "../../provisioning/spend-check.js";
import { zoneQuotaRefusal } from "../../provisioning/zone-quota.js";
import { openConfiguredDatabase } from "../../store/database.js";
import { InventoryStore } from "../../store/inventory-store.js";
import { PolicyStore } from "../../store/policy-store.js";
import { UsageError, type CliCommand } from "../command.js";

const CHECKED_HOOKS = new Set(["domain_create_pre", "domain_pointer_create_pre"]);

/**
 * The exit status that says "refuse" (with the reason on stdout, starting "WEDOS DNS: "): hooks/pre-check.sh refuses
 * the panel action only for this status, so a crash (status 1, a signal, a timeout) can never look like a refusal.
 */
export const HOOK_REFUSE_STATUS = 77;

export const hookCheckCommand: CliCommand = {
  name: "hook-check",
  summary: "Decide a DirectAdmin pre hook (run by hooks/domain_create_pre.sh; not for people)",
  help: `Usage: wedos-panel hook-check domain_create_pre|domain_pointer_create_pre

Reads DirectAdmin's hook environment and exits ${HOOK_REFUSE_STATUS} with the reason when the package's quota of
WEDOS zones (policy --zone-quota) is used up, or when the package orders WEDOS Global protection for each new
domain and that would go past a spending limit (wedos-panel billing limit), so DirectAdmin refuses the domain; 0
lets it through. When
the plugin itself fails, it exits 1 with the reason on stderr: the hook then lets the domain through and
leaves that reason for the admin (wedos-panel doctor). A broken plugin never blocks the panel.`,
  options: {},
  positionals: true,
  async run(args, io) {
    const [hook] = args.positionals;
    if (hook === undefined || !CHECKED_HOOKS.has(hook))
      throw new UsageError(`give one of ${[...CHECKED_HOOKS].join(", ")}`);
    const username = io.env.username;
    const domain = (hook === "domain_pointer_create_pre" ? io.env.from : io.env.domain)?.toLowerCase();
    if (username === undefined || domain === undefined) return 0;
    let refusal: string | undefined;
    try {
      const config = loadConfig(io.env);
      const db = openConfiguredDatabase(config);
      try {
        const stores = { inventory: new InventoryStore(db), policies: new PolicyStore(db) };
        const account = { username, package: io.env.package };
        refusal =
          zoneQuotaRefusal({ ...account, domain }, stores.inventory, stores.policies) ??
          newDomainSpendRefusal(account, stores, spendCheckFor(db, config.billing), io.clock.now());
      } finally {
        db.close();
      }
    } catch (error) {
      // One line: the hook keeps the line that names the error for the admin.
      const reason = toError(error)
        .message.split("\n")
        .map((line) => line.trim())
        .filter((line) => line !== "")
        .join(" ");
      io.stderr(`wedos-panel hook-check: the zone quota of ${domain} (${username}) was not checked: ${reason}\n`);
      return 1;
    }
    if (refusal === undefined) return 0;
    io.stdout(`${refusal}\n`);
    return HOOK_REFUSE_STATUS;
  },
};
