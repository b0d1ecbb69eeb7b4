import type { SqliteDriverChoice } from "../../config/sqlite-driver.js";
import { AppError } from "../../errors.js";
import { builtinCandidate } from "./builtin-driver.js";
import type { RawConnection } from "./connection.js";
import { nativeCandidates } from "./native-driver.js";
import type { DriverInfo, DriverName } from "./types.js";

/** store.driver: "auto" tries the native driver's routes, then node:sqlite; the others force one driver. */
export type DriverChoice = SqliteDriverChoice;

/** One way to get a driver. `load` says why it is absent, or throws when it is there but does not load. */
export interface DriverCandidate {
  name: DriverName;
  route: string;
  load(): { absent: string } | { detail: string; open(path: string): RawConnection };
}

export interface DriverAttempt {
  route: string;
  /** "loads", or why not. */
  outcome: string;
}

export interface LoadedDriver {
  info: DriverInfo;
  open(path: string): RawConnection;
}

export interface DriverSelection {
  choice: DriverChoice;
  driver: LoadedDriver | undefined;
  /** Every route tried, in order, up to the one that loaded. */
  attempts: DriverAttempt[];
}

const selections = new Map<DriverChoice, DriverSelection>();

/** The driver `choice` gives in this process, tried once and remembered: what loads does not change while it runs. */
export function selectDriver(choice: DriverChoice): DriverSelection {
  let selection = selections.get(choice);
  if (selection === undefined) {
    selection = trySelect(choice);
    selections.set(choice, selection);
  }
  return selection;
}

function trySelect(choice: DriverChoice): DriverSelection {
  const candidates =
    choice === "builtin"
      ? [builtinCandidate]
      : choice === "native"
        ? nativeCandidates()
        : [...nativeCandidates(), builtinCandidate];
  const attempts: DriverAttempt[] = [];
  for (const candidate of candidates) {
    let loaded: ReturnType<DriverCandidate["load"]>;
    try {
      loaded = candidate.load();
    } catch (error) {
      attempts.push({ route: candidate.route, outcome: `does not load: ${oneLine(error)}` });
      continue;
    }
    if ("absent" in loaded) {
      attempts.push({ route: candidate.route, outcome: loaded.absent });
      continue;
    }
    attempts.push({ route: candidate.route, outcome: "loads" });
    return { choice, attempts, driver: { info: { name: candidate.name, detail: loaded.detail }, open: loaded.open } };
  }
  return { choice, attempts, driver: undefined };
}

/** The driver, or an error naming every route tried and what to do. */
export function requireDriver(choice: DriverChoice): LoadedDriver {
  const selection = selectDriver(choice);
  if (selection.driver !== undefined) return selection.driver;
  throw new AppError("store_driver_unavailable", `${describeFailure(selection)} ${driverFix(choice)}`);
}

export function describeFailure(selection: DriverSelection): string {
  const tried = selection.attempts.map((attempt) => `${attempt.route}: ${attempt.outcome}`).join("; ");
  return `no SQLite driver loads with Node.js ${process.version} on ${process.platform}-${process.arch} (store.driver ${selection.choice}); tried ${tried}.`;
}

/** The one-sentence fix for a server where nothing loads. */
export function driverFix(choice: DriverChoice): string {
  const forced = choice === "auto" ? "" : `, or set store.driver to "auto" (WEDOS_PANEL_SQLITE_DRIVER=auto)`;
  return `Fix: run wedos-panel with Node.js 20, 22 or 24 on Linux x86_64 with glibc 2.28 or newer (the package carries drivers for those), or with Node.js 24 or newer anywhere else (its built-in SQLite needs no native driver)${forced}.`;
}

/** A loader's message on one line, cut short: it is shown among the other routes tried. */
function oneLine(error: unknown): string {
  const text = (error instanceof Error ? error.message : String(error)).replace(/\s+/g, " ").trim();
  return text.length > 300 ? `${text.slice(0, 299)}…` : text;
}
