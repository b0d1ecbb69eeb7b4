import { isIP } from "node:net";
import { AppError } from "../../errors.js";
import { canonicalDomain, parseKeyValueLines } from "../names.js";
import type { PanelAccount, PanelDomain } from "../../model/account.js";
import type { AccountAccess, Panel, PanelZoneFile, PanelZoneFileVersion } from "../panel.js";
import {
  fileNames,
  fileVersion,
  mapLimit,
  nonEmpty,
  packageNames,
  readOptional,
  readOptionalBytes,
} from "../panel-files.js";
import { isCpanelUser, type CpanelLayout } from "./layout.js";

const UNREADABLE = "cpanel_file_unreadable";

/**
 * The {@link Panel} over a cPanel & WHM server's files. cPanel documents none of them as an interface
 * (docs/reference/cpanel.md#open-questions), so each is read conservatively — tolerant where a file may
 * legitimately be absent, strict where a file exists but is not in the form below (it throws {@link CpanelFileError}
 * naming the file and line, because the import and the reconciler act on what this returns). Assumptions, each from
 * cPanel's own tools and public plugins rather than a vendor promise:
 *
 * - `/var/cpanel/users/<user>`: `KEY=value` per line (`#` comments). `DNS` is the main domain, `DNS1`…`DNSn` the
 *   account's other domains — addon and parked alike, all with their own zone; subdomains are not listed there (they
 *   live in their parent's zone). `PLAN` the package, `IP` (and `IPV6`) the addresses, `OWNER` the reseller or root
 *   that owns the account. Parked domains therefore read as domains, not pointers; the hooks record them as
 *   pointers, and the difference is only a label on the pages.
 * - `/var/cpanel/suspended/<user>`: exists while the account is suspended (`SUSPENDED=1` in the users file counts
 *   too).
 * - `/etc/userdomains`: `domain: user` per line for every domain, parked domain and subdomain (`*: nobody` is
 *   cPanel's catch-all and is skipped).
 * - `/var/cpanel/packages/<package>`: one file per hosting package (the `extensions/` directory is not one).
 * - `/var/cpanel/resellers`: `user:acl,acl,…` per line for every WHM user other than root (a reseller); `all` is
 *   WHM's root-equivalent privilege.
 * - zone files `/var/named/<domain>.db` (BIND syntax), read through {@link zoneFile}.
 *
 * Nothing is cached between calls (the files change under the daemon).
 */
export class CpanelPanel implements Panel {
  readonly kind = "cpanel";

  constructor(readonly layout: CpanelLayout) {}

  /** Every account with a users file, sorted by user name. */
  async listAccounts(): Promise<PanelAccount[]> {
    const names = (await fileNames(this.layout.usersDir, UNREADABLE)).filter(isCpanelUser).sort();
    const accounts = await mapLimit(names, 32, (name) => this.account(name));
    return accounts.filter((account): account is PanelAccount => account !== undefined);
  }

  /** The files of `/var/cpanel/packages/` (WHM's packages; a reseller's carry its name as a prefix). */
  async packages(): Promise<string[]> {
    return packageNames(await fileNames(this.layout.packagesDir, UNREADABLE));
  }

  /** The account, or undefined when it has no users file. */
  async account(username: string): Promise<PanelAccount | undefined> {
    if (!isCpanelUser(username)) return undefined;
    const file = this.layout.userFile(username);
    const text = await readOptional(file, UNREADABLE);
    if (text === undefined) return undefined;
    const conf = parseKeyValueLines(text, (line, problem) => new CpanelFileError(file, line, problem));
    const ips = [conf.get("IP"), conf.get("IPV6")]
      .map((ip) => ip?.trim())
      .filter((ip): ip is string => ip !== undefined && isIP(ip) !== 0);
    return {
      username,
      package: nonEmpty(conf.get("PLAN")),
      ips,
      suspended:
        conf.get("SUSPENDED")?.trim() === "1" ||
        (await readOptional(this.layout.suspendedFile(username), UNREADABLE)) !== undefined,
      creator: nonEmpty(conf.get("OWNER")),
      domains: accountDomains(conf, text, file),
    };
  }

  /**
   * Who a cPanel or WHM login is to the pages, checked the way cPanel's guide asks a WHM plugin to check it itself:
   * root and WHM users with the `all` ACL are admins; any other reseller is a reseller (no admin page); an account
   * with a users file is a user; anything else is no login of this server.
   */
  async accountAccess(username: string): Promise<AccountAccess | undefined> {
    if (username === "root") return { level: "admin", language: undefined };
    if (!isCpanelUser(username)) return undefined;
    const acls = parseResellers(
      (await readOptional(this.layout.resellers, UNREADABLE)) ?? "",
      this.layout.resellers,
    ).get(username);
    if (acls !== undefined) return { level: acls.includes("all") ? "admin" : "reseller", language: undefined };
    if ((await readOptional(this.layout.userFile(username), UNREADABLE)) === undefined) return undefined;
    return { level: "user", language: undefined };
  }

