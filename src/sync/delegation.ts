import { promises as dns } from "node:dns";
import type { DelegationStatus } from "../model/delegation-status.js";
import { serverAddress } from "./propagation.js";

export interface DelegationLookup {
  status: DelegationStatus;
  /** The name servers DNS gave, lower case, sorted. */
  nameservers: string[];
  /** Why there was no usable answer (a resolver error code). */
  detail: string | undefined;
}

/**
 * Asks a resolver for the domain's NS set — `resolver` ("192.0.2.53", "127.0.0.1:5353", a host name), or the
 * system's resolvers when undefined — and compares it with WEDOS's name servers. Real DNS queries; never WAPI.
 */
export async function lookupDelegation(
  domain: string,
  resolver: string | undefined,
  expected: readonly string[],
  timeoutMs = 5000,
): Promise<DelegationLookup> {
  const wanted = new Set(expected);
  const client = await resolverOf(resolver, timeoutMs);
  if (typeof client === "string") return { status: "unanswered", nameservers: [], detail: client };
  let found: string[];
  try {
    found = (await client.resolveNs(domain)).map((name) => name.toLowerCase().replace(/\.$/, "")).sort();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    if (code === dns.NOTFOUND) return { status: "unregistered", nameservers: [], detail: undefined };
    if (code === dns.NODATA) return { status: "elsewhere", nameservers: [], detail: undefined };
    return { status: "unanswered", nameservers: [], detail: code };
  }
  const ours = found.filter((name) => wanted.has(name)).length;
  return {
    status: ours === 0 ? "elsewhere" : ours === found.length ? "seen" : "partial",
    nameservers: found,
    detail: undefined,
  };
}

/**
 * A resolver asking `resolver` ("192.0.2.53", "127.0.0.1:5353", a host name), or the system's resolvers when
 * undefined; a string says why the resolver named cannot be used.
 */
export async function resolverOf(resolver: string | undefined, timeoutMs: number): Promise<dns.Resolver | string> {
  const client = new dns.Resolver({ timeout: timeoutMs, tries: 2 });
  try {
    if (resolver !== undefined) client.setServers([await serverAddress(resolver)]);
    return client;
  } catch (error) {
    return `the resolver ${resolver} cannot be found (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`;
  }
}
