import type { Month } from "../../billing/calendar.js";
import type { Money } from "../../billing/money.js";
import type { Difference, DifferenceKind } from "../../billing/reconcile.js";
import { reconcileStoredMonth } from "../../store/credit-store.js";
import type { Database } from "../../store/database.js";
import type { AuthenticatedContext } from "../context.js";
import { formatMoney } from "../i18n/money-format.js";

export interface DifferenceRow {
  kind: DifferenceKind;
  label: string;
  cause: string;
  day: string;
  subject: string;
  orderNum: string;
  atWedos: string;
  inLedger: string;
}

export interface ReconciliationModel {
  month: Month;
  /** Where the month's movements stand: never asked, asked and waiting for the daemon, or fetched when. */
  status: string;
  fetched: boolean;
  waiting: boolean;
  /** "12 charges agree with the ledger." once fetched. */
  agreed: string | undefined;
  differences: DifferenceRow[];
  /** Shown when fetched and nothing differs. */
  none: string | undefined;
}

/** A difference as a row: what WEDOS shows, what the ledger shows, and the likely cause in plain words. */
function differenceRow(page: AuthenticatedContext, difference: Difference): DifferenceRow {
  const { t, language } = page;
  const money = (amount: Money | null | undefined) => (amount == null ? "—" : formatMoney(language, amount));
  const { movement, charge, kind } = difference;
  // WEDOS shows what it took as a negative movement; the row shows both sides as what was paid.
  const atWedos =
    movement === null ? "—" : money(movement.amount && { ...movement.amount, minor: -movement.amount.minor });
  return {
    kind,
    label: t(`reconcile.kind.${kind}`),
    cause: t(`reconcile.cause.${kind}`),
    day: movement?.day ?? charge?.day ?? "",
    subject:
      charge === null
        ? (movement?.description ?? "")
        : t("reconcile.subject", { domain: charge.domain, user: charge.username }),
    orderNum: movement?.orderNum ?? charge?.reference ?? "",
    atWedos,
    inLedger: charge === null ? "—" : money(charge.wholesale),
  };
}

/** The month's reconciliation from stored movements and the ledger (nothing is sent to WEDOS). */
export function reconciliationModel(page: AuthenticatedContext, db: Database, month: Month): ReconciliationModel {
  const { t } = page;
  const { fetch, result } = reconcileStoredMonth(db, month);
  const waiting = fetch !== undefined && fetch.fetchedAt === null;
  const status =
    fetch === undefined
      ? t("reconcile.notFetched", { month })
      : fetch.fetchedAt === null
        ? t("reconcile.waiting", { month, at: t.time(fetch.requestedAt), by: fetch.requestedBy })
        : t("reconcile.fetched", { month, at: t.time(fetch.fetchedAt), count: String(fetch.movements ?? 0) });
  return {
    month,
    status,
    fetched: result !== undefined,
    waiting,
    agreed: result === undefined ? undefined : t("reconcile.agreed", { count: String(result.agreed) }),
    differences: result?.differences.map((difference) => differenceRow(page, difference)) ?? [],
    none: result !== undefined && result.differences.length === 0 ? t("reconcile.none") : undefined,
  };
}
