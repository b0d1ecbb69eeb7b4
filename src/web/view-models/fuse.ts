import type { FuseStatus } from "../../model/wapi-status.js";
import type { Translate } from "../i18n/index.js";

/**
 * The rejected-request fuse in words for the admin's settings page: how many requests WEDOS rejected in the last
 * hour, whether the plugin has stopped sending by itself, and how many Test connections remain. Nothing while no
 * request counts.
 */
export function fuseInWords(status: FuseStatus, t: Translate): string[] {
  if (status.rejected === 0) return [];
  const lines =
    status.tripped && status.resumesAt !== undefined
      ? [t("settings.fuse.tripped", { rejected: status.rejected, time: t.time(status.resumesAt, "") })]
      : [t("settings.fuse.counted", { rejected: status.rejected, fuse: status.fuse })];
  if (status.testsLeft > 1) lines.push(t("settings.fuse.tries", { tries: status.testsLeft }));
  else if (status.testsLeft === 1) lines.push(t("settings.fuse.oneTry"));
  else
    lines.push(
      t("settings.fuse.noTries", { time: status.nextTestAt === undefined ? "" : t.time(status.nextTestAt, "") }),
    );
  return lines;
}
