import { DnsDataError, ZoneFileError, type ZoneFileProblem } from "./errors.js";
import {
  isAtOrBelow,
  labelsOfName,
  nameFromLabels,
  parseNameLabels,
  zoneNameFromText,
  type Labels,
} from "./normalise.js";
import { checkOwnerName, parseRdata } from "./rdata-text.js";
import { readableText } from "./readable-text.js";
import { lookupType } from "./record-types.js";
import {
  MAX_TTL,
  type DnsRecord,
  type ForeignType,
  type GenericType,
  type ModelledType,
  type SoaData,
} from "./record.js";
import { parseTtlText } from "./text-codec.js";
import { runToEnd, sliceBoundary, type Steps } from "../util/slices.js";
import { tokenizeZoneSteps, type Entry, type Token } from "./tokenizer.js";
import { txtAsText } from "./wedos-row.js";
import { checkZoneSteps, type LoadedRecord } from "./zone-checks.js";

/**
 * Reads a BIND zone file (as DirectAdmin writes it and as BIND accepts it) into canonical records, following
 * BIND 9.18's loader (lib/dns/master.c) and the checks named runs when it loads a primary zone. Every problem is
 * collected and reported at once with its `file:line`; nothing is skipped silently. Records BIND itself would
 * leave out (data outside the zone) are left out with a warning, as BIND does.
 */

export interface ZoneFileOptions {
  /** The zone's name (the initial `$ORIGIN`), absolute or not, with or without the trailing dot. */
  origin: string;
  /** Shown in problems; defaults to `<origin>.db`. */
  fileName?: string;
}

export interface ZoneFileResult {
  /** The zone's canonical name. */
  origin: string;
  records: DnsRecord[];
  /** What BIND would warn about; the records already reflect what BIND does in each case. */
  warnings: ZoneFileProblem[];
}

const CLASSES = new Set(["IN", "CH", "CHAOS", "HS", "HESIOD", "NONE", "ANY"]);

/**
 * Parses zone-file content. Throws {@link ZoneFileError} listing every problem when BIND would refuse the file
 * or when it uses what we do not read (`$INCLUDE`, `$GENERATE`, record types we do not model).
 */
export function parseZoneFile(content: Uint8Array | string, options: ZoneFileOptions): ZoneFileResult {
  return runToEnd(parseZoneFileSteps(content, options));
}

/** {@link parseZoneFile} as steps: yields between lines, so a big zone can be read in slices (util/slices.ts). */
export function* parseZoneFileSteps(content: Uint8Array | string, options: ZoneFileOptions): Steps<ZoneFileResult> {
  const zone = zoneNameFromText(options.origin);
  const file = options.fileName ?? `${zone}.db`;
  const bytes =
    typeof content === "string"
      ? Buffer.from(content, "utf8").toString("latin1")
      : Buffer.from(content).toString("latin1");
  const errors: ZoneFileProblem[] = [];
  const warnings: ZoneFileProblem[] = [];
  const lexed = yield* tokenizeZoneSteps(bytes);
  for (const problem of lexed.problems) errors.push({ file, ...problem });

  const loader = new Loader(zone, file, warnings);
  for (const [index, entry] of lexed.entries.entries()) {
    try {
      loader.entry(entry);
    } catch (error) {
      if (!(error instanceof DnsDataError)) throw error;
      errors.push({ file, line: entry.line, message: error.message });
    }
    if (sliceBoundary(index)) yield;
  }
  errors.sort((a, b) => a.line - b.line);
  const records = yield* checkZoneSteps(zone, file, loader.loaded, errors, warnings);
  if (errors.length > 0) throw new ZoneFileError(file, errors);
  return { origin: zone, records, warnings: warnings.sort((a, b) => a.line - b.line) };
}

/** The loader state of master.c: origin, the TTL rules, the previous owner. */
class Loader {
  readonly loaded: LoadedRecord[] = [];
  private origin: Labels;
  private readonly zoneLabels: Labels;
  private defaultTtl: number | undefined;
  private lastTtl: number | undefined;
  private warned1035 = false;
  private owner: { labels: Labels; text: string } | undefined;
  private batch = 0;

  constructor(
    private readonly zone: string,
    private readonly file: string,
    private readonly warnings: ZoneFileProblem[],
  ) {
    this.zoneLabels = labelsOfName(zone);
    this.origin = this.zoneLabels;
  }

  private warn(line: number, message: string): void {
    this.warnings.push({ file: this.file, line, message });
  }

  entry(entry: Entry): void {
    const [first] = entry.tokens;
    if (first === undefined) return;
    if (!entry.ownerOmitted && first.kind === "word" && first.text.startsWith("$")) return this.directive(entry.tokens);
    let rest = entry.tokens;
    if (entry.ownerOmitted) {
      if (this.owner === undefined)
        throw new DnsDataError("no owner name: the first record of the file starts with white space");
    } else {
      if (first.kind === "quoted") throw new DnsDataError(`an owner name cannot be quoted ("${first.text}")`);
      const labels = parseNameLabels(first.text, this.origin);
      if (this.owner === undefined || labels.join("\u0000") !== this.owner.labels.join("\u0000")) this.batch += 1;
      this.owner = { labels, text: first.text };
      rest = entry.tokens.slice(1);
    }
    this.record(entry.line, this.owner, rest);
  }

