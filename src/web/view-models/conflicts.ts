import type { ConflictStore } from "../../store/conflict-store.js";
import type { AuthenticatedContext } from "../context.js";

/** One open conflict as the admin's operations and drift pages list it (the detail is the core's English text). */
export interface ConflictRow {
  domain: string;
  kind: string;
  kindLabel: string;
  detail: string;
  foundAt: string;
}

/** The open conflicts (objects at WEDOS the plugin did not create), for the admin to adopt or ignore. */
export function openConflictRows(page: AuthenticatedContext, conflicts: ConflictStore): ConflictRow[] {
  const { t } = page;
  return conflicts.open().map((conflict) => ({
    domain: conflict.domain,
    kind: conflict.kind,
    kindLabel: t(`conflicts.kind.${conflict.kind}`),
    detail: conflict.detail,
    foundAt: t.time(conflict.foundAt, t("table.never")),
  }));
}
