import { constants, chmodSync, lstatSync, mkdirSync, statSync } from "node:fs";
import { open, readFile, unlink } from "node:fs/promises";
import { join } from "node:path";
import { AppError } from "../../errors.js";
import { CPANEL_USER } from "../../panel/cpanel/hook-events.js";
import type { Panel } from "../../panel/panel.js";
import { WebError } from "../errors.js";
import type { PageRequest } from "../protocol.js";
import type { SessionVerdict, VisitorProver } from "./identity.js";

/**
 * The directory the entries write their proofs into: sticky and writable by every account (so each can create its
 * own file and nobody can remove or rename another's), not readable (nobody can list the others' files).
 */
export const PROOF_DIR_MODE = 0o1733;

/** `<file name>:<nonce>` as the entry sends it: a random name and 32 random bytes in hex. */
const PROOF = /^([A-Za-z0-9_-]{16,64}):([0-9a-f]{64})$/;

/** Linux's O_PATH: a descriptor that only locates the file (fstat), opened without any permission on the file itself. */
const O_PATH = 0o10000000;

export interface CpanelProofOptions {
  /** `cpanel.proofDir`. */
  dir: string;
  /** The cPanel accounts: a proof from a unix account that is not one of them opens nothing. */
  panel: Pick<Panel, "account">;
  /** uid → name (`/etc/passwd`); cPanel account names are unix account names. */
  passwdFile?: string;
  /** The uid whose proof is the WHM entry: root (a test names its own, or one nobody has). */
  adminUid?: number;
}

/**
 * Proves who runs a cPanel or WHM page entry from the unix account the kernel says owns a file the entry just made
 * (docs/decisions/0005-cpanel-adapter.md). cPanel runs a cPanel page (`index.live.pl`) as the logged-in account and a
 * WHM page (`index.cgi`) as root after checking the WHM user's ACLs, so:
 *
 * - the proof of a cPanel account's uid is that account, at the user level;
 * - the proof of root is the WHM entry, at the admin level, for the WHM user cPanel names in REMOTE_USER (believed
 *   because only root could have made the proof);
 * - any other uid (a system account, a deleted account) is refused.
 *
 * The file is opened without following links and checked on the open descriptor: a regular file, one link, private
 * to its owner (see ownerOfProof for why its nonce is not read). It is removed once checked, so each proof opens one
 * page. An account can only ever prove itself — which is cPanel's own trust model (the `uapi` command acts as the
 * account that runs it, without a password).
 */
export class CpanelProofVerifier implements VisitorProver {
  private readonly passwdFile: string;
  private readonly adminUid: number;

  constructor(private readonly options: CpanelProofOptions) {
    this.passwdFile = options.passwdFile ?? "/etc/passwd";
    this.adminUid = options.adminUid ?? 0;
  }

  /** The account a cPanel page request's proof proves (REMOTE_USER counts only for root's proof). */
  prove(request: PageRequest): Promise<SessionVerdict> {
    return this.verify(request.proof, request.claimed.username);
  }

  /** The proven account; throws a WebError (401 no or bad proof, 403 not a cPanel account, 503 misconfigured). */
  async verify(proof: string | undefined, claimedUser: string | undefined): Promise<SessionVerdict> {
    const match = PROOF.exec(proof ?? "");
    if (match === null) throw unproven("no proof, or not <name>:<nonce>");
    const uid = await this.ownerOfProof(match[1] as string);
    if (uid === this.adminUid) {
      const username = claimedUser !== undefined && CPANEL_USER.test(claimedUser) ? claimedUser : "root";
      return { username, usertype: "admin", language: undefined };
    }
    const username = await this.userName(uid);
    if (username === undefined || (await this.options.panel.account(username)) === undefined) {
      throw new WebError(403, "error.wrongLevel", `uid ${uid} (${username ?? "no passwd entry"}) is not a cPanel account`);
    }
    return { username, usertype: "user", language: undefined };
  }

  /**
   * The uid owning the proof file. The daemon runs as its own account without any capability, so it may not read a
   * file another account made 0600 — and need not: it opens the name for fstat only (O_PATH, which needs no
   * permission on the file and never follows a link). The nonce the entry writes into the file is therefore not
   * compared: what ties the file to this request is its name, 128 random bits in a directory nobody but the daemon
   * and root can list, sent only over the socket — as unguessable as the nonce, and equally secret.
   */
  private async ownerOfProof(name: string): Promise<number> {
    this.checkDir();
    const path = join(this.options.dir, name);
    let handle;
    try {
      handle = await open(path, O_PATH | constants.O_NOFOLLOW);
    } catch (error) {
      throw unproven(`the proof file cannot be opened (${(error as NodeJS.ErrnoException).code ?? "error"})`);
    }
    try {
      const stat = await handle.stat();
      if (!stat.isFile() || stat.nlink !== 1 || (stat.mode & 0o077) !== 0 || stat.size > 256) throw unproven("the proof is not a private regular file with one link");
      // Remove exactly the file that was checked (not whatever the name points at by now). The entry removes it too,
      // so it may be gone already; one left behind only proves again what it proved.
      const now = lstatSync(path, { throwIfNoEntry: false });
      if (now !== undefined && now.ino === stat.ino && now.dev === stat.dev) await unlink(path).catch(() => undefined);
      return stat.uid;
    } finally {
      await handle.close();
    }
  }

  /** The directory must be the daemon's: made by it (root, or the daemon's own account), sticky, not listable. */
  private checkDir(): void {
    const stat = statSync(this.options.dir, { throwIfNoEntry: false });
    const daemonOwned = stat !== undefined && (stat.uid === 0 || stat.uid === process.getuid?.());
    if (stat === undefined || !stat.isDirectory() || !daemonOwned || (stat.mode & 0o7777) !== PROOF_DIR_MODE) {
      throw new WebError(503, "error.sessionUnverifiable", `${this.options.dir} is not the proof directory (the daemon's, mode 1733); restart wedos-panel serve, which makes it`);
    }
  }

  private async userName(uid: number): Promise<string | undefined> {
    const text = await readFile(this.passwdFile, "utf8").catch((error: unknown) => {
      throw new AppError("web_passwd_unreadable", `cannot read ${this.passwdFile}: ${(error as Error).message}`, { retryable: true });
    });
    for (const line of text.split("\n")) {
      const [name, , id] = line.split(":");
      if (name !== undefined && id !== undefined && Number(id) === uid && /^\d+$/.test(id)) return name;
    }
    return undefined;
  }
}

/** Makes the proof directory (1733) for the entries; an existing one gets its mode back. Run by the daemon at start. */
export function prepareProofDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o755 });
  // Left as it is when right: one made by a daemon that ran as root is not this account's to chmod.
  if ((statSync(dir).mode & 0o7777) !== PROOF_DIR_MODE) chmodSync(dir, PROOF_DIR_MODE);
}

const unproven = (why: string) => new WebError(401, "error.sessionExpired", `cPanel page proof refused: ${why}`);
