import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { AppError } from "../errors.js";
import { persistedStateSchema, type PersistedState } from "./state.js";

/**
 * The optional state file. Written after every change by write-then-rename, so a crash leaves either the old or
 * the new file, never a half-written one. Synchronous on purpose: writes happen in the order of the changes.
 */

/** Reads the state file; undefined when it does not exist yet. A file that cannot be used is an error. */
export function loadState(file: string): PersistedState | undefined {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw new AppError("simulator-state", `cannot read simulator state file ${file}: ${(error as Error).message}`, {
      cause: error,
    });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw corrupt(file, `not valid JSON (${(error as Error).message})`, error);
  }
  const parsed = persistedStateSchema.safeParse(json);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const where = first === undefined ? "" : ` at ${first.path.map(String).join(".") || "top level"}: ${first.message}`;
    throw corrupt(file, `not a simulator state${where}`, parsed.error);
  }
  return parsed.data;
}

/** Writes the state atomically: a temporary file next to the target, then a rename over it. */
export function saveState(file: string, state: PersistedState): void {
  mkdirSync(dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, `${JSON.stringify(state, null, 2)}\n`, "utf8");
    renameSync(temporary, file);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw new AppError("simulator-state", `cannot write simulator state file ${file}: ${(error as Error).message}`, {
      cause: error,
    });
  }
}

function corrupt(file: string, problem: string, cause: unknown): AppError {
  return new AppError(
    "simulator-state-corrupt",
    `simulator state file ${file} is corrupt: ${problem}; fix it or delete it to start empty`,
    { cause },
  );
}
