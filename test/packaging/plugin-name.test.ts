import { readFileSync, readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { translator } from "../../src/web/i18n/index.js";

const root = new URL("../../", import.meta.url);
const read = (path: string) => readFileSync(new URL(path, root), "utf8");
const keyOf = (text: string, key: string) => new RegExp(`^${key}=(.*)$`, "m").exec(text)?.[1];

/** The one name the plugin goes by: the pages' title, DirectAdmin's and cPanel's menus and lists. */
const NAME = "WEDOS DNS";

describe("the plugin's name", () => {
  it("is the same in DirectAdmin's plugin list and menus, in Jupiter, in WHM and on the pages in both languages", () => {
    const names = new Map<string, string | undefined>([
      ["plugin.conf name", keyOf(read("plugin.conf"), "name")],
      ["WHM displayname", keyOf(read("cpanel/whm/wedos-panel.conf"), "displayname")],
      ["pages (en)", translator("en")("app.title")],
      ["pages (cs)", translator("cs")("app.title")],
    ]);
    const jupiter = JSON.parse(read("cpanel/plugin/install.json")) as Array<{ type: string; name: string }>;
    for (const link of jupiter.filter((item) => item.type === "link")) names.set("Jupiter link", link.name);
    for (const file of readdirSync(new URL("hooks/", root)).filter((each) => each.endsWith("_txt.html")))
      names.set(`hooks/${file}`, /<\/?img[^>]*>\s*([^<]+)<\/a>/.exec(read(`hooks/${file}`))?.[1]?.trim());
    expect(names.size).toBe(8);
    expect(Object.fromEntries(names)).toEqual(Object.fromEntries([...names.keys()].map((where) => [where, NAME])));
  });

  it("is what the entry scripts' own message names when the daemon does not answer", () => {
    for (const entry of ["user/index.html", "cpanel/plugin/index.live.pl", "cpanel/whm/index.cgi"])
      expect(read(entry), entry).toContain(`<strong>${NAME} is temporarily unavailable.</strong>`);
  });
});
