/**
 * The simulator's DNS server: answers real UDP and TCP queries for the zones WAPI has committed, the way WEDOS's
 * name servers would, so the plugin can check that a zone is live and its delegations work.
 */
import type { PublishedZoneSource } from "../published-zone.js";
import { answerMessage, type MessageContext, type Transport } from "./message.js";
import { listenTcp, type TcpEndpoint } from "./tcp.js";
import { bindUdp, type UdpEndpoint } from "./udp.js";

export interface DnsServerOptions {
  /** Address to listen on; 127.0.0.1 unless told otherwise. */
  host?: string;
  /** Port for both UDP and TCP; 0 picks a free one (the same for both). */
  port: number;
  /** Read on every query, so a commit is visible to the very next question. */
  source: PublishedZoneSource;
  /**
   * Told about server-side failures (zone data that cannot be encoded, socket errors). The default writes to
   * console.error, so in tests an unexpected failure fails the test instead of passing silently.
   */
  onError?: (error: unknown) => void;
}

export interface DnsServer {
  /** The port actually bound, for UDP and TCP alike. */
  readonly port: number;
  /** Stops both listeners and drops open TCP connections. */
  close(): Promise<void>;
}

/** How often to retry when the free UDP port picked for `port: 0` turns out to be taken for TCP. */
const SAME_PORT_ATTEMPTS = 10;

/** Starts the DNS server; resolves once both UDP and TCP are listening. */
export async function startDnsServer(options: DnsServerOptions): Promise<DnsServer> {
  const host = options.host ?? "127.0.0.1";
  const onError = options.onError ?? ((error: unknown) => console.error("simulator DNS server:", error));
  const answerOver = (transport: Transport) => {
    const context: MessageContext = { source: options.source, transport, onError };
    return (message: Buffer) => answerMessage(message, context);
  };

  for (let attempt = 1; ; attempt++) {
    const udp: UdpEndpoint = await bindUdp(host, options.port, answerOver("udp"), onError).catch((error: unknown) => {
      throw new Error(`simulator DNS server: cannot bind UDP ${host}:${options.port}`, { cause: error });
    });
    let tcp: TcpEndpoint;
    try {
      tcp = await listenTcp(host, udp.port, answerOver("tcp"), onError);
    } catch (error) {
      await udp.close();
      const portTaken = (error as NodeJS.ErrnoException).code === "EADDRINUSE";
      if (options.port === 0 && portTaken && attempt < SAME_PORT_ATTEMPTS) continue;
      throw new Error(`simulator DNS server: cannot listen on TCP ${host}:${udp.port}`, { cause: error });
    }
    return {
      port: udp.port,
      close: async () => {
        await Promise.all([udp.close(), tcp.close()]);
      },
    };
  }
}
