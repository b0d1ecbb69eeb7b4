import { resolve } from "node:path";
import { loadConfig } from "../../config/load.js";
import { SqliteJobQueue } from "../../provisioning/sqlite-job-queue.js";
import { reconcile } from "../../provisioning/tasks/reconcile.js";
import { backupDirOf } from "../../store/backup.js";
import { databaseFileIn, openConfiguredDatabase } from "../../store/database.js";
import { restoreDatabase } from "../../store/restore.js";
import { AppError } from "../../errors.js";
import { answers, parseListen } from "../../web/listen.js";
import { UsageError, type CliCommand } from "../command.js";

export const restoreCommand: CliCommand = {
  name: "restore",
  summary: "Put a backup in place of the database (checked first), then let the reconciler bring WEDOS back in step",
  help: `Usage: wedos-panel restore FILE

Checks FILE with SQLite's integrity check (and that it is a wedos-panel database this version knows) and
only then replaces the database with it; the database it replaces, damaged or not, is kept beside it as
wedos-panel.sqlite.before-restore-<UTC time>. A reconciler run is queued: when the daemon starts it compares
the panel's accounts and domains, the restored inventory and WEDOS, and queues what differs. Stop the daemon
first (systemctl stop wedos-panel); restore refuses while it answers on daemon.listen.`,
  options: {},
  positionals: true,
  async run(args, io) {
    const [file, ...extra] = args.positionals;
    if (file === undefined || extra.length > 0) {
      throw new UsageError(
        "name exactly one backup file, like wedos-panel restore /var/lib/wedos-panel/backups/wedos-panel-20260701T034300Z.sqlite",
      );
    }
    const config = loadConfig(io.env);
    if (await answers(parseListen(config.daemon.listen))) {
      throw new AppError(
        "store_restore_refused",
        `the daemon is running (it answers on ${config.daemon.listen}), so nothing was restored: stop it (systemctl stop wedos-panel), run the restore again, then start it`,
      );
    }
    const target = databaseFileIn(config.dataDir);
    const { setAside } = restoreDatabase(resolve(file), target, { driver: config.store.driver, now: io.clock.now() });
    const db = openConfiguredDatabase(config);
    try {
      new SqliteJobQueue(db, io.clock).enqueue(reconcile, {});
    } finally {
      db.close();
    }
    io.stdout(
      `Restored ${target} from ${resolve(file)}${setAside === undefined ? "" : `; the database it replaced is kept as ${setAside}`}.\n`,
    );
    io.stdout(
      `A reconciler run is queued: start the daemon and it brings WEDOS and the inventory back in step. Backups are in ${backupDirOf(config)}.\n`,
    );
    return 0;
  },
};
