import type { enOps } from "./en-ops.js";

/** Czech texts of the operations page's gauge and chart, and of the package-policy form (same keys as en-ops.ts). */
export const csOps: Record<keyof typeof enOps, string> = {
  "budget.level.ok": "v rámci limitu",
  "budget.level.warn": "využito 80 % a více: práce na pozadí se zpomaluje",
  "budget.level.critical": "využito 95 % a více: odesílají se jen akce uživatelů",
  "budget.gaugeLabel": "Využito {percent} % požadavků této hodiny",
  "budget.chartDesc":
    "Sloupce požadavků na WEDOS v každé z posledních 24 hodin vůči hodinovému limitu {limit}; čáry značí 80 % a 95 %. Celkem {total} požadavků, nejvíce {peak} v {peakHour}; odmítnuto {rejected}.",
  "budget.chartLegend": "Oranžová: 80 % limitu a více; červená: 95 % a více; tmavá pata sloupce: odmítnuté požadavky.",
  "budget.tableSummary": "Tytéž hodiny jako tabulka",
  "policy.help.dnsMode":
    "Primární: WEDOS odpovídá za domény se záznamy vedenými na tomto serveru. Sekundární: WEDOS si každou zónu přebírá z tohoto serveru. Vypnuto: plugin DNS domén nechává být.",
  "policy.help.protection":
    "Ochrana WEDOS Global (proti útokům, s firewallem a cache) objednaná pro každou doménu balíčku a placená z vašeho kreditu u WEDOS. Žádná: bez ochrany.",
  "policy.help.protectionPeriod": "Jak často WEDOS ochranu účtuje: každý měsíc, nebo jednou ročně.",
  "policy.help.protectionMode":
    "NS: ochrana začne, jakmile doména používá jmenné servery WEDOS. CNAME: pro domény s DNS jinde (subdomény vždy používají CNAME).",
  "policy.help.protectionChoice":
    "Zda si zákazník může ochranu na stránce domény zapnout a vypnout, a zda je na začátku zapnutá, nebo vypnutá.",
  "policy.help.onSuspend":
    "Ponechat: DNS zůstane beze změny, dokud je účet pozastavený (pošta dál funguje). Stáhnout: zóny se u WEDOS po dobu pozastavení odstraní a po obnovení účtu vrátí.",
  "policy.help.termination":
    "Smazat: když se tu účet nebo doména smaže, její zóna a ochrana se u WEDOS odstraní po uplynutí ochranné lhůty. Ponechat: zůstanou u WEDOS.",
  "policy.help.graceDays":
    "Dny mezi smazáním domény zde a odstraněním její zóny u WEDOS; když doménu během nich znovu vytvoříte, odstranění se zruší.",
  "policy.help.zoneQuota":
    "Kolik domén a aliasů jednoho účtu smí mít zónu u WEDOS; 0 znamená bez omezení. Kontroluje se dříve, než panel doménu vytvoří.",
  "policy.protectionLegend": "Nastavení ochrany",
  "policy.protectionOff": "Platí, až když výše zvolíte tarif ochrany.",
  "policy.price": "Cena",
  "policy.priceKnown": "{amount} {currency} ({period}): tolik WEDOS naposledy za tento tarif účtoval",
  "policy.priceUnknown": "cena neznámá — WEDOS naúčtuje cenu podle svého ceníku",
  "policy.choosePackage": "Balíček panelu",
  "policy.allHavePolicies": "Každý balíček, který panel nabízí, má vlastní pravidla.",
  "policy.panelHasNone": "Panel zatím nenabízí žádné balíčky: vytvořte balíček v panelu a pak mu tu nastavte pravidla.",
  "policy.notInPanel": "Panel tento balíček (už) nenabízí; účty, které ho stále mají, se řídí těmito pravidly.",
  "policy.packagesUnreadable": "Seznam balíčků panelu nelze přečíst: {reason}",
  "policy.notPanelPackage": "{package} není balíček panelu: vyberte jeden ze seznamu.",
};
