import type { enProtection } from "./en-protection.js";

/** Czech texts of a domain's protection (the same keys as en-protection.ts). */
export const csProtection: Record<keyof typeof enProtection, string> = {
  "protection.phase.not-included": "není v balíčku",
  "protection.phase.off": "vypnutá",
  "protection.phase.ordered": "objednaná",
  "protection.phase.ordering": "objednávka se odesílá",
  "protection.phase.activating": "aktivuje se",
  "protection.phase.active": "aktivní",
  "protection.phase.switching-off": "vypíná se",
  "protection.phase.order-failed": "objednávka selhala",
  "protection.phase.zone-failed": "zatím ji nelze objednat",
  "protection.phase.cancel-failed": "vypnutí selhalo",
  "protection.phase.lapsed": "vypršela",
  "protection.nextStep": "Co bude dál",
  "protection.next.not-included": "Nic: hostingový balíček ochranu nezahrnuje.",
  "protection.next.off": "Ochrana je vypnutá. Zapnutím se objedná u WEDOS; je to placená služba.",
  "protection.next.offInactive":
    "U WEDOS pro tuto doménu nic neběží. Ochranu lze objednat, jen dokud je doména v panelu aktivní.",
  "protection.next.ordered": "Objednávka se odešle do WEDOS během několika minut, jakmile tam bude zóna domény.",
  "protection.next.ordering": "Objednávka se právě odesílá do WEDOS. Dokud WEDOS neodpoví, nelze nic měnit.",
  "protection.next.activating": "WEDOS objednávku přijal a službu aktivuje.",
  "protection.next.activatingNs":
    "WEDOS objednávku přijal a službu aktivuje, jakmile doména začne používat jmenné servery WEDOS (níže).",
  "protection.next.active": "Doménu chrání WEDOS Global.",
  "protection.next.switching-off": "Služba se u WEDOS ukončuje. Do té doby nelze nic měnit.",
  "protection.next.order-failed": "Objednávka neprošla. Váš poskytovatel o tom ví a prověří to.",
  "protection.next.order-failed.admin":
    "WEDOS objednávku nepřijal nebo službu nezřídil (podrobnosti níže). Odstraňte příčinu, například nedostatek kreditu u WEDOS, a objednejte znovu.",
  "protection.next.zone-failed":
    "Ochranu lze objednat, až bude zóna domény u WEDOS, a tu se tam vytvořit nepodařilo. Váš poskytovatel o tom ví.",
  "protection.next.zone-failed.admin":
    "Zóna domény u WEDOS selhala (viz stav DNS výše), proto se objednávka neodesílá. Odešle se po první synchronizaci, která zónu do WEDOS dostane.",
  "protection.next.cancel-failed": "Vypnutí neprošlo, služba proto dál běží. Váš poskytovatel o tom ví.",
  "protection.next.cancel-failed.admin":
    "WEDOS odmítl službu ukončit (podrobnosti níže); dál běží a dál se účtuje. Zkuste to znovu, nebo ji ukončete v zákaznické administraci WEDOS.",
  "protection.next.lapsed":
    "Zaplacené období skončilo a nabídka ho neprodlužuje, služba proto u WEDOS skončila a nic dalšího se za ni neúčtuje. Nová objednávka je znovu placená.",
  "protection.next.lapsed.ask":
    "Zaplacené období skončilo a nabídka ho neprodlužuje, služba proto u WEDOS skončila a nic dalšího se za ni neúčtuje. Znovu ji může objednat váš poskytovatel.",
  "protection.lapsedOn": "Vypršela dne",
  "protection.details": "Podrobnosti",
  "protection.period": "Fakturační období",
  "protection.price": "Cena",
  "protection.action.order": "Zapnout ochranu",
  "protection.action.orderAgain": "Objednat znovu",
  "protection.action.cancel": "Vypnout ochranu",
  "protection.action.withdraw": "Zrušit objednávku",
  "protection.action.cancelAgain": "Zkusit znovu vypnout",
  "protection.confirm.order.title": "Objednat ochranu domény {domain}?",
  "protection.confirm.order.intro":
    "Potvrzením se do WEDOS odešle placená objednávka ochrany WEDOS Global pro doménu {domain}. Dokud nepotvrdíte, nic se neobjedná.",
  "protection.confirm.order.button": "Potvrdit objednávku",
  "protection.confirm.cancel.title": "Vypnout ochranu domény {domain}?",
  "protection.confirm.cancel.intro":
    "Potvrzením se služba WEDOS Global domény {domain} ukončí. Pozdější zapnutí je nová objednávka, znovu placená.",
  "protection.confirm.cancel.button": "Potvrdit vypnutí",
  "protection.confirm.withdraw.title": "Zrušit objednávku ochrany domény {domain}?",
  "protection.confirm.withdraw.intro": "U WEDOS zatím nic objednáno nebylo, nic se proto neúčtuje.",
  "protection.confirm.withdraw.button": "Zrušit objednávku",
  "protection.confirm.back": "Zpět na doménu (nic se nezmění)",
  "protection.price.known": "{amount} {currency} (cena, kterou WEDOS za tento tarif naposledy účtoval)",
  "protection.price.paid": "{amount} {currency} (kolik WEDOS za tuto službu účtoval)",
  "protection.price.unknown": "cena neznámá — WEDOS účtuje podle svého ceníku",
  "protection.price.notReported": "WEDOS ji nesdělil",
  "protection.price.none": "nic se neúčtuje",
  "action.protectionWithdrawn": "Objednávka ochrany domény {domain} je zrušena; nic nebylo účtováno.",
};
