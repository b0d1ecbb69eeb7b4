import { parseZoneFileSteps } from "../../dns/index.js";
import type { ManagedRow } from "../../store/dns-zone-store.js";
import { auditRecordsSteps } from "../../sync/audit.js";
import { recordStatesSteps, type RecordState } from "../../sync/record-states.js";
import type { Steps } from "../../util/slices.js";
import { asServedByWedos } from "./served-by-wedos.js";

/** What the records of a zone are worked out from: its file's bytes and the rows the plugin holds at WEDOS. */
export interface RecordsInput {
  domain: string;
  content: Uint8Array;
  managed: ReadonlyArray<Pick<ManagedRow, "name" | "type" | "ttl" | "rdata">>;
}

/**
 * A zone's records with their state at WEDOS, as steps: the reader, the capability audit and the states one after
 * the other, with the SOA and apex NS as WEDOS serves them (served-by-wedos.ts). The pages run them in slices for
 * small zones and to the end in a worker for big ones (zone-workers.ts).
 */
export function* recordSteps(input: RecordsInput): Steps<RecordState[]> {
  const parsed = yield* parseZoneFileSteps(input.content, { origin: input.domain });
  const audit = yield* auditRecordsSteps(parsed.records, parsed.origin);
  return asServedByWedos(yield* recordStatesSteps(audit, input.managed));
}
