import { spawn } from "node:child_process";
import { isIP } from "node:net";
import { join } from "node:path";
import { systemClock, type Clock } from "../../clock.js";
import { textField, type ZoneRecord } from "../dns/index.js";
import { AppError } from "../../errors.js";
import { PACKAGE_ROOT } from "../../package-info.js";
import {
  nextSerial,
  readZone,
  removeZone,
  serialOf,
  templateRecords,
  withSerial,
  writeZone,
} from "../directadmin/zone.js";
import type { CpanelLayout } from "../../panel/cpanel/layout.js";
import { CpanelTreeFiles } from "./tree.js";

/**
 * A Standardized Hooks payload as cPanel writes it to the hook's stdin
 * (docs/reference/cpanel.md#standardized-hooks).
 */
export interface CpanelHookPayload {
  context: { category: string; event: string; stage: string; [key: string]: unknown };
  data: Record<string, unknown>;
  hook?: Record<string, unknown>;
}

/** What one run of the hook script did. */
export interface CpanelHookRun {
  stdout: string;
  stderr: string;
  /** null if a signal ended the process. */
  exitCode: number | null;
}

export interface EmulatedCpanelOptions {
  layout: CpanelLayout;
  /** Added to the hook's environment (WEDOS_PANEL_DATA_DIR in tests); cPanel passes a script hook nothing of its own. */
  hookEnv: Readonly<Record<string, string>>;
  /** The hook script; by default the package's cpanel/hooks/wedos-panel-hook. */
  hookScript?: string;
  clock?: Clock;
  /** The shared IP new accounts get when the payload names none. */
  serverIp?: string;
}

/**
 * cPanel & WHM, emulated for tests: {@link perform} does to the tree what cPanel does for a hook payload (account
 * file, userdomains, zone files: docs/reference/cpanel.md#files-the-reader-reads) and then runs the plugin's real
 * hook script with the payload on stdin, as cPanel runs a `post` script hook. The payloads come from test/fixtures/cpanel/.
 */
export class EmulatedCpanel {
  readonly layout: CpanelLayout;
  readonly files: CpanelTreeFiles;
  readonly hookScript: string;
  private readonly clock: Clock;
  private readonly serverIp: string;

  constructor(private readonly options: EmulatedCpanelOptions) {
    if (!options.hookEnv.WEDOS_PANEL_DATA_DIR && !options.hookEnv.WEDOS_PANEL_CONFIG) {
      throw new AppError(
        "config_invalid",
        "EmulatedCpanel needs hookEnv.WEDOS_PANEL_DATA_DIR (or WEDOS_PANEL_CONFIG): without it the real hook spools into /var/lib/wedos-panel",
      );
    }
    this.layout = options.layout;
    this.files = new CpanelTreeFiles(options.layout);
    this.hookScript = options.hookScript ?? join(PACKAGE_ROOT, "cpanel", "hooks", "wedos-panel-hook");
    this.clock = options.clock ?? systemClock;
    this.serverIp = options.serverIp ?? "192.0.2.10";
  }

  /** Applies the event to the tree as cPanel would, then runs the hook with the payload (post stage). */
  async perform(payload: CpanelHookPayload): Promise<CpanelHookRun> {
    // cPanel names an event `Category::Event` (docs/reference/cpanel.md#standardized-hooks).
    this.apply(`${payload.context.category}::${payload.context.event}`, payload.data);
    return this.runHook(JSON.stringify(payload));
  }

  /** Runs the hook script with `stdin` (a payload or anything else) and closes stdin, as cPanel does. */
  runHook(stdin: string, args: readonly string[] = []): Promise<CpanelHookRun> {
    return new Promise((resolve, reject) => {
      const child = spawn(this.hookScript, args, {
        cwd: this.layout.varDir,
        env: { ...this.options.hookEnv },
        stdio: ["pipe", "pipe", "pipe"],
      });
      const stdout: Buffer[] = [];
      const stderr: Buffer[] = [];
      child.stdout.on("data", (chunk: Buffer) => stdout.push(chunk));
      child.stderr.on("data", (chunk: Buffer) => stderr.push(chunk));
      child.on("error", (error) =>
        reject(new AppError("cpanel_hook_failed", `cannot run ${this.hookScript}: ${error.message}`, { cause: error })),
      );
      child.on("close", (exitCode) =>
        resolve({
          stdout: Buffer.concat(stdout).toString("utf8"),
          stderr: Buffer.concat(stderr).toString("utf8"),
          exitCode,
        }),
      );
      child.stdin.on("error", () => undefined); // a hook that exits without reading is what the test is about
      child.stdin.end(stdin);
    });
  }

