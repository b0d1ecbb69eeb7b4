import type { InstallRecord } from "../config/install-record.js";
import { AppError } from "../errors.js";

/** Node has had process.initgroups since 0.9 on POSIX systems; its type declarations leave it out. */
type WithInitgroups = NodeJS.Process & { initgroups?: (user: string, extraGroup: string) => void };

/**
 * Root acts on the service account's files only as that account (docs/decisions/0010-root-acts-as-the-service-account.md):
 * the `wedos-panel` command run as root on an installed server becomes the service account before it reads the
 * configuration or opens anything in the data directory, for good (real, effective and saved ids), so nothing later
 * runs as root. A name gets the account's group of the same name and its other groups (as systemd gives the
 * daemon); a number is the uid and the gid, with no other group. Nothing changes for anyone but root, or without an
 * installation record.
 */
export function becomeServiceAccount(record: InstallRecord | undefined): void {
  if (record === undefined || process.getuid?.() !== 0) return;
  const account = record.serviceUser;
  const id = /^\d+$/.test(account) ? Number(account) : account;
  try {
    if (typeof id === "number") process.setgroups?.([]);
    else (process as WithInitgroups).initgroups?.(id, id);
    process.setgid?.(id);
    process.setuid?.(id);
  } catch (error) {
    throw new AppError(
      "service_account_unavailable",
      `cannot act as the service account ${account} that ${record.file} names (${(error as Error).message}); root does not open the plugin's data itself. Create that account with a group of the same name (the install script does), or run this command as that account`,
      { cause: error },
    );
  }
  if (process.getuid?.() === 0)
    throw new AppError(
      "service_account_is_root",
      `${record.file} names ${account} as the service account, which is root; install the plugin again so that it gets an account of its own`,
    );
}
