import { isIP } from "node:net";
import { AppError } from "../../errors.js";
import { canonicalDomain, parseKeyValueLines } from "../names.js";
import { ACCOUNT_LEVELS, type AccountLevel, type PanelAccount, type PanelDomain } from "../../model/account.js";
import type { AccountAccess, Panel, PanelZoneFile, PanelZoneFileVersion } from "../panel.js";
import {
  directoryNames,
  fileNames,
  fileVersion,
  mapLimit,
  nonEmpty,
  packageNames,
  readOptional,
  readOptionalBytes,
} from "../panel-files.js";
import { DirectAdminNameError, type DirectAdminLayout } from "./layout.js";

const UNREADABLE = "directadmin_file_unreadable";

/**
 * The {@link Panel} over a DirectAdmin tree on disk (docs/reference/directadmin.md#files-the-reader-reads).
 * DirectAdmin does not document these formats, so the reader is tolerant where a file may legitimately be absent (an
 * account without domains, a domain without pointers, a server without `domainowners`) and strict where a file exists
 * but cannot be read as the format below: it throws {@link DirectAdminFileError} naming the file and line rather than
 * guessing, because the import and the reconciler act on what it returns.
 *
 * Formats read:
 * - `user.conf`, `<domain>.conf`: `key=value` per line (split at the first `=`); blank lines and `#` comments are
 *   skipped; a later key wins.
 * - `domains.list`: one domain per line.
 * - `domains/<domain>.pointers`: one pointer per line as `pointer=type=alias` (DirectAdmin also knows
 *   `type=pointer`, a redirect); only the name before the first `=` is read, so a bare `pointer` line is accepted.
 * - `domainowners`: `domain: user` per line, covering domains and pointers.
 *
 * Nothing is cached between calls (the tree changes under the daemon); within a call every file is read once,
 * and `listAccounts` reads accounts a few dozen at a time so 10,000 domains take well under a second.
 */
export class DirectAdminPanel implements Panel {
  readonly kind = "directadmin";

  constructor(readonly layout: DirectAdminLayout) {}

  /** Every account directory that has a `user.conf`, sorted by user name. */
  async listAccounts(): Promise<PanelAccount[]> {
    // A directory whose name cannot be a DirectAdmin user (".trash", a backup copy) is not an account.
    const names = (await directoryNames(this.layout.usersDir, UNREADABLE)).filter((name) =>
      isUserName(this.layout, name),
    );
    const accounts = await mapLimit(names.sort(), 32, (name) => this.account(name));
    return accounts.filter((account): account is PanelAccount => account !== undefined);
  }

  /** The account, or undefined when it has no `user.conf`. */
  async account(username: string): Promise<PanelAccount | undefined> {
    const confFile = this.layout.userConf(username);
    const text = await readOptional(confFile, UNREADABLE);
    if (text === undefined) return undefined;
    const conf = parseConf(text, confFile);
    const ips = accountAddresses(conf.get("ip"), conf.get("ips"));
    return {
      username,
      package: nonEmpty(conf.get("package")),
      ips,
      suspended: conf.get("suspended") === "yes",
      creator: nonEmpty(conf.get("creator")),
      domains: await this.domainsOf(username),
    };
  }

  /**
   * The account's `usertype` (admin, reseller, user) and `language` from its user.conf; undefined when the name has no
   * user.conf (or cannot be a DirectAdmin user). An account without a usertype is a user — DirectAdmin writes one for
   * every account, and the lowest level is the safe reading of a file that lacks it.
   */
  async accountAccess(username: string): Promise<AccountAccess | undefined> {
    if (!isUserName(this.layout, username)) return undefined;
    const confFile = this.layout.userConf(username);
    const text = await readOptional(confFile, UNREADABLE);
    if (text === undefined) return undefined;
    const conf = parseConf(text, confFile);
    const usertype = nonEmpty(conf.get("usertype")) ?? "user";
    if (!(ACCOUNT_LEVELS as readonly string[]).includes(usertype)) {
      throw new DirectAdminFileError(
        confFile,
        lineOf(text, "usertype"),
        `usertype=${JSON.stringify(usertype.slice(0, 20))} is not admin, reseller or user`,
      );
    }
    return { level: usertype as AccountLevel, language: nonEmpty(conf.get("language")) };
  }

  /**
   * Every `<name>.pkg` of the reseller packages (`data/admin/packages/`) and of each reseller's and admin's user
   * packages (`data/users/<creator>/packages/`), where DirectAdmin keeps the packages it offers
   * (docs/reference/directadmin.md#files-the-reader-reads).
   */
  async packages(): Promise<string[]> {
    const creators = (await directoryNames(this.layout.usersDir, UNREADABLE)).filter((name) =>
      isUserName(this.layout, name),
    );
    const dirs = [this.layout.resellerPackagesDir, ...creators.map((name) => this.layout.userPackagesDir(name))];
    const files = (await mapLimit(dirs, 32, (dir) => fileNames(dir, UNREADABLE))).flat();
    return packageNames(files, ".pkg");
  }

