/** English texts of a domain's protection: its one state, the next step, the actions and their confirmation. */
export const enProtection = {
  "protection.phase.not-included": "not included",
  "protection.phase.off": "off",
  "protection.phase.ordered": "ordered",
  "protection.phase.ordering": "order being sent",
  "protection.phase.activating": "being activated",
  "protection.phase.active": "active",
  "protection.phase.switching-off": "being switched off",
  "protection.phase.order-failed": "order failed",
  "protection.phase.zone-failed": "cannot be ordered yet",
  "protection.phase.cancel-failed": "switching off failed",
  "protection.phase.lapsed": "lapsed",
  "protection.nextStep": "What happens next",
  "protection.next.not-included": "Nothing: the hosting package does not include protection.",
  "protection.next.off": "Protection is off. Switching it on orders it from WEDOS: it is a paid service.",
  "protection.next.offInactive":
    "Nothing runs at WEDOS for this domain. Protection can be ordered only while the domain is active in the panel.",
  "protection.next.ordered": "The order is sent to WEDOS within minutes, as soon as the domain's zone is there.",
  "protection.next.ordering": "The order is being sent to WEDOS. Nothing can be changed until WEDOS answers.",
  "protection.next.activating": "WEDOS has accepted the order and is activating the service.",
  "protection.next.activatingNs":
    "WEDOS has accepted the order and activates the service once the domain uses WEDOS's name servers (below).",
  "protection.next.active": "WEDOS Global protects this domain.",
  "protection.next.switching-off": "The service is being ended at WEDOS. Nothing can be changed until then.",
  "protection.next.order-failed": "The order did not go through. Your provider has been told and will look into it.",
  "protection.next.order-failed.admin":
    "WEDOS did not accept the order or could not set the service up (details below). Fix the cause, for example the WEDOS credit, then order again.",
  "protection.next.zone-failed":
    "Protection can be ordered only once the domain's DNS zone is at WEDOS, and the zone could not be created there. Your provider has been told.",
  "protection.next.zone-failed.admin":
    "The domain's zone failed at WEDOS (see its DNS status above), so no order is sent. The order follows the first sync that puts the zone there.",
  "protection.next.cancel-failed":
    "Switching off did not go through, so the service still runs. Your provider has been told.",
  "protection.next.cancel-failed.admin":
    "WEDOS refused to end the service (details below); it still runs and is still charged. Try again, or end it in the WEDOS customer administration.",
  "protection.next.lapsed":
    "The paid period ended and the offer does not renew it, so the service ended at WEDOS and nothing more is billed for it. Ordering it again is a new, paid order.",
  "protection.next.lapsed.ask":
    "The paid period ended and the offer does not renew it, so the service ended at WEDOS and nothing more is billed for it. Your provider can order it again.",
  "protection.lapsedOn": "Lapsed on",
  "protection.details": "Details",
  "protection.period": "Billing period",
  "protection.price": "Price",
  "protection.action.order": "Switch protection on",
  "protection.action.orderAgain": "Order again",
  "protection.action.cancel": "Switch protection off",
  "protection.action.withdraw": "Withdraw the order",
  "protection.action.cancelAgain": "Try switching off again",
  "protection.confirm.order.title": "Order protection for {domain}?",
  "protection.confirm.order.intro":
    "Confirming sends a paid order for WEDOS Global protection of {domain} to WEDOS. Nothing is ordered until you confirm.",
  "protection.confirm.order.button": "Confirm the order",
  "protection.confirm.cancel.title": "Switch off protection of {domain}?",
  "protection.confirm.cancel.intro":
    "Confirming ends the WEDOS Global service of {domain}. Switching it on later is a new order, paid again.",
  "protection.confirm.cancel.button": "Confirm switching off",
  "protection.confirm.withdraw.title": "Withdraw the protection order for {domain}?",
  "protection.confirm.withdraw.intro": "Nothing has been ordered from WEDOS yet, so nothing is charged.",
  "protection.confirm.withdraw.button": "Withdraw the order",
  "protection.confirm.back": "Back to the domain (nothing changes)",
  "protection.price.known": "{amount} {currency} (the price WEDOS last charged for this plan)",
  "protection.price.paid": "{amount} {currency} (what WEDOS charged for this service)",
  "protection.price.unknown": "price unknown — WEDOS will charge its list price",
  "protection.price.notReported": "not reported by WEDOS",
  "protection.price.none": "nothing is charged",
  "action.protectionWithdrawn": "The protection order for {domain} is withdrawn; nothing was charged.",
} as const;
