import { existsSync } from "node:fs";
import { systemClock } from "../../clock.js";
import { sameRecord, type ZoneRecord } from "../dns/index.js";
import { AppError } from "../../errors.js";
import { PACKAGE_ROOT } from "../../package-info.js";
import type { DirectAdminLayout } from "../../panel/directadmin/layout.js";
import { EmulatedMessageSystem } from "./message-system.js";
import * as calls from "./hook-calls.js";
import { runHooks, type HookCall, type HookRun, type HookRunner } from "./hooks.js";
import { startDirectAdminApi, type RunningDirectAdminApi } from "./http-api.js";
import { runPluginPage, type PageRun, type PageVisit } from "./page-runner.js";
import { SessionBook, type DirectAdminSession } from "./sessions.js";
import {
  DEFAULT_HOOK_ORDER,
  EmulatorRefusal,
  type AccountBackup,
  type EmulatorOptions,
  type NewUser,
} from "./options.js";
import type { TreeFiles } from "./tree.js";
import { TreeWork } from "./work.js";
import { removeZone } from "./zone.js";

/**
 * The local admin a cluster push's dns_create_post names as username (docs/reference/directadmin.md#hook-catalogue),
 * and the pushing server's address.
 */
const LOCAL_ADMIN = "admin";
const CLUSTER_PEER_IP = "198.51.100.7";

/**
 * DirectAdmin, emulated: each action changes the tree as DirectAdmin does (work.ts, tree.ts, zone.ts) and then
 * runs the plugin's real hooks as DirectAdmin runs them (hooks.ts), returning what each printed. Per-hook
 * environments are in hook-calls.ts. Hook order (not documented; see {@link HookOrder}) by default follows the
 * nesting of the work: a domain is created inside the user creation (that is why domain_create_post has
 * `user_creation=1`, and why user_create_post_confirmed exists for scripts needing the final user.conf), and a
 * zone is created inside the domain creation, its file written before named.conf lists it. So createUser runs
 * dns_write_post, dns_create_post, domain_create_post, user_create_post; `order` flips either choice. Actions are
 * serialised, as DirectAdmin's task queue would.
 */
/** A package name DirectAdmin's editor accepts (it becomes a file name). */
const PACKAGE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/** Limits written into a new package file (a few of DirectAdmin's keys; nothing reads them). */
const PACKAGE_DEFAULTS: ReadonlyArray<[string, string]> = [
  ["bandwidth", "unlimited"],
  ["dnscontrol", "ON"],
  ["quota", "unlimited"],
  ["vdomains", "unlimited"],
];

export class EmulatedDirectAdmin {
  readonly layout: DirectAdminLayout;
  readonly pluginDir: string;
  private readonly work: TreeWork;
  private readonly files: TreeFiles;
  private readonly runner: HookRunner;
  /** Logins for the plugin's pages: see {@link login}, {@link startApi}, {@link runPage}. */
  readonly sessions: SessionBook;
  /** The Message System the task queue feeds (message-system.ts): `messages.runTaskQueue()` is DirectAdmin's minute. */
  readonly messages: EmulatedMessageSystem;
  private chain: Promise<unknown> = Promise.resolve();

  constructor(options: EmulatorOptions) {
    if (!options.hookEnv.WEDOS_PANEL_DATA_DIR && !options.hookEnv.WEDOS_PANEL_CONFIG) {
      throw new AppError(
        "config_invalid",
        "EmulatedDirectAdmin needs hookEnv.WEDOS_PANEL_DATA_DIR (or WEDOS_PANEL_CONFIG): without it the real hooks spool into /var/lib/wedos-panel",
      );
    }
    this.layout = options.layout;
    this.pluginDir = options.pluginDir ?? PACKAGE_ROOT;
    const order = { ...DEFAULT_HOOK_ORDER, ...options.order };
    const nameservers = options.nameservers ?? ["ns1.da.example.net", "ns2.da.example.net"];
    this.work = new TreeWork(
      options.layout,
      order,
      options.clock ?? systemClock,
      options.serverIp ?? "192.0.2.1",
      nameservers,
    );
    this.files = this.work.files;
    this.runner = { pluginDir: this.pluginDir, extraEnv: options.hookEnv, cwd: options.layout.root };
    this.sessions = new SessionBook(this.files, options.clock ?? systemClock);
    this.messages = new EmulatedMessageSystem(options.layout.taskQueue);
  }

