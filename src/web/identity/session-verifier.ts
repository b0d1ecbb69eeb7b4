import { sha256Hex } from "../../util/sha256.js";
import type { Agent } from "node:http";
import type { Clock } from "../../clock.js";
import { AppError } from "../../errors.js";
import { USER_AGENT } from "../../package-info.js";
import { httpGet } from "../../util/http-get.js";
import type { Secret } from "../../util/secret.js";
import { sessionExpired, sessionUnverifiable, WebError } from "../errors.js";
import { parseUserConfigAnswer } from "./da-answer.js";
import type { PageRequest } from "../protocol.js";
import type { ProvenVisitor, SessionVerdict, VisitorProver } from "./identity.js";
import { SessionCheckLimits } from "./session-check-limits.js";
import { malformedSession } from "./session-format.js";

/** The caller's DirectAdmin session as the page script got it: a bearer credential, never logged. */
export interface PanelSession {
  id: Secret;
  key: Secret;
}

export interface SessionVerifierOptions {
  /** DirectAdmin's base URL and the agent that reaches it with the configured TLS trust (SessionEndpoint). */
  endpoint: () => { url: string; agent?: Agent };
  clock: Clock;
  /** How long a verified session is believed without asking again (default 60 s). */
  ttlMs?: number;
  /** Checks at once and failed checks per hour, in all and per source (default: SessionCheckLimits' defaults). */
  limits?: SessionCheckLimits;
  timeoutMs?: number;
  /** Called by close(): releases the endpoint's connections. */
  onClose?: () => Promise<void>;
}

const MAX_CACHED = 10_000;
/** How long a session DirectAdmin did not know is refused without asking again (it will not come back to life). */
const BAD_TTL_MS = 10 * 60_000;

/**
 * Proves who a visitor is by replaying their session to DirectAdmin: `GET /CMD_API_SHOW_USER_CONFIG` with
 * `Cookie: session=<id>; key=<key>`, believing only DirectAdmin's answer. Redirects are never followed (the session
 * would travel with them). Verdicts are cached for `ttlMs`, keyed by a hash of the session so the raw key is never
 * kept; a logged-out session therefore keeps working for at most that long. Concurrent checks of one session share
 * one request. A malformed session is refused without a request, one DirectAdmin did not know is refused for a
 * while without asking again, and checks are limited per source and in all (SessionCheckLimits,
 * docs/decisions/0019-session-checks-and-clean-stops.md). On a real server this is the optional second check beside
 * the uid proof (AgreeingProvers); alone it serves the emulator and the demo, where every page runs as one unix user
 * (docs/decisions/0012-who-is-asking.md).
 */
export class SessionVerifier implements VisitorProver {
  private readonly cache = new Map<string, { verdict: SessionVerdict; expiresAt: number }>();
  private readonly knownBad = new Map<string, number>();
  private readonly inFlight = new Map<string, Promise<SessionVerdict>>();
  private readonly ttlMs: number;
  private readonly timeoutMs: number;
  private readonly limits: SessionCheckLimits;

  constructor(private readonly options: SessionVerifierOptions) {
    this.ttlMs = options.ttlMs ?? 60_000;
    this.timeoutMs = options.timeoutMs ?? 10_000;
    this.limits = options.limits ?? new SessionCheckLimits({ clock: options.clock });
  }

  /**
   * DirectAdmin's verdict on the session a page request carries (401 without one). Alone (`identity: "session"`),
   * nothing proves who sends the request, so the account it claims stands for its source.
   */
  async prove(request: PageRequest): Promise<ProvenVisitor> {
    return this.proveFrom(request, `${request.claimed.username ?? "nobody"} (claimed)`);
  }

  /** As prove, for a request whose source is already proven (the uid proof's account). */
  async proveFrom(request: PageRequest, source: string): Promise<ProvenVisitor> {
    if (request.session === undefined) throw sessionExpired();
    return { ...(await this.verify(request.session, source)), provenBy: "session" };
  }

  /** DirectAdmin's verdict on the session; throws a WebError (401 expired, 503 unverifiable, busy or paused). */
  async verify(session: PanelSession, source = "unknown"): Promise<SessionVerdict> {
    const id = session.id.reveal();
    const key = session.key.reveal();
    const malformed = malformedSession(id, key);
    if (malformed !== undefined)
      throw new WebError(
        401,
        "error.sessionExpired",
        `session refused without asking DirectAdmin (${source}): ${malformed}`,
      );
    const hash = sha256Hex(`${id}\0${key}`);
    const now = this.options.clock.now();
    const cached = this.cache.get(hash);
    if (cached !== undefined && cached.expiresAt > now) return cached.verdict;
    if (cached !== undefined) this.cache.delete(hash);
    const badUntil = this.knownBad.get(hash);
    if (badUntil !== undefined && badUntil > now)
      throw new WebError(
        401,
        "error.sessionExpired",
        `session refused without asking DirectAdmin (${source}): DirectAdmin did not know it a moment ago`,
      );
    if (badUntil !== undefined) this.knownBad.delete(hash);
    const pending = this.inFlight.get(hash);
    if (pending !== undefined) return pending;
    const release = this.limits.admit(source);
    const check = this.ask(`session=${id}; key=${key}`, hash, source).finally(() => {
      this.inFlight.delete(hash);
      release();
    });
    this.inFlight.set(hash, check);
    const verdict = await check;
    remember(this.cache, hash, { verdict, expiresAt: this.options.clock.now() + this.ttlMs });
    return verdict;
  }

  async close(): Promise<void> {
    await this.options.onClose?.();
  }

  /** Asks DirectAdmin; every answer that does not confirm the session counts as a failed check of `source`. */
  private async ask(cookie: string, hash: string, source: string): Promise<SessionVerdict> {
    let status: number;
    let body: string;
    try {
      const { url, agent } = this.options.endpoint();
      ({ status, body } = await httpGet(`${url}/CMD_API_SHOW_USER_CONFIG`, {
        ...(agent === undefined ? {} : { agent }),
        headers: { cookie, "user-agent": USER_AGENT, accept: "text/plain" },
        signal: AbortSignal.timeout(this.timeoutMs),
      }));
    } catch (error) {
      throw sessionUnverifiable(
        error instanceof AppError
          ? error
          : new AppError("da_unreachable", `DirectAdmin cannot be reached (${(error as Error).message})`),
      );
    }
    if (status < 500 && status !== 200) this.limits.failed(source);
    if (status === 401) {
      remember(this.knownBad, hash, this.options.clock.now() + BAD_TTL_MS);
      throw sessionExpired();
    }
    if (status !== 200)
      throw sessionUnverifiable(
        new AppError(
          "da_http_status",
          `DirectAdmin answered HTTP ${status}${status >= 300 && status < 400 ? " (a redirect, not followed)" : ""}`,
        ),
      );
    try {
      return parseUserConfigAnswer(body);
    } catch (error) {
      this.limits.failed(source);
      throw sessionUnverifiable(error);
    }
  }
}

/** Adds to a bounded cache, dropping the oldest entry when it is full. */
function remember<T>(cache: Map<string, T>, hash: string, value: T): void {
  if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value as string);
  cache.set(hash, value);
}
