import { existsSync } from "node:fs";
import type { Clock } from "../../clock.js";
import type { ZoneRecord } from "../dns/index.js";
import { domainName } from "../files/lines.js";
import type { DirectAdminLayout } from "../../panel/directadmin/layout.js";
import * as calls from "./hook-calls.js";
import type { HookCall } from "./hooks.js";
import { EmulatorRefusal, type HookOrder, type NewUser } from "./options.js";
import { TreeFiles } from "./tree.js";
import {
  dnsWriteEnv,
  nextSerial,
  readZone,
  removeZone,
  renameRecords,
  serialOf,
  soaOf,
  templateRecords,
  withSerial,
  writeZone,
} from "./zone.js";

type Conf = Map<string, string>;

/**
 * The tree work the emulator's actions share (emulated-directadmin.ts holds the actions). Each method changes the
 * tree and returns the hook calls the change implies, in DirectAdmin's order for the configured {@link HookOrder}.
 */
export class TreeWork {
  readonly files: TreeFiles;

  constructor(
    readonly layout: DirectAdminLayout,
    readonly order: HookOrder,
    readonly clock: Clock,
    readonly serverIp: string,
    readonly nameservers: readonly [string, string],
  ) {
    this.files = new TreeFiles(layout);
  }

  /** Adds a domain to the account's files and domainowners and writes its zone; domain_create_post around the zone's hooks. */
  addDomain(
    username: string,
    conf: Conf,
    domain: string,
    how: { userCreation: boolean; createdBy: string; restore: boolean; records?: ZoneRecord[] | undefined },
  ): HookCall[] {
    const ip = conf.get("ip") || this.serverIp;
    const defaultDomain = conf.get("domain") === domain;
    this.files.writeDomains(username, [...this.files.domains(username).filter((other) => other !== domain), domain]);
    this.files.writeDomainConf(username, domain, { ip, defaultDomain });
    this.files.setOwners([[domain, username]]);
    const zoneExisted = existsSync(this.layout.zoneFile(domain));
    const written = this.writeNewZone(domain, ip, how.restore, zoneExisted, how.records);
    const created = calls.domainCreatePost({
      domain,
      username,
      creator: conf.get("creator") ?? "",
      defaultDomain,
      restore: how.restore,
      userCreation: how.userCreation,
      createdBy: how.createdBy,
    });
    return this.around(
      [created],
      this.zoneCreated({
        domain,
        username,
        caller: "create:domain",
        restore: how.restore,
        zoneExisted,
        written,
        conf,
        ip,
      }),
    );
  }

  /** Adds a pointer to its domain's `.pointers` and domainowners and writes its zone; domain_pointer_create_post around the zone's hooks. */
  addPointer(username: string, conf: Conf, domain: string, pointer: string, restore: boolean): HookCall[] {
    const ip = this.domainIp(username, domain, conf);
    this.files.writePointers(username, domain, [
      ...this.files.pointers(username, domain).filter((other) => other !== pointer),
      pointer,
    ]);
    this.files.setOwners([[pointer, username]]);
    const zoneExisted = existsSync(this.layout.zoneFile(pointer));
    const written = this.writeNewZone(pointer, ip, restore, zoneExisted, undefined);
    const zone = this.zoneCreated({
      domain: pointer,
      username,
      caller: "create:pointer",
      restore,
      zoneExisted,
      written,
      conf,
      ip,
    });
    return this.around([calls.pointerCreatePost(pointer, domain)], zone);
  }

  /** Removes a domain's pointers and zones and its files (not its domains.list line); the dns_delete_post calls. */
  dropDomain(username: string, conf: Conf, domain: string): HookCall[] {
    const pointers = this.files.pointers(username, domain);
    for (const name of [...pointers, domain]) removeZone(this.layout, name);
    this.files.setOwners([...pointers, domain].map((name) => [name, undefined] as const));
    this.files.removeDomainFiles(username, domain);
    const owner = { username, creator: conf.get("creator") ?? "", package: conf.get("package") ?? "" };
    return [...pointers.map((pointer) => calls.dnsDeletePost(pointer)), calls.dnsDeletePost(domain, owner)];
  }