  /** Logs in to DirectAdmin — with `loginAs`, that admin or reseller impersonates `username` — and returns the session. */
  login(username: string, options: { loginAs?: string } = {}): DirectAdminSession {
    return this.sessions.login(username, options);
  }

  /** Ends a session, as the logout link or an expired idle time does. */
  logout(session: DirectAdminSession): void {
    this.sessions.logout(session);
  }

  /**
   * Starts DirectAdmin's HTTP API (CMD_API_SHOW_USER_CONFIG for the sessions above) on 127.0.0.1 — https with `tls` —;
   * close it when done.
   */
  startApi(tls?: { key: string; cert: string }): Promise<RunningDirectAdminApi> {
    return startDirectAdminApi(this.sessions, this.files, tls);
  }

  /**
   * Runs a plugin page for the session's owner as DirectAdmin would (page-runner.ts). DirectAdmin checks the session
   * before running a page, but this runs it even for a session that has since ended — as any local account could
   * run the script by hand — so tests can check that the daemon refuses it.
   */
  runPage(visit: PageVisit): Promise<PageRun> {
    const owner = this.sessions.ownerOf(visit.session);
    if (owner === undefined)
      throw new EmulatorRefusal("DirectAdmin never issued this session; it would show its login page");
    return runPluginPage({ pluginDir: this.pluginDir, ...owner }, visit);
  }

  /** An admin or reseller account (user.conf with that usertype, no domains), as if made at install; no hooks. */
  createStaffAccount(
    username: string,
    usertype: "admin" | "reseller",
    options: { creator?: string; language?: string } = {},
  ): void {
    if (this.files.userConf(username) !== undefined) throw new EmulatorRefusal(`the user ${username} already exists`);
    const conf = this.work.newUserConf({
      username,
      domain: "",
      package: "",
      ip: this.work.serverIp,
      email: `${username}@example.test`,
      creator: options.creator ?? "root",
    });
    conf.set("usertype", usertype);
    if (options.language !== undefined) conf.set("language", options.language);
    this.files.writeUserConf(username, conf);
    this.files.writeDomains(username, []);
  }

  /**
   * A hosting package `creator` offers (DirectAdmin's package editor; no hook of ours runs for it). Its limits are
   * DirectAdmin's defaults for a small package: the emulator does not enforce them.
   */
  createPackage(creator: string, name: string): void {
    if (!PACKAGE_NAME.test(name))
      throw new EmulatorRefusal(`"${name}" cannot be a package name: use letters, digits, dot, dash or underscore`);
    this.work.requireUser(creator);
    this.files.writePackage(creator, name, new Map(PACKAGE_DEFAULTS));
  }

  /** The packages `creator` offers, sorted (what its Create user form lists). */
  packages(creator: string): string[] {
    return this.files.packages(creator);
  }

  /** The account's interface language (user.conf `language=`), as the user's language setting changes it. */
  setLanguage(username: string, language: string): void {
    const conf = this.work.requireUser(username);
    conf.set("language", language);
    this.files.writeUserConf(username, conf);
  }

  /** CMD_API_ACCOUNT_USER create: user.conf, the first domain and its zone; then the hooks (see the class doc). */
  createUser(user: NewUser): Promise<HookRun[]> {
    return this.exclusive(() => {
      const domain = this.work.domainName(user.domain);
      if (this.files.userConf(user.username) !== undefined)
        throw new EmulatorRefusal(`the user ${user.username} already exists`);
      this.work.requireUnowned(domain, undefined);
      const conf = this.work.newUserConf({ ...user, domain });
      this.files.writeUserConf(user.username, conf);
      this.files.writeDomains(user.username, []);
      const inner = this.work.addDomain(user.username, conf, domain, {
        userCreation: true,
        createdBy: user.creator,
        restore: false,
      });
      return this.work.around([calls.userCreatePost(conf, user.password)], inner);
    });
  }

