import { createHash } from "node:crypto";
import { ManualClock } from "../../src/clock.js";
import { startSimulator, type RunningSimulator, type SimulatorOptions } from "../../src/simulator/index.js";

/**
 * A deliberately tiny WAPI caller for the simulator's tests. It computes auth itself, with `Intl` for the
 * Prague hour (the simulator computes it by hand), and imports nothing from src/wapi.
 */

export const LOGIN = "owner@example.test";
export const PASSWORD = "not-a-real-secret";
/** 11:30 Prague time in winter. */
export const START = "2026-01-15T10:30:00Z";

export const sha1 = (text: string): string => createHash("sha1").update(text, "utf8").digest("hex");

const PRAGUE_HOUR = new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/Prague", hour: "2-digit", hourCycle: "h23" });

export function pragueHourByIntl(ms: number): string {
  return PRAGUE_HOUR.format(new Date(ms)).padStart(2, "0");
}

export function authAt(ms: number, login = LOGIN, password = PASSWORD): string {
  return sha1(login + sha1(password) + pragueHourByIntl(ms));
}

export interface WapiAnswer {
  status: number;
  text: string;
  /** `response` of the JSON body; throws if the body is not a WAPI envelope. */
  response: Record<string, unknown> & { code: number; result: string };
}

export interface CallOptions {
  clTRID?: string;
  test?: unknown;
  user?: string;
  auth?: string;
  /** How the form is encoded: urlencoded (default) or multipart. */
  encoding?: "urlencoded" | "multipart";
}

export interface Harness {
  running: RunningSimulator;
  clock: ManualClock;
  /** Sends one WAPI command with a valid auth for the clock's current time (unless overridden). */
  call(command: string, data?: unknown, options?: CallOptions): Promise<WapiAnswer>;
  /** Posts a raw `request` field value. */
  postRequestField(value: string, encoding?: "urlencoded" | "multipart"): Promise<WapiAnswer>;
  close(): Promise<void>;
}

export async function parseAnswer(response: Response): Promise<WapiAnswer> {
  const text = await response.text();
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  return {
    status: response.status,
    text,
    get response() {
      const envelope = (parsed as { response?: WapiAnswer["response"] } | undefined)?.response;
      if (envelope === undefined) throw new Error(`not a WAPI envelope: ${text.slice(0, 200)}`);
      return envelope;
    },
  };
}

export function postForm(url: string, field: string, encoding: "urlencoded" | "multipart" = "urlencoded") {
  if (encoding === "multipart") {
    const form = new FormData();
    form.set("request", field);
    return fetch(url, { method: "POST", body: form });
  }
  return fetch(url, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: `request=${encodeURIComponent(field)}`,
  });
}

/** Starts a simulator on 127.0.0.1 with a ManualClock and test-friendly defaults (arrays, no IP blocking). */
export async function startHarness(overrides: Partial<SimulatorOptions> = {}): Promise<Harness> {
  const clock = new ManualClock(START);
  const running = await startSimulator({
    login: LOGIN,
    password: PASSWORD,
    clock,
    listShape: "array",
    invalidBlock: { threshold: 100_000 },
    ...overrides,
  });
  const postRequestField = async (value: string, encoding?: "urlencoded" | "multipart") =>
    parseAnswer(await postForm(running.url, value, encoding));
  return {
    running,
    clock,
    postRequestField,
    call: (command, data, options = {}) => {
      const request: Record<string, unknown> = {
        user: options.user ?? LOGIN,
        auth: options.auth ?? authAt(clock.now()),
        command,
      };
      if (options.clTRID !== undefined) request["clTRID"] = options.clTRID;
      if (data !== undefined) request["data"] = data;
      if (options.test !== undefined) request["test"] = options.test;
      return postRequestField(JSON.stringify({ request }), options.encoding);
    },
    close: () => running.close(),
  };
}

/** Adds a primary zone and rows (committed), failing loudly if any step is refused. */
export async function seedZone(harness: Harness, zone: string, rows: Array<Record<string, unknown>> = []) {
  await expectCode(harness.call("dns-domain-add", { name: zone }), 1000);
  for (const row of rows) await expectCode(harness.call("dns-row-add", { domain: zone, ...row }), 1000);
  await expectCode(harness.call("dns-domain-commit", { name: zone }), 1000);
}

export async function expectCode(answer: Promise<WapiAnswer>, code: number): Promise<WapiAnswer> {
  const resolved = await answer;
  if (resolved.response.code !== code) {
    throw new Error(`expected ${code}, got ${resolved.response.code} ${resolved.response.result}`);
  }
  return resolved;
}

/** The rows of a dns-rows-list answer given in array mode. */
export function rowsOf(answer: WapiAnswer): Array<Record<string, string>> {
  const data = answer.response["data"] as { row?: Array<Record<string, string>> } | undefined;
  return data?.row ?? [];
}
