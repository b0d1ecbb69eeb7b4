import { cliActor } from "../actor.js";
import { CalendarError, parseMonth, type Month } from "../../billing/calendar.js";
import { decimalText, type Money } from "../../billing/money.js";
import { monthToReconcile, type Difference } from "../../billing/reconcile.js";
import { SqliteJobQueue } from "../../provisioning/sqlite-job-queue.js";
import { requestMonthFetch } from "../../provisioning/tasks/credit-tasks.js";
import { reconcileStoredMonth } from "../../store/credit-store.js";
import { translator } from "../../web/i18n/index.js";
import { printJson, stringOption, UsageError, type CliCommand } from "../command.js";
import { openCliDatabase } from "../context.js";

const amount = (money: Money | null | undefined) =>
  money === null || money === undefined ? "-" : `${decimalText(money)} ${money.currency}`;

/** One difference as two lines: what and where, then the likely cause (the pages' own words). */
function differenceLines(difference: Difference, t: ReturnType<typeof translator>): string {
  const { movement, charge } = difference;
  const day = movement?.day ?? charge?.day ?? "?";
  const what = charge === null ? (movement?.description ?? "") : `${charge.domain} (${charge.username})`;
  const order = movement?.orderNum ?? charge?.reference ?? "";
  const wedos =
    movement === null ? "-" : amount(movement.amount && { ...movement.amount, minor: -movement.amount.minor });
  const where = `${what}${order === "" ? "" : `, order ${order}`}`;
  return (
    `${day}  ${t(`reconcile.kind.${difference.kind}`)}: ${where}; WEDOS took ${wedos}, ` +
    `the ledger says ${amount(charge?.wholesale)}\n    ${t(`reconcile.cause.${difference.kind}`)}\n`
  );
}

/**
 * `wedos-panel billing reconcile`: the month's reconciliation with WEDOS from what is stored, or, with --fetch, the
 * month asked for (the daemon fetches it with one account-list request). Like the page, it never calls WEDOS itself.
 */
export const billingReconcileCommand: CliCommand = {
  name: "reconcile",
  summary: "Compare a month's WEDOS credit movements with the usage ledger and show every difference",
  help: `Usage: wedos-panel billing reconcile [--month YYYY-MM] [--fetch] [--json]

  --month YYYY-MM  the month (default: the month before the current one, in billing.timeZone)
  --fetch          ask the daemon to fetch the month's movements from WEDOS (one request), then run this again
  --json           print the reconciliation as JSON (amounts in minor units)

Exit status: 0 when shown (differences or not), 1 while the month's movements are not fetched yet.`,
  options: { month: { type: "string" }, fetch: { type: "boolean" }, json: { type: "boolean" } },
  async run(args, io) {
    const context = openCliDatabase(io);
    try {
      const month = chosenMonth(stringOption(args, "month"), context.config.billing.timeZone, io.clock.now());
      if (args.values.fetch === true) {
        const queue = new SqliteJobQueue(context.db, io.clock);
        requestMonthFetch({ db: context.db, queue, now: io.clock.now() }, month, cliActor(io));
        io.stdout(
          `The movements of ${month} will be fetched by the daemon (one request); ` +
            "run this again without --fetch.\n",
        );
        return 0;
      }
      const reconciliation = reconcileStoredMonth(context.db, month);
      if (args.values.json === true) {
        printJson(io, reconciliation);
        return reconciliation.result === undefined ? 1 : 0;
      }
      const t = translator("en");
      const { fetch, result } = reconciliation;
      if (result === undefined) {
        io.stdout(
          fetch === undefined
            ? `The movements of ${month} have not been fetched from WEDOS yet: run with --fetch.\n`
            : `The movements of ${month} were asked for and the daemon has not fetched them yet; is it running?\n`,
        );
        return 1;
      }
      const at = new Date(fetch?.fetchedAt ?? 0).toISOString();
      io.stdout(`${t("reconcile.fetched", { month, at, count: String(fetch?.movements ?? 0) })}\n`);
      io.stdout(`${t("reconcile.agreed", { count: String(result.agreed) })}\n`);
      if (result.differences.length === 0) io.stdout(`${t("reconcile.none")}\n`);
      for (const difference of result.differences) io.stdout(differenceLines(difference, t));
      return 0;
    } finally {
      context.close();
    }
  },
};

function chosenMonth(text: string | undefined, timeZone: string, now: number): Month {
  if (text === undefined) return monthToReconcile(now, timeZone);
  try {
    return parseMonth(text);
  } catch (error) {
    if (error instanceof CalendarError) throw new UsageError(`--month: ${error.message}`);
    throw error;
  }
}
