import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { directAdminLayout, type DirectAdminLayout } from "../../panel/directadmin/layout.js";
import { parseConf, parseDomainOwners, parseDomainsList, parsePointers } from "../../panel/directadmin/reader.js";

/**
 * The emulator's writes to a DirectAdmin tree, in the formats reader.ts reads. Modes follow DirectAdmin's
 * (diradmin-owned 0711 directories so users can traverse to their own files, 0600 configuration, BIND's 0750 zone
 * directory with 0640 zones); they are plausible rather than measured on a host
 * (docs/reference/directadmin.md#files-the-reader-reads notes the formats are undocumented). Writes go to a temporary
 * file and are renamed into place, so a reader running beside the emulator (the daemon under test) never sees half a
 * file.
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

/** Creates a directory (and parents) with exactly `mode`, whatever the umask. */
export function makeDir(path: string, mode: number): void {
  mkdirSync(path, { recursive: true, mode });
  chmodSync(path, mode);
}

/** Writes a file whole: temporary name, then rename. */
export function writeAtomic(file: string, content: string, mode: number): void {
  const temporary = join(dirname(file), `.${process.pid}.tmp`);
  writeFileSync(temporary, content, { mode });
  chmodSync(temporary, mode);
  renameSync(temporary, file);
}

/** `key=value` lines, keys sorted as DirectAdmin writes them. */
export function formatConf(conf: ReadonlyMap<string, string>): string {
  return [...conf.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, value]) => `${key}=${value}\n`)
    .join("");
}

function readText(file: string): string | undefined {
  return existsSync(file) ? readFileSync(file, "utf8") : undefined;
}

/** Reads and writes one tree's account files. */
export class TreeFiles {
  constructor(readonly layout: DirectAdminLayout) {}

  userConf(username: string): Map<string, string> | undefined {
    const file = this.layout.userConf(username);
    const text = readText(file);
    return text === undefined ? undefined : parseConf(text, file);
  }

  writeUserConf(username: string, conf: ReadonlyMap<string, string>): void {
    makeDir(this.layout.domainsDir(username), MODES.domainsDir);
    chmodSync(this.layout.userDir(username), MODES.userDir);
    writeAtomic(this.layout.userConf(username), formatConf(conf), MODES.conf);
  }

  removeUser(username: string): void {
    rmSync(this.layout.userDir(username), { recursive: true, force: true });
  }

  domains(username: string): string[] {
    const file = this.layout.domainsList(username);
    return parseDomainsList(readText(file) ?? "", file);
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
    writeAtomic(this.layout.domainConf(username, domain), formatConf(conf), MODES.conf);
    writeAtomic(this.layout.domainIpList(username, domain), `${settings.ip}\n`, MODES.conf);
  }

  domainConf(username: string, domain: string): Map<string, string> | undefined {
    const file = this.layout.domainConf(username, domain);
    const text = readText(file);
    return text === undefined ? undefined : parseConf(text, file);
  }

  removeDomainFiles(username: string, domain: string): void {
    for (const file of [this.layout.domainConf(username, domain), this.layout.domainIpList(username, domain), this.layout.domainPointers(username, domain)]) {
      rmSync(file, { force: true });
    }
  }

  pointers(username: string, domain: string): string[] {
    const file = this.layout.domainPointers(username, domain);
    return parsePointers(readText(file) ?? "", file);
  }

  /** One `pointer=type=alias` line per pointer; no file when there are none, as for a domain never given one. */
  writePointers(username: string, domain: string, pointers: readonly string[]): void {
    const file = this.layout.domainPointers(username, domain);
    if (pointers.length === 0) rmSync(file, { force: true });
    else writeAtomic(file, pointers.map((pointer) => `${pointer}=type=alias\n`).join(""), MODES.conf);
  }

  owners(): Map<string, string> {
    return parseDomainOwners(readText(this.layout.domainOwners) ?? "", this.layout.domainOwners);
  }

  /** Sets (user) or removes (undefined) `domainowners` entries, keeping the order of the others. */
  setOwners(changes: ReadonlyArray<readonly [domain: string, owner: string | undefined]>): void {
    const owners = this.owners();
    for (const [domain, owner] of changes) {
      if (owner === undefined) owners.delete(domain);
      else owners.set(domain, owner);
    }
    writeAtomic(this.layout.domainOwners, [...owners].map(([domain, owner]) => `${domain}: ${owner}\n`).join(""), MODES.domainOwners);
  }
}
