import type { ConflictStore } from "../../store/conflict-store.js";
import type { DriftStore } from "../../store/drift-store.js";
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

/** One planned step of an adoption, with the way it goes: the plugin only ever writes to WEDOS. */
export interface AdoptStep {
  mark: string;
  text: string;
  /** "added at WEDOS from the panel", "WEDOS's value replaced by the panel's", … */
  direction: string;
}

/** The adopt preview page (views/admin/adopt.ejs). */
export interface AdoptPreviewModel {
  domain: string;
  kind: "zone" | "protection";
  kindLabel: string;
  detail: string;
  /** When the preview was planned; undefined when there is none yet (a zone needs one before Adopt). */
  plannedAt: string | undefined;
  /** What adopting does, in one sentence (a zone: "Records go one way: panel → WEDOS …"). */
  summary: string;
  steps: AdoptStep[];
  /** Rows at WEDOS a plain adopt leaves alone (none, normally: adopting takes them over). */
  foreign: string[];
  unsafe: string | undefined;
  /** Adopt can be confirmed: a protection at once; a zone once its preview is planned (and not being planned again). */
  canConfirm: boolean;
  /** The preview's plan changes more than the safety threshold allows: confirming it is "Adopt anyway" (forced). */
  needsForce: boolean;
  /** A preview is being planned (its job is queued or running). */
  planning: boolean;
}

const DIRECTION: Readonly<Record<string, "add" | "update" | "delete" | "adopt">> = {
  "+": "add",
  "~": "update",
  "-": "delete",
  "=": "adopt",
};

/** The preview of adopting an open conflict; undefined when there is no such open conflict. */
export function adoptPreviewModel(
  page: AuthenticatedContext,
  conflicts: ConflictStore,
  drift: DriftStore,
  query: { domain: string; kind: "zone" | "protection"; planning: boolean },
): AdoptPreviewModel | undefined {
  const { t } = page;
  const conflict = conflicts.get(query.domain, query.kind);
  if (conflict === undefined || conflict.resolution !== null) return undefined;
  const preview = query.kind === "zone" ? drift.adoptPreview(query.domain, "zone") : undefined;
  const plan = preview?.summary;
  const zone = query.kind === "zone";
  return {
    domain: conflict.domain,
    kind: query.kind,
    kindLabel: t(`conflicts.kind.${query.kind}`),
    detail: conflict.detail,
    plannedAt: preview === undefined ? undefined : t.time(preview.plannedAt, t("table.never")),
    summary: !zone
      ? t("adopt.protection")
      : preview === undefined
        ? t("adopt.noPreview")
        : plan === undefined
          ? t("adopt.nothingChanges")
          : t("adopt.oneWay", plan.counts),
    steps: (plan?.steps ?? []).map((step) => ({
      ...step,
      direction: t(`adopt.direction.${DIRECTION[step.mark] ?? "update"}`),
    })),
    foreign: plan?.foreign ?? [],
    unsafe: plan === undefined || plan.safe ? undefined : t("drift.unsafe", { reason: plan.safetyMessage ?? "" }),
    canConfirm: !zone || (preview !== undefined && !query.planning),
    needsForce: plan !== undefined && !plan.safe,
    planning: query.planning,
  };
}
