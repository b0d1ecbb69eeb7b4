import type { enLimits } from "./en-limits.js";

/** Czech texts of the spending limits (the same keys as en-limits.ts). */
export const csLimits: Record<keyof typeof enLimits, string> = {
  "page.limits.title": "Limity útraty",
  "limits.intro.admin":
    "Měsíční strop toho, co se zákazníkovi, nebo všem zákazníkům jednoho prodejce dohromady, vyúčtuje ({vat}). Nic placeného se nad něj neobjedná: zapnutí ochrany, balíček, který ochranu objednává, změna tarifu i nová doména, jejíž balíček ochranu objednává, se odmítnou se zprávou. Od 80 % upozorní stránky zákazníka, prodejce i vaše.",
  "limits.intro.reseller":
    "Měsíční strop toho, co se každému z vašich zákazníků vyúčtuje ({vat}), nikdy nad váš vlastní limit. Nic placeného se nad něj neobjedná; od 80 % upozorní vaše stránky i stránky zákazníka.",
  "limits.vat.included": "s DPH",
  "limits.vat.excluded": "bez DPH",
  "limits.own.title": "Váš vlastní limit",
  "limits.own.none": "Administrátor serveru vašim zákazníkům dohromady žádný měsíční limit nenastavil.",
  "limits.own.set": "Vašim zákazníkům dohromady lze vyúčtovat {limit} měsíčně; tento měsíc zatím: {spent} ({used} %).",
  "limits.resellers": "Prodejci",
  "limits.customers": "Zákazníci",
  "limits.col.name": "Účet",
  "limits.col.reseller": "Prodejce",
  "limits.col.limit": "Měsíční limit",
  "limits.col.spent": "Tento měsíc",
  "limits.col.used": "Vyčerpáno",
  "limits.col.change": "Změna",
  "limits.none": "žádný",
  "limits.state.warning": "vyčerpáno 80 % a více",
  "limits.state.over": "nad limitem",
  "limits.state.currency": "v jiné měně než vyúčtování: nastavte ho znovu",
  "limits.amount.label": "Nový měsíční limit účtu {name} v {currency}",
  "limits.save": "Nastavit",
  "limits.remove": "Zrušit limit",
  "limits.search.label": "Najít účet",
  "limits.search.button": "Najít",
  "limits.empty": "Žádné účty.",
  "limits.truncated": "Zobrazeno je jen prvních {count} účtů: zužte seznam hledáním.",
  "limits.saved": "Měsíční limit účtu {name} je nyní {amount}.",
  "limits.removed": "Účet {name} teď nemá měsíční limit.",
  "limits.notRemoved": "Účet {name} žádný limit neměl.",
  "limits.badAmount": "Zadejte limit jako částku, např. 500,00, nejvýše se dvěma desetinnými místy.",
  "limits.badScope": "Zvolte, zda jde o limit zákazníka, nebo prodejce.",
  "limits.unknown": "Účet {name} na tomto serveru není.",
  "limits.refused.currency": "Limity jsou v {currency}, měně vyúčtování: zadejte částku v {currency}.",
  "limits.refused.negative": "Limit nemůže být záporný: zadejte 0 nebo více.",
  "limits.refused.reseller-scope": "Limit prodejce nastavuje jen administrátor serveru.",
  "limits.refused.admin-not-reseller":
    "{name} je administrátor: jeho vlastní zákazníci nejsou zákazníky prodejce, proto nemá limit prodejce. Dejte místo toho limit každému z nich.",
  "limits.refused.not-your-customer": "{name} není váš zákazník.",
  "limits.refused.remove-under-own":
    "Na vaše zákazníky se vztahuje váš vlastní měsíční limit: dejte místo toho účtu {name} limit nejvýše ve výši vašeho.",
  "limits.refused.above-own": "Limit zákazníka nemůže být vyšší než váš vlastní měsíční limit {own}.",
  "limits.warn.self.warning":
    "Vyúčtování za tento měsíc dosáhlo {used} % vašeho měsíčního limitu útraty ({spent} z {limit}). Placené služby, které by ho překročily, nelze objednat.",
  "limits.warn.self.over":
    "Vyúčtování za tento měsíc je nad vaším měsíčním limitem útraty ({spent} z {limit}). Žádnou placenou službu nelze objednat do příštího měsíce, nebo dokud poskytovatel limit nezvýší.",
  "limits.warn.reseller.warning":
    "Vyúčtování vašich zákazníků za tento měsíc dosáhlo {used} % vašeho měsíčního limitu útraty ({spent} z {limit}).",
  "limits.warn.reseller.over":
    "Vyúčtování vašich zákazníků za tento měsíc je nad vaším měsíčním limitem útraty ({spent} z {limit}): nic placeného pro ně nelze objednat.",
  "limits.warn.others": "Limity útraty vyčerpané z 80 % a více tento měsíc: {count}.",
  "limits.warn.link": "Zobrazit limity útraty",
  "limits.warn.currency":
    "Limit útraty je v jiné měně než vyúčtování ({currency}), takže tam, kde platí, nelze objednat nic placeného: nastavte ho znovu v {currency}.",
  "limits.refusedOrder.title": "Neobjednáno",
  "reason.spendLimit":
    "Neobjednáno: stojí {price} {currency} a tento měsíc by překročil váš limit útraty {limit} {currency}. Požádejte poskytovatele o zvýšení limitu, nebo objednejte příští měsíc.",
  "reason.spendLimit.admin":
    "Neobjednáno: stojí {price} {currency} a měsíc účtu {name} by překročil jeho limit útraty {limit} {currency}. Zvyšte limit na stránce limitů útraty a objednejte znovu.",
  "reason.spendLimitReseller":
    "Neobjednáno: měsíční limit útraty nastavený poskytovatelem to tento měsíc nedovoluje. Obraťte se na poskytovatele.",
  "reason.spendLimitReseller.admin":
    "Neobjednáno: zákazníci prodejce {name} by překročili svůj měsíční limit útraty {limit} {currency}. Zvyšte limit na stránce limitů útraty a objednejte znovu.",
};
