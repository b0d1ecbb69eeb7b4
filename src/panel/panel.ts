import type { AccountLevel, PanelAccount } from "../model/account.js";
import type { PanelKind } from "../model/panel-kind.js";

/** A domain's BIND zone file as the panel keeps it. */
export interface PanelZoneFile {
  /** Where the panel keeps it, for messages to the admin. */
  path: string;
  /** The file's bytes as they are on disk (zone files need not be UTF-8), or undefined when there is no such file. */
  content: Uint8Array | undefined;
}

/** Which version of a zone file is on disk, without reading it: enough to tell whether a parse of it is still current. */
export interface PanelZoneFileVersion {
  path: string;
  /** Changes whenever the file does (device, inode, size, modification and change times), or undefined: no file. */
  version: string | undefined;
  /** Its size in bytes (0 when there is no file). */
  size: number;
  /**
   * Unchanged for the last {@link SETTLED_MS}: file times tick coarsely (a few ms, on some file systems seconds), so
   * two writes of the same size within one tick can share a version; only a settled version is worth keeping.
   */
  settled: boolean;
}

/** How long a zone file must be left alone before its version is trusted to change with its content. */
export const SETTLED_MS = 2_000;

/** Who an account is to the pages: its level and, when the panel keeps one, its language. */
export interface AccountAccess {
  level: AccountLevel;
  /** The account's language setting (e.g. "cs"), if the panel keeps one. */
  language: string | undefined;
}

/**
 * What the plugin needs to know from a hosting panel, whichever panel it is. DirectAdmin and cPanel are two
 * adapters of this interface; provisioning, the reconciler and the import only ever use it.
 */
export interface Panel {
  readonly kind: PanelKind;
  /** Every account, with its domains and pointers. */
  listAccounts(): Promise<PanelAccount[]>;
  account(username: string): Promise<PanelAccount | undefined>;
  /**
   * The level and language of a panel login (a DirectAdmin account; a cPanel account or WHM user), or undefined when
   * the name is no login of the panel — what the pages believe once the visitor's unix account is proven.
   */
  accountAccess(username: string): Promise<AccountAccess | undefined>;
  /** The account that owns a domain or pointer, if any. */
  ownerOf(domain: string): Promise<string | undefined>;
  /**
   * The names of the hosting packages the panel offers (sorted, each once): what the admin's package policies are
   * chosen from. Accounts may still name a package that has since been removed; their policy falls back as before.
   */
  packages(): Promise<string[]>;
  /**
   * The domain's BIND zone file. Throws an AppError naming the file when it exists but cannot be read, and for a
   * name that is not a domain. The only way the rest of the code reads a panel's zone (the panel reader answers it
   * for a daemon that cannot open the panel's files itself).
   */
  zoneFile(domain: string): Promise<PanelZoneFile>;
  /** The zone file's version and size, from its metadata alone (a stat): what a cache of parsed zones checks. */
  zoneFileVersion(domain: string): Promise<PanelZoneFileVersion>;
}
