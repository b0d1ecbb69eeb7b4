import type { Config } from "../config/load.js";
import { AppError } from "../errors.js";
import type { PanelAdapter } from "../panel/adapter.js";
import { serverPanel } from "../panel/adapters.js";
import { RemotePanel } from "../panel/remote/remote-panel.js";
import type { CheckResult } from "./checks.js";

const CHECK = "panel reader";
const PACKAGES_CHECK = "panel packages";
const EDIT = "systemctl edit wedos-panel-reader";

/**
 * On an installed server (install.conf names the reader's socket): that the panel reader answers, for the panel the
 * daemon is set up for, and can read everything the daemon asks of it — the accounts with their domains, who owns
 * a domain, a zone file. Each failure says its fix in one sentence. Nothing to check when not installed.
 */
export async function checkPanelReader(config: Config): Promise<CheckResult[]> {
  const socket = config.readerSocket;
  if (socket === undefined) return [];
  const adapter = serverPanel(config.panel);
  const results: CheckResult[] = [];
  const ignored = settingsTheReaderIgnores(config, adapter);
  if (ignored.length > 0) {
    results.push({
      check: CHECK,
      status: "warn",
      message: `${config.configFile ?? "the configuration"} sets ${ignored.map(([key]) => key).join(", ")}, which the panel reader does not read (it takes its paths from its unit); set ${ignored.map(([, variable]) => variable).join(", ")} with: ${EDIT}`,
    });
  }
  const panel = new RemotePanel(adapter.kind, { socket, timeoutMs: 10_000 });
  try {
    const accounts = await panel.listAccounts();
    const domains = accounts.flatMap((account) =>
      account.domains
        .filter((entry) => entry.kind === "domain")
        .map((entry) => ({ domain: entry.domain, username: account.username })),
    );
    const first = domains[0];
    if (first === undefined) {
      results.push({
        check: CHECK,
        status: "warn",
        message: `the panel reader answers on ${socket} but finds ${accounts.length === 0 ? "no accounts" : "no domains"} in ${adapter.name}'s files; if the panel keeps them elsewhere, set the reader's paths with: ${EDIT}`,
      });
      return results;
    }
    const owner = await panel.ownerOf(first.domain);
    const zone = await panel.zoneFile(first.domain);
    if (owner !== first.username) {
      const fix = adapter.doctor.ownersFix(first.domain);
      results.push({
        check: CHECK,
        status: "warn",
        message: `the panel's list of domain owners says ${first.domain} belongs to ${owner ?? "nobody"}, but ${first.username}'s account lists it; ${fix}`,
      });
    } else if (zone.content === undefined) {
      results.push({
        check: CHECK,
        status: "warn",
        message: `the panel reader finds no zone file for ${first.domain} (${zone.path}); if BIND keeps zones elsewhere, set WEDOS_PANEL_ZONE_DIR with: ${EDIT}`,
      });
    } else {
      results.push({
        check: CHECK,
        status: "ok",
        message: `answers on ${socket} for ${adapter.name}: ${accounts.length} account(s), ${domains.length} domain(s); it reads their owners and zone files (${first.domain} checked)`,
      });
    }
    results.push(await checkPackages(panel, accounts, adapter));
  } catch (error) {
    results.push({ check: CHECK, status: "fail", message: failureWithFix(error) });
  }
  return results;
}

/**
 * The package policies page offers the packages the reader finds as files; where those files are is read from public
 * descriptions, not a documented interface, so an account's package without a file is worth a look (or was simply
 * removed from the panel, which DirectAdmin and WHM allow while accounts still have it).
 */
async function checkPackages(
  panel: RemotePanel,
  accounts: ReadonlyArray<{ package: string | undefined }>,
  adapter: PanelAdapter,
): Promise<CheckResult> {
  const offered = new Set(await panel.packages());
  const used = new Set(accounts.map((account) => account.package).filter((pkg) => pkg !== undefined));
  const missing = [...used].filter((pkg) => !offered.has(pkg)).sort();
  if (missing.length === 0)
    return {
      check: PACKAGES_CHECK,
      status: "ok",
      message: `the package policies page offers the ${offered.size} package(s) ${adapter.name} keeps, every one the accounts use included`,
    };
  const named = `${missing.slice(0, 5).join(", ")}${missing.length > 5 ? ", …" : ""}`;
  return {
    check: PACKAGES_CHECK,
    status: "warn",
    message: `accounts use ${missing.length} package(s) the panel reader finds no package file for (${named}), so the package policies page cannot offer them; if they were not removed from ${adapter.name}, set the reader's paths with: ${EDIT}`,
  };
}

function failureWithFix(error: unknown): string {
  if (!(error instanceof AppError)) return (error as Error).message;
  switch (error.code) {
    case "panel_reader_unavailable":
    case "panel_reader_timeout":
      // The daemon's message sends the admin here; here the fix is the reader's units.
      return `${error.message.replace(/; if this lasts, run: wedos-panel doctor$/, "")}; start it with: systemctl enable --now wedos-panel-reader.socket (its log: journalctl -u wedos-panel-reader)`;
    case "directadmin_file_unreadable":
    case "cpanel_file_unreadable":
      return `the panel reader cannot read the panel's files (${error.message}); its unit must keep CAP_DAC_READ_SEARCH and see the file: look for a drop-in that changes it with: systemctl cat wedos-panel-reader`;
    default:
      // Mismatched panels, malformed panel files, a broken reader: their messages already name the fix.
      return error.message;
  }
}

/** Panel paths set in config.json (the daemon's file) that differ from a real server's: the reader never sees them. */
function settingsTheReaderIgnores(config: Config, adapter: PanelAdapter): Array<[string, string]> {
  const zoneDir = { key: "dns.zoneDir", variable: "WEDOS_PANEL_ZONE_DIR", changed: config.dns.zoneDir !== undefined };
  const set = [...adapter.readerPaths(config), zoneDir];
  return set.filter((setting) => setting.changed).map((setting) => [setting.key, setting.variable]);
}
