import { createHash } from "node:crypto";
import { request, type Dispatcher } from "undici";
import type { Clock } from "../../clock.js";
import { AppError } from "../../errors.js";
import { USER_AGENT } from "../../package-info.js";
import type { Secret } from "../../util/secret.js";
import { sessionExpired, sessionUnverifiable, WebError } from "../errors.js";
import { parseUserConfigAnswer } from "./da-answer.js";
import type { PageRequest } from "../protocol.js";
import type { ProvenVisitor, SessionVerdict, VisitorProver } from "./identity.js";

/** The caller's DirectAdmin session as the page script got it: a bearer credential, never logged. */
export interface PanelSession {
  id: Secret;
  key: Secret;
}

export interface SessionVerifierOptions {
  /** DirectAdmin's base URL and the dispatcher that reaches it with the configured TLS trust (SessionEndpoint). */
  endpoint: () => { url: string; dispatcher?: Dispatcher };
  clock: Clock;
  /** How long a verified session is believed without asking again (default 60 s). */
  ttlMs?: number;
  /** Requests to DirectAdmin at once; more are refused as "busy" so a flood of made-up sessions stays cheap. */
  maxInFlight?: number;
  timeoutMs?: number;
  /** Called by close(): releases the endpoint's connections. */
  onClose?: () => Promise<void>;
}

/** What a session cookie value may contain; anything else could smuggle a second cookie into the request. */
const COOKIE_SAFE = /^[A-Za-z0-9._~+/=-]{1,256}$/;
const MAX_CACHED = 10_000;

/**
 * Proves who a visitor is by replaying their session to DirectAdmin: `GET /CMD_API_SHOW_USER_CONFIG` with
 * `Cookie: session=<id>; key=<key>`, believing only DirectAdmin's answer. Redirects are never followed (the session
 * would travel with them). Verdicts are cached for `ttlMs`, keyed by a hash of the session so the raw key is never
 * kept; a logged-out session therefore keeps working for at most that long. Concurrent checks of one session share
 * one request. On a real server this is the optional second check beside the uid proof (AgreeingProvers); alone it
 * serves the emulator and the demo, where every page runs as one unix user (docs/decisions/0012-who-is-asking.md).
 */
export class SessionVerifier implements VisitorProver {
  private readonly cache = new Map<string, { verdict: SessionVerdict; expiresAt: number }>();
  private readonly inFlight = new Map<string, Promise<SessionVerdict>>();
  private readonly ttlMs: number;
  private readonly maxInFlight: number;
  private readonly timeoutMs: number;

  constructor(private readonly options: SessionVerifierOptions) {
    this.ttlMs = options.ttlMs ?? 60_000;
    this.maxInFlight = options.maxInFlight ?? 16;
    this.timeoutMs = options.timeoutMs ?? 10_000;
  }

  /** DirectAdmin's verdict on the session a page request carries (401 without one). */
  async prove(request: PageRequest): Promise<ProvenVisitor> {
    if (request.session === undefined) throw sessionExpired();
    return { ...(await this.verify(request.session)), provenBy: "session" };
  }

  /** DirectAdmin's verdict on the session; throws a WebError (401 expired, 503 unverifiable or busy). */
  async verify(session: PanelSession): Promise<SessionVerdict> {
    const id = session.id.reveal();
    const key = session.key.reveal();
    if (!COOKIE_SAFE.test(id) || !COOKIE_SAFE.test(key)) throw sessionExpired();
    const hash = createHash("sha256").update(`${id}\0${key}`).digest("hex");
    const now = this.options.clock.now();
    const cached = this.cache.get(hash);
    if (cached !== undefined && cached.expiresAt > now) return cached.verdict;
    if (cached !== undefined) this.cache.delete(hash);
    const pending = this.inFlight.get(hash);
    if (pending !== undefined) return pending;
    if (this.inFlight.size >= this.maxInFlight) throw new WebError(503, "error.busy", `${this.inFlight.size} session checks already running`);
    const check = this.ask(`session=${id}; key=${key}`).finally(() => this.inFlight.delete(hash));
    this.inFlight.set(hash, check);
    const verdict = await check;
    if (this.cache.size >= MAX_CACHED) this.cache.delete(this.cache.keys().next().value as string);
    this.cache.set(hash, { verdict, expiresAt: this.options.clock.now() + this.ttlMs });
    return verdict;
  }

  async close(): Promise<void> {
    await this.options.onClose?.();
  }

  private async ask(cookie: string): Promise<SessionVerdict> {
    let status: number;
    let body: string;
    try {
      const { url, dispatcher } = this.options.endpoint();
      const response = await request(`${url}/CMD_API_SHOW_USER_CONFIG`, {
        method: "GET",
        ...(dispatcher === undefined ? {} : { dispatcher }),
        headers: { cookie, "user-agent": USER_AGENT, accept: "text/plain" },
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      status = response.statusCode;
      body = await response.body.text();
    } catch (error) {
      throw sessionUnverifiable(error instanceof AppError ? error : new AppError("da_unreachable", `DirectAdmin cannot be reached (${(error as Error).message})`));
    }
    if (status === 401) throw sessionExpired();
    if (status !== 200) throw sessionUnverifiable(new AppError("da_http_status", `DirectAdmin answered HTTP ${status}${status >= 300 && status < 400 ? " (a redirect, not followed)" : ""}`));
    try {
      return parseUserConfigAnswer(body);
    } catch (error) {
      throw sessionUnverifiable(error);
    }
  }
}
