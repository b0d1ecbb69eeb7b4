import type { ParseArgsConfig } from "node:util";
import type { Clock } from "../clock.js";

/** Where a command writes and what it may read; injected so tests can run commands in-process. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: Readonly<Record<string, string | undefined>>;
  clock: Clock;
}

export type CliOptions = NonNullable<ParseArgsConfig["options"]>;

/** One `wedos-panel` sub-command. `run` returns the exit status. */
export interface CliCommand {
  name: string;
  /** One line for the command list. */
  summary: string;
  /** The usage line(s) and option descriptions shown by `--help`. */
  help: string;
  options: CliOptions;
  /** Whether positional arguments are accepted. */
  positionals?: boolean;
  run(args: ParsedArgs, io: CliIo): Promise<number>;
}

export interface ParsedArgs {
  values: Record<string, string | boolean | Array<string | boolean> | undefined>;
  positionals: string[];
}

/** Thrown for wrong usage; printed with a pointer to `--help` and exit status 2. */
export class UsageError extends Error {}

export function stringOption(args: ParsedArgs, name: string): string | undefined {
  const value = args.values[name];
  return typeof value === "string" ? value : undefined;
}

export function integerOption(args: ParsedArgs, name: string, range: { min: number; max: number }): number | undefined {
  const raw = stringOption(args, name);
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < range.min || value > range.max) {
    throw new UsageError(`--${name} must be a whole number from ${range.min} to ${range.max}, got "${raw}"`);
  }
  return value;
}

export function listOption(args: ParsedArgs, name: string): string[] {
  const value = args.values[name];
  if (Array.isArray(value)) return value.filter((item): item is string => typeof item === "string");
  return typeof value === "string" ? [value] : [];
}

/** Prints a value as pretty JSON (the `--json` output of every command). */
export function printJson(io: CliIo, value: unknown): void {
  io.stdout(`${JSON.stringify(value, null, 2)}\n`);
}
