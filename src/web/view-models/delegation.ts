import type { DelegationRow } from "../../store/delegation-store.js";
import type { AuthenticatedContext } from "../context.js";
import type { MessageKey } from "../i18n/index.js";

/** Whether the delegation to WEDOS's name servers is seen, as the domain page says it. */
export interface DelegationView {
  seen: boolean;
  /** "seen (checked …)", "not seen yet (checked …)", "not checked yet". */
  label: string;
  /** What it means and what to do, in plain words. */
  advice: string;
  nextCheck: string | undefined;
}

const ADVICE: Readonly<Record<DelegationRow["status"], MessageKey>> = {
  seen: "delegation.seenAdvice",
  partial: "delegation.partialAdvice",
  elsewhere: "delegation.elsewhereAdvice",
  unregistered: "delegation.unregisteredAdvice",
  unanswered: "delegation.unansweredAdvice",
};

export function delegationView(page: AuthenticatedContext, row: DelegationRow | undefined): DelegationView {
  const { t } = page;
  if (row === undefined)
    return {
      seen: false,
      label: t("delegation.notChecked"),
      advice: t("delegation.notCheckedAdvice"),
      nextCheck: undefined,
    };
  const at = t.time(row.checkedAt, "");
  const seen = row.status === "seen";
  // What the resolver said (an error code, the resolver's address) is for admins; others read that it is retried.
  const plain = row.status === "unanswered" && page.identity.level !== "admin";
  const adviceKey = plain ? "delegation.unansweredPlain" : ADVICE[row.status];
  return {
    seen,
    label: t(seen ? "delegation.seen" : "delegation.notSeen", { at }),
    advice: t(adviceKey, {
      found: row.nameservers.length === 0 ? t("delegation.noNameservers") : row.nameservers.join(", "),
      detail: row.detail ?? "",
    }),
    nextCheck: t("delegation.nextCheck", { at: t.time(row.nextCheckAt, "") }),
  };
}
