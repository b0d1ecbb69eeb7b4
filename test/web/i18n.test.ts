import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  acceptedLanguages,
  CATALOGUES,
  chooseLanguage,
  PANEL_CATALOGUES,
  translator,
} from "../../src/web/i18n/index.js";
import { parseRaw, seedTenants, startWebHarness, type WebHarness } from "./support.js";

describe("the catalogues", () => {
  it("English and Czech have the same keys, the same parameters per key, and no empty text", () => {
    const { en, cs } = CATALOGUES;
    expect(Object.keys(cs).sort()).toEqual(Object.keys(en).sort());
    const parameters = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();
    for (const key of Object.keys(en) as Array<keyof typeof en>) {
      expect(parameters(cs[key]), key).toEqual(parameters(en[key]));
      expect(cs[key].trim(), key).not.toBe("");
      expect(en[key], key).not.toMatch(/[<>]/);
      expect(cs[key], key).not.toMatch(/[<>]/);
    }
  });

  it("on cPanel & WHM, replace every text that names DirectAdmin, in both languages, with the same parameters", () => {
    const parameters = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();
    const naming = Object.keys(CATALOGUES.en)
      .filter((key) => /DirectAdmin/.test(CATALOGUES.en[key as keyof typeof CATALOGUES.en]))
      .sort();
    expect(naming.length).toBeGreaterThan(0);
    for (const language of ["en", "cs"] as const) {
      const texts: Record<string, string> = PANEL_CATALOGUES.cpanel[language];
      expect(Object.keys(texts).sort(), language).toEqual(naming);
      for (const [key, text] of Object.entries(texts)) {
        expect(text, `${language} ${key}`).not.toMatch(/DirectAdmin|[<>]/);
        expect(parameters(text), `${language} ${key}`).toEqual(
          parameters(CATALOGUES[language][key as keyof typeof CATALOGUES.en]),
        );
      }
      const t = translator(language, "cpanel");
      for (const key of naming) expect(t(key as keyof typeof CATALOGUES.en)).not.toMatch(/DirectAdmin/);
      expect(t("page.user.title")).toBe(translator(language)("page.user.title"));
    }
  });

  it.each([
    ["cs-CZ,cs;q=0.9,en;q=0.8", ["cs-CZ", "cs", "en"]],
    ["en;q=0.5, cs", ["cs", "en"]],
    ["de, en;q=0, *;q=0.1", ["de"]],
    ["", []],
    [undefined, []],
  ] as const)("reads Accept-Language %j as %j", (header, expected) => {
    expect(acceptedLanguages(header)).toEqual(expected);
  });

  it.each([
    [["cs"], "cs"],
    [["cz"], "cs"],
    [["cs_CZ.UTF-8"], "cs"],
    [[undefined, "cs"], "cs"],
    [["en", "cs"], "en"],
    [["de", "cs"], "cs"],
    [["de"], "en"],
    [[], "en"],
  ] as const)("chooses %j → %s", (candidates, expected) => {
    expect(chooseLanguage(...candidates)).toBe(expected);
  });

  it("fills parameters and leaves unknown ones visible", () => {
    expect(translator("cs")("action.syncQueued", { domain: "a.test" })).toBe(
      "Synchronizace domény a.test je zařazena do fronty; proběhne do minuty.",
    );
    expect(translator("en")("identity.signedIn")).toBe("Signed in as {user}");
  });
});

describe("the page language", () => {
  let h: WebHarness;
  beforeEach(async () => {
    h = await startWebHarness();
    await seedTenants(h);
  });
  afterEach(async () => {
    await h.close();
  });

  it("is Czech for an account whose DirectAdmin language is Czech", async () => {
    h.da.setLanguage("alice", "cs");
    const { stdout } = await h.visit({ level: "user", session: h.da.login("alice") });
    expect(stdout).toContain('lang="cs"');
    expect(stdout).toContain("Moje domény");
    expect(stdout).toContain("Přihlášen jako alice (uživatel)");
    expect(stdout).toContain("Synchronizovat");
  });

  it("follows DirectAdmin's LANGUAGE when the page gets one, over the account's setting", async () => {
    h.da.setLanguage("alice", "cs");
    const english = await h.visit({ level: "user", session: h.da.login("alice"), env: { LANGUAGE: "en" } });
    expect(english.stdout).toContain("My domains");
    const czech = await h.visit({ level: "user", session: h.da.login("bob"), env: { LANGUAGE: "cs" } });
    expect(czech.stdout).toContain("Moje domény");
  });

  it("speaks LANGUAGE on error pages, before any session is verified", async () => {
    const session = h.da.login("alice");
    h.da.logout(session);
    const { status, body } = parseRaw(
      (await h.visit({ level: "user", file: "index.raw", session, env: { LANGUAGE: "cs" } })).stdout,
    );
    expect(status).toBe(401);
    expect(body).toContain("Vaše přihlášení do DirectAdminu vypršelo. Přihlaste se prosím znovu.");
  });
});
