import { timingSafeEqual } from "node:crypto";
import { constants, chmodSync, lstatSync, mkdirSync } from "node:fs";
import { open, unlink } from "node:fs/promises";
import { join } from "node:path";
import { WebError } from "../errors.js";

/**
 * The directory the page entries leave their proofs in: the daemon's own, sticky and writable by every account (so
 * each can create its own file, and nobody can remove or rename another's), not readable (nobody can list the
 * others' files, so a proof's name is known only to the entry that made it and the daemon it told).
 */
export const PROOF_DIR_MODE = 0o1733;

/** `<file name>:<nonce>` as an entry sends it: 16 and 32 random bytes in hex. */
const PROOF = /^([0-9a-f]{32}):([0-9a-f]{64})$/;
const NONCE_LENGTH = 64;

/**
 * The proof of which unix account runs a page entry, the same on both panels (docs/decisions/0012-who-is-asking.md).
 * The entry creates `<dir>/<name>` — exclusively, never through a link, not writable by group or others (0444 or
 * 0644: the daemon reads it as "others", without any privilege) — holding `<nonce>`, and sends `<name>:<nonce>`.
 * The kernel sets the owner to the account that created it; the daemon opens it without following links and
 * checks on the open descriptor that it is a regular file with one link, writable only by its owner, holding
 * exactly that nonce. Then the file's owner uid is who runs the entry, and the file is removed (one proof, one
 * page).
 *
 * What that rules out: a planted file (another name, another owner, another nonce), a symbolic link (not followed),
 * a hard link to another account's file (two links; and with fs.protected_hardlinks nobody may link a file they
 * cannot write), a file someone else could have written (group/other write), a replay (removed after use).
 */
export class ProofDirectory {
  constructor(readonly dir: string) {}

  /** The uid that made the proof; throws a WebError (401 no or bad proof, 503 not the daemon's proof directory). */
  async ownerOf(proof: string | undefined): Promise<number> {
    const match = PROOF.exec(proof ?? "");
    if (match === null) throw unproven("no proof, or not <name>:<nonce>");
    this.checkDir();
    const path = join(this.dir, match[1] as string);
    let handle;
    try {
      handle = await open(path, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
    } catch (error) {
      throw unproven(`the proof file cannot be opened (${(error as NodeJS.ErrnoException).code ?? "error"})`);
    }
    try {
      const stat = await handle.stat();
      if (!stat.isFile() || stat.nlink !== 1 || (stat.mode & 0o7022) !== 0)
        throw unproven("the proof is not a regular file with one link that only its owner can write");
      const content = Buffer.alloc(NONCE_LENGTH + 1);
      const { bytesRead } = await handle.read(content, 0, content.length, 0);
      const expected = Buffer.from(match[2] as string);
      if (bytesRead !== NONCE_LENGTH || !timingSafeEqual(content.subarray(0, NONCE_LENGTH), expected))
        throw unproven("the proof holds another nonce");
      // Remove exactly the file that was read (not whatever the name points at by now). The entry removes it too, so
      // it may be gone already; one left behind proves only again what it proved, to whoever knows its name.
      const now = lstatSync(path, { throwIfNoEntry: false });
      if (now !== undefined && now.ino === stat.ino && now.dev === stat.dev) await unlink(path).catch(() => undefined);
      return stat.uid;
    } finally {
      await handle.close();
    }
  }

  /** The directory must be the daemon's (made by it: root's, or the daemon's own account's), sticky, not listable. */
  private checkDir(): void {
    const stat = lstatSync(this.dir, { throwIfNoEntry: false });
    const daemonOwned = stat !== undefined && (stat.uid === 0 || stat.uid === process.getuid?.());
    if (stat === undefined || !stat.isDirectory() || !daemonOwned || (stat.mode & 0o7777) !== PROOF_DIR_MODE) {
      throw new WebError(
        503,
        "error.sessionUnverifiable",
        `${this.dir} is not the proof directory (the daemon's own, mode 1733); restart wedos-panel serve, which makes it`,
      );
    }
  }
}

/**
 * Makes the proof directory (1733, the daemon's) for the entries; an existing one gets its mode back. Run by the
 * daemon at every start: it lives under /run, which a reboot empties. An existing directory is kept, not made anew,
 * so a CageFS mount of it stays valid.
 */
export function prepareProofDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o755 });
  if ((lstatSync(dir).mode & 0o7777) !== PROOF_DIR_MODE) chmodSync(dir, PROOF_DIR_MODE);
}

const unproven = (why: string) => new WebError(401, "error.sessionExpired", `page proof refused: ${why}`);
