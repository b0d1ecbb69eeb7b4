import { mkdirSync, writeFileSync } from "node:fs";
import type { DirectAdminLayout } from "../../panel/directadmin/layout.js";
import type { PanelAccount } from "../../model/account.js";
import { formatZoneText } from "../dns/index.js";
import { writeKeyValues } from "../files/lines.js";
import { MODES, TreeFiles } from "./tree.js";
import { nextSerial, templateRecords } from "./zone.js";

/** What `seedAccounts` lays down per account. */
export interface SeedOptions {
  /** Domains per account (default 1): `acct00001.test`, `acct00001-2.test`, … */
  domainsPerAccount?: number;
  /** Pointers per domain (default 0): `acct00001-p1.test`, … */
  pointersPerDomain?: number;
  /** Write a zone file per domain and pointer (default true). */
  zones?: boolean;
  /** Every `suspendEvery`-th account is suspended (default never). */
  suspendEvery?: number;
  /** For zone serials (default now). */
  now?: number;
}

const pad = (n: number) => String(n).padStart(5, "0");

/**
 * Writes `count` accounts with their domains straight into the tree — no hooks, as if they had existed before the
 * plugin was installed — for import tests and benchmarks. Plain synchronous writes (no temporary files: nothing
 * reads a tree while it is seeded) keep 10,000 domains to a couple of seconds. Returns what the reader should
 * find, in its order. Accounts are `user00001`…, on IPs in 192.0.2.0/24 and packages `bronze`/`silver`/`gold`.
 */
export function seedAccounts(layout: DirectAdminLayout, count: number, options: SeedOptions = {}): PanelAccount[] {
  const perAccount = options.domainsPerAccount ?? 1;
  const perDomain = options.pointersPerDomain ?? 0;
  const serial = nextSerial(undefined, options.now ?? Date.now());
  const owners: Array<[string, string]> = [];
  const accounts: PanelAccount[] = [];
  for (let n = 1; n <= count; n += 1) {
    const username = `user${pad(n)}`;
    const ip = `192.0.2.${(n % 250) + 2}`;
    const suspended = options.suspendEvery !== undefined && n % options.suspendEvery === 0;
    const domains = Array.from({ length: perAccount }, (_, i) =>
      i === 0 ? `acct${pad(n)}.test` : `acct${pad(n)}-${i + 1}.test`,
    );
    const pkg = ["bronze", "silver", "gold"][n % 3] as string;
    mkdirSync(layout.domainsDir(username), { recursive: true, mode: MODES.domainsDir });
    const conf = new Map([
      ["creator", "admin"],
      ["domain", domains[0] as string],
      ["email", `${username}@example.test`],
      ["ip", ip],
      ["package", pkg],
      ["suspended", suspended ? "yes" : "no"],
      ["username", username],
      ["usertype", "user"],
    ]);
    writeFileSync(layout.userConf(username), writeKeyValues(conf), { mode: MODES.conf });
    writeFileSync(layout.domainsList(username), domains.map((domain) => `${domain}\n`).join(""), { mode: MODES.conf });
    const account: PanelAccount = { username, package: pkg, ips: [ip], suspended, creator: "admin", domains: [] };
    for (const [i, domain] of domains.entries()) {
      const defaultDomain = i === 0 ? "yes" : "no";
      writeFileSync(
        layout.domainConf(username, domain),
        `defaultdomain=${defaultDomain}\ndomain=${domain}\nip=${ip}\nusername=${username}\n`,
        { mode: MODES.conf },
      );
      const pointers = Array.from({ length: perDomain }, (_, p) => domain.replace(/\.test$/, `-p${p + 1}.test`));
      if (pointers.length > 0)
        writeFileSync(
          layout.domainPointers(username, domain),
          pointers.map((pointer) => `${pointer}=type=alias\n`).join(""),
          { mode: MODES.conf },
        );
      account.domains.push(
        { domain, kind: "domain" },
        ...pointers.map((pointer) => ({ domain: pointer, kind: "pointer" as const, target: domain })),
      );
      for (const name of [domain, ...pointers]) {
        owners.push([name, username]);
        if (!(options.zones ?? true)) continue;
        const zone = formatZoneText(
          templateRecords(name, { ip, nameservers: ["ns1.da.example.net", "ns2.da.example.net"], serial }),
        );
        writeFileSync(layout.zoneFile(name), zone, { mode: MODES.zoneFile });
      }
    }
    accounts.push(account);
  }
  new TreeFiles(layout).setOwners(owners);
  return accounts;
}
