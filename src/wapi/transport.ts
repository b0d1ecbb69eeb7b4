import { Agent as HttpAgent, request as httpRequest, type ClientRequest, type IncomingMessage } from "node:http";
import { Agent as HttpsAgent, request as httpsRequest } from "node:https";
import type { LookupFunction, Socket } from "node:net";
import { systemClock, type Clock } from "../clock.js";
import { USER_AGENT } from "../package-info.js";

/** One HTTP exchange with WAPI: what came back, before any interpretation. */
export interface HttpAnswer {
  status: number;
  contentType: string;
  body: string;
}

export interface TransportOptions {
  /** Both the limit for opening the connection (TCP and TLS) and for the whole exchange. */
  timeoutMs: number;
  /** "ipv4" forces IPv4 when only the IPv4 address is on the WEDOS allow-list (WAPI also listens on IPv6). */
  ipFamily: "auto" | "ipv4";
  /** The longest answer read (default {@link MAX_ANSWER_BYTES}); a longer one is cut off and refused. */
  maxAnswerBytes?: number;
  /** Whose time the timeouts run on (default the system clock). */
  clock?: Clock;
  /** How host names are resolved (default the system's resolver, as `dns.lookup`). */
  lookup?: LookupFunction;
}

/** No WAPI answer is near this (a 50,000-record zone listing is about 10 MB); a bigger one is not read into memory. */
export const MAX_ANSWER_BYTES = 64 * 1024 * 1024;
/** How long an idle keep-alive connection is kept for the next request. */
const IDLE_KEEP_MS = 10_000;

/**
 * Whether WEDOS may have seen the request, which decides whether the rejected-request fuse keeps counting it
 * (docs/decisions/0014): "not-sent" when no connection was ever made (refused, no route, name not resolved, the
 * TLS certificate not trusted, the connection not made in time), "sent-no-answer" when the request went out over
 * an open connection and no complete answer came back (a timeout, a dropped connection, an answer too large).
 */
export type TransportFailureKind = "not-sent" | "sent-no-answer";

/** The failure of one exchange, independent of the HTTP library: what happened, and whether the request left. */
export class TransportFailure extends Error {
  constructor(
    readonly kind: TransportFailureKind,
    /** For the admin: e.g. "ECONNREFUSED: connect ECONNREFUSED 127.0.0.1:443" or "timed out". */
    readonly detail: string,
    options?: { cause?: unknown },
  ) {
    super(`${kind === "not-sent" ? "not sent" : "sent, no answer"}: ${detail}`, options);
    this.name = "TransportFailure";
  }
}

/**
 * Posts a form-encoded body to WAPI over a keep-alive connection. Redirects are not followed: WAPI has none,
 * and following one could send the request somewhere else. TLS certificates are always verified.
 */
export class WapiTransport {
  private readonly agents = {
    "http:": new HttpAgent({ keepAlive: true, timeout: IDLE_KEEP_MS }),
    "https:": new HttpsAgent({ keepAlive: true, timeout: IDLE_KEEP_MS, rejectUnauthorized: true }),
  };
  /** Connections that have been opened (and for TLS, verified): a request given one of these is sent. */
  private readonly open = new WeakSet<Socket>();
  private readonly clock: Clock;
  private readonly maxAnswerBytes: number;

  constructor(private readonly options: TransportOptions) {
    this.clock = options.clock ?? systemClock;
    this.maxAnswerBytes = options.maxAnswerBytes ?? MAX_ANSWER_BYTES;
  }

  /** The answer, or a TransportFailure. */
  post(url: string, body: string): Promise<HttpAnswer> {
    let target: URL;
    try {
      target = new URL(url);
      if (target.protocol !== "http:" && target.protocol !== "https:")
        throw new Error(`the address must start with https:// (got ${target.protocol})`);
    } catch (error) {
      return Promise.reject(
        new TransportFailure("not-sent", `invalid WAPI address: ${(error as Error).message}`, { cause: error }),
      );
    }
    const secure = target.protocol === "https:";
    const send = secure ? httpsRequest : httpRequest;
    const payload = Buffer.from(body, "utf8");
    return new Promise((resolve, reject) => {
      const stopTimer = new AbortController();
      let sent = false;
      let settled = false;
      const fail = (kind: TransportFailureKind, detail: string, cause?: unknown) => {
        if (settled) return;
        settled = true;
        stopTimer.abort();
        req.destroy();
        reject(new TransportFailure(kind, detail, { cause }));
      };
      const req: ClientRequest = send(target, {
        method: "POST",
        agent: this.agents[secure ? "https:" : "http:"],
        ...(this.options.ipFamily === "ipv4" ? { family: 4 } : {}),
        ...(this.options.lookup === undefined ? {} : { lookup: this.options.lookup }),
        headers: {
          "content-type": "application/x-www-form-urlencoded; charset=utf-8",
          "content-length": String(payload.length),
          "user-agent": USER_AGENT,
          accept: "application/json",
        },
      });
      req.on("socket", (socket: Socket) => {
        if (this.open.has(socket)) sent = true;
        else
          socket.once(secure ? "secureConnect" : "connect", () => {
            this.open.add(socket);
            sent = true;
          });
      });
      req.on("error", (error: Error & { code?: string }) =>
        fail(sent ? "sent-no-answer" : "not-sent", describe(error), error),
      );
      req.on("response", (response: IncomingMessage) =>
        this.read(
          response,
          (answer) => {
            if (settled) return;
            settled = true;
            stopTimer.abort();
            resolve(answer);
          },
          fail,
        ),
      );
      void this.clock.sleep(this.options.timeoutMs, stopTimer.signal).then(() => {
        if (!stopTimer.signal.aborted)
          fail(sent ? "sent-no-answer" : "not-sent", sent ? "timed out" : "timed out connecting");
      });
      req.end(payload);
    });
  }

  async close(): Promise<void> {
    this.agents["http:"].destroy();
    this.agents["https:"].destroy();
  }

  private read(
    response: IncomingMessage,
    done: (answer: HttpAnswer) => void,
    fail: (kind: TransportFailureKind, detail: string, cause?: unknown) => void,
  ): void {
    const tooLarge = () =>
      fail("sent-no-answer", `the answer is larger than ${this.maxAnswerBytes} bytes, the most this plugin reads`);
    if (Number(response.headers["content-length"] ?? 0) > this.maxAnswerBytes) return tooLarge();
    const chunks: Buffer[] = [];
    let size = 0;
    response.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > this.maxAnswerBytes) tooLarge();
      else chunks.push(chunk);
    });
    response.on("error", (error: Error & { code?: string }) => fail("sent-no-answer", describe(error), error));
    response.on("aborted", () => fail("sent-no-answer", "the connection closed in the middle of the answer"));
    response.on("end", () => {
      if (!response.complete) return fail("sent-no-answer", "the connection closed in the middle of the answer");
      done({
        status: response.statusCode ?? 0,
        contentType: response.headers["content-type"] ?? "",
        body: Buffer.concat(chunks).toString("utf8"),
      });
    });
  }
}

function describe(error: Error & { code?: string }): string {
  if (error.message === "socket hang up") return `${error.code ?? "ECONNRESET"}: the other side closed the connection`;
  return error.code === undefined || error.message.includes(error.code)
    ? error.message
    : `${error.code}: ${error.message}`;
}
