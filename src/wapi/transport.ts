import { Agent, request } from "undici";
import { USER_AGENT } from "../package-info.js";

/** One HTTP exchange with WAPI: what came back, before any interpretation. */
export interface HttpAnswer {
  status: number;
  contentType: string;
  body: string;
}

export interface TransportOptions {
  timeoutMs: number;
  /** "ipv4" forces IPv4 when only the IPv4 address is on the WEDOS allow-list (WAPI also listens on IPv6). */
  ipFamily: "auto" | "ipv4";
}

/**
 * Posts a form-encoded body to WAPI over a keep-alive connection. Redirects are not followed: WAPI has none,
 * and following one could send the request somewhere else.
 */
export class WapiTransport {
  private readonly agent: Agent;

  constructor(private readonly options: TransportOptions) {
    this.agent = new Agent({
      connect: options.ipFamily === "ipv4" ? { family: 4, timeout: options.timeoutMs } : { timeout: options.timeoutMs },
      headersTimeout: options.timeoutMs,
      bodyTimeout: options.timeoutMs,
      keepAliveTimeout: 10_000,
    });
  }

  async post(url: string, body: string): Promise<HttpAnswer> {
    const response = await request(url, {
      method: "POST",
      dispatcher: this.agent,
      headers: {
        "content-type": "application/x-www-form-urlencoded; charset=utf-8",
        "user-agent": USER_AGENT,
        accept: "application/json",
      },
      body,
      signal: AbortSignal.timeout(this.options.timeoutMs),
    });
    const text = await response.body.text();
    const contentType = response.headers["content-type"];
    return { status: response.statusCode, contentType: Array.isArray(contentType) ? (contentType[0] ?? "") : (contentType ?? ""), body: text };
  }

  async close(): Promise<void> {
    await this.agent.close();
  }
}
