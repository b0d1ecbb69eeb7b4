/**
 * What the plugin needs to know from a hosting panel, whichever panel it is. DirectAdmin and cPanel are two
 * adapters of this interface; provisioning, the reconciler and the import only ever use it.
 */
export interface PanelDomain {
  /** Lower case, punycode, no trailing dot. */
  domain: string;
  /** A domain of the account, or a pointer (alias) to one of them. */
  kind: "domain" | "pointer";
  /** For a pointer: the domain it points to. */
  target?: string;
}

export interface PanelAccount {
  username: string;
  /** The hosting package (plan) the account is on, when it has one. */
  package: string | undefined;
  /** The account's IP addresses (the origin for protection). */
  ips: string[];
  suspended: boolean;
  /** The reseller or admin that created the account. */
  creator: string | undefined;
  domains: PanelDomain[];
}

/** Which panel an adapter reads: it decides how the pages prove who is asking, and the panel's name in their texts. */
export type PanelKind = "directadmin" | "cpanel";

export interface Panel {
  readonly kind: PanelKind;
  /** Every account, with its domains and pointers. */
  listAccounts(): Promise<PanelAccount[]>;
  account(username: string): Promise<PanelAccount | undefined>;
  /** The account that owns a domain or pointer, if any. */
  ownerOf(domain: string): Promise<string | undefined>;
  /** Where the panel keeps the domain's BIND zone file. */
  zoneFilePath(domain: string): string;
}