  /** The owner from `domainowners`; without that file, the account whose domains or pointers list it. */
  async ownerOf(domain: string): Promise<string | undefined> {
    const wanted = canonicalDomain(domain);
    if (wanted === undefined) return undefined;
    const text = await readOptional(this.layout.domainOwners, UNREADABLE);
    if (text !== undefined) return parseDomainOwners(text, this.layout.domainOwners).get(wanted);
    for (const account of await this.listAccounts()) {
      if (account.domains.some((entry) => entry.domain === wanted)) return account.username;
    }
    return undefined;
  }

  /** `<zoneDir>/<domain>.db` for the canonical name; a name that is not a domain has none. */
  zoneFilePath(domain: string): string {
    const canonical = canonicalDomain(domain);
    if (canonical === undefined)
      throw new AppError("directadmin_name_invalid", `"${domain}" is not a domain name, so it has no zone file`);
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

  /** The domains in `domains.list` order, each followed by its pointers. */
  private async domainsOf(username: string): Promise<PanelDomain[]> {
    const listFile = this.layout.domainsList(username);
    const domains = parseDomainsList((await readOptional(listFile, UNREADABLE)) ?? "", listFile);
    // One readdir tells which domains have a pointers file, instead of one failed open per domain.
    const present = new Set(await fileNames(this.layout.domainsDir(username), UNREADABLE));
    const result: PanelDomain[] = [];
    for (const domain of domains) {
      result.push({ domain, kind: "domain" });
      if (!present.has(`${domain}.pointers`)) continue;
      const pointersFile = this.layout.domainPointers(username, domain);
      for (const pointer of parsePointers((await readOptional(pointersFile, UNREADABLE)) ?? "", pointersFile)) {
        result.push({ domain: pointer, kind: "pointer", target: domain });
      }
    }
    return result;
  }
}

/** A DirectAdmin file that exists but is not in the expected format. */
export class DirectAdminFileError extends AppError {
  constructor(
    readonly file: string,
    readonly line: number,
    problem: string,
  ) {
    super(
      "directadmin_file_invalid",
      `${file}:${line}: ${problem}; fix or restore the file (DirectAdmin's own tools rewrite it)`,
    );
  }
}

export { canonicalDomain };

/** Reads `key=value` lines (user.conf, domain conf); the value is everything after the first `=`. */
export function parseConf(text: string, file: string): Map<string, string> {
  return parseKeyValueLines(text, (line, problem) => new DirectAdminFileError(file, line, problem));
}

/** Reads `domains.list`: one domain per line, returned canonical, duplicates dropped. */
export function parseDomainsList(text: string, file: string): string[] {
  return parseNameLines(text, file, (line) => line);
}

/** Reads a `.pointers` file: the pointer is the part before the first `=` (`pointer=type=alias`). */
export function parsePointers(text: string, file: string): string[] {
  return parseNameLines(text, file, (line) => line.split("=", 1)[0] ?? "");
}

/** Reads `domainowners` (`domain: user` per line) into a map from canonical domain to user. */
export function parseDomainOwners(text: string, file: string): Map<string, string> {
  const owners = new Map<string, string>();
  for (const [index, raw] of text.split("\n").entries()) {
    const line = raw.trim();
    if (line === "") continue;
    const match = /^([^:\s]+):\s*(\S+)$/.exec(line);
    const domain = match === null ? undefined : canonicalDomain(match[1] as string);
    if (match === null || domain === undefined)
      throw new DirectAdminFileError(
        file,
        index + 1,
        `expected "domain: user", found ${JSON.stringify(line.slice(0, 80))}`,
      );
    owners.set(domain, match[2] as string);
  }
  return owners;
}

function parseNameLines(text: string, file: string, nameOf: (line: string) => string): string[] {
  const names = new Set<string>();
  for (const [index, raw] of text.split("\n").entries()) {
    const line = raw.trim();
    if (line === "") continue;
    const domain = canonicalDomain(nameOf(line));
    if (domain === undefined)
      throw new DirectAdminFileError(file, index + 1, `${JSON.stringify(line.slice(0, 80))} is not a domain name`);
    names.add(domain);
  }
  return [...names];
}

/** The line that sets `key` last (a later key wins). */
function lineOf(text: string, key: string): number {
  return text.split("\n").findLastIndex((line) => line.trimStart().startsWith(`${key}=`)) + 1;
}

function isUserName(layout: DirectAdminLayout, name: string): boolean {
  try {
    layout.userDir(name);
    return true;
  } catch (error) {
    if (error instanceof DirectAdminNameError) return false;
    throw error;
  }
}

/** An account's addresses from `ip=` and the list in `ips=`, once each; anything else there is not an address. */
export function accountAddresses(ip: string | undefined, ips: string | undefined): string[] {
  const listed = [ip?.trim(), ...(ips?.split(/[\s,]+/) ?? [])];
  const addresses = listed.filter((one): one is string => one !== undefined && isIP(one) !== 0);
  return [...new Set(addresses)];
}
