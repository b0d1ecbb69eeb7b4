import { existsSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { makeDir, readText, writeAtomic } from "../files/disk.js";
import { EmulatorFileError, readKeyValues, readOwners, writeKeyValues, writeOwners } from "../files/lines.js";
import { cpanelLayout, type CpanelLayout } from "../../panel/cpanel/layout.js";

/**
 * The emulator's writes to a cPanel tree, in cPanel's formats (docs/reference/cpanel.md#files-the-reader-reads),
 * read back with the emulators' own line readers, never the plugin's. Modes are cPanel-like (root-only account
 * files, BIND's 0750 zone directory) rather than measured on a host.
 */
const MODES = {
  dir: 0o755,
  privateDir: 0o700,
  usersFile: 0o600,
  userDomains: 0o640,
  zoneDir: 0o750,
  resellers: 0o644,
  package: 0o644,
} as const;

/** Lays out an empty cPanel tree under `dir` (var/cpanel, etc, var/named) and returns it. */
export function cpanelFixtureTree(dir: string): CpanelLayout {
  const layout = cpanelLayout({
    varDir: join(dir, "var", "cpanel"),
    etcDir: join(dir, "etc"),
    zoneDir: join(dir, "var", "named"),
  });
  makeDir(layout.usersDir, MODES.privateDir);
  makeDir(layout.suspendedDir, MODES.privateDir);
  makeDir(layout.etcDir, MODES.dir);
  makeDir(layout.zoneDir, MODES.zoneDir);
  writeAtomic(layout.userDomains, "*: nobody\n", MODES.userDomains);
  // WHM always has its "default" package; extensions/ holds package extensions, not packages.
  makeDir(join(layout.packagesDir, "extensions"), MODES.dir);
  new CpanelTreeFiles(layout).writePackage("default");
  return layout;
}

/** Reads and writes one tree's account files. */
export class CpanelTreeFiles {
  constructor(readonly layout: CpanelLayout) {}

  /** The account's `KEY=value` file, or undefined. */
  userFile(username: string): Map<string, string> | undefined {
    const file = this.layout.userFile(username);
    if (!existsSync(file)) return undefined;
    return readKeyValues(readFileSync(file, "utf8"), file);
  }

  /** Writes the account's file with cPanel's warning comment first and the keys sorted, as WHM does. */
  writeUserFile(username: string, conf: ReadonlyMap<string, string>): void {
    const warning =
      "# cPanel -- If you edit this file directly you must run /usr/local/cpanel/scripts/updateuserdomains afterwards\n";
    writeAtomic(this.layout.userFile(username), `${warning}${writeKeyValues(conf)}`, MODES.usersFile);
  }

  /** A package as WHM's Add a Package saves it: `/var/cpanel/packages/<name>`, `KEY=value` limits. */
  writePackage(name: string): void {
    const limits = new Map([
      ["BWLIMIT", "unlimited"],
      ["MAXADDON", "unlimited"],
      ["MAXPARK", "unlimited"],
      ["QUOTA", "unlimited"],
    ]);
    writeAtomic(join(this.layout.packagesDir, name), writeKeyValues(limits), MODES.package);
  }

  removeUser(username: string): void {
    rmSync(this.layout.userFile(username), { force: true });
    rmSync(this.layout.suspendedFile(username), { force: true });
  }

  /** The account's domains as `DNS`, `DNS1`, … list them. */
  domains(username: string): string[] {
    const conf = this.userFile(username);
    if (conf === undefined) return [];
    return [...conf]
      .filter(([key]) => /^DNS\d*$/.test(key))
      .sort(([a], [b]) => Number(a.slice(3) || -1) - Number(b.slice(3) || -1))
      .map(([, value]) => value);
  }

  /** Rewrites `DNS`, `DNS1`, … from `domains` (main domain first). */
  setDomains(username: string, domains: readonly string[]): void {
    const conf = new Map(
      [...(this.userFile(username) ?? new Map<string, string>())].filter(([key]) => !/^DNS\d*$/.test(key)),
    );
    domains.forEach((domain, index) => conf.set(index === 0 ? "DNS" : `DNS${index}`, domain));
    this.writeUserFile(username, conf);
  }

  setSuspended(username: string, reason: string | undefined): void {
    if (reason === undefined) rmSync(this.layout.suspendedFile(username), { force: true });
    else writeAtomic(this.layout.suspendedFile(username), `${reason}\n`, MODES.usersFile);
  }

  /** Sets (user) or removes (undefined) `userdomains` entries, keeping `*: nobody` last as cPanel writes it. */
  setOwners(changes: ReadonlyArray<readonly [domain: string, owner: string | undefined]>): void {
    const owners = this.owners();
    for (const [domain, owner] of changes) {
      if (owner === undefined) owners.delete(domain);
      else owners.set(domain, owner);
    }
    writeAtomic(this.layout.userDomains, `${writeOwners(owners)}*: nobody\n`, MODES.userDomains);
  }

  /** Makes the account a WHM reseller with these ACLs (WHM's Edit Reseller Nameservers and Privileges), or no reseller. */
  setResellerAcls(username: string, acls: readonly string[] | undefined): void {
    const resellers = readResellers(readText(this.layout.resellers) ?? "", this.layout.resellers);
    if (acls === undefined) resellers.delete(username);
    else resellers.set(username, [...acls]);
    writeAtomic(
      this.layout.resellers,
      [...resellers].map(([name, list]) => `${name}:${list.join(",")}\n`).join(""),
      MODES.resellers,
    );
  }

  /** Every `userdomains` entry of the account (domains, parked domains, subdomains). */
  ownedBy(username: string): string[] {
    return [...this.owners()].filter(([, owner]) => owner === username).map(([domain]) => domain);
  }

  /** `userdomains` without cPanel's `*: nobody` catch-all line. */
  private owners(): Map<string, string> {
    const owners = readOwners(readFileSync(this.layout.userDomains, "utf8"), this.layout.userDomains);
    owners.delete("*");
    return owners;
  }
}

/** `/var/cpanel/resellers`: `user:acl,acl,…` per line. */
function readResellers(text: string, file: string): Map<string, string[]> {
  const resellers = new Map<string, string[]>();
  for (const [index, line] of text.split("\n").entries()) {
    if (line.trim() === "") continue;
    const at = line.indexOf(":");
    if (at <= 0) throw new EmulatorFileError(file, index + 1, "expected user:acl,acl,…");
    resellers.set(
      line.slice(0, at).trim(),
      line
        .slice(at + 1)
        .split(",")
        .map((acl) => acl.trim())
        .filter((acl) => acl !== ""),
    );
  }
  return resellers;
}
