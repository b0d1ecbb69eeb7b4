import type { RecordState } from "../../sync/record-states.js";

/**
 * What a domain page needs of a zone's records: how many there are, a window of them, and those a test keeps. An
 * array is one (a small zone, parsed on the main thread); {@link PackedRecords} is the other (a big zone, packed by
 * its worker), which keeps the records as a few strings and typed arrays instead of one object per record.
 */
export interface RecordList {
  readonly length: number;
  slice(start: number, end: number): RecordState[];
  filter(keep: (record: RecordState) => boolean): RecordState[];
}

/**
 * Up to {@link RECORDS_PER_CHUNK} records in four values: their text fields one after the other in one string, where
 * each field ends, their TTLs, and a byte each for the state and which optional fields are present. A worker builds
 * the chunks; the main thread keeps them as they arrive and makes record objects only for what a page shows.
 */
export interface RecordChunk {
  /** name, type, value, note, rule of each record, in that order, with nothing between them. */
  text: string;
  /** FIELDS ends in `text` per record. */
  ends: Uint32Array;
  ttls: Float64Array;
  /** The state's index in STATES, plus NOTE and RULE when the record has them. */
  flags: Uint8Array;
}

/** Records per chunk: one message of the worker, about 60 kB for common records. */
export const RECORDS_PER_CHUNK = 1_000;

const FIELDS = 5;
const STATES: ReadonlyArray<RecordState["state"]> = ["in-sync", "pending", "by-wedos", "not-accepted"];
const NOTE = 4;
const RULE = 8;

/** Packs records (at most RECORDS_PER_CHUNK) into one chunk. */
export function packChunk(records: readonly RecordState[]): RecordChunk {
  const ends = new Uint32Array(records.length * FIELDS);
  const ttls = new Float64Array(records.length);
  const flags = new Uint8Array(records.length);
  const parts: string[] = [];
  let end = 0;
  for (const [index, record] of records.entries()) {
    const fields = [record.name, record.type, record.value, record.note ?? "", record.rule ?? ""];
    for (const [field, text] of fields.entries()) {
      parts.push(text);
      end += text.length;
      ends[index * FIELDS + field] = end;
    }
    ttls[index] = record.ttl;
    flags[index] =
      STATES.indexOf(record.state) | (record.note === undefined ? 0 : NOTE) | (record.rule === undefined ? 0 : RULE);
  }
  return { text: parts.join(""), ends, ttls, flags };
}

/**
 * A big zone's records as its worker packed them (docs/decisions/0043): the chunks are kept as they came, about the
 * size of the zone file itself, and a record becomes an object only while a page shows it or a search looks at it.
 */
export class PackedRecords implements RecordList {
  readonly length: number;

  /** Every chunk but the last holds RECORDS_PER_CHUNK records. */
  constructor(private readonly chunks: readonly RecordChunk[]) {
    this.length = chunks.reduce((sum, chunk) => sum + chunk.ttls.length, 0);
  }

  slice(start: number, end: number): RecordState[] {
    const records: RecordState[] = [];
    for (let index = Math.max(0, start); index < Math.min(end, this.length); index++) records.push(this.at(index));
    return records;
  }

  filter(keep: (record: RecordState) => boolean): RecordState[] {
    const kept: RecordState[] = [];
    for (let index = 0; index < this.length; index++) {
      const record = this.at(index);
      if (keep(record)) kept.push(record);
    }
    return kept;
  }

  private at(index: number): RecordState {
    const chunk = this.chunks[Math.floor(index / RECORDS_PER_CHUNK)] as RecordChunk;
    const inChunk = index % RECORDS_PER_CHUNK;
    const field = (number: number) =>
      chunk.text.slice(
        inChunk === 0 && number === 0 ? 0 : (chunk.ends[inChunk * FIELDS + number - 1] as number),
        chunk.ends[inChunk * FIELDS + number],
      );
    const flags = chunk.flags[inChunk] as number;
    return {
      name: field(0),
      type: field(1),
      value: field(2),
      ttl: chunk.ttls[inChunk] as number,
      state: STATES[flags & 3] as RecordState["state"],
      note: (flags & NOTE) === 0 ? undefined : field(3),
      rule: (flags & RULE) === 0 ? undefined : field(4),
    };
  }
}
