import { backupDatabase, backupDirOf } from "../../store/backup.js";
import { printJson, stringOption, type CliCommand } from "../command.js";
import { openCliDatabase } from "../context.js";

export const backupCommand: CliCommand = {
  name: "backup",
  summary: "Copy the database to a private backup file (SQLite's online backup), keeping the newest store.backupKeep",
  help: `Usage: wedos-panel backup [--dir DIR] [--json]

Copies the database with SQLite's online backup while the daemon and the hooks keep working, to a new file
wedos-panel-<UTC time>.sqlite (mode 0600) in store.backupDir (by default backups/ in the data directory, mode
0700), then removes the oldest backups beyond store.backupKeep (7). The daemon runs this daily
(daemon.backupCron). Restore one with "wedos-panel restore FILE".

  --dir DIR   write to DIR instead of store.backupDir (rotated the same way)
  --json      print {file, removed} as JSON`,
  options: { dir: { type: "string" }, json: { type: "boolean" } },
  async run(args, io) {
    const context = openCliDatabase(io);
    try {
      const dir = stringOption(args, "dir") ?? backupDirOf(context.config);
      const result = await backupDatabase(context.db, dir, io.clock.now(), context.config.store.backupKeep);
      if (args.values.json === true) printJson(io, result);
      else
        io.stdout(
          `Backed up the database to ${result.file}${result.removed.length === 0 ? "" : `; removed ${result.removed.length} older backup(s)`}.\n`,
        );
      return 0;
    } finally {
      context.close();
    }
  },
};
