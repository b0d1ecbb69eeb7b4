import { promises as dns } from "node:dns";
import { isIP } from "node:net";
import type { WedosRow } from "../dns/index.js";

/** Record types the check can read back with Node's resolver and compare. */
const CHECKABLE = new Set(["A", "AAAA", "CNAME", "MX", "TXT"]);
const SAMPLE_SIZE = 5;

export interface PropagationReport {
  /** Every sampled record was served by every name server. */
  propagated: boolean;
  checked: number;
  /** "ns.wedos.net: www A 192.0.2.1 not served" — what was not (yet) seen, or why a server could not be asked. */
  problems: string[];
}

/**
 * Asks the name servers (real DNS queries) whether they serve a sample of the zone's rows as committed. Used
 * after a commit; WEDOS takes minutes to publish, so "not yet" is a normal answer that is checked again later.
 */
export async function checkPropagation(
  zone: string,
  rows: readonly WedosRow[],
  servers: readonly string[],
  timeoutMs = 2000,
): Promise<PropagationReport> {
  const sample = rows.filter((row) => CHECKABLE.has(row.type) && !row.name.includes("*")).slice(0, SAMPLE_SIZE);
  const problems: string[] = [];
  for (const server of servers) {
    let address: string;
    try {
      address = await serverAddress(server);
    } catch (error) {
      problems.push(`${server}: cannot be resolved (${(error as Error).message})`);
      continue;
    }
    const resolver = new dns.Resolver({ timeout: timeoutMs, tries: 1 });
    resolver.setServers([address]);
    for (const row of sample) {
      const fqdn = row.name === "" ? zone : `${row.name}.${zone}`;
      try {
        if (!(await serves(resolver, fqdn, row)))
          problems.push(`${server}: ${row.name || "@"} ${row.type} ${row.rdata} not served yet`);
      } catch (error) {
        problems.push(
          `${server}: ${row.name || "@"} ${row.type} not answered (${(error as { code?: string }).code ?? (error as Error).message})`,
        );
      }
    }
  }
  return { propagated: problems.length === 0, checked: sample.length, problems };
}

async function serves(resolver: dns.Resolver, fqdn: string, row: WedosRow): Promise<boolean> {
  const want = row.rdata.toLowerCase();
  switch (row.type) {
    case "A":
      return (await resolver.resolve4(fqdn)).includes(row.rdata);
    case "AAAA":
      return (await resolver.resolve6(fqdn)).some((address) => address.toLowerCase() === want);
    case "CNAME":
      return (await resolver.resolveCname(fqdn)).some((target) => target.toLowerCase() === want);
    case "MX":
      return (await resolver.resolveMx(fqdn)).some((mx) => `${mx.priority} ${mx.exchange}`.toLowerCase() === want);
    case "TXT":
      return (await resolver.resolveTxt(fqdn)).some((strings) => strings.join("") === row.rdata);
    default:
      return true;
  }
}

/** "ns.wedos.net" → its IP; "127.0.0.1:5353" and "[::1]:53" are used as they are (the form Resolver.setServers takes). */
export async function serverAddress(server: string): Promise<string> {
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(server);
  if (bracketed !== null) return bracketed[2] === undefined ? (bracketed[1] ?? server) : server;
  if (isIP(server) !== 0) return server;
  const [host, port] = server.split(":");
  const ip = isIP(host ?? "") !== 0 ? (host ?? "") : (await dns.lookup(host ?? "", { family: 4 })).address;
  return port === undefined ? ip : `${ip}:${port}`;
}