  /** Takes a pointer off its domain's `.pointers` and domainowners and deletes its zone; dns_delete_post. */
  dropPointer(username: string, domain: string, pointer: string): HookCall[] {
    const pointers = this.files.pointers(username, domain);
    if (!pointers.includes(pointer)) throw new EmulatorRefusal(`${pointer} is not a pointer of ${domain}`);
    this.files.writePointers(
      username,
      domain,
      pointers.filter((other) => other !== pointer),
    );
    this.files.setOwners([[pointer, undefined]]);
    removeZone(this.layout, pointer);
    return [calls.dnsDeletePost(pointer)];
  }

  /** Moves a domain to a new name: files, pointers, domainowners, user.conf and the zone; the zone's hooks (create:swap). */
  renameDomain(username: string, conf: Conf, from: string, to: string): HookCall[] {
    const ip = this.domainIp(username, from, conf);
    const defaultDomain = conf.get("domain") === from;
    const pointers = this.files.pointers(username, from);
    const records = renameRecords(readZone(this.layout, from) ?? this.template(from, ip), from, to);
    const moved = withSerial(records, nextSerial(serialOf(records), this.clock.now()));
    const zoneExisted = existsSync(this.layout.zoneFile(to));
    this.files.removeDomainFiles(username, from);
    this.files.writeDomainConf(username, to, { ip, defaultDomain });
    this.files.writePointers(username, to, pointers);
    this.files.writeDomains(
      username,
      this.files.domains(username).map((domain) => (domain === from ? to : domain)),
    );
    this.files.setOwners([
      [from, undefined],
      [to, username],
    ]);
    if (defaultDomain) {
      conf.set("domain", to);
      this.files.writeUserConf(username, conf);
    }
    writeZone(this.layout, to, moved);
    removeZone(this.layout, from);
    return this.zoneCreated({
      domain: to,
      username,
      caller: "create:swap",
      restore: false,
      zoneExisted,
      written: moved,
      conf,
      ip,
    });
  }

  /** Takes a domain off domains.list; a removed default domain hands user.conf `domain=` to the next one. */
  unlistDomain(username: string, conf: Conf, domain: string): void {
    const rest = this.files.domains(username).filter((other) => other !== domain);
    this.files.writeDomains(username, rest);
    if (conf.get("domain") !== domain) return;
    conf.set("domain", rest[0] ?? "");
    this.files.writeUserConf(username, conf);
    if (rest[0] !== undefined)
      this.files.writeDomainConf(username, rest[0], {
        ip: this.domainIp(username, rest[0], conf),
        defaultDomain: true,
      });
  }

  /** Writes a new zone and returns its records, or undefined when a restore keeps the zone file that is there. */
  writeNewZone(
    domain: string,
    ip: string,
    restore: boolean,
    existed: boolean,
    records: ZoneRecord[] | undefined,
  ): ZoneRecord[] | undefined {
    if (records === undefined && restore && existed) return undefined;
    const template = this.template(domain, ip);
    const zone =
      records === undefined
        ? template
        : soaOf(records) === undefined
          ? [template[0] as ZoneRecord, ...records]
          : records;
    writeZone(this.layout, domain, zone);
    return zone;
  }

  /** Rewrites a zone through `edit` (SOA kept, serial bumped); dns_write_post. */
  editZone(domainText: string, edit: (current: ZoneRecord[]) => readonly ZoneRecord[]): HookCall[] {
    const domain = this.domainName(domainText);
    const owner = this.files.owners().get(domain);
    const current = readZone(this.layout, domain);
    if (owner === undefined || current === undefined) throw new EmulatorRefusal(`${domain} has no zone on this server`);
    const soa = current.filter((record) => record.type === "SOA");
    const next = withSerial(
      [...soa, ...edit(current.filter((record) => record.type !== "SOA"))],
      nextSerial(serialOf(current), this.clock.now()),
    );
    writeZone(this.layout, domain, next);
    const conf = this.files.userConf(owner) ?? new Map<string, string>();
    return [
      calls.dnsWritePost(
        dnsWriteEnv(domain, next, {
          domainIp: conf.get("ip") || this.serverIp,
          serverIp: this.serverIp,
          package: conf.get("package"),
        }),
      ),
    ];
  }

