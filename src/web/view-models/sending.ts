import type { Blocking, Estimate } from "../../provisioning/estimate.js";
import type { PageContext } from "../context.js";
import type { Translate } from "../i18n/index.js";
import { actionUrl } from "../origin.js";

/** The banner every page shows while something holds back sending to WEDOS (views/partials/sending.ejs). */
export interface SendingBannerModel {
  title: string;
  /** The cause and the fix for an admin; for a reseller or a customer, in plain words, what waits and until when. */
  lines: string[];
  /** What the plugin recorded of the cause (WEDOS's answer, the times): admins only. */
  details: string | undefined;
  /** Resume, for an admin, where the admin fixes the cause. */
  resume: { action: string; csrfToken: string } | undefined;
}

/** A moment promised as "by": rounded up to the minute, so it is never earlier than the estimate. */
export function byTime(t: Translate, ms: number): string {
  return t.time(Math.ceil(ms / 60_000) * 60_000);
}

/** The banner of the visitor's level, or undefined while sending goes on. */
export function sendingBanner(page: PageContext): SendingBannerModel | undefined {
  const blocking = page.sending?.blocking();
  if (blocking === undefined || page.identity === undefined || page.sending === undefined) return undefined;
  const { t } = page;
  const expected = page.sending.changesExpected();
  if (page.identity.level !== "admin")
    return {
      title: t("sending.customer.title"),
      lines: [
        expected.kind === "at" && Number.isFinite(expected.at)
          ? t("sending.customer.timed", { time: byTime(t, expected.at) })
          : t("sending.customer.held"),
      ],
      details: undefined,
      resume: undefined,
    };
  const fixable = blocking.kind === "paused" && !blocking.pause.endsByItself;
  return {
    title: t(blocking.kind === "paused" ? "sending.admin.paused" : "sending.admin.budget"),
    lines: [...causeAndFix(t, blocking), expectedLine(t, expected)].filter((line) => line !== ""),
    details: blocking.kind === "paused" ? blocking.pause.summary : undefined,
    resume:
      fixable && page.csrfToken !== undefined
        ? { action: actionUrl(page, "/wapi/resume"), csrfToken: page.csrfToken }
        : undefined,
  };
}

function causeAndFix(t: Translate, blocking: Blocking): string[] {
  if (blocking.kind === "budget-spent")
    return [
      t("sending.cause.budget", { used: blocking.used, cap: blocking.cap }),
      t("sending.fix.budget", { time: byTime(t, blocking.renewsAt) }),
    ];
  const { pause } = blocking;
  const time = byTime(t, pause.retryAt);
  switch (pause.reason) {
    case "credentials":
      return [t("sending.cause.credentials"), t("sending.fix.credentials")];
    case "ip-not-allowed":
      return [
        t("sending.cause.ipNotAllowed", { ip: pause.seenIp ?? "?" }),
        t("sending.fix.ipNotAllowed", { ip: pause.seenIp ?? "?" }),
      ];
    case "ip-blocked":
      return [t("sending.cause.ipBlocked"), t("sending.fix.ipBlocked")];
    case "rate-limited":
      return [t("sending.cause.rateLimited"), t("sending.fix.byItself", { time })];
    case "rejected-fuse":
      return [t("sending.cause.fuse"), t("sending.fix.fuse", { time })];
  }
}

function expectedLine(t: Translate, expected: Estimate): string {
  if (expected.kind !== "at") return t("sending.expected.afterFix");
  return Number.isFinite(expected.at) ? t("sending.expected.by", { time: byTime(t, expected.at) }) : "";
}

/** A domain's DNS column while changes of it wait for WEDOS: never plainly "active". */
export function waitingStatus(t: Translate, estimate: Estimate): { label: string; reason: string } {
  return {
    label: t("dns.waiting"),
    reason:
      estimate.kind === "at" && Number.isFinite(estimate.at)
        ? t("waiting.by", { time: byTime(t, estimate.at) })
        : t("waiting.held"),
  };
}