  /** Deletes the account: its zones (dns_delete_post each, pointers first), files and domainowners lines; then user_destroy_post. */
  destroyUser(username: string): Promise<HookRun[]> {
    return this.exclusive(() => {
      const conf = this.work.requireUser(username);
      const inner = this.files.domains(username).flatMap((domain) => this.work.dropDomain(username, conf, domain));
      this.files.removeUser(username);
      return this.work.around([calls.userDestroyPost(username)], inner);
    });
  }

  /** `suspended=yes` in user.conf; then user_suspend_post with the new user.conf. */
  suspendUser(username: string): Promise<HookRun[]> {
    return this.exclusive(() => [calls.userSuspendPost(this.work.setSuspended(username, "yes"))]);
  }

  /** `suspended=no` in user.conf; then user_activate_post with the new user.conf. */
  unsuspendUser(username: string): Promise<HookRun[]> {
    return this.exclusive(() => [calls.userActivatePost(this.work.setSuspended(username, "no"))]);
  }

  /** CMD_DOMAIN create: the domain's files and zone; dns_write_post, dns_create_post (create:domain), domain_create_post. */
  createDomain(username: string, domainText: string): Promise<HookRun[]> {
    return this.exclusive(() => {
      const conf = this.work.requireUser(username);
      const domain = this.work.domainName(domainText);
      this.work.requireUnowned(domain, undefined);
      if ((conf.get("domain") ?? "") === "" || this.files.domains(username).length === 0) {
        conf.set("domain", domain);
        this.files.writeUserConf(username, conf);
      }
      return this.work.addDomain(username, conf, domain, { userCreation: false, createdBy: username, restore: false });
    });
  }

  /** Deletes a domain with its pointers and zones: dns_delete_post (pointers, then the domain), domain_destroy_post. */
  destroyDomain(username: string, domainText: string): Promise<HookRun[]> {
    return this.exclusive(() => {
      const conf = this.work.requireUser(username);
      const domain = this.work.requireOwnDomain(username, domainText);
      const inner = this.work.dropDomain(username, conf, domain);
      this.work.unlistDomain(username, conf, domain);
      return this.work.around([calls.domainDestroyPost(domain)], inner);
    });
  }

  /** Renames a domain: files, pointers and zone move to the new name; dns_write_post, dns_create_post (create:swap), domain_change_post. */
  renameDomain(username: string, fromText: string, toText: string): Promise<HookRun[]> {
    return this.exclusive(() => {
      const conf = this.work.requireUser(username);
      const from = this.work.requireOwnDomain(username, fromText);
      const to = this.work.domainName(toText);
      this.work.requireUnowned(to, undefined);
      const domainConf = this.files.domainConf(username, from) ?? new Map<string, string>();
      const zone = this.work.renameDomain(username, conf, from, to);
      return this.work.around([calls.domainChangePost(from, to, username, domainConf)], zone);
    });
  }

  /** Adds a pointer (alias) with its own zone: dns_write_post, dns_create_post (create:pointer), domain_pointer_create_post. */
  createPointer(username: string, domainText: string, pointerText: string): Promise<HookRun[]> {
    return this.exclusive(() => {
      const conf = this.work.requireUser(username);
      const domain = this.work.requireOwnDomain(username, domainText);
      const pointer = this.work.domainName(pointerText);
      this.work.requireUnowned(pointer, undefined);
      return this.work.addPointer(username, conf, domain, pointer, false);
    });
  }

  /** Removes a pointer and its zone: dns_delete_post, then domain_pointer_destroy_post. */
  destroyPointer(username: string, domainText: string, pointerText: string): Promise<HookRun[]> {
    return this.exclusive(() => {
      this.work.requireUser(username);
      const domain = this.work.requireOwnDomain(username, domainText);
      const pointer = this.work.domainName(pointerText);
      return this.work.around(
        [calls.pointerDestroyPost(pointer, domain)],
        this.work.dropPointer(username, domain, pointer),
      );
    });
  }

