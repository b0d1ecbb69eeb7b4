import { existsSync, readdirSync, readFileSync, statSync, unlinkSync } from "node:fs";
import { join } from "node:path";
import { toError } from "../errors.js";
import type { HookWarningStore } from "../store/hook-warning-store.js";
import type { SpoolStore } from "../store/spool-store.js";
import { applyPanelEvent, type LifecycleDeps } from "./lifecycle.js";
import {
  forgetConsumed,
  hookOfFileName,
  noteConsumed,
  parseSpooledEvent,
  readSpoolFile,
  rejectSpooledEvent,
  spoolFileNames,
  warningOf,
  type HookSpool,
  type SpooledEvent,
  type SpoolRead,
} from "./spool.js";

/**
 * How long a spool file may lack its end marker before the daemon takes it for the leftover of a hook that was
 * killed while writing (a hook writes its file in well under a millisecond). Until then, later events wait for it.
 */
export const TORN_AFTER_MS = 60_000;

export interface IngestResult {
  ingested: number;
  rejected: Array<{ file: string; reason: string }>;
}

/**
 * Turns the events the hooks spooled into inventory changes and jobs, in name order (the order they happened). Each
 * event is applied in one transaction together with the note that it was consumed: a crash at any point neither
 * loses an event nor applies it twice. Only complete files (ending with the end marker) are read; an incomplete one
 * holds back the events after it until it is complete or, after TORN_AFTER_MS, is kept aside as torn with a warning
 * for the admin. An event that cannot be read is kept aside with the reason. DirectAdmin and cPanel events share the
 * spool; each file is read by its own panel's adapter. A pre hook's warning (it let an action through unchecked) is
 * kept for the admin. The daemon removes no event: the hooks remove those it noted as consumed (docs/decisions/0020).
 */
export function ingestSpool(
  spool: HookSpool,
  store: SpoolStore,
  deps: LifecycleDeps,
  warnings: HookWarningStore,
): IngestResult {
  const ingest: Ingest = { spool, store, deps, warnings, result: { ingested: 0, rejected: [] } };
  const legacy = ingestLegacySpool(ingest);
  const files = spoolFileNames(spool);
  for (const file of files) {
    if (store.seen(file)) {
      noteConsumed(spool, file); // after a crash between the transaction and the note
      continue;
    }
    let read: SpoolRead;
    try {
      read = readSpoolFile(spool, file);
    } catch (error) {
      keepAside(ingest, file, Buffer.alloc(0), toError(error).message);
      noteConsumed(spool, file);
      continue;
    }
    if (!read.complete) {
      if (deps.clock.now() - read.modifiedAt < TORN_AFTER_MS) break;
      const reason = `spool: ${file} was cut off (no end marker after ${TORN_AFTER_MS / 1000} s: the hook was stopped while writing it); the panel action it records may need a look — the event was kept in the spool's rejected/ folder`;
      const message = keepAside(ingest, file, read.body, reason);
      warnings.record({ at: read.modifiedAt, hook: hookOfFileName(file), username: null, domain: null, message });
    } else {
      consume(ingest, file, read.body, read.modifiedAt);
    }
    noteConsumed(spool, file);
  }
  forgetRemoved(spool, store, [...files, ...legacy]);
  return ingest.result;
}

interface Ingest {
  spool: HookSpool;
  store: SpoolStore;
  deps: LifecycleDeps;
  warnings: HookWarningStore;
  result: IngestResult;
}

/** Applies one complete event in one transaction with the note that it was, or keeps it aside with the reason. */
function consume(ingest: Ingest, file: string, body: Buffer, modifiedAt: number): void {
  const { store, deps, warnings } = ingest;
  let spooled: SpooledEvent;
  let applied: () => void;
  try {
    spooled = parseSpooledEvent(file, body);
    if (spooled.source === "warning") {
      const warning = warningOf(spooled, modifiedAt);
      applied = () => warnings.record(warning);
    } else {
      const events = spooled.events();
      applied = () => {
        for (const event of events) applyPanelEvent(event, deps);
      };
    }
  } catch (error) {
    keepAside(ingest, file, body, toError(error).message);
    return;
  }
  store.atomically(() => {
    if (store.seen(file)) return;
    applied();
    store.remember(file, spooled.hook, deps.clock.now());
  });
  ingest.result.ingested += 1;
}

/** Keeps the event aside; the reason the daemon logs and keeps is the bounded line (the file holds the original). */
function keepAside(ingest: Ingest, file: string, bytes: Buffer, reason: string): string {
  const line = rejectSpooledEvent(ingest.spool, file, bytes, reason);
  ingest.store.remember(file, hookOfFileName(file), ingest.deps.clock.now());
  ingest.result.rejected.push({ file, reason: line });
  return line;
}

/**
 * Events an earlier version's hooks left in <dataDir>/spool/new on an installed server, before an update moved the
 * spool to root's directory: complete by construction (they were renamed in), so read without an end marker, applied
 * exactly once like any other, then removed (the directory is the daemon's own). Returns the names still there.
 */
function ingestLegacySpool(ingest: Ingest): string[] {
  const dir = ingest.spool.legacy;
  if (dir === undefined || !existsSync(dir)) return [];
  const left: string[] = [];
  for (const file of readdirSync(dir).sort()) {
    const path = join(dir, file);
    if (!ingest.store.seen(file)) consume(ingest, file, readFileSync(path), statSync(path).mtimeMs);
    try {
      unlinkSync(path);
    } catch {
      left.push(file); // kept in the bookkeeping until it is gone
    }
  }
  return left;
}

/** Forgets the events the hooks have removed from the spool: their bookkeeping rows and notes. */
function forgetRemoved(spool: HookSpool, store: SpoolStore, present: readonly string[]): void {
  const still = new Set(present);
  for (const file of store.files()) {
    if (still.has(file)) continue;
    store.forget(file);
    forgetConsumed(spool, file);
  }
}
