import { loadConfig } from "../../config/load.js";
import { zoneQuotaRefusal } from "../../provisioning/zone-quota.js";
import { openConfiguredDatabase } from "../../store/database.js";
import { InventoryStore } from "../../store/inventory-store.js";
import { PolicyStore } from "../../store/policy-store.js";
import { UsageError, type CliCommand } from "../command.js";

const CHECKED_HOOKS = new Set(["domain_create_pre", "domain_pointer_create_pre"]);

export const hookCheckCommand: CliCommand = {
  name: "hook-check",
  summary: "Decide a DirectAdmin pre hook (run by hooks/domain_create_pre.sh; not for people)",
  help: `Usage: wedos-panel hook-check domain_create_pre|domain_pointer_create_pre

Reads DirectAdmin's hook environment and exits 1 with the reason when the package's quota of WEDOS zones
(policy --zone-quota) is used up, so DirectAdmin refuses the domain. Anything else, including an error of
the plugin itself, exits 0: a broken plugin must never block the panel.`,
  options: {},
  positionals: true,
  async run(args, io) {
    const [hook] = args.positionals;
    if (hook === undefined || !CHECKED_HOOKS.has(hook)) throw new UsageError(`give one of ${[...CHECKED_HOOKS].join(", ")}`);
    const username = io.env.username;
    const domain = (hook === "domain_pointer_create_pre" ? io.env.from : io.env.domain)?.toLowerCase();
    if (username === undefined || domain === undefined) return 0;
    try {
      const db = openConfiguredDatabase(loadConfig(io.env));
      try {
        const refusal = zoneQuotaRefusal({ username, domain, package: io.env.package }, new InventoryStore(db), new PolicyStore(db));
        if (refusal === undefined) return 0;
        io.stdout(`${refusal}\n`);
        return 1;
      } finally {
        db.close();
      }
    } catch {
      return 0;
    }
  },
};