  /** A hosting package, as WHM's Add a Package makes it (no hook of ours runs for it). */
  createPackage(name: string): void {
    if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/.test(name)) throw new Error(`"${name}" cannot be a WHM package name`);
    this.files.writePackage(name);
  }

  /** The zone's records, or undefined when the domain has no zone file. */
  zone(domain: string): ZoneRecord[] | undefined {
    return readZone(this.layout, domain);
  }

  private apply(event: string, data: Record<string, unknown>): void {
    const user = text(data.user) ?? "";
    const arg = (name: string) => text((data.args as Record<string, unknown> | undefined)?.[name]);
    switch (event) {
      case "Whostmgr::Accounts::Create": {
        const domain = text(data.domain) ?? "";
        const ip =
          text(data.ip) !== undefined && isIP(text(data.ip) ?? "") !== 0 ? (text(data.ip) as string) : this.serverIp;
        const conf = new Map([
          ["DNS", domain],
          ["IP", ip],
          ["OWNER", text(data.owner) ?? "root"],
          ["PLAN", text(data.plan) ?? "default"],
          ["RS", "jupiter"],
          ["USER", user],
        ]);
        this.files.writeUserFile(user, conf);
        this.files.setOwners([[domain, user]]);
        this.writeTemplateZone(domain, ip);
        return;
      }
      case "Whostmgr::Accounts::Remove":
        for (const domain of this.files.domains(user)) removeZone(this.layout, domain);
        this.files.setOwners(this.files.ownedBy(user).map((domain) => [domain, undefined] as const));
        this.files.removeUser(user);
        return;
      case "Whostmgr::Accounts::suspendacct":
        this.files.setSuspended(user, text(data.reason) ?? "Unknown");
        return;
      case "Whostmgr::Accounts::unsuspendacct":
        this.files.setSuspended(user, undefined);
        return;
      case "Whostmgr::Accounts::change_package": {
        const conf = this.files.userFile(user) ?? new Map<string, string>();
        conf.set("PLAN", text(data.new_pkg) ?? "");
        this.files.writeUserFile(user, conf);
        return;
      }
      case "Cpanel::Api2::AddonDomain::addaddondomain": {
        // An addon domain is parked on a new subdomain of the main domain, which gets records in the main zone.
        const domain = arg("newdomain") ?? "";
        const main = this.files.domains(user)[0] ?? "";
        const label = arg("subdomain") ?? domain.split(".")[0] ?? "";
        this.addSubdomainRecords(main, label);
        this.addDomain(user, domain);
        this.files.setOwners([[`${label}.${main}`, user]]);
        return;
      }
      case "Cpanel::Api2::Park::park":
        this.addDomain(user, arg("domain") ?? "");
        return;
      case "Cpanel::Api2::AddonDomain::deladdondomain":
      case "Cpanel::Api2::Park::unpark": {
        const domain = arg("domain") ?? "";
        this.files.setDomains(
          user,
          this.files.domains(user).filter((entry) => entry !== domain),
        );
        this.files.setOwners([[domain, undefined]]);
        removeZone(this.layout, domain);
        return;
      }
      case "Cpanel::Api2::SubDomain::addsubdomain":
      case "Cpanel::UAPI::SubDomain::addsubdomain": {
        const root = arg("rootdomain") ?? "";
        this.addSubdomainRecords(root, arg("domain") ?? "");
        this.files.setOwners([[`${arg("domain")}.${root}`, user]]);
        return;
      }
      case "Cpanel::Api2::SubDomain::delsubdomain": {
        const name = arg("domain") ?? "";
        const root = name.slice(name.indexOf(".") + 1);
        this.writeZoneRecords(
          root,
          (this.zone(root) ?? []).filter((record) => record.name !== name && record.name !== `www.${name}`),
        );
        this.files.setOwners([[name, undefined]]);
        return;
      }
      case "Cpanel::UAPI::DNS::mass_edit_zone": {
        // Only additions of A records, the form the tests send: {"dname", "ttl", "record_type": "A", "data": [address]}.
        const zone = arg("zone") ?? "";
        const adds = [(data.args as Record<string, unknown>).add ?? []]
          .flat()
          .map(
            (entry) => JSON.parse(String(entry)) as { dname: string; ttl: number; record_type: string; data: string[] },
          );
        const records = adds.map((add): ZoneRecord => ({
          name: `${add.dname}.${zone}`,
          type: "A",
          ttl: add.ttl,
          data: { address: add.data[0] ?? "" },
        }));
        this.writeZoneRecords(zone, [...(this.zone(zone) ?? []), ...records]);
        return;
      }
      case "Cpanel::Api2::ZoneEdit::add_zone_record":
      case "Cpanel::Api2::ZoneEdit::edit_zone_record": {
        // A records only. Editing replaces the records of that name and type, as editing the line did.
        const zone = arg("domain") ?? "";
        const name = `${arg("name")}.${zone}`;
        const kept = (this.zone(zone) ?? []).filter(
          (record) => event.endsWith("add_zone_record") || !(record.name === name && record.type === "A"),
        );
        this.writeZoneRecords(zone, [
          ...kept,
          { name, type: "A", ttl: Number(arg("ttl") ?? 14400), data: { address: arg("address") ?? "" } },
        ]);
        return;
      }
      case "Cpanel::Api2::ZoneEdit::remove_zone_record": {
        // `line` is the record's line in the zone file: the emulator writes $TTL, then the SOA, then one record a line.
        const zone = arg("domain") ?? "";
        const records = this.zone(zone) ?? [];
        const index = Number(arg("line")) - 2;
        this.writeZoneRecords(
          zone,
          records.filter((_, at) => at !== index),
        );
        return;
      }
      default:
        throw new AppError("cpanel_emulator_unknown_event", `the emulated cPanel does not know the event ${event}`);
    }
  }

  private addDomain(user: string, domain: string): void {
    this.files.setDomains(user, [...this.files.domains(user), domain]);
    this.files.setOwners([[domain, user]]);
    this.writeTemplateZone(domain, this.files.userFile(user)?.get("IP") ?? this.serverIp);
  }

  private writeTemplateZone(domain: string, ip: string): void {
    writeZone(
      this.layout,
      domain,
      templateRecords(domain, {
        ip,
        nameservers: ["ns1.cpanel.example.net", "ns2.cpanel.example.net"],
        serial: nextSerial(undefined, this.clock.now()),
      }),
    );
  }

  /** cPanel writes a subdomain's records (`sub` and `www.sub`) into its parent's zone, with a new serial. */
  private addSubdomainRecords(root: string, label: string): void {
    const records = this.zone(root);
    if (records === undefined)
      throw new AppError("cpanel_emulator_no_zone", `the emulated cPanel has no zone for ${root}`);
    const address = records.find((record) => record.name === root && record.type === "A");
    const ip = address === undefined ? this.serverIp : textField(address, "address");
    const a = (name: string): ZoneRecord => ({ name, type: "A", ttl: 14400, data: { address: ip } });
    this.writeZoneRecords(root, [...records, a(`${label}.${root}`), a(`www.${label}.${root}`)]);
  }

  private writeZoneRecords(domain: string, records: readonly ZoneRecord[]): void {
    writeZone(this.layout, domain, withSerial(records, nextSerial(serialOf(records), this.clock.now())));
  }
}

function text(value: unknown): string | undefined {
  return typeof value === "string" && value !== "" ? value : undefined;
}
