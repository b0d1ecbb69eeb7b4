import { randomBytes, scryptSync, timingSafeEqual } from "node:crypto";
import { chmodSync, existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { AppError } from "../../../errors.js";

/** scrypt's cost (N = 2^14, the Node default): about 50 ms a check, which is plenty for a panel on localhost. */
const SCRYPT = { N: 16_384, r: 8, p: 1, keylen: 32 } as const;

/**
 * The emulated panel's passwords. The emulated DirectAdmin itself has none (its sessions are handed out by
 * tests), so the web front keeps its own: a salted scrypt hash per account, never the password, in a JSON file
 * (mode 0600) when one is given, else in memory.
 */
export class PasswordBook {
  private readonly hashes: Map<string, string>;

  constructor(private readonly file?: string) {
    this.hashes = new Map(file !== undefined && existsSync(file) ? Object.entries(readHashes(file)) : []);
  }

  set(username: string, password: string): void {
    const salt = randomBytes(16);
    const hash = scryptSync(password, salt, SCRYPT.keylen, { N: SCRYPT.N, r: SCRYPT.r, p: SCRYPT.p });
    this.hashes.set(username, `scrypt$${SCRYPT.N}$${salt.toString("base64")}$${hash.toString("base64")}`);
    this.save();
  }

  /** Whether `password` is the account's; false for an account without a password. */
  verify(username: string, password: string): boolean {
    const [scheme, cost, salt, hash] = (this.hashes.get(username) ?? "").split("$");
    if (scheme !== "scrypt" || salt === undefined || hash === undefined) return false;
    const expected = Buffer.from(hash, "base64");
    const actual = scryptSync(password, Buffer.from(salt, "base64"), expected.length, {
      N: Number(cost),
      r: SCRYPT.r,
      p: SCRYPT.p,
    });
    return timingSafeEqual(expected, actual);
  }

  remove(username: string): void {
    if (this.hashes.delete(username)) this.save();
  }

  private save(): void {
    if (this.file === undefined) return;
    const aside = `${this.file}.tmp`;
    writeFileSync(aside, `${JSON.stringify(Object.fromEntries(this.hashes), null, 2)}\n`, { mode: 0o600 });
    chmodSync(aside, 0o600);
    renameSync(aside, this.file);
  }
}

function readHashes(file: string): Record<string, string> {
  try {
    const data = JSON.parse(readFileSync(file, "utf8")) as unknown;
    if (
      typeof data === "object" &&
      data !== null &&
      !Array.isArray(data) &&
      Object.values(data).every((value) => typeof value === "string")
    )
      return data as Record<string, string>;
  } catch (error) {
    throw new AppError(
      "config_invalid",
      `${file}: cannot read the panel's password hashes (${(error as Error).message}); delete the file and set the passwords again`,
      { cause: error },
    );
  }
  throw new AppError(
    "config_invalid",
    `${file}: expected {"username": "scrypt$…"}; delete the file and set the passwords again`,
  );
}
