import type { PanelKind } from "../../model/panel-kind.js";
import { cs, csCpanel } from "./cs.js";
import { timeFormatter, type FormatTime } from "./format.js";
import { moneyFormatter, type FormatMoney } from "./money-format.js";
import { en, enCpanel, type MessageKey, type PanelMessageKey } from "./en.js";

export type { MessageKey, PanelMessageKey } from "./en.js";

/** The languages the pages speak; English is the fallback. */
export const CATALOGUES = { en, cs } as const satisfies Record<string, Record<MessageKey, string>>;
export type Language = keyof typeof CATALOGUES;

/**
 * The texts that name the panel, per panel: the catalogues above say DirectAdmin, so DirectAdmin replaces none and
 * cPanel & WHM replaces every one (a test holds that).
 */
export const PANEL_CATALOGUES = {
  directadmin: { en: {}, cs: {} },
  cpanel: { en: enCpanel, cs: csCpanel },
} as const satisfies Record<PanelKind, Record<Language, Partial<Record<PanelMessageKey, string>>>>;

/**
 * Looks a text up and fills in its `{name}` parameters. The result is plain text: templates escape it. `time` writes
 * an instant as the language does, in the page's one time zone (format.ts), so every text and time of a page agree;
 * `money` writes an amount as the language does (money-format.ts).
 */
export type Translate = ((key: MessageKey, params?: Readonly<Record<string, string | number>>) => string) & {
  time: FormatTime;
  money: FormatMoney;
};

/**
 * The language for a visitor: DirectAdmin's `LANGUAGE` when the page got one, else the `language` of the account
 * (CMD_API_SHOW_USER_CONFIG), else English. DirectAdmin's language packs have been called both `cs` and `cz`, and
 * locales may come as `cs_CZ`, so only the first part counts and `cz` means Czech.
 */
export function chooseLanguage(...candidates: ReadonlyArray<string | undefined>): Language {
  for (const candidate of candidates) {
    const language = supportedLanguage(candidate);
    if (language !== undefined) return language;
  }
  return "en";
}

/** The language a code or locale names (`cs`, `cz`, `cs_CZ.UTF-8`, `en-GB`) if the pages speak it. */
export function supportedLanguage(candidate: string | undefined): Language | undefined {
  const code = candidate?.trim().toLowerCase().split(/[-_.]/)[0];
  if (code === "cs" || code === "cz") return "cs";
  if (code === "en") return "en";
  return undefined;
}

/**
 * The languages an HTTP `Accept-Language` header asks for, most wanted first (`q=0` means "not this"), for
 * {@link chooseLanguage}: cPanel passes the browser's header, not the account's language.
 */
export function acceptedLanguages(header: string | undefined): string[] {
  const ranked = (header ?? "").split(",").map((part, index) => {
    const [tag = "", ...params] = part.split(";").map((piece) => piece.trim());
    const q = params.find((param) => param.startsWith("q="));
    return { tag, q: q === undefined ? 1 : Number(q.slice(2)), index };
  });
  return ranked
    .filter((each) => each.tag !== "" && each.tag !== "*" && each.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index)
    .map((each) => each.tag);
}

/**
 * The translator of one language on one panel (missing keys cannot happen: the catalogues share one key type);
 * on cPanel & WHM the texts that name the panel are cPanel's.
 */
export function translator(language: Language, panel: PanelKind = "directadmin"): Translate {
  const catalogue: Record<MessageKey, string> = { ...CATALOGUES[language], ...PANEL_CATALOGUES[panel][language] };
  // A key can only be missing at run time when a new status value reaches a page before its text does.
  const translate = (key: MessageKey, params: Readonly<Record<string, string | number>> = {}): string =>
    (catalogue[key] ?? key).replace(/\{(\w+)\}/g, (whole, name: string) =>
      name in params ? String(params[name]) : whole,
    );
  return Object.assign(translate, { time: timeFormatter(language), money: moneyFormatter(language) });
}

/** Whether `key` is a text the catalogues have (a task's progress label, a WEDOS code's words). */
export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(CATALOGUES.en, key);
}
