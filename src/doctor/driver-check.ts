import type { Config } from "../config/load.js";
import { describeFailure, driverFix, selectDriver } from "../store/sqlite/driver.js";
import type { CheckResult } from "./checks.js";

/** Which SQLite driver this server's Node.js loads, or why none does and what to do. */
export function checkDatabaseDriver(config: Pick<Config, "store">): CheckResult {
  const selection = selectDriver(config.store.driver);
  if (selection.driver === undefined)
    return {
      check: "database driver",
      status: "fail",
      message: `${describeFailure(selection)} ${driverFix(selection.choice)}`,
    };
  return {
    check: "database driver",
    status: "ok",
    message: `${selection.driver.info.name}: ${selection.driver.info.detail}`,
  };
}
