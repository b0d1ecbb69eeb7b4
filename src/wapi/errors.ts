import { AppError } from "../errors.js";

/**
 * What a failed WAPI call means for the caller:
 * - `retryable`: try again later (transport, HTTP 5xx, front-end non-JSON bodies, WAPI 4xxx/5xxx, 2006);
 * - `permanent`: the request itself is wrong; retrying cannot help (other 2xxx and 3xxx codes);
 * - `stop`: credentials, IP allow-list or IP block; nothing more may be sent until an admin acts (2050–2052).
 */
export type WapiFailureClass = "retryable" | "permanent" | "stop";

/** Base of every WAPI error. Never carries the password, the auth hash or the request body. */
export class WapiError extends AppError {
  readonly command: string;
  readonly failureClass: WapiFailureClass;
  /** The earliest instant (unix ms) a retry makes sense, when known (e.g. the next hour after 2006). */
  readonly retryAt: number | undefined;

  constructor(
    code: string,
    command: string,
    failureClass: WapiFailureClass,
    message: string,
    options: { retryAt?: number; cause?: unknown; userMessage?: string } = {},
  ) {
    super(code, message, {
      retryable: failureClass === "retryable",
      cause: options.cause,
      userMessage: options.userMessage,
    });
    this.command = command;
    this.failureClass = failureClass;
    this.retryAt = options.retryAt;
  }
}

/** The request never got an HTTP answer: DNS, connect, TLS, reset, timeout. */
export class WapiTransportError extends WapiError {
  constructor(command: string, origin: string, detail: string, cause?: unknown) {
    super(
      "wapi_transport",
      command,
      "retryable",
      `WAPI ${command}: no answer from ${origin} (${detail}); check this server's network connection to WEDOS`,
      {
        cause,
        userMessage: "WEDOS could not be reached; we will try again shortly.",
      },
    );
  }
}

/** An HTTP status other than 200. WAPI answers its own errors with 200, so this comes from the front end. */
export class WapiHttpError extends WapiError {
  readonly status: number;
  readonly bodyExcerpt: string;

  constructor(command: string, url: string, status: number, bodyExcerpt: string) {
    const serverSide = status >= 500 || status === 429;
    super(
      "wapi_http",
      command,
      serverSide ? "retryable" : "permanent",
      serverSide
        ? `WAPI ${command}: HTTP ${status} from ${url}; WEDOS's front end is failing, the request will be retried later`
        : `WAPI ${command}: HTTP ${status} from ${url}; check wapi.url (the JSON endpoint is https://api.wedos.com/wapi/json)`,
    );
    this.status = status;
    this.bodyExcerpt = bodyExcerpt;
  }
}

export type WapiDecodeKind = "rate-limit-text" | "protection-page" | "not-json" | "bad-envelope" | "mismatch";

/** HTTP 200 but not a WAPI answer to this request. */
export class WapiDecodeError extends WapiError {
  readonly kind: WapiDecodeKind;
  readonly bodyExcerpt: string;

  constructor(command: string, kind: WapiDecodeKind, detail: string, bodyExcerpt: string) {
    super(
      "wapi_decode",
      command,
      kind === "bad-envelope" ? "permanent" : "retryable",
      decodeMessage(command, kind, detail),
    );
    this.kind = kind;
    this.bodyExcerpt = bodyExcerpt;
  }
}

function decodeMessage(command: string, kind: WapiDecodeKind, detail: string): string {
  switch (kind) {
    case "rate-limit-text":
      return `WAPI ${command}: WEDOS's front end answered "User-Agent Rate Limit" instead of JSON; the request will be retried later`;
    case "protection-page":
      return `WAPI ${command}: WEDOS's front end answered with an HTML protection page instead of JSON; the request will be retried later, and if this persists ask WEDOS support to unblock this server's IP`;
    case "not-json":
      return `WAPI ${command}: the answer is not JSON (it starts with ${JSON.stringify(detail)}); check that wapi.url is WEDOS's JSON endpoint`;
    case "bad-envelope":
      return `WAPI ${command}: the answer is JSON but not a WAPI response (${detail}); this is a protocol change at WEDOS, report it to the wedos-panel maintainers`;
    case "mismatch":
      return `WAPI ${command}: the answer belongs to another request (${detail}); it was discarded and the request will be retried`;
  }
}

/** WAPI answered with a result code that is not a success for this command. */
export class WapiResultError extends WapiError {
  readonly wapiCode: number;
  readonly result: string;
  readonly svTRID: string | undefined;
  /** WEDOS's clock (unix seconds) at the answer, when sent. */
  readonly serverTimestamp: number | undefined;
  /** For 2051: the address WEDOS saw, taken from the result text. */
  readonly seenIp: string | undefined;

  constructor(
    command: string,
    reply: { code: number; result: string; svTRID?: string | undefined; timestamp?: number | undefined },
    failureClass: WapiFailureClass,
    message: string,
    options: { retryAt?: number; seenIp?: string } = {},
  ) {
    super(`wapi_${reply.code}`, command, failureClass, message, { retryAt: options.retryAt });
    this.wapiCode = reply.code;
    this.result = reply.result;
    this.svTRID = reply.svTRID;
    this.serverTimestamp = reply.timestamp;
    this.seenIp = options.seenIp;
  }
}

/** Nothing was sent: sending is paused (see the circuit). */
export class WapiPausedError extends WapiError {
  constructor(command: string, reason: string, retryAt: number) {
    super("wapi_paused", command, "stop", `WAPI ${command} not sent: requests to WEDOS are paused — ${reason}`, {
      retryAt,
    });
  }
}

/** Nothing was sent: the hourly request budget for this lane is used up and the caller chose not to wait. */
export class WapiBudgetError extends WapiError {
  constructor(command: string, message: string, retryAt: number) {
    super("wapi_budget_exhausted", command, "retryable", message, { retryAt });
  }
}
