import { DEFAULT_POLICY_PACKAGE, POLICY_FIELDS, policySchema, type Policy } from "../../model/policy.js";
import { PolicyStore } from "../../store/policy-store.js";
import { printJson, stringOption, UsageError, type CliCommand, type CliOptions } from "../command.js";
import { openCliDatabase } from "../context.js";

const FLAGS: Record<string, keyof Policy> = {
  "dns-mode": "dnsMode",
  protection: "protection",
  "protection-period": "protectionPeriod",
  "protection-mode": "protectionMode",
  "protection-choice": "protectionChoice",
  "plan-choice": "planChoice",
  "protection-template": "protectionTemplate",
  "on-suspend": "onSuspend",
  termination: "termination",
  "grace-days": "graceDays",
  "zone-quota": "zoneQuota",
};

export const policyCommand: CliCommand = {
  name: "policy",
  summary: "Show and edit what the plugin does for each hosting package",
  help: `Usage: wedos-panel policy list [--json]
       wedos-panel policy show PACKAGE [--json]
       wedos-panel policy set PACKAGE [settings]
       wedos-panel policy remove PACKAGE

PACKAGE is a DirectAdmin package name; "${DEFAULT_POLICY_PACKAGE}" is the default for packages without their own policy.
A new package policy starts from the default; "set" changes only the settings given.

${Object.entries(FLAGS)
  .map(([flag, key]) => `  --${flag.padEnd(18)} ${POLICY_FIELDS[key]}`)
  .join("\n")}`,
  options: {
    json: { type: "boolean" },
    ...Object.fromEntries(Object.keys(FLAGS).map((flag) => [flag, { type: "string" }])),
  } as CliOptions,
  positionals: true,
  async run(args, io) {
    const [action, pkg, ...extra] = args.positionals;
    if (extra.length > 0 || action === undefined)
      throw new UsageError("use: wedos-panel policy list | show PACKAGE | set PACKAGE [settings] | remove PACKAGE");
    const context = openCliDatabase(io);
    const store = new PolicyStore(context.db);
    try {
      if (action === "list") {
        const policies = store.list();
        if (args.values.json === true) printJson(io, policies);
        else for (const policy of policies) io.stdout(`${describe(policy)}\n`);
        return 0;
      }
      if (pkg === undefined) throw new UsageError(`"policy ${action}" needs a PACKAGE`);
      if (action === "show") {
        const policy = store.forPackage(pkg);
        if (args.values.json === true) printJson(io, policy);
        else
          io.stdout(
            `${describe(policy)}${policy.package !== pkg ? ` (package "${pkg}" has no policy of its own)` : ""}\n`,
          );
        return 0;
      }
      if (action === "remove") {
        if (pkg === DEFAULT_POLICY_PACKAGE)
          throw new UsageError("the default policy cannot be removed; change it with policy set");
        io.stdout(
          store.remove(pkg)
            ? `Removed the policy of "${pkg}"; it now uses the default.\n`
            : `"${pkg}" had no policy of its own.\n`,
        );
        return 0;
      }
      if (action !== "set") throw new UsageError(`unknown action "${action}"; use list, show, set or remove`);
      const { package: _from, ...current } = store.forPackage(pkg);
      const changes: Record<string, unknown> = {};
      for (const [flag, key] of Object.entries(FLAGS)) {
        const value = stringOption(args, flag);
        if (value !== undefined) changes[key] = key === "graceDays" || key === "zoneQuota" ? Number(value) : value;
      }
      if (Object.keys(changes).length === 0)
        throw new UsageError("give at least one setting to change, e.g. --protection advanced");
      const parsed = policySchema.safeParse({ ...current, ...changes });
      if (!parsed.success) {
        const flagOf = (key: PropertyKey) =>
          Object.entries(FLAGS).find(([, field]) => field === key)?.[0] ?? String(key);
        throw new UsageError(
          parsed.error.issues.map((issue) => `--${flagOf(issue.path[0] ?? "")}: ${issue.message}`).join("; "),
        );
      }
      store.save(pkg, parsed.data, io.clock.now());
      io.stdout(`${describe({ package: pkg, ...parsed.data })}\n`);
      return 0;
    } finally {
      context.close();
    }
  },
};

function describe(policy: Policy & { package: string }): string {
  const protection =
    policy.protection === "off"
      ? "no protection"
      : `protection ${policy.protection} (${policy.protectionPeriod}, ${policy.protectionMode} mode${policy.protectionChoice === "fixed" ? "" : `, ${policy.protectionChoice} by the customer`})`;
  const termination =
    policy.termination === "delete"
      ? `delete at WEDOS ${policy.graceDays} day(s) after deletion`
      : "keep at WEDOS after deletion";
  const quota = policy.zoneQuota === 0 ? "" : `, at most ${policy.zoneQuota} zone(s) per account`;
  return `${policy.package}: DNS ${policy.dnsMode}, ${protection}, on suspend ${policy.onSuspend}, ${termination}${quota}`;
}
