import type { Clock } from "../../clock.js";
import { AppError } from "../../errors.js";
import type { ZoneRecord } from "../dns/index.js";
import type { DirectAdminLayout } from "../../panel/directadmin/layout.js";

/** What `createUser` takes: the fields of DirectAdmin's CMD_API_ACCOUNT_USER form. */
export interface NewUser {
  username: string;
  /** The account's first (default) domain. */
  domain: string;
  package: string;
  ip: string;
  email: string;
  /** The reseller or admin creating the account. */
  creator: string;
  /** Passed to user_create_post as `passwd`, as DirectAdmin does; the hooks must never store it. */
  password: string;
}

/** An account as a backup holds it, for `restoreUser` (no plaintext password: backups keep the hash). */
export interface AccountBackup extends Omit<NewUser, "domain" | "password"> {
  /** The account's domains, the default one first. */
  domains: Array<{
    domain: string;
    pointers?: string[];
    /** The backed-up zone; without it an existing zone file is kept, else the default template stands in. */
    records?: ZoneRecord[];
  }>;
}

/**
 * The order of hooks within one action. DirectAdmin does not document it
 * (docs/reference/directadmin.md#hook-catalogue only says the domain and DNS hooks come in the same request as the
 * account's creation), so both orders can be emulated; the defaults are the reading argued in
 * emulated-directadmin.ts.
 */
export interface HookOrder {
  /**
   * true: the hooks of the work an action contains run first and the action's own post hook last
   * (dns_* → domain_create_post → user_create_post). false: the outer post hook first.
   */
  containerHooksLast: boolean;
  /** true: dns_write_post (zone file written) before dns_create_post (zone added to named.conf). */
  zoneWriteBeforeCreate: boolean;
}

export const DEFAULT_HOOK_ORDER: Readonly<HookOrder> = { containerHooksLast: true, zoneWriteBeforeCreate: true };

export interface EmulatorOptions {
  layout: DirectAdminLayout;
  /** Where `plugin.conf` and `hooks/` are; default the package root (this repository). */
  pluginDir?: string;
  /**
   * Added to every hook's environment. Must name the data directory (`WEDOS_PANEL_DATA_DIR`) or a config file
   * (`WEDOS_PANEL_CONFIG`): otherwise the real hooks would spool into /var/lib/wedos-panel on this machine.
   */
  hookEnv: Readonly<Record<string, string>>;
  /** The server's main IP (`SERVER_IP`); default 192.0.2.1. */
  serverIp?: string;
  /** ns1 and ns2 of new zones and user.conf; default ns1/ns2.da.example.net. */
  nameservers?: readonly [string, string];
  /** For zone serials and `date_created`; default the system clock. */
  clock?: Clock;
  order?: Partial<HookOrder>;
}

/** An action the real DirectAdmin would refuse (unknown user, domain owned by someone else, …). */
export class EmulatorRefusal extends AppError {
  constructor(message: string) {
    super("directadmin_emulator_refused", message);
  }
}
