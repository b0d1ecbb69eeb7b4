import { z } from "zod";
import { PANEL_KINDS } from "../model/panel-kind.js";

/**
 * The whole configuration as one schema. Every key has a default where a safe one exists, so a fresh install
 * needs only the WAPI login and password. Environment overrides are applied before validation (see load.ts).
 */
/** An http(s) URL; the one rule for every address setting (the settings page validates with it too). */
export const httpUrl = z
  .string()
  .trim()
  .refine((value) => /^https?:\/\/[^\s/]+/i.test(value), "must be an http:// or https:// URL");

/** The WEDOS account login: the e-mail address the account logs in with (docs/reference/wapi.md#request-envelope). */
export const wapiLogin = z.string().trim().min(1, "is required: the WEDOS account login (an e-mail address)");

export const wapiConfigSchema = z
  .object({
    url: httpUrl.default("https://api.wedos.com/wapi/json"),
    login: wapiLogin.optional(),
    password: z.string().min(1, "must not be empty").optional(),
    passwordFile: z.string().min(1).optional(),
    /** Seconds before a request is abandoned as a transport error. */
    timeoutSeconds: z.number().int().min(1).max(300).default(30),
    /** WEDOS allows 1000 requests per hour per account; lower it when other tools share the account. */
    hourlyLimit: z.number().int().min(1).max(1000).default(1000),
    /** Requests per hour kept back for interactive actions (a person clicked). */
    interactiveReserve: z.number().int().min(0).default(100),
    /**
     * Requests per hour kept back for lifecycle work (new and removed accounts), whatever the other lanes did;
     * by default a tenth of the hourly limit.
     */
    lifecycleReserve: z.number().int().min(0).optional(),
    /** Largest share of the hourly limit one account's interactive actions may use in an hour. */
    accountShare: z.number().gt(0).max(1).default(0.05),
    /** Largest share of the hourly limit the interactive actions of one reseller's accounts may use in an hour. */
    resellerShare: z.number().gt(0).max(1).default(0.25),
    /** A customer's Purge, or Sync now of a domain already in sync, runs at most once in this many minutes; repeats join it. */
    actionCooldownMinutes: z.number().int().min(0).max(1440).default(5),
    /**
     * Rejected requests (any WAPI error code) per hour after which we stop sending until the hour ends.
     * WEDOS blocks the IP after 10; stopping at 5 keeps a margin for requests made by other tools.
     */
    rejectedFuse: z.number().int().min(1).max(9).default(5),
    /** Force IPv4 when only the IPv4 address is on the WEDOS allow-list. */
    ipFamily: z.enum(["auto", "ipv4"]).default("auto"),
  })
  .refine((wapi) => !(wapi.password !== undefined && wapi.passwordFile !== undefined), {
    message: "give either wapi.password or wapi.passwordFile, not both",
    path: ["passwordFile"],
  })
  .refine((wapi) => wapi.interactiveReserve < wapi.hourlyLimit, {
    message: "must be smaller than wapi.hourlyLimit",
    path: ["interactiveReserve"],
  })
  .transform((wapi) => ({ ...wapi, lifecycleReserve: wapi.lifecycleReserve ?? Math.floor(wapi.hourlyLimit / 10) }))
  .refine((wapi) => wapi.interactiveReserve + wapi.lifecycleReserve < wapi.hourlyLimit, {
    message: "together with wapi.interactiveReserve must be smaller than wapi.hourlyLimit",
    path: ["lifecycleReserve"],
  });

