import type { ServiceRequest } from "../model/service-request.js";
import { customerSide, providerSide, type NotificationStore } from "../store/notification-store.js";

/**
 * Who is told what about sharing (docs/decisions/0055): the operators (the domain's reseller and every admin) when a
 * request opens or a customer cancels one, the customer when their request moves. The kinds are the last part of the
 * i18n key `notice.<kind>` (src/web/i18n/en-sharing.ts).
 */
export const SHARING_NOTICES = [
  "link-invited",
  "link-requested",
  "link-cancelled",
  "link-in-progress",
  "link-linked",
  "link-declined",
  "link-unlink-requested",
  "link-unlink-in-progress",
  "link-revoked",
] as const;
export type SharingNotice = (typeof SHARING_NOTICES)[number];

/** Tells the domain's reseller (when it has one) and every admin. */
export function tellOperators(notices: NotificationStore, request: ServiceRequest, kind: SharingNotice, at: number) {
  notices.notifyAll(providerSide(request.reseller), { kind, domain: request.domain, requestId: request.id }, at);
}

/** Tells the domain's account, on its own pages. */
export function tellCustomer(notices: NotificationStore, request: ServiceRequest, kind: SharingNotice, at: number) {
  notices.notifyAll(customerSide(request.username), { kind, domain: request.domain, requestId: request.id }, at);
}
