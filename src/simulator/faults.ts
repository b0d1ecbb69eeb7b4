import { z } from "zod";

/**
 * Fault injection (docs/reference/wapi.md#fault-injection): the ways the real front end or network misbehaves, so
 * clients can be tested against them. A fault targets one command or every request ("*"), fires with a probability
 * drawn from a seeded PRNG (repeatable in tests), and may be limited to its next N firings.
 */

export const FAULT_KINDS = [
  "latency",
  "drop",
  "http-500",
  "http-503",
  "rate-limit-text",
  "protection-page",
  "code-4000",
  "wapi-code",
] as const;

export type FaultKind = (typeof FAULT_KINDS)[number];

/** One fault as given in options, `addFault` or `POST /_simulator/faults`. */
export const faultSpecSchema = z
  .object({
    /** A WAPI command name, or "*" for every request (including ones whose command cannot be read). */
    command: z.string().min(1, 'must be a command name or "*"').default("*"),
    kind: z.enum(FAULT_KINDS, { error: `must be one of ${FAULT_KINDS.join(", ")}` }),
    /** Probability 0..1 that a matching request is hit; absent means always. */
    rate: z.number().min(0, "must be between 0 and 1").max(1, "must be between 0 and 1").optional(),
    /** Fire only this many more times, then disappear; absent means no limit. */
    count: z.number().int().min(1, "must be a whole number of requests, at least 1").optional(),
    /** Delay for `latency`, in milliseconds of the simulator's clock. */
    latencyMs: z.number().int().min(0).max(600_000).default(1000),
    /** The WAPI error code `wapi-code` answers with (2000–5999), e.g. 2322 for a refusal retrying cannot help. */
    code: z
      .number()
      .int()
      .min(2000, "must be a WAPI error code, 2000 to 5999")
      .max(5999, "must be a WAPI error code, 2000 to 5999")
      .optional(),
  })
  .refine((spec) => spec.kind !== "wapi-code" || spec.code !== undefined, {
    path: ["code"],
    message: "is required for wapi-code: the WAPI error code to answer with",
  });

export type FaultSpecInput = z.input<typeof faultSpecSchema>;
export type FaultSpec = z.output<typeof faultSpecSchema>;

/** What to do to one request: wait first, then either answer normally or answer with a terminal fault. */
export interface FaultDecision {
  latencyMs: number;
  terminal: FaultKind | null;
  /** The code a `wapi-code` terminal fault answers with. */
  code: number | null;
}

interface ActiveFault extends FaultSpec {
  remaining: number | null;
}

/** Mulberry32: tiny, fast and deterministic for a given seed; quality is ample for picking faults. */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** The active faults and the seeded PRNG that decides rate-based ones. */
export class FaultInjector {
  private faults: ActiveFault[] = [];
  private random: () => number;

  constructor(
    initial: readonly FaultSpec[],
    private readonly seed: number,
  ) {
    this.random = mulberry32(seed);
    for (const spec of initial) this.add(spec);
  }

  /** Adds a fault; throws a ZodError naming the bad field when the spec is invalid. */
  add(spec: FaultSpecInput): void {
    const parsed = faultSpecSchema.parse(spec);
    this.faults.push({ ...parsed, remaining: parsed.count ?? null });
  }

  /** Removes every fault and restarts the PRNG, so a cleared simulator repeats the same sequence. */
  clear(): void {
    this.faults = [];
    this.random = mulberry32(this.seed);
  }

  /** Decides the faults for one request; `command` is undefined when the request could not be read. */
  decide(command: string | undefined): FaultDecision {
    const decision: FaultDecision = { latencyMs: 0, terminal: null, code: null };
    for (const fault of this.faults) {
      if (fault.command !== "*" && fault.command !== command) continue;
      if (fault.kind !== "latency" && decision.terminal !== null) continue;
      if (fault.rate !== undefined && !(this.random() < fault.rate)) continue;
      if (fault.remaining !== null) fault.remaining -= 1;
      if (fault.kind === "latency") decision.latencyMs += fault.latencyMs;
      else {
        decision.terminal = fault.kind;
        decision.code = fault.kind === "wapi-code" ? (fault.code ?? null) : fault.kind === "code-4000" ? 4000 : null;
      }
    }
    this.faults = this.faults.filter((fault) => fault.remaining === null || fault.remaining > 0);
    return decision;
  }

  snapshot(): Array<FaultSpec & { remaining: number | null }> {
    return this.faults.map((fault) => ({ ...fault }));
  }
}
