import { AppError } from "../errors.js";
import { MESSAGE_MAX, oneLine } from "../util/one-line.js";
import { readableText } from "./readable-text.js";
import type { DnsRecord } from "./record.js";

/**
 * A name, address or record value that is not valid DNS data. The message is the bare reason ("bad dotted quad
 * '1.2.3'"); readers add where it came from (`example.com.db:12`, `A=www=…`). Data the reason quotes is bytes,
 * shown here as the text it spells (readable-text.ts).
 */
export class DnsDataError extends AppError {
  constructor(reason: string) {
    super("dns_bad_data", readableText(reason));
  }
}

/** One problem found in a zone file, with where it is. */
export interface ZoneFileProblem {
  file: string;
  /** 1-based line; 0 for a problem of the zone as a whole (no SOA, no NS). */
  line: number;
  message: string;
}

/** How many problems of a file are listed before the rest are counted ("… and N more"). */
export const PROBLEMS_LISTED = 20;

/**
 * Formats a problem as `file:line: message` (`file: message` for zone-wide problems), on one bounded line: a
 * message quotes the file's own data, which may be long or hold control characters (docs/decisions/0032).
 */
export function describeProblem(problem: ZoneFileProblem): string {
  const where = problem.line > 0 ? `${problem.file}:${problem.line}` : problem.file;
  return oneLine(`${where}: ${problem.message}`, MESSAGE_MAX);
}

/**
 * The first {@link PROBLEMS_LISTED} problems described, then one line that counts the rest: however many problems a
 * file has, what is printed, logged or kept stays short.
 */
export function describeProblems(problems: readonly ZoneFileProblem[]): string[] {
  const listed = problems.slice(0, PROBLEMS_LISTED).map(describeProblem);
  const more = problems.length - listed.length;
  return more > 0 ? [...listed, `… and ${more.toLocaleString("en-US")} more`] : listed;
}

/**
 * A zone file BIND would refuse (or that uses what we deliberately do not read, such as `$INCLUDE`). Carries every
 * problem found, not only the first, so one fix-and-retry cycle is enough.
 */
export class ZoneFileError extends AppError {
  readonly problems: readonly ZoneFileProblem[];

  constructor(file: string, problems: readonly ZoneFileProblem[]) {
    const count = problems.length === 1 ? "1 problem" : `${problems.length.toLocaleString("en-US")} problems`;
    super(
      "dns_zone_file_invalid",
      `zone file ${file} cannot be read (${count}); fix the file (named-checkzone shows the same problems) and try again:\n` +
        describeProblems(problems).join("\n"),
    );
    this.problems = problems;
  }
}

/**
 * A record WEDOS cannot store as a row. `message` is the reason in words a customer understands; the capability
 * audit shows it next to the record.
 */
export class UnsupportedRecordError extends AppError {
  readonly record: DnsRecord;

  constructor(record: DnsRecord, reason: string) {
    super("dns_unsupported_record", reason, { userMessage: reason });
    this.record = record;
  }
}
