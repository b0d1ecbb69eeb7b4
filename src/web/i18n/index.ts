import { cs } from "./cs.js";
import { en, type MessageKey } from "./en.js";

export type { MessageKey } from "./en.js";

/** The languages the pages speak; English is the fallback. */
export const CATALOGUES = { en, cs } as const satisfies Record<string, Record<MessageKey, string>>;
export type Language = keyof typeof CATALOGUES;

/** Looks a text up and fills in its `{name}` parameters. The result is plain text: templates escape it. */
export type Translate = (key: MessageKey, params?: Readonly<Record<string, string | number>>) => string;

/**
 * The language for a visitor: DirectAdmin's `LANGUAGE` when the page got one, else the `language` of the account
 * (CMD_API_SHOW_USER_CONFIG), else English. DirectAdmin's language packs have been called both `cs` and `cz`, and
 * locales may come as `cs_CZ`, so only the first part counts and `cz` means Czech.
 */
export function chooseLanguage(...candidates: ReadonlyArray<string | undefined>): Language {
  for (const candidate of candidates) {
    const code = candidate?.trim().toLowerCase().split(/[-_.]/)[0];
    if (code === undefined || code === "") continue;
    if (code === "cs" || code === "cz") return "cs";
    if (code === "en") return "en";
  }
  return "en";
}

/** The translator of one language (missing keys cannot happen: the catalogues share one key type). */
export function translator(language: Language): Translate {
  const catalogue: Record<MessageKey, string> = CATALOGUES[language];
  // A key can only be missing at run time when a new status value reaches a page before its text does.
  return (key, params = {}) => (catalogue[key] ?? key).replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}
