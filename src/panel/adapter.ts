import type { Config } from "../config/load.js";
import type { ReaderSettings } from "../config/reader.js";
import type { PanelKind } from "../model/panel-kind.js";
import type { PanelEvent } from "./events.js";
import type { Panel } from "./panel.js";
import type { PanelMessages } from "./panel-messages.js";

/**
 * Where a panel's files are: the daemon's configuration and the panel reader's settings both say it, each panel in
 * its own section named after its kind (so a new kind without a section does not compile).
 */
export type PanelSettings = Pick<ReaderSettings, "panel" | PanelKind> & { dns: Pick<Config["dns"], "zoneDir"> };

/**
 * How the pages prove who is asking (docs/decisions/0012-who-is-asking.md): by the unix account that runs the page
 * entry (`uid`), by that and DirectAdmin's answer about the session agreeing (`uid+session`), or by the session alone
 * (`session`, for a machine where every page runs as one unix user: the emulator and the demo). The session replay
 * is DirectAdmin's (CMD_API_SHOW_USER_CONFIG, `directadmin.sessionCheck`); other panels prove by `uid`.
 */
export type ProofKind = "uid" | "uid+session" | "session";

/** A panel path setting, for the doctor's warning that the panel reader (it never reads config.json) ignores it. */
export interface ReaderPathSetting {
  /** The setting in config.json (`directadmin.root`). */
  key: string;
  /** The reader's environment variable that sets it instead (`WEDOS_PANEL_DA_ROOT`). */
  variable: string;
  /** Whether config.json sets it to something other than a real server's path. */
  changed: boolean;
}

/** What one spool file of the panel's hooks holds, read. */
export interface SpooledHook {
  /** The hook's name for the spool bookkeeping and messages (`dns_write_post`, `Whostmgr::Accounts::Create`). */
  hook: string;
  /** What the hook recorded, decoded (DirectAdmin's variables, cPanel's payload): the spool's contract with hooks. */
  recorded: unknown;
  /** The panel events it means; throws an AppError naming the hook and the fix when it cannot be read as events. */
  events(): PanelEvent[];
}

/**
 * Everything the plugin knows about one hosting panel. The rest of the code asks the adapter of the server's panel
 * (adapters.ts) and never compares panel kinds; docs/adding-a-panel.md lists what a new panel provides.
 */
export interface PanelAdapter {
  readonly kind: PanelKind;
  /** The panel's name in messages to the admin. */
  readonly name: string;
  /** Whether this server runs the panel (`"panel": "auto"`): a file only the panel's installation has. */
  detect(): boolean;
  /** The panel read from its own files; `zoneDir` is where BIND keeps the zones (resolved by the caller). */
  reader(settings: PanelSettings, zoneDir: string): Panel;
  /**
   * The panel's own messages to its accounts (docs/decisions/0056): where notices are delivered besides the plugin's
   * inbox. A panel without a message system the daemon can reach says so (panel-messages.ts noMessageSystem).
   */
  messages(settings: PanelSettings): PanelMessages;
  /** Panel path settings of config.json, each with the panel reader's variable for it. */
  readerPaths(config: PanelSettings): ReaderPathSetting[];
  hooks: {
    /** How the panel's hook files end in the spool (`.env`, `.cpanel.json`); unique among the panels. */
    readonly spoolSuffix: string;
    /** The hook's name as a spool file's name gives it, for a file that cannot be read. */
    hookOfFileName(file: string): string;
    /** One complete spool file's content (without the end marker); throws an AppError when it cannot be decoded. */
    read(body: Buffer): SpooledHook;
  };
  pages: {
    /** How this server's pages prove who is asking, by its configuration. */
    proof(config: Pick<Config, PanelKind>): ProofKind;
    /**
     * A page entry the panel runs as root for a login it names itself (cPanel's WHM entry: REMOTE_USER), and what
     * such a login looks like; that login's own level decides, and anything but an admin is refused.
     */
    readonly rootEntryLogin: RegExp | undefined;
  };
  doctor: {
    /** How pages are proven with the `uid` proof, as the doctor reports it. */
    readonly uidProof: string;
    /** The one-sentence fix when the panel's list of domain owners disagrees with an account's domains. */
    ownersFix(domain: string): string;
  };
  /** Where the panel's package is made and installed (paths in this repository). */
  packaging: {
    /** The build module that makes the panel's archive (build/package.mjs runs it). */
    readonly builder: string;
    /** The script the panel's installation runs as root. */
    readonly installer: string;
  };
}