  /** The owner from `userdomains`; without that file, the account whose users file lists the domain. */
  async ownerOf(domain: string): Promise<string | undefined> {
    const wanted = canonicalDomain(domain);
    if (wanted === undefined) return undefined;
    const text = await readOptional(this.layout.userDomains, UNREADABLE);
    if (text !== undefined) return parseUserDomains(text, this.layout.userDomains).get(wanted);
    for (const account of await this.listAccounts()) {
      if (account.domains.some((entry) => entry.domain === wanted)) return account.username;
    }
    return undefined;
  }

  /** `<zoneDir>/<domain>.db` for the canonical name; a name that is not a domain has none. */
  zoneFilePath(domain: string): string {
    const canonical = canonicalDomain(domain);
    if (canonical === undefined)
      throw new AppError("cpanel_name_invalid", `"${domain}" is not a domain name, so it has no zone file`);
    return this.layout.zoneFile(canonical);
  }

  async zoneFile(domain: string): Promise<PanelZoneFile> {
    const path = this.zoneFilePath(domain);
    return { path, content: await readOptionalBytes(path, UNREADABLE) };
  }

  async zoneFileVersion(domain: string): Promise<PanelZoneFileVersion> {
    const path = this.zoneFilePath(domain);
    return { path, ...(await fileVersion(path, UNREADABLE)) };
  }
}

/** A cPanel file that exists but is not in the expected format. */
export class CpanelFileError extends AppError {
  constructor(
    readonly file: string,
    readonly line: number,
    problem: string,
  ) {
    super(
      "cpanel_file_invalid",
      `${file}:${line}: ${problem}; fix or restore the file (cPanel's /usr/local/cpanel/scripts/updateuserdomains rebuilds userdomains)`,
    );
  }
}

/** `DNS` first, then `DNS1`, `DNS2`, … in number order; duplicates dropped. */
function accountDomains(conf: ReadonlyMap<string, string>, text: string, file: string): PanelDomain[] {
  const keys = [...conf.keys()]
    .filter((key) => /^DNS\d*$/.test(key))
    .sort((a, b) => Number(a.slice(3) || -1) - Number(b.slice(3) || -1));
  const domains = new Set<string>();
  for (const key of keys) {
    const value = conf.get(key)?.trim() ?? "";
    if (value === "") continue;
    const domain = canonicalDomain(value);
    if (domain === undefined) {
      // A later key wins, so the line to name is the last one setting it.
      const line = text.split("\n").findLastIndex((entry) => entry.trimStart().startsWith(`${key}=`)) + 1;
      throw new CpanelFileError(file, line, `${key}=${JSON.stringify(value.slice(0, 80))} is not a domain name`);
    }
    domains.add(domain);
  }
  return [...domains].map((domain) => ({ domain, kind: "domain" }));
}

/** Reads `resellers` (`user:acl,acl,…` per line) into a map from WHM user to ACL names. */
export function parseResellers(text: string, file: string): Map<string, string[]> {
  const resellers = new Map<string, string[]>();
  for (const [index, raw] of text.split("\n").entries()) {
    const line = raw.trim();
    if (line === "") continue;
    const match = /^([^:\s]+):\s*(\S*)$/.exec(line);
    if (match === null || !isCpanelUser(match[1] as string))
      throw new CpanelFileError(
        file,
        index + 1,
        `expected "user:acl,acl,…", found ${JSON.stringify(line.slice(0, 80))}`,
      );
    resellers.set(
      match[1] as string,
      (match[2] as string).split(",").filter((acl) => acl !== ""),
    );
  }
  return resellers;
}

/** Reads `userdomains` (`domain: user` per line) into a map from canonical domain to user; `*` is skipped. */
export function parseUserDomains(text: string, file: string): Map<string, string> {
  const owners = new Map<string, string>();
  for (const [index, raw] of text.split("\n").entries()) {
    const line = raw.trim();
    if (line === "" || line.startsWith("*:")) continue;
    const match = /^([^:\s]+):\s*(\S+)$/.exec(line);
    const domain = match === null ? undefined : canonicalDomain(match[1] as string);
    if (match === null || domain === undefined)
      throw new CpanelFileError(file, index + 1, `expected "domain: user", found ${JSON.stringify(line.slice(0, 80))}`);
    owners.set(domain, match[2] as string);
  }
  return owners;
}
