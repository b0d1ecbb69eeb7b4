import { promises as dns } from "node:dns";
import { resolverOf } from "./delegation.js";

/** The TXT texts at a name (each record's strings joined), or why DNS gave none. */
export type TxtLookup = { texts: string[]; problem: undefined } | { texts: []; problem: string };

/**
 * Asks DNS for the TXT records at `name`, through the same resolver as the delegation check
 * (`dns.delegationResolver`, else the system's). Real DNS queries; never WAPI.
 */
export async function lookupTxt(name: string, resolver: string | undefined, timeoutMs = 5000): Promise<TxtLookup> {
  const client = await resolverOf(resolver, timeoutMs);
  if (typeof client === "string") return { texts: [], problem: client };
  try {
    return { texts: (await client.resolveTxt(name)).map((strings) => strings.join("")), problem: undefined };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    if (code === dns.NOTFOUND || code === dns.NODATA) return { texts: [], problem: `no TXT record at ${name}` };
    return { texts: [], problem: `DNS did not answer for ${name} (${code})` };
  }
}
