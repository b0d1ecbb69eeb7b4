import { join } from "node:path";
import { AppError } from "../../errors.js";
import { isSafeDomainFileName } from "../names.js";

/**
 * Where DirectAdmin keeps what the plugin reads (docs/reference/directadmin.md#files-the-reader-reads). Three roots,
 * because a real server spreads them over the file system and a test puts all three under one temp directory.
 */
export interface DirectAdminLayoutOptions {
  /** DirectAdmin's own directory, `/usr/local/directadmin` on a real server. */
  root: string;
  /**
   * BIND's zone directory: `/var/named` on RHEL-family systems, `/etc/bind` on Debian
   * (docs/reference/directadmin.md#files-the-reader-reads).
   */
  zoneDir: string;
  /** The mail/virtual directory holding `domainowners`, `/etc/virtual` on a real server. */
  virtualDir: string;
}

/** The paths of one DirectAdmin tree; every name is checked so a hostile domain cannot leave the tree. */
export interface DirectAdminLayout extends Readonly<DirectAdminLayoutOptions> {
  /** `<root>/data/users`: one directory per account (users, resellers and admins alike). */
  readonly usersDir: string;
  /** `<virtualDir>/domainowners`: `domain: user` per line, for every domain and pointer. */
  readonly domainOwners: string;
  userDir(username: string): string;
  /** `key=value` account configuration. */
  userConf(username: string): string;
  /** The account's domains, one per line. */
  domainsList(username: string): string;
  /** `<user>/domains/`, where the per-domain files live. */
  domainsDir(username: string): string;
  /** `key=value` domain configuration. */
  domainConf(username: string, domain: string): string;
  /** The domain's IP addresses, one per line. */
  domainIpList(username: string, domain: string): string;
  /** The domain's pointers (aliases): `pointer=type=alias` per line (format chosen in reader.ts). */
  domainPointers(username: string, domain: string): string;
  /** `<zoneDir>/<domain>.db`, the BIND zone file. */
  zoneFile(domain: string): string;
  /** `<user>/packages/`: the user packages a reseller or admin offers, one `<name>.pkg` each. */
  userPackagesDir(username: string): string;
  /** `<root>/data/admin/packages/`: the reseller packages, one `<name>.pkg` each. */
  readonly resellerPackagesDir: string;
  /** `<root>/data/task.queue`: `action=…` lines DirectAdmin's task processor (dataskq) runs and then removes. */
  readonly taskQueue: string;
}

/** The paths on a real DirectAdmin server (RHEL family; Debian keeps zones in /etc/bind). */
export const DIRECTADMIN_DEFAULTS: Readonly<DirectAdminLayoutOptions> = {
  root: "/usr/local/directadmin",
  zoneDir: "/var/named",
  virtualDir: "/etc/virtual",
};

/** Raised for a user or domain name that cannot be a path component. */
export class DirectAdminNameError extends AppError {
  constructor(what: string, value: string) {
    super(
      "directadmin_name_invalid",
      `${JSON.stringify(value)} is not a valid DirectAdmin ${what} (it would not name a file inside the DirectAdmin tree)`,
    );
  }
}

// DirectAdmin user names are short lower-case words: no slash, no dot-only name, no NUL, as the value becomes a
// path component.
export const SAFE_USER = /^[a-z0-9_][a-z0-9_.-]{0,63}$/i;

function user(name: string): string {
  if (!SAFE_USER.test(name) || name.includes("..")) throw new DirectAdminNameError("user name", name);
  return name;
}

function domainName(name: string): string {
  if (!isSafeDomainFileName(name)) throw new DirectAdminNameError("domain", name);
  return name;
}

/** The layout of a tree rooted at the given directories (defaults: a real server). */
export function directAdminLayout(options: Partial<DirectAdminLayoutOptions> = {}): DirectAdminLayout {
  const { root, zoneDir, virtualDir } = { ...DIRECTADMIN_DEFAULTS, ...options };
  const usersDir = join(root, "data", "users");
  const userDir = (username: string) => join(usersDir, user(username));
  const domainsDir = (username: string) => join(userDir(username), "domains");
  return {
    root,
    zoneDir,
    virtualDir,
    usersDir,
    domainOwners: join(virtualDir, "domainowners"),
    userDir,
    userConf: (username) => join(userDir(username), "user.conf"),
    domainsList: (username) => join(userDir(username), "domains.list"),
    domainsDir,
    domainConf: (username, domain) => join(domainsDir(username), `${domainName(domain)}.conf`),
    domainIpList: (username, domain) => join(domainsDir(username), `${domainName(domain)}.ip_list`),
    domainPointers: (username, domain) => join(domainsDir(username), `${domainName(domain)}.pointers`),
    zoneFile: (domain) => join(zoneDir, `${domainName(domain)}.db`),
    userPackagesDir: (username) => join(userDir(username), "packages"),
    resellerPackagesDir: join(root, "data", "admin", "packages"),
    taskQueue: join(root, "data", "task.queue"),
  };
}
