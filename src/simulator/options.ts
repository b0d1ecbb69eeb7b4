import { z } from "zod";
import { systemClock, type Clock } from "../clock.js";
import { AppError } from "../errors.js";
import { faultSpecSchema } from "./faults.js";
import { isValidIp } from "./ip-address.js";

/**
 * Options of `startSimulator`, parsed once with zod. Defaults follow the simulator's side of
 * docs/reference/wapi.md#assumptions: strict behaviour, with switches for the lenient variants.
 */

const IPV4_PREFIX = /^(?:(?:25[0-5]|2[0-4]\d|1?\d?\d)\.){1,3}$/;

const allowEntry = z
  .string()
  .trim()
  .refine(
    (entry) => isValidIp(entry) || IPV4_PREFIX.test(entry),
    "must be an IPv4 or IPv6 address, or an IPv4 prefix ending in a dot such as 1.2.3.",
  );

const positiveInt = (fallback: number) =>
  z.number().int("must be a whole number").min(1, "must be at least 1").default(fallback);

const clockSchema = z.custom<Clock>(
  (value) =>
    typeof value === "object" &&
    value !== null &&
    typeof (value as Clock).now === "function" &&
    typeof (value as Clock).sleep === "function",
  "must be a Clock (an object with now() and sleep(ms))",
);

/** The options schema; exported so the CLI and config can reuse its validation and defaults. */
export const simulatorOptionsSchema = z.object({
  /** The one account the simulator serves (an e-mail address on the real WEDOS). */
  login: z.string().min(1, "is required: the account login the simulator accepts"),
  /** The WAPI password the auth hash is computed from. */
  password: z.string().min(1, "is required: the WAPI password the simulator accepts"),
  host: z.string().min(1).default("127.0.0.1"),
  /** 0 picks a free port. */
  port: z.number().int().min(0).max(65_535, "must be a TCP port 0–65535").default(0),
  /** WEDOS syntax: full addresses or IPv4 prefixes like "1.2.3."; empty means loopback only. */
  allowIps: z.array(allowEntry).default([]),
  /** JSON file the state is loaded from at start and written to (atomically) after every change. */
  stateFile: z.string().min(1, "must be a file path").optional(),
  /** Requests per account per clock hour before 2006. */
  rateLimit: positiveInt(1000),
  /** Rows per zone before 2310. */
  rowLimit: positiveInt(1000),
  /** Zones per account before 2322. */
  domainLimit: positiveInt(1000),
  /** Longest accepted clTRID; longer gives 2005. */
  clTRIDMaxLength: positiveInt(64),
  /** Largest accepted HTTP body in bytes; larger gives 2007. */
  maxRequestBytes: positiveInt(1024 * 1024),
  /** Reject a write that leaves different TTLs within one name+type set (2317); false allows it. */
  strictTtl: z.boolean().default(true),
  /** Longest TXT rdata stored, in UTF-8 bytes; longer gives 2314. */
  txtMaxLength: positiveInt(4096),
  /** Reject TXT rdata over 255 bytes (one character-string) with 2314. */
  rejectLongTxtStrings: z.boolean().default(false),
  /** How lists are encoded in responses (docs/reference/wapi.md#list-shapes). */
  listShape: z.enum(["array", "keyed", "rotate"]).default("rotate"),
  /** The invalid-request penalty (docs/reference/wapi.md#invalid-request-block); its window is undocumented. */
  invalidBlock: z
    .object({
      threshold: z.number().int().min(0).default(10),
      blockSecondsPerExcess: positiveInt(60),
      windowSeconds: positiveInt(3600),
    })
    .default({ threshold: 10, blockSecondsPerExcess: 60, windowSeconds: 3600 }),
  /** Seconds after `wgp-domain-create` before the service can become active. */
  wgpActivationDelaySeconds: z.number().int().min(0).default(60),
  /** Starting credit in CZK. */
  credit: z.number().min(0, "must not be negative").default(5000),
  /** Faults active from the start; more can be added at run time. */
  faults: z.array(faultSpecSchema).default([]),
  /** Seed of the PRNG that decides rate-based faults. */
  faultSeed: z.number().int().default(1),
  clock: clockSchema.default(systemClock),
});

/** What callers pass to `startSimulator`. */
export type SimulatorOptions = z.input<typeof simulatorOptionsSchema>;
/** Options with every default filled in. */
export type ResolvedSimulatorOptions = z.output<typeof simulatorOptionsSchema>;

/** Parses options, failing with every bad field named at once. */
export function parseSimulatorOptions(input: unknown): ResolvedSimulatorOptions {
  const result = simulatorOptionsSchema.safeParse(input);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const where = issue.path.length === 0 ? "options" : issue.path.map(String).join(".");
    return `${where}: ${issue.message}`;
  });
  throw new AppError("simulator-options", `invalid simulator options: ${problems.join("; ")}`);
}