  private directive(tokens: readonly Token[]): void {
    const [directive, ...args] = tokens as [Token, ...Token[]];
    const name = directive.text.toUpperCase();
    const one = (what: string): Token => {
      const [arg, extra] = args;
      if (arg === undefined) throw new DnsDataError(`unexpected end of line: ${name} needs ${what}`);
      if (extra !== undefined) throw new DnsDataError(`extra input text '${extra.text}' after ${name}`);
      return arg;
    };
    if (name === "$ORIGIN") {
      this.origin = parseNameLabels(one("a domain name").text, this.origin);
    } else if (name === "$TTL") {
      const text = one("a TTL").text;
      this.defaultTtl = checkedTtl(text, parseTtlText(text));
    } else if (name === "$INCLUDE") {
      throw new DnsDataError(
        "$INCLUDE is not read: wedos-panel reads one zone file and never opens other files; put the included records into the zone file",
      );
    } else if (name === "$GENERATE") {
      throw new DnsDataError("$GENERATE is not supported: write the generated records out in the zone file");
    } else {
      throw new DnsDataError(`unknown $ directive '${directive.text}' (known: $ORIGIN, $TTL)`);
    }
  }

  private record(line: number, owner: { labels: Labels; text: string }, tokens: readonly Token[]): void {
    let ttl: number | undefined;
    let seenClass = false;
    let index = 0;
    for (; index < 2; index += 1) {
      const token = tokens[index];
      if (token === undefined || token.kind === "quoted") break;
      const asTtl = parseTtlText(token.text);
      if (ttl === undefined && (asTtl !== undefined || /^\d+$/.test(token.text))) {
        ttl = checkedTtl(token.text, asTtl);
      } else if (!seenClass && isClass(token.text)) {
        const upper = token.text.toUpperCase();
        if (upper !== "IN" && upper !== "CLASS1")
          throw new DnsDataError(`class '${token.text}' is not IN; this zone is class IN`);
        seenClass = true;
      } else {
        break;
      }
    }
    const typeToken = tokens[index];
    if (typeToken === undefined) throw new DnsDataError("unexpected end of line: the record has no type");
    const type = resolveType(typeToken.text);
    if (ttl !== undefined) this.lastTtl = ttl;
    checkOwnerName(type, owner.labels, owner.text);
    const data = parseRdata(type, tokens.slice(index + 1), {
      origin: this.origin,
      owner: owner.labels,
      warn: (message) => this.warn(line, message),
    });
    const recordTtl = ttl ?? this.implicitTtl(line, type, data);
    const name = nameFromLabels(owner.labels);
    if (!isAtOrBelow(name, this.zone)) {
      this.warn(line, `ignoring out-of-zone data (${name}), as BIND does: the name is not inside ${this.zone}`);
      return;
    }
    if (/[\u0080-\u00ff]/.test(owner.labels.join("")))
      this.warn(line, readableText(`'${owner.text}' is not ASCII; read as the internationalised name ${name}`));
    if (owner.labels.indexOf("*") > 0) this.warn(line, `ownername '${name}' contains a non-terminal wildcard`);
    const record = { name, type, ttl: recordTtl, data } as DnsRecord;
    if (record.type === "TXT") {
      const text = txtAsText(record.data.strings.join(""));
      if (typeof text !== "string") this.warn(line, `${text.problem}: the record is read but not synced to WEDOS`);
    }
    this.loaded.push({ record, line, batch: this.batch });
  }

  /** master.c: $TTL, else the last explicit TTL (RFC 1035), else the SOA minimum for the SOA itself. */
  private implicitTtl(line: number, type: string, data: unknown): number {
    if (this.defaultTtl !== undefined) return this.defaultTtl;
    if (this.lastTtl !== undefined) {
      if (!this.warned1035)
        this.warn(
          line,
          "using RFC1035 TTL semantics: a record without TTL takes the previous record's TTL (add $TTL to be explicit)",
        );
      this.warned1035 = true;
      return this.lastTtl;
    }
    if (type === "SOA") {
      const minimum = (data as SoaData).minimum;
      this.warn(line, `no TTL specified; using SOA MINTTL (${minimum}) instead`);
      this.defaultTtl = checkedTtl(String(minimum), minimum);
      return this.defaultTtl;
    }
    throw new DnsDataError("no TTL specified; zone rejected: give the record a TTL or put $TTL at the top of the file");
  }
}

function isClass(text: string): boolean {
  const upper = text.toUpperCase();
  return CLASSES.has(upper) || /^CLASS\d+$/.test(upper);
}

function checkedTtl(text: string, value: number | undefined): number {
  if (value !== undefined && value <= MAX_TTL) return value;
  if (value !== undefined || /^\d+$/.test(text)) {
    throw new DnsDataError(
      `TTL ${text} is out of range: a TTL is 0 to ${MAX_TTL} seconds (BIND would silently use 0 or refuse the file)`,
    );
  }
  throw new DnsDataError(`bad TTL '${text}': write seconds or units such as 1h30m`);
}

function resolveType(text: string): ModelledType | GenericType | ForeignType {
  const found = lookupType(text);
  switch (found.kind) {
    case "modelled":
    case "generic":
    case "foreign":
      return found.type;
    case "obsolete":
      throw new DnsDataError(
        `type '${found.type}' is obsolete (RFC 973 replaced MD and MF with MX); BIND refuses it too: write an MX record instead`,
      );
    case "meta":
      throw new DnsDataError(`invalid use of a meta type: ${found.type} cannot appear in zone data`);
    case "unknown":
      throw new DnsDataError(`unknown RR type '${text}'`);
  }
}