  /** Replaces every record but the SOA (whose serial is bumped) and runs dns_write_post, as the DNS editor does. */
  setRecords(domain: string, records: readonly ZoneRecord[]): Promise<HookRun[]> {
    return this.exclusive(() => this.work.editZone(domain, () => records.filter((record) => record.type !== "SOA")));
  }

  /** Adds one record; see {@link setRecords}. */
  addRecord(domain: string, record: ZoneRecord): Promise<HookRun[]> {
    return this.exclusive(() => this.work.editZone(domain, (current) => [...current, record]));
  }

  /** Deletes every record equal to `record` (TTL aside); refused when there is none. */
  deleteRecord(domain: string, record: ZoneRecord): Promise<HookRun[]> {
    return this.exclusive(() =>
      this.work.editZone(domain, (current) => {
        const kept = current.filter((existing) => !sameRecord(existing, record));
        if (kept.length === current.length)
          throw new EmulatorRefusal(`${domain} has no ${record.type} record at ${record.name} like that`);
        return kept;
      }),
    );
  }

  /**
   * A zone another server of a DirectAdmin multi-server cluster pushes here (`CMD_API_DNS_ADMIN action=rawsave`): the
   * zone file is written as sent, then dns_create_post runs with caller=create:raw_save, the local admin as username
   * and zone_existed=1 when the zone was already here (docs/reference/directadmin.md#hook-catalogue), then
   * dns_raw_save_post.
   */
  receiveClusterZone(domainText: string, records?: readonly ZoneRecord[]): Promise<HookRun[]> {
    return this.exclusive(() => {
      const domain = this.work.domainName(domainText);
      const existed = existsSync(this.layout.zoneFile(domain));
      this.work.writeNewZone(domain, CLUSTER_PEER_IP, false, existed, records === undefined ? undefined : [...records]);
      return [
        calls.dnsCreatePost({
          domain,
          username: LOCAL_ADMIN,
          caller: "create:raw_save",
          restore: false,
          zoneExisted: existed,
        }),
        calls.dnsRawSavePost(domain),
      ];
    });
  }

  /** A cluster peer deletes a zone it had pushed: the zone file goes, dns_delete_post with `domain` only. */
  receiveClusterZoneRemoval(domainText: string): Promise<HookRun[]> {
    return this.exclusive(() => {
      const domain = this.work.domainName(domainText);
      removeZone(this.layout, domain);
      return [calls.dnsDeletePost(domain)];
    });
  }

  /**
   * Restores an account from a backup: the creation hooks replayed with `skip_template=1`, `zone_existed=1` where
   * the zone file was already there, `user_creation=1` for every domain (all are created with the user), and no
   * `passwd`. Zones: the backup's records, else the existing file (then no dns_write_post), else the template.
   */
  restoreUser(backup: AccountBackup): Promise<HookRun[]> {
    return this.exclusive(() => {
      const domains = backup.domains.map((entry) => ({
        ...entry,
        domain: this.work.domainName(entry.domain),
        pointers: (entry.pointers ?? []).map((p) => this.work.domainName(p)),
      }));
      for (const entry of domains)
        for (const name of [entry.domain, ...entry.pointers]) this.work.requireUnowned(name, backup.username);
      const conf = this.work.newUserConf({ ...backup, domain: domains[0]?.domain ?? "" });
      this.files.writeUserConf(backup.username, conf);
      this.files.writeDomains(backup.username, []);
      const inner = domains.flatMap((entry) => [
        ...this.work.addDomain(backup.username, conf, entry.domain, {
          userCreation: true,
          createdBy: backup.creator,
          restore: true,
          records: entry.records,
        }),
        ...entry.pointers.flatMap((pointer) =>
          this.work.addPointer(backup.username, conf, entry.domain, pointer, true),
        ),
      ]);
      return this.work.around([calls.userCreatePost(conf, undefined)], inner);
    });
  }

  /** Runs `work` (tree changes, returning hook calls) after the previous action, then the hooks. */
  private exclusive(work: () => HookCall[]): Promise<HookRun[]> {
    const result = this.chain.then(() => runHooks(this.runner, work()));
    this.chain = result.catch(() => undefined);
    return result;
  }
}
