import { join } from "node:path";
import { AppError } from "../../errors.js";
import { isSafeDomainFileName } from "../names.js";
import { CPANEL_USER } from "./hook-events.js";

/**
 * Where cPanel & WHM keeps what the plugin reads. Three roots, because a real server spreads them over the file
 * system and a test puts all three under one temp directory. Each path is an assumption from public sources and
 * cPanel's own tools, not a documented interface (docs/reference/cpanel.md#open-questions): see reader.ts
 * for the formats.
 */
export interface CpanelLayoutOptions {
  /** cPanel's data directory, `/var/cpanel` on a real server (`users/`, `suspended/`). */
  varDir: string;
  /** Where `userdomains` is, `/etc` on a real server. */
  etcDir: string;
  /** BIND's zone directory, `/var/named` on every OS cPanel supports. */
  zoneDir: string;
}

/** The paths of one cPanel tree; every name is checked so a hostile user or domain name cannot leave the tree. */
export interface CpanelLayout extends Readonly<CpanelLayoutOptions> {
  /** `<varDir>/users`: one `KEY=value` file per account, named after the account. */
  readonly usersDir: string;
  /** `<varDir>/suspended`: a file per suspended account (its content is the reason). */
  readonly suspendedDir: string;
  /** `<etcDir>/userdomains`: `domain: user` per line, for every domain, parked domain and subdomain. */
  readonly userDomains: string;
  /** `<varDir>/resellers`: `user:acl,acl,…` per line, one for each WHM user other than root. */
  readonly resellers: string;
  /** `<varDir>/packages`: one `KEY=value` file per hosting package, named after it (`extensions/` is not one). */
  readonly packagesDir: string;
  /** The account's `KEY=value` file. */
  userFile(username: string): string;
  /** Present while the account is suspended. */
  suspendedFile(username: string): string;
  /** `<zoneDir>/<domain>.db`, the BIND zone file. */
  zoneFile(domain: string): string;
}

/** The paths on a real cPanel & WHM server. */
export const CPANEL_DEFAULTS: Readonly<CpanelLayoutOptions> = {
  varDir: "/var/cpanel",
  etcDir: "/etc",
  zoneDir: "/var/named",
};

/** Raised for a user or domain name that cannot be a path component. */
export class CpanelNameError extends AppError {
  constructor(what: string, value: string) {
    super(
      "cpanel_name_invalid",
      `${JSON.stringify(value)} is not a valid cPanel ${what} (it would not name a file inside the cPanel tree)`,
    );
  }
}

function user(name: string): string {
  if (!CPANEL_USER.test(name)) throw new CpanelNameError("user name", name);
  return name;
}

function domainName(name: string): string {
  if (!isSafeDomainFileName(name)) throw new CpanelNameError("domain", name);
  return name;
}

/** Whether `name` can be a cPanel account (and so a file name in users/). */
export function isCpanelUser(name: string): boolean {
  return CPANEL_USER.test(name);
}

/** The layout of a tree rooted at the given directories (defaults: a real server). */
export function cpanelLayout(options: Partial<CpanelLayoutOptions> = {}): CpanelLayout {
  const { varDir, etcDir, zoneDir } = { ...CPANEL_DEFAULTS, ...options };
  const usersDir = join(varDir, "users");
  const suspendedDir = join(varDir, "suspended");
  return {
    varDir,
    etcDir,
    zoneDir,
    usersDir,
    suspendedDir,
    userDomains: join(etcDir, "userdomains"),
    resellers: join(varDir, "resellers"),
    packagesDir: join(varDir, "packages"),
    userFile: (username) => join(usersDir, user(username)),
    suspendedFile: (username) => join(suspendedDir, user(username)),
    zoneFile: (domain) => join(zoneDir, `${domainName(domain)}.db`),
  };
}
