import type { enPlans } from "./en-plans.js";

/** Czech texts of protection plans as products (part of cs.ts's catalogue). */
export const csPlans: Record<keyof typeof enPlans, string> = {
  "progress.task.planChange": "Změna tarifu ochrany {domain}",
  "policy.field.planChoice": "Zákazník smí zvolit tarif",
  "policy.help.planChoice":
    "Pevně: tarif a období balíčku. Zákazník: zákazník smí na stránce domény zvolit jiný tarif a období (zobrazená cena je z nabídky).",
  "policy.choice.planFixed": "Ne, tarif balíčku",
  "policy.choice.planCustomer": "Ano, na stránce domény",
  "policy.field.protectionTemplate": "Šablona WEDOS Global",
  "policy.help.protectionTemplate":
    "Nové služby převezmou nastavení WEDOS Global této služby; běžící služby je převezmou, když se šablona změní. Seznam se z WEDOS načítá jednou denně.",
  "policy.template.none": "Žádná",
  "policy.template.notListed": "{id} (už není u WEDOS)",
  "policy.badTemplate": "Vyberte šablonu ze seznamu: {id} není služba účtu WEDOS.",
  "plan.title": "Tarif a období",
  "plan.current": "Současný tarif",
  "plan.paidUntil": "Zaplaceno do",
  "plan.renewal.renew": "Před tímto dnem se automaticky prodlouží.",
  "plan.renewal.lapse": "Neprodlužuje se: ochrana tímto dnem skončí.",
  "plan.choose": "Změnit tarif nebo období",
  "plan.option": "{plan}, {period}: {price}",
  "plan.option.noPrice": "{plan}, {period}",
  "plan.confirm": "Změnit tarif",
  "plan.confirmNote": "Nový tarif platí hned; novou cenu zaplatíte od dalšího období.",
  "plan.waiting": "Probíhá změna na {plan}, {period}…",
  "plan.refused": "Změna na {plan}, {period} nebyla provedena: {reason}",
  "plan.same": "To je už současný tarif.",
  "plan.queued": "Tarif {domain} se změní na {plan}, {period}.",
  "plan.badChoice": "Vyberte jeden z nabízených tarifů.",
  "plan.notChoosable": "Tarif této domény určuje její hostingový balíček.",
};
