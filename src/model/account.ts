/** A domain of a hosting account, or a pointer (alias) to one, as every panel adapter reports it. */
export interface PanelDomain {
  /** Lower case, punycode, no trailing dot. */
  domain: string;
  /** A domain of the account, or a pointer (alias) to one of them. */
  kind: "domain" | "pointer";
  /** For a pointer: the domain it points to. */
  target?: string;
}

/** A hosting account as the panel has it: what provisioning acts on and the inventory keeps. */
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

/** The panel's access levels, lowest first: what an account may open on the plugin's pages. */
export const ACCOUNT_LEVELS = ["user", "reseller", "admin"] as const;
export type AccountLevel = (typeof ACCOUNT_LEVELS)[number];
