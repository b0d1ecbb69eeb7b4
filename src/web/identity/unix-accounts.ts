import { readFile } from "node:fs/promises";
import { AppError } from "../../errors.js";

/**
 * The name of a unix uid from a passwd-format file (/etc/passwd: world-readable, the daemon needs no privilege for
 * it). Read at every call: accounts come and go while the daemon runs. Undefined when no line has that uid.
 */
export async function unixUserName(uid: number, passwdFile: string): Promise<string | undefined> {
  const text = await readFile(passwdFile, "utf8").catch((error: unknown) => {
    throw new AppError("web_passwd_unreadable", `cannot read ${passwdFile}: ${(error as Error).message}`, {
      retryable: true,
    });
  });
  for (const line of text.split("\n")) {
    const [name, , id] = line.split(":");
    if (name !== undefined && name !== "" && id !== undefined && /^\d+$/.test(id) && Number(id) === uid) return name;
  }
  return undefined;
}
