import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { AUDIT_RULES, MIXED_TTL_RULE } from "../../src/sync/audit-rules.js";
import { CATALOGUES, translator } from "../../src/web/i18n/index.js";
import { recordNote } from "../../src/web/view-models/record-note.js";
import { englishOnlyFragments } from "../support/catalogue.js";
import { MAIN_PAGES, useHarnessWithEveryState, visitMainPage } from "./support.js";

const VIEWS = new URL("../../views/", import.meta.url).pathname;

/** Words a template may write itself: the same in every language. */
const LANGUAGE_NEUTRAL = new Set(["UTC"]);

/** Attributes whose value a visitor reads or hears. */
const READ_ATTRIBUTES = ["aria-label", "alt", "title", "placeholder", "aria-description"];

function templates(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? templates(join(dir, entry.name)) : entry.name.endsWith(".ejs") ? [join(dir, entry.name)] : [],
  );
}

/** What a template writes by itself: its text and read attributes, with every EJS tag and comment taken out. */
function ownWords(template: string): string[] {
  const withoutEjs = template.replace(/<%[\s\S]*?%>/g, " ").replace(/<!--[\s\S]*?-->/g, " ");
  const attributes = [
    ...withoutEjs.matchAll(new RegExp(`\\s(?:${READ_ATTRIBUTES.join("|")})\\s*=\\s*"([^"]*)"`, "g")),
  ].map((match) => match[1] as string);
  const text = withoutEjs.replace(/<[^>]*>/g, " ");
  return [...attributes, text]
    .flatMap((part) => part.match(/\p{L}[\p{L}'-]*/gu) ?? [])
    .filter((word) => !LANGUAGE_NEUTRAL.has(word));
}

describe("page texts", () => {
  it("come from the catalogues: no template writes words of its own", () => {
    const found = templates(VIEWS).flatMap((file) =>
      ownWords(readFileSync(file, "utf8")).map((word) => `${relative(VIEWS, file)}: ${word}`),
    );
    expect(found).toEqual([]);
  });

  it("the check above sees words in text and in read attributes, not in EJS, markup or comments", () => {
    expect(ownWords('<p class="x"><%= t("a.b") %> · 10:00 UTC</p><%# a comment %><!-- note -->')).toEqual([]);
    expect(ownWords('<th scope="col">#</th><button aria-label="Close">×</button><p>Save <%= x %></p>')).toEqual([
      "Close",
      "Save",
    ]);
  });

  it("say every capability-audit rule in each language", () => {
    for (const rule of [...AUDIT_RULES.map((each) => each.id), MIXED_TTL_RULE.id]) {
      const state = { name: "www", type: "CNAME", ttl: 300, note: "the English reason", rule };
      for (const language of Object.keys(CATALOGUES) as Array<keyof typeof CATALOGUES>) {
        const text = recordNote(translator(language), state);
        expect(text, `${rule} in ${language}`).not.toBe("the English reason");
        expect(text, `${rule} in ${language}`).not.toMatch(/\{\w+\}/);
      }
    }
  });
});

/** English texts seedEveryState stores as data, which pages show as they are. */
const SEEDED_DATA_TEXTS = ["a zone for carol.test already exists at WEDOS", "WEDOS refused the zone"];

describe("a Czech visitor", () => {
  const harness = useHarnessWithEveryState();

  const englishFragments = englishOnlyFragments();

  it("sees no English catalogue text and no catalogue key on any main page", async () => {
    const keys = Object.keys(CATALOGUES.en);
    const leftovers: string[] = [];
    for (const [level, { paths }] of Object.entries(MAIN_PAGES) as Array<
      [keyof typeof MAIN_PAGES, (typeof MAIN_PAGES)[keyof typeof MAIN_PAGES]]
    >) {
      for (const path of paths) {
        let html = (await visitMainPage(harness(), level, "raw", path, "cs")).replace(/&#39;/g, "'");
        // Reasons stored by the core (a conflict's detail, a domain's last error) are data, kept in English.
        for (const text of SEEDED_DATA_TEXTS) html = html.replaceAll(text, "");
        for (const fragment of englishFragments)
          if (html.includes(fragment)) leftovers.push(`${level} ${path}: "${fragment}"`);
        for (const key of keys)
          if (html.includes(`>${key}<`) || html.includes(`"${key}"`))
            leftovers.push(`${level} ${path}: the key ${key}`);
      }
    }
    expect(englishFragments.length).toBeGreaterThan(100);
    expect(leftovers).toEqual([]);
  });

  it("reads why a record is not accepted in Czech", async () => {
    const html = await visitMainPage(harness(), "user", "html", "/domains/alice.test", "cs");
    expect(html).toContain("Záznam SOA zapisuje WEDOS u každé zóny sám");
    expect(html).not.toContain("WEDOS writes this SOA");
  });
});
