import type { Response } from "express";
import { AppError, toError } from "../../../errors.js";
import type { EmulatedDirectAdmin } from "../emulated-directadmin.js";
import type { HookRun } from "../hooks.js";
import type { PasswordBook } from "./password-book.js";
import { flashAndGo, visitorIn, type Visits } from "./visitor.js";

/** What the front's routes share: the emulator, its tree (Visits.files), the passwords, and where the plugin is. */
export interface FrontDeps extends Visits {
  da: EmulatedDirectAdmin;
  passwords: PasswordBook;
  pluginDir: string;
  /** Added to the environment of the plugin's page scripts (WEDOS_PANEL_CONFIG, so they find the daemon). */
  pageEnv: Readonly<Record<string, string>>;
  log: (line: string) => void;
  /** Said under the login form, when set. */
  loginNote: string | undefined;
}

/**
 * Runs one panel action for the visitor and shows its outcome on the next page: what was done and which hooks ran,
 * or why it was refused (the emulator refuses what DirectAdmin would; a bad form value is refused here first).
 */
export async function act(
  res: Response,
  deps: FrontDeps,
  to: string,
  done: string,
  action: () => Promise<readonly HookRun[] | undefined>,
): Promise<void> {
  const visitor = visitorIn(res);
  try {
    const runs = await action();
    deps.log(
      `${visitor.loginAs === undefined ? visitor.username : `${visitor.loginAs} as ${visitor.username}`}: ${done}${runs === undefined ? "" : ` (hooks: ${runs.map((run) => `${run.hook} ${run.exitCode === 0 ? "ok" : `exit ${String(run.exitCode)}`}`).join(", ") || "none"})`}`,
    );
    flashAndGo(res, deps, { kind: "ok", text: done, ...(runs === undefined ? {} : { runs }) }, to);
  } catch (thrown) {
    const error = toError(thrown);
    if (!(error instanceof AppError)) throw error;
    flashAndGo(res, deps, { kind: "error", text: error.message }, to);
  }
}

/** A form field as text, trimmed unless told otherwise ("" when absent). */
export function field(body: unknown, name: string, options: { trim?: boolean } = {}): string {
  const value = (body as Record<string, unknown> | undefined)?.[name];
  if (typeof value !== "string") return "";
  return options.trim === false ? value : value.trim();
}

/** A form value the panel refuses before the emulator sees it. */
export class FormRefusal extends AppError {
  constructor(message: string) {
    super("directadmin_form_invalid", message);
  }
}