  /** The hooks of a new zone: dns_create_post, and dns_write_post when a file was written, in the configured order. */
  zoneCreated(zone: {
    domain: string;
    username: string;
    caller: calls.DnsCreateCaller;
    restore: boolean;
    zoneExisted: boolean;
    written: ZoneRecord[] | undefined;
    conf: Conf;
    ip: string;
  }): HookCall[] {
    const create = calls.dnsCreatePost(zone);
    if (zone.written === undefined) return [create];
    const write = calls.dnsWritePost(
      dnsWriteEnv(zone.domain, zone.written, {
        domainIp: zone.ip,
        serverIp: this.serverIp,
        package: zone.conf.get("package"),
      }),
    );
    return this.order.zoneWriteBeforeCreate ? [write, create] : [create, write];
  }

  /** Places an action's own post hooks after (default) or before the hooks of the work it contains. */
  around(outer: HookCall[], inner: HookCall[]): HookCall[] {
    return this.order.containerHooksLast ? [...inner, ...outer] : [...outer, ...inner];
  }

  /** The default zone for a new domain or pointer, with today's first serial. */
  template(domain: string, ip: string): ZoneRecord[] {
    return templateRecords(domain, {
      ip,
      nameservers: this.nameservers,
      serial: nextSerial(undefined, this.clock.now()),
    });
  }

  /**
   * A new account's user.conf, with the keys DirectAdmin writes; user_create_post passes every one of them to hooks
   * (docs/reference/directadmin.md#hook-catalogue).
   */
  newUserConf(user: Omit<NewUser, "password">): Conf {
    const [ns1, ns2] = this.nameservers;
    return new Map(
      Object.entries({
        account: "ON",
        bandwidth: "unlimited",
        creator: user.creator,
        date_created: new Date(this.clock.now()).toUTCString(),
        dnscontrol: "ON",
        domain: user.domain,
        domainptr: "unlimited",
        email: user.email,
        ip: user.ip,
        language: "en",
        name: user.username,
        ns1,
        ns2,
        package: user.package,
        quota: "unlimited",
        skin: "evolution",
        ssl: "ON",
        suspended: "no",
        username: user.username,
        usertype: "user",
        vdomains: "unlimited",
      }),
    );
  }

  setSuspended(username: string, value: "yes" | "no"): Conf {
    const conf = this.requireUser(username);
    conf.set("suspended", value);
    this.files.writeUserConf(username, conf);
    return conf;
  }

  domainIp(username: string, domain: string, conf: Conf): string {
    return this.files.domainConf(username, domain)?.get("ip") || conf.get("ip") || this.serverIp;
  }

  domainName(text: string): string {
    const domain = domainName(text);
    if (domain === undefined) throw new EmulatorRefusal(`"${text}" is not a valid domain name`);
    return domain;
  }

  requireUser(username: string): Conf {
    const conf = this.files.userConf(username);
    if (conf === undefined) throw new EmulatorRefusal(`there is no user ${username}`);
    return conf;
  }

  requireOwnDomain(username: string, text: string): string {
    const domain = this.domainName(text);
    if (!this.files.domains(username).includes(domain))
      throw new EmulatorRefusal(`${domain} is not a domain of ${username}`);
    return domain;
  }

  requireUnowned(domain: string, except: string | undefined): void {
    const owner = this.files.owners().get(domain);
    if (owner !== undefined && owner !== except) throw new EmulatorRefusal(`${domain} already belongs to ${owner}`);
  }
}
