import type { enDomain } from "./en-domain.js";

/** Czech texts of the domain page's records, name servers, aliases and DNS editor (part of cs.ts's catalogue). */
export const csDomain: Record<keyof typeof enDomain, string> = {
  "records.atWedos": "Záznamy ve WEDOS: {inSync} z {total}",
  "records.atWedosWaiting": "na další synchronizaci čeká: {count}",
  "records.atWedosRefused": "nepřijato: {count} (proč, uvádí tabulka)",
  "records.wedosSoa":
    "Záznam SOA zapisuje WEDOS u každé zóny sám a při každé změně sám zvyšuje jeho sériové číslo ({serial}); SOA z panelu se ve WEDOS nepoužívá",
  "records.wedosNs":
    "Za zónu odpovídají vlastní jmenné servery WEDOS; záznamy NS zóny z panelu se ve WEDOS nepoužívají",
  "editor.link": "Upravit záznamy domény {domain} ve Správě DNS v DirectAdminu",
  "editor.menu": "Záznamy se upravují v {path}.",
  "editor.ownerOnly": "Záznamy upravuje v DirectAdminu účet {owner}: pro změnu se přihlaste jako {owner}.",
  "nameservers.copy": "Kopírovat",
  "nameservers.copyAll": "Kopírovat vše",
  "nameservers.copied": "Zkopírováno",
  "nameservers.copyFailed": "Kopírování se nezdařilo; označte název a zkopírujte jej sami",
  "aliases.aliasOf": "Alias domény",
  "aliases.aliasOfHelp":
    "Tato doména je ukazatel (pointer): zobrazuje stejný web jako {domain} a WEDOS pro ni obsluhuje vlastní kopii zóny.",
  "aliases.title": "Aliasy (ukazatele)",
  "aliases.none": "žádné",
};
