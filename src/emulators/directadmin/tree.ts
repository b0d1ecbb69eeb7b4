import { chmodSync, existsSync, readdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { makeDir, readText, writeAtomic } from "../files/disk.js";
import { readKeyValues, readNames, readOwners, writeKeyValues, writeOwners } from "../files/lines.js";
import type { PanelAccount, PanelDomain } from "../../model/account.js";
import { directAdminLayout, type DirectAdminLayout } from "../../panel/directadmin/layout.js";

/**
 * The emulator's writes to a DirectAdmin tree, in DirectAdmin's formats (docs/reference/directadmin.md#files-the-reader-reads),
 * read back with the emulators' own line readers (../files/lines.ts), never the plugin's. Modes follow DirectAdmin's
 * (diradmin-owned 0711 directories so users can traverse to their own files, 0600 configuration, BIND's 0750 zone
 * directory with 0640 zones); they are plausible rather than measured on a host
 * (that section notes the formats are undocumented). Writes go to a temporary file and are renamed into place.
 */
export const MODES = {
  usersDir: 0o711,
  userDir: 0o711,
  domainsDir: 0o711,
  conf: 0o600,
  virtualDir: 0o755,
  domainOwners: 0o640,
  zoneDir: 0o750,
  zoneFile: 0o640,
} as const;

/** The layout of a tree under `dir` (usr/local/directadmin, etc/virtual, var/named), as {@link fixtureTree} made it. */
export function treeLayout(dir: string): DirectAdminLayout {
  return directAdminLayout({
    root: join(dir, "usr", "local", "directadmin"),
    zoneDir: join(dir, "var", "named"),
    virtualDir: join(dir, "etc", "virtual"),
  });
}

/** Lays out an empty DirectAdmin tree under `dir` (see {@link treeLayout}) and returns it. */
export function fixtureTree(dir: string): DirectAdminLayout {
  const layout = treeLayout(dir);
  makeDir(layout.usersDir, MODES.usersDir);
  makeDir(layout.virtualDir, MODES.virtualDir);
  makeDir(layout.zoneDir, MODES.zoneDir);
  writeAtomic(layout.domainOwners, "", MODES.domainOwners);
  return layout;
}

/** Reads and writes one tree's account files. */
export class TreeFiles {
  constructor(readonly layout: DirectAdminLayout) {}

  userConf(username: string): Map<string, string> | undefined {
    const file = this.layout.userConf(username);
    const text = readText(file);
    return text === undefined ? undefined : readKeyValues(text, file);
  }

  writeUserConf(username: string, conf: ReadonlyMap<string, string>): void {
    makeDir(this.layout.domainsDir(username), MODES.domainsDir);
    chmodSync(this.layout.userDir(username), MODES.userDir);
    writeAtomic(this.layout.userConf(username), writeKeyValues(conf), MODES.conf);
  }

  /** Every account with a user.conf, sorted by name, as the panel's own user lists show them. */
  accounts(): PanelAccount[] {
    const names = readdirSync(this.layout.usersDir, { withFileTypes: true }).filter((entry) => entry.isDirectory());
    return names
      .map((entry) => entry.name)
      .sort()
      .flatMap((username) => {
        const conf = this.userConf(username);
        if (conf === undefined) return [];
        const optional = (key: string) => conf.get(key) || undefined;
        const ip = optional("ip");
        const account = {
          username,
          package: optional("package"),
          suspended: conf.get("suspended") === "yes",
          creator: optional("creator"),
        };
        return [{ ...account, ips: ip === undefined ? [] : [ip], domains: this.entries(username) }];
      });
  }

  /** The account's domains in domains.list order, each followed by its pointers. */
  entries(username: string): PanelDomain[] {
    return this.domains(username).flatMap((domain): PanelDomain[] => [
      { domain, kind: "domain" },
      ...this.pointers(username, domain).map((pointer) => ({
        domain: pointer,
        kind: "pointer" as const,
        target: domain,
      })),
    ]);
  }

  /** The packages `creator` (an admin or reseller) offers: its `packages/<name>.pkg` files, sorted. */
  packages(creator: string): string[] {
    const dir = this.layout.userPackagesDir(creator);
    if (!existsSync(dir)) return [];
    return readdirSync(dir)
      .filter((file) => file.endsWith(".pkg"))
      .map((file) => file.slice(0, -".pkg".length))
      .sort();
  }

  /** A package as DirectAdmin's package editor saves it: `key=value` limits in `packages/<name>.pkg`. */
  writePackage(creator: string, name: string, settings: ReadonlyMap<string, string>): void {
    const dir = this.layout.userPackagesDir(creator);
    makeDir(dir, MODES.userDir);
    writeAtomic(join(dir, `${name}.pkg`), writeKeyValues(settings), MODES.conf);
  }

  removeUser(username: string): void {
    rmSync(this.layout.userDir(username), { recursive: true, force: true });
  }

  domains(username: string): string[] {
    return readNames(readText(this.layout.domainsList(username)) ?? "");
  }

  writeDomains(username: string, domains: readonly string[]): void {
    writeAtomic(this.layout.domainsList(username), domains.map((domain) => `${domain}\n`).join(""), MODES.conf);
  }

  /** `<domain>.conf` and `<domain>.ip_list`: the keys domain_create_post and domain_change_post echo. */
  writeDomainConf(username: string, domain: string, settings: { ip: string; defaultDomain: boolean }): void {
    const conf = new Map([
      ["bandwidth", "unlimited"],
      ["cgi", "ON"],
      ["defaultdomain", settings.defaultDomain ? "yes" : "no"],
      ["domain", domain],
      ["ip", settings.ip],
      ["open_basedir", "ON"],
      ["php", "ON"],
      ["quota", "unlimited"],
      ["safemode", "OFF"],
      ["ssl", "ON"],
      ["suspended", "no"],
      ["username", username],
    ]);
    writeAtomic(this.layout.domainConf(username, domain), writeKeyValues(conf), MODES.conf);
    writeAtomic(this.layout.domainIpList(username, domain), `${settings.ip}\n`, MODES.conf);
  }

  domainConf(username: string, domain: string): Map<string, string> | undefined {
    const file = this.layout.domainConf(username, domain);
    const text = readText(file);
    return text === undefined ? undefined : readKeyValues(text, file);
  }

  removeDomainFiles(username: string, domain: string): void {
    for (const file of [
      this.layout.domainConf(username, domain),
      this.layout.domainIpList(username, domain),
      this.layout.domainPointers(username, domain),
    ]) {
      rmSync(file, { force: true });
    }
  }

  pointers(username: string, domain: string): string[] {
    return readNames(readText(this.layout.domainPointers(username, domain)) ?? "");
  }

  /** One `pointer=type=alias` line per pointer; no file when there are none, as for a domain never given one. */
  writePointers(username: string, domain: string, pointers: readonly string[]): void {
    const file = this.layout.domainPointers(username, domain);
    if (pointers.length === 0) rmSync(file, { force: true });
    else writeAtomic(file, pointers.map((pointer) => `${pointer}=type=alias\n`).join(""), MODES.conf);
  }

  owners(): Map<string, string> {
    return readOwners(readText(this.layout.domainOwners) ?? "", this.layout.domainOwners);
  }

  /** Sets (user) or removes (undefined) `domainowners` entries, keeping the order of the others. */
  setOwners(changes: ReadonlyArray<readonly [domain: string, owner: string | undefined]>): void {
    const owners = this.owners();
    for (const [domain, owner] of changes) {
      if (owner === undefined) owners.delete(domain);
      else owners.set(domain, owner);
    }
    writeAtomic(this.layout.domainOwners, writeOwners(owners), MODES.domainOwners);
  }
}
