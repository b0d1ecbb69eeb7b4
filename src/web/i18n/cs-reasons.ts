import type { enReasons } from "./en-reasons.js";

/** Czech texts of the reasons and of the page's time zone (part of cs.ts's catalogue); keys as en-reasons.ts. */
export const csReasons: Record<keyof typeof enReasons, string> = {
  "reason.told.customer": "Váš poskytovatel o tom ví.",
  "reason.told.reseller": "Správce serveru o tom ví.",
  "reason.details": "Podrobnosti pro správce",
  "reason.wedosZoneLimit": "WEDOS zatím nemůže převzít DNS této domény: účet u WEDOS nemá místo pro další zóny.",
  "reason.wedosZoneLimit.admin":
    "Účet u WEDOS dosáhl limitu počtu DNS zón: požádejte podporu WEDOS o jeho navýšení a pak úlohu zopakujte.",
  "reason.wedosRowLimit": "Tato doména má více DNS záznamů, než WEDOS v jedné zóně dovoluje.",
  "reason.wedosRowLimit.admin":
    "Zóna dosáhla limitu počtu záznamů u WEDOS: požádejte podporu WEDOS o jeho navýšení nebo odeberte záznamy v panelu a pak úlohu zopakujte.",
  "reason.wedosCredit": "WEDOS čeká, až poskytovatel dá do pořádku svůj účet u WEDOS.",
  "reason.wedosCredit.admin":
    "Kreditní účet u WEDOS to nemůže zaplatit (je zamčený, neaktivní nebo na něm chybí kredit): dobijte ho nebo odemkněte v administraci WEDOS a pak úlohu zopakujte.",
  "reason.wedosRefused": "WEDOS změnu nepřijal: {wedos}.",
  "reason.wedosRefused.plain": "WEDOS změnu nepřijal.",
  "reason.wedosRefused.admin": "WEDOS požadavek odmítl: {wedos}. Zkontrolujte data v panelu a pak úlohu zopakujte.",
  "reason.wedosFailing": "WEDOS má právě potíže; změna se odešle znovu sama.",
  "reason.wedosFailing.admin": "WEDOS neodpověděl správně; požadavek se zopakuje sám.",
  "reason.wedosUnreachable": "WEDOS nebyl k zastižení; změna se odešle znovu sama.",
  "reason.wedosUnreachable.admin":
    "WEDOS nebyl z tohoto serveru k zastižení; pokud to trvá, zkontrolujte síťové spojení serveru s WEDOS.",
  "reason.wedosHourLimit":
    "Tento server už odeslal WEDOS všechny požadavky, které smí za tuto hodinu; změna proběhne sama.",
  "reason.wedosHourLimit.admin":
    "Požadavky na WAPI pro tuto hodinu jsou vyčerpány; odesílání se samo obnoví v příští hodině.",
  "reason.sendingPaused": "Změny k WEDOS jsou zatím pozdrženy. Nic se neztratí.",
  "reason.sendingPaused.admin": "Odesílání k WEDOS je pozastaveno; příčinu a nápravu uvádí pruh nahoře.",
  "reason.zoneFileMissing": "Server nedokázal přečíst DNS záznamy této domény.",
  "reason.zoneFileMissing.admin":
    "Panel nemá soubor zóny této domény: zkontrolujte dns.zoneDir (kontroluje ho wedos-panel doctor) a pak úlohu zopakujte.",
  "reason.zoneConflict": "Zóna této domény už u WEDOS existuje; převezme se jen se souhlasem vlastníka domény.",
  "reason.zoneConflict.admin":
    "U WEDOS existuje zóna této domény, kterou plugin nevytvořil: převezme se, až to vlastník domény schválí na stránce domény (nebo to správce s uvedením důvodu rozhodne na stránce Konflikty a odchylky), jinak ji tam ponechte.",
  "reason.notApplied": "Změna čeká na schválení, protože mění mnoho záznamů najednou.",
  "reason.notApplied.admin":
    "Neprovedeno: mění víc, než dovoluje bezpečnostní mez; zkontrolujte ji a proveďte na stránce Konflikty a odchylky.",
  "reason.domainGone": "Není co dělat: doména už na tomto serveru není.",
  "reason.nothingToCheck": "Teď není co porovnávat: zóna se u WEDOS v této podobě nevede, nebo čeká na rozhodnutí.",
  "reason.takenOver": "Stejná práce byla zařazena znovu; provedla ji úloha {job}.",
  "reason.internal": "Na tomto serveru se něco pokazilo.",
  "reason.internal.admin": "Na tomto serveru se to nepodařilo; co se stalo, uvádějí podrobnosti.",
  "wedos.2010": "příkaz není pro účet u WEDOS dostupný",
  "wedos.2011": "příkaz je pro účet u WEDOS vypnutý",
  "wedos.2100": "chyběla povinná hodnota",
  "wedos.2101": "hodnoty k sobě nepasují",
  "wedos.2202": "název domény není pro WEDOS platný",
  "wedos.2272": "IP adresa, kterou WEDOS nepřijímá",
  "wedos.2273": "tarif ochrany, který WEDOS nezná",
  "wedos.2277": "název začínající na www., který WEDOS Global nepřijímá",
  "wedos.2309": "typ záznamu, který WEDOS nepodporuje",
  "wedos.2310": "zóna dosáhla limitu počtu záznamů",
  "wedos.2311": "název záznamu, který WEDOS nepřijímá",
  "wedos.2312": "název záznamu, který pro jeho typ není platný",
  "wedos.2313": "záznam CNAME tam, kde ho WEDOS nedovoluje",
  "wedos.2314": "hodnota záznamu, kterou WEDOS nepřijímá",
  "wedos.2315": "TTL, které WEDOS nepřijímá",
  "wedos.2316": "záznam už existuje",
  "wedos.2317": "TTL mimo meze, které WEDOS dovoluje",
  "wedos.2318": "u sekundární zóny to nejde",
  "wedos.2319": "jde to jen u sekundární zóny",
  "wedos.2322": "účet dosáhl limitu počtu DNS zón",
  "wedos.3222": "zónu se nepodařilo otevřít",
  "wedos.3223": "zóna patří jinému účtu u WEDOS",
  "wedos.3303": "zóna už existuje",
  "wedos.3305": "zóna je uzamčena pro úpravy",
  "wedos.3309": "záznam už neexistuje",
  "delegation.unansweredPlain": "Ověření tentokrát nedostalo odpověď; zkusí se znovu samo.",
  "time.zone.utc": "Časy jsou uvedeny v UTC.",
  "time.zone.prague": "Časy jsou uvedeny v pražském čase.",
};
