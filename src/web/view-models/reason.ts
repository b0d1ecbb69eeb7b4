import { decodeReason, type Reason, type ReasonCode } from "../../model/reason.js";
import type { Identity } from "../identity/identity.js";
import { isMessageKey, type MessageKey, type Translate } from "../i18n/index.js";

/**
 * The texts of each reason: `plain` for customers and resellers, `admin` (when the admin can do something) for
 * admins; `told` adds "your provider has been told" (or, for a reseller, "the administrator…") to the plain text of
 * what only the server's administrator can fix.
 */
const TEXTS: Readonly<Record<ReasonCode, { plain: MessageKey; admin?: MessageKey; told?: true }>> = {
  "wedos-zone-limit": { plain: "reason.wedosZoneLimit", admin: "reason.wedosZoneLimit.admin", told: true },
  "wedos-row-limit": { plain: "reason.wedosRowLimit", admin: "reason.wedosRowLimit.admin", told: true },
  "wedos-credit": { plain: "reason.wedosCredit", admin: "reason.wedosCredit.admin", told: true },
  "wedos-refused": { plain: "reason.wedosRefused", admin: "reason.wedosRefused.admin", told: true },
  "wedos-failing": { plain: "reason.wedosFailing", admin: "reason.wedosFailing.admin" },
  "wedos-unreachable": { plain: "reason.wedosUnreachable", admin: "reason.wedosUnreachable.admin" },
  "wedos-hour-limit": { plain: "reason.wedosHourLimit", admin: "reason.wedosHourLimit.admin" },
  "sending-paused": { plain: "reason.sendingPaused", admin: "reason.sendingPaused.admin", told: true },
  "zone-file-missing": { plain: "reason.zoneFileMissing", admin: "reason.zoneFileMissing.admin", told: true },
  "zone-conflict": { plain: "reason.zoneConflict", admin: "reason.zoneConflict.admin", told: true },
  "not-applied": { plain: "reason.notApplied", admin: "reason.notApplied.admin", told: true },
  "records-not-synced": { plain: "reason.recordsNotSynced" },
  "not-converged": { plain: "reason.notConverged" },
  "package-without-dns": { plain: "reason.packageWithoutDns" },
  "zone-left-alone": { plain: "reason.zoneLeftAlone" },
  adopting: { plain: "reason.adopting" },
  withdrawn: { plain: "reason.withdrawn" },
  removed: { plain: "reason.removed" },
  "domain-gone": { plain: "reason.domainGone" },
  "nothing-to-check": { plain: "reason.nothingToCheck" },
  "taken-over": { plain: "reason.takenOver" },
  "spend-limit": { plain: "reason.spendLimit", admin: "reason.spendLimit.admin" },
  "spend-limit-reseller": { plain: "reason.spendLimitReseller", admin: "reason.spendLimitReseller.admin" },
  internal: { plain: "reason.internal", admin: "reason.internal.admin", told: true },
  unrecorded: { plain: "reason.internal", told: true },
};

/** A reason as one reader reads it. */
export interface ReasonView {
  /** In the reader's language and for their level; never a WAPI code, command, path or stack for non-admins. */
  text: string;
  /** Admins only: the stored operator's text (the WAPI command, code and WEDOS's words, a path, an error). */
  details: string | undefined;
}

/** Who reads the reason: their level decides the words, their language the texts. */
export interface ReasonReader {
  t: Translate;
  identity: Pick<Identity, "level">;
}

/**
 * A reason for this reader: customers and resellers get plain words; admins the admin's words and the details. A
 * reason written before codes existed ("unrecorded") shows its stored text to admins only.
 */
export function reasonView(reader: ReasonReader, value: Reason | undefined): ReasonView | undefined {
  if (value === undefined) return undefined;
  const { t } = reader;
  const texts = TEXTS[value.code];
  const words = wedosWords(reader, value);
  const params = { ...value.params, wedos: words ?? "" };
  const level = reader.identity.level;
  if (level === "admin") {
    if (value.code === "unrecorded") return { text: value.detail, details: undefined };
    // An admin reads WEDOS's own English words where there are none in their language.
    const text = t(texts.admin ?? texts.plain, { ...params, wedos: words ?? String(value.params.result ?? "") });
    return { text, details: value.detail === "" || value.detail === text ? undefined : value.detail };
  }
  const plain = value.code === "wedos-refused" && params.wedos === "" ? "reason.wedosRefused.plain" : texts.plain;
  const toldKey = level === "reseller" ? "reason.told.reseller" : "reason.told.customer";
  const told = texts.told === true ? ` ${t(toldKey)}` : "";
  return { text: `${t(plain, params)}${told}`, details: undefined };
}

/** The reason of a stored row (its code column and its text column) for this reader. */
export function storedReasonView(
  reader: ReasonReader,
  code: string | null,
  detail: string | null,
): ReasonView | undefined {
  return reasonView(reader, decodeReason(code, detail));
}

/** The reason in one line: the text, and for admins the details after it. */
export function reasonLine(view: ReasonView | undefined): string {
  if (view === undefined) return "";
  return view.details === undefined ? view.text : `${view.text} (${view.details})`;
}

/** WEDOS's own reason, by its code, in the reader's language; undefined for a code without words here. */
function wedosWords(reader: ReasonReader, value: Reason): string | undefined {
  const key = `wedos.${value.params.wapiCode}`;
  return isMessageKey(key) ? reader.t(key) : undefined;
}
