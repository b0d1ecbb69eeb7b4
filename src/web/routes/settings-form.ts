import { httpUrl, wapiLogin } from "../../config/schema.js";
import type { WapiEnvironmentSetting } from "../../config/load.js";
import type { WapiSettings } from "../../model/wapi-settings.js";
import { Secret } from "../../util/secret.js";
import type { PageBody } from "../da-input.js";
import { bodyField } from "../da-input.js";
import type { Translate } from "../i18n/index.js";

/** What the settings form asks for; the password is write-only. */
export interface SettingsFormInput {
  url: string;
  login: string;
  password: Secret | undefined;
}

export type SettingsFormResult =
  | { ok: true; input: SettingsFormInput; changed: Array<"url" | "login" | "password"> }
  | { ok: false; problems: string[]; url: string; login: string };

/** The longest WAPI password accepted (WEDOS documents none; this only stops absurd input). */
const MAX_PASSWORD_LENGTH = 256;
/** A login is the account's e-mail address. */
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const VARIABLE: Readonly<Record<"url" | "login" | "password", string>> = {
  url: "WEDOS_WAPI_URL",
  login: "WEDOS_WAPI_LOGIN",
  password: "WEDOS_WAPI_PASSWORD",
};

/**
 * Reads and checks the settings form. An absent field keeps the current value (a disabled input is not sent); an
 * empty password keeps the current one. A setting an environment variable fixes cannot be changed here. Problems
 * are texts in the visitor's language; none of them repeats the password.
 */
export function readSettingsForm(
  body: PageBody,
  current: WapiSettings,
  fixed: ReadonlyArray<WapiEnvironmentSetting>,
  t: Translate,
): SettingsFormResult {
  const url = (bodyField(body, "url") ?? current.url).trim();
  const login = (bodyField(body, "login") ?? current.login).trim();
  const rawPassword = bodyField(body, "password") ?? "";
  const problems: string[] = [];

  if (!httpUrl.safeParse(url).success) problems.push(t("settings.invalid.url"));
  if (!wapiLogin.safeParse(login).success || !EMAIL.test(login) || login.length > 254)
    problems.push(t("settings.invalid.login"));
  const password = rawPassword === "" ? undefined : rawPassword;
  if (password !== undefined && (/[\u0000-\u001f\u007f]/.test(password) || password.length > MAX_PASSWORD_LENGTH))
    problems.push(t("settings.invalid.password", { max: MAX_PASSWORD_LENGTH }));

  const changed: Array<"url" | "login" | "password"> = [];
  if (url !== current.url) changed.push("url");
  if (login !== current.login) changed.push("login");
  if (password !== undefined) changed.push("password");
  for (const field of changed) {
    if (fixed.includes(field))
      problems.push(t("settings.fixedByEnvironment", { field: t(`settings.${field}`), variable: VARIABLE[field] }));
  }
  if (problems.length > 0) return { ok: false, problems, url, login };
  return {
    ok: true,
    input: { url, login, password: password === undefined ? undefined : new Secret(password) },
    changed,
  };
}
