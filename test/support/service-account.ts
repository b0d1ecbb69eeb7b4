import { chmodSync, existsSync, readFileSync } from "node:fs";
import { tempDir } from "./temp-dir.js";

/**
 * The service account in tests that cross the root/service-account boundary for real: a uid (and gid) that no
 * account on the machine has, so setpriv and chown accept it and nothing is created. These tests run as root (here
 * and in CI).
 */
export const SERVICE_UID = 47110;

/**
 * Throws unless the tests can cross the root/service-account boundary for real: they run as root, and no account
 * or group on this machine has the uid (so a test never acts as a real account by mistake).
 */
export function requireRootAndFreeServiceUid(): void {
  if (process.getuid?.() !== 0)
    throw new Error(
      "this test hands files to the service account and acts as it (chown, setpriv): run the tests as root, as CI does",
    );
  const taken = (file: string) =>
    existsSync(file) &&
    readFileSync(file, "utf8")
      .split("\n")
      .some((line) => line.split(":")[2] === String(SERVICE_UID));
  if (taken("/etc/passwd") || taken("/etc/group"))
    throw new Error(
      `uid ${SERVICE_UID} belongs to an account or group on this machine; the tests need it free (test/support/service-account.ts)`,
    );
}

/** A temporary directory the service account can pass through (0755), as /var/lib is on a server. */
export function passableTempDir(prefix: string): string {
  const dir = tempDir(prefix);
  chmodSync(dir, 0o755);
  return dir;
}

/**
 * The stand-in installers get for the system commands (WEDOS_PANEL_INSTALL_EXEC): every call appended to `log` with
 * `suffix` (a shell word, e.g. the umask); the account is the marker file `account`; whatever account the scripts name
 * is, for chown, chgrp, setpriv and id, the free uid SERVICE_UID (as root, the tests really hand files to it and act as it);
 * everything else (systemctl, userdel…) just succeeds.
 */
export function systemStub(log: string, account: string, suffix = ""): string {
  return `#!/bin/sh
printf '%s\\n' "$*${suffix}" >> '${log}'
case $1 in
  getent) [ -e '${account}' ] ;;
  useradd) : > '${account}' ;;
  userdel) rm -f '${account}' ;;
  id) echo ${SERVICE_UID} ;;
  chown) shift; recursive=; if [ "$1" = -R ]; then recursive=-R; shift; fi; shift; exec chown $recursive ${SERVICE_UID}:${SERVICE_UID} "$@" ;;
  chgrp) shift; shift; exec chgrp ${SERVICE_UID} "$@" ;;
  setpriv) while [ "$1" != -- ]; do shift; done; shift; exec setpriv --reuid=${SERVICE_UID} --regid=${SERVICE_UID} --clear-groups -- "$@" ;;
esac
`;
}
