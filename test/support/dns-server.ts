import { startDnsServer } from "../../src/simulator/dns/index.js";
import type { PublishedZone } from "../../src/simulator/published-zone.js";

/** A DNS server on 127.0.0.1 (port 0) whose zones' apex NS sets a test changes as it goes. */
export interface TestDns {
  /** "127.0.0.1:<port>", as `dns.delegationResolver` takes it. */
  address: string;
  /** Serves `domain` with these apex name servers (replacing what it served before). */
  delegate(domain: string, nameservers: string[]): void;
  close(): Promise<void>;
}

/**
 * Starts the simulator's DNS server over zones the test sets: `delegate("alice.test", [...])` makes the NS query
 * for alice.test answer those names, as a resolver would once the registrar's change is seen. Names in `parents`
 * are served as empty zones, so a domain below one that was never delegated answers NXDOMAIN.
 */
export async function startTestDns(parents: readonly string[] = []): Promise<TestDns> {
  const zones = new Map<string, string[]>(parents.map((name) => [name, [`ns.${name}`]]));
  const zone = (name: string, nameservers: string[]): PublishedZone => ({
    name,
    serial: 1,
    rname: "hostmaster.example.test",
    mname: nameservers[0] ?? "ns.example.test",
    refresh: 3600,
    retry: 600,
    expire: 86400,
    minimum: 300,
    nameservers,
    rows: [],
  });
  const server = await startDnsServer({
    port: 0,
    source: { publishedZones: () => [...zones].map(([name, nameservers]) => zone(name, nameservers)) },
  });
  return {
    address: `127.0.0.1:${server.port}`,
    delegate: (domain, nameservers) => void zones.set(domain, nameservers),
    close: () => server.close(),
  };
}
