import { chmodSync, existsSync, readFileSync } from "node:fs";
import { tempDir } from "./temp-dir.js";

/**
 * The service account in tests that cross the root/service-account boundary for real: a uid (and gid) that no
 * account on the machine has, so setpriv and chown accept it and nothing is created. These tests run as root (here
 * and in CI).
 */
export const SERVICE_UID = 47110;

/** Whether the uid is free, so a test never acts as a real account by mistake. */
export function serviceUidIsFree(): boolean {
  const taken = (file: string, field: number) => existsSync(file) && readFileSync(file, "utf8").split("\n").some((line) => line.split(":")[field] === String(SERVICE_UID));
  return !taken("/etc/passwd", 2) && !taken("/etc/group", 2);
}

/** A temporary directory the service account can pass through (0755), as /var/lib is on a server. */
export function passableTempDir(prefix: string): string {
  const dir = tempDir(prefix);
  chmodSync(dir, 0o755);
  return dir;
}