const ipv4 = z
  .string()
  .trim()
  .regex(
    /^(?:(?:25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(?:25[0-5]|2[0-4]\d|1?\d?\d)$/,
    "must be an IPv4 address like 192.0.2.53",
  );
/** A name server to ask: a host name or IP, optionally with a port ("127.0.0.1:5353", "[2001:db8::1]:53"). */
const nameServer = z
  .string()
  .trim()
  .min(1)
  .regex(
    /^(\[[0-9a-f:]+\]|[a-z0-9.-]+|[0-9a-f:]+)(:\d{1,5})?$/i,
    "must be a host name or IP address, optionally with :port",
  );

export const dnsConfigSchema = z.object({
  /** Where the panel's BIND zone files (<domain>.db) are; by default /var/named or /etc/bind, whichever exists. */
  zoneDir: z.string().min(1).optional(),
  /** TTL for records the panel gives without one (dns_write_post lists without *_TIME). */
  defaultTtl: z.number().int().min(1).max(2_147_483_647).default(3600),
  /** Secondary mode: this server's IPv4 address, from which WEDOS transfers the zones. */
  primaryIp: ipv4.optional(),
  /** BIND's configuration, for doctor's secondary-mode check (default: /etc/named.conf or /etc/bind/…). */
  namedConf: z.string().min(1).optional(),
  /** After a commit, ask WEDOS's name servers whether they serve the new data. */
  propagationCheck: z.boolean().default(true),
  /** The name servers that check asks (WEDOS's anycast servers by default). */
  nameServers: z.array(nameServer).min(1).default(["ns.wedos.net", "ns.wedos.cz", "ns.wedos.eu", "ns.wedos.com"]),
  /**
   * The name servers customers are told to set at their registrar, which the delegation check looks for: WEDOS's
   * own by default, or the provider's whitelabel names (WEDOS whitelabel DNS) when configured.
   */
  delegationNameServers: z
    .array(
      z
        .string()
        .trim()
        .toLowerCase()
        .regex(/^([a-z0-9-]+\.)+[a-z0-9-]+\.?$/, "must be a host name like ns1.example.net")
        .transform((name) => name.replace(/\.$/, "")),
    )
    .min(1)
    .default(["ns.wedos.net", "ns.wedos.cz", "ns.wedos.eu", "ns.wedos.com"]),
  /** Check in the background whether each domain is delegated to those name servers (DNS queries, no WAPI). */
  delegationCheck: z.boolean().default(true),
  /** The resolver that check asks ("192.0.2.53", "127.0.0.1:5353"); by default the system's (/etc/resolv.conf). */
  delegationResolver: nameServer.optional(),
});

/**
 * How the daemon reaches DirectAdmin to replay a visitor's session (docs/decisions/0012-who-is-asking.md). Never
 * "accept any certificate": the certificate is checked against exactly one explicit source of trust.
 */
export const sessionCheckSchema = z
  .object({
    /**
     * "hostname": connect to the panel's host name (what it resolves to); "loopback": connect to 127.0.0.1, still
     * checking the certificate for the host name — for a host name that does not resolve to this server.
     */
    address: z.enum(["hostname", "loopback"]).default("hostname"),
    /**
     * "panel-certificate": trust only the panel's own certificate (self-signed or not), read from certificateFile;
     * "ca-file": a certificate authority file (caFile), with the host name checked; "system": the operating system's
     * CA bundle, with the host name checked.
     */
    trust: z.enum(["panel-certificate", "ca-file", "system"]).default("panel-certificate"),
    /** The panel's certificate (default: directadmin.conf's cacert=, else <root>/conf/cacert.pem). */
    certificateFile: z.string().min(1).optional(),
    /** The certificate authorities to trust with "ca-file" (PEM). */
    caFile: z.string().min(1).optional(),
    /**
     * Failed session checks allowed in any hour for the whole server (each may count at DirectAdmin's brute-force
     * monitor as a failed login from this server's address); keep it below directadmin.conf's ip_brutecount.
     */
    maxFailuresPerHour: z.number().int().min(1).max(50).default(12),
  })
  .refine((check) => check.trust !== "ca-file" || check.caFile !== undefined, {
    message: 'is required when trust is "ca-file": the PEM file of the authority that issued the panel\'s certificate',
    path: ["caFile"],
  });

export const directAdminConfigSchema = z.object({
  /** DirectAdmin's installation (users, configuration). */
  root: z.string().min(1).default("/usr/local/directadmin"),
  /** Where DirectAdmin keeps domainowners and the mail configuration. */
  virtualDir: z.string().min(1).default("/etc/virtual"),
  /**
   * How the pages learn who is asking: "uid" — the unix account that runs the page (DirectAdmin runs pages as the
   * visitor's own account) and its user.conf; "uid+session" — that, and DirectAdmin's answer about the visitor's
   * session replayed to CMD_API_SHOW_USER_CONFIG, which must agree; "session" — the replay alone, only for a machine
   * where every page runs as one unix user (the emulated DirectAdmin, the demo).
   */
  identity: z.enum(["uid", "uid+session", "session"]).default("uid"),
  /**
   * DirectAdmin's own address (https://panel.example.net:2222) for the session replay. By default it is read from
   * directadmin.conf (servername, port, ssl).
   */
  apiUrl: httpUrl.optional(),
  /**
   * Whether this server provisions the zones other servers of a DirectAdmin multi-server cluster push to it
   * (dns_create_post with caller=create:raw_save). Off: they are left to the server that owns their account. On:
   * for a server that fronts WEDOS for cluster members that do not run wedos-panel; they are provisioned with the
   * default package policy and no local owner (docs/decisions/0013-directadmin-cluster-zones.md).
   */
  provisionClusterZones: z.boolean().default(false),
  sessionCheck: sessionCheckSchema.default(() => sessionCheckSchema.parse({})),
});

export const cpanelConfigSchema = z.object({
  /** cPanel's data directory: users/ (one KEY=value file per account) and suspended/. */
  varDir: z.string().min(1).default("/var/cpanel"),
  /** Where cPanel keeps userdomains (domain: user for every domain). */
  etcDir: z.string().min(1).default("/etc"),
});

/** The plugin's pages on either panel: how an entry proves which unix account runs it, and how much a page reads. */
export const pagesConfigSchema = z.object({
  /**
   * Where the page entries leave the file that proves which unix account runs them (1733, made by the daemon at
   * every start; docs/decisions/0012-who-is-asking.md). By default `proof` beside the daemon's socket
   * (/run/wedos-panel/proof), so one directory holds all that account pages reach — under CageFS, mount it into the
   * cages (wedos-panel doctor checks).
   */
  proofDir: z.string().min(1).optional(),
  /** Where a proof's uid is named: the system's account list (a test points it at a file of its own). */
  passwdFile: z.string().min(1).default("/etc/passwd"),
  /**
   * The largest zone file a domain page reads (8 MiB, about 200,000 records); a larger zone's page says so instead
   * of its records. The sync reads zones of any size.
   */
  zoneMaxBytes: z
    .number()
    .int()
    .min(1024)
    .default(8 * 1024 * 1024),
  /** How many bytes of zone files the pages keep parsed between views (4 MiB, about 100,000 records). */
  zoneCacheBytes: z
    .number()
    .int()
    .min(0)
    .default(4 * 1024 * 1024),
});

export const daemonConfigSchema = z.object({
  /** Where `serve` listens for the panel pages: a Unix socket path, or host:port. */
  listen: z.string().min(1).default("/run/wedos-panel/daemon.sock"),
  /** cron expression of the reconciler. */
  reconcileCron: z.string().min(1).default("17 * * * *"),
  /** Largest share of the hourly budget one reconciler run may spend on drift checks. */
  reconcileBudgetShare: z.number().min(0).max(1).default(0.2),
  /** cron expression of the daily database backup (store.backupDir, store.backupKeep). */
  backupCron: z.string().min(1).default("43 3 * * *"),
  /** Days an adoption request waits for the domain's owner before it expires (docs/decisions/0054). */
  adoptionExpiryDays: z.number().int().min(1).max(365).default(14),
  /** Days before that expiry the owner is reminded once (0: never). */
  adoptionReminderDays: z.number().int().min(0).max(365).default(3),
});

/** How the database is opened (docs/decisions/0009). */
export const storeConfigSchema = z.object({
  /**
   * The SQLite driver: "auto" takes the package's portable better-sqlite3 build for this Node.js, else
   * better-sqlite3's own build (a development checkout), else Node's built-in node:sqlite (Node.js 24; Node 22's cuts text at NUL);
   * "native" and "builtin" force one of the two.
   */
  driver: z.enum(["auto", "native", "builtin"]).default("auto"),
  /** Where `wedos-panel backup` and the daemon's daily backup write (0700; each file 0600); by default <dataDir>/backups. */
  backupDir: z.string().min(1).optional(),
  /** How many backups are kept; the oldest beyond that are removed after each new one. */
  backupKeep: z.number().int().min(1).max(365).default(7),
});

/** How the provider bills what it resells (docs/decisions/0044). */
export const billingConfigSchema = z.object({
  /** The provider's currency for retail prices and bills (ISO 4217); WEDOS's own currency comes from its answers. */
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/, "use a three-letter currency code in capitals, such as CZK or EUR")
    .default("CZK"),
  /** The time zone whose calendar days the ledger counts (a service active on a day is billed for that day). */
  timeZone: z
    .string()
    .min(1)
    .refine((zone) => {
      try {
        new Intl.DateTimeFormat("en", { timeZone: zone });
        return true;
      } catch {
        return false;
      }
    }, "use an IANA time zone name such as Europe/Prague")
    .default("Europe/Prague"),
  /** VAT rate in basis points (21 % = 2100); 0 for a provider who is not a VAT payer. */
  vatRateBp: z.number().int().min(0).max(10_000).default(2100),
  /** Whether retail prices are entered with VAT included (consumer prices) or without it (business prices). */
  pricesIncludeVat: z.boolean().default(false),
  /** Hours between reads of the WEDOS credit balance (one credit-info request; also read after each paid order). */
  creditCheckHours: z.number().int().min(1).max(168).default(6),
});

export const configSchema = z.object({
  /** Where the database, spool and state live; kept outside the plugin directory so updates keep it. */
  dataDir: z.string().min(1).default("/var/lib/wedos-panel"),
  wapi: wapiConfigSchema.default(() => wapiConfigSchema.parse({})),
  dns: dnsConfigSchema.default(() => dnsConfigSchema.parse({})),
  /**
   * Which panel this server runs: "auto" is the panel whose own binary exists (/usr/local/cpanel/cpanel,
   * /usr/local/directadmin/directadmin), DirectAdmin when neither does. Hooks of every panel spool their events the
   * same way; this decides where the reconciler and import read, and how the pages prove who is asking.
   */
  panel: z.enum(["auto", ...PANEL_KINDS]).default("auto"),
  directadmin: directAdminConfigSchema.default(() => directAdminConfigSchema.parse({})),
  cpanel: cpanelConfigSchema.default(() => cpanelConfigSchema.parse({})),
  daemon: daemonConfigSchema.default(() => daemonConfigSchema.parse({})),
  store: storeConfigSchema.default(() => storeConfigSchema.parse({})),
  pages: pagesConfigSchema.default(() => pagesConfigSchema.parse({})),
  billing: billingConfigSchema.default(() => billingConfigSchema.parse({})),
});

export type ConfigInput = z.input<typeof configSchema>;
export type ParsedConfig = z.output<typeof configSchema>;
