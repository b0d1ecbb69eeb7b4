import { describe, expect, it } from "vitest";
import { ancestorOf, elementsOf, parseHtml, textOf, type HtmlElement } from "../support/html.js";
import { csrfTokenIn, form, MAIN_PAGES, useHarnessWithEveryState, visitMainPage } from "./support.js";

/**
 * The structural rules every page keeps, checked on the real output of each main page of each level, embedded
 * (index.html) and raw (index.raw): what a keyboard or screen-reader user relies on. Colours are checked in
 * palette.test.ts; how it looks is not checked here.
 */
function violations(html: string, mode: "html" | "raw"): string[] {
  const { root, problems } = parseHtml(html);
  const found = [...problems];
  const all = elementsOf(root);
  const attr = (element: HtmlElement, name: string) => element.attributes.get(name);
  const describe = (element: HtmlElement) =>
    `<${element.name}${attr(element, "id") ? `#${attr(element, "id")}` : ""}${attr(element, "name") ? ` name=${attr(element, "name")}` : ""}>`;

  const ids = all.map((element) => attr(element, "id")).filter((id): id is string => id !== undefined);
  for (const id of new Set(ids))
    if (ids.filter((each) => each === id).length > 1) found.push(`the id ${id} is used twice`);
  const byId = new Map(
    all
      .filter((element) => attr(element, "id") !== undefined)
      .map((element) => [attr(element, "id") as string, element]),
  );
  const labelledBy = (element: HtmlElement) =>
    (attr(element, "aria-labelledby") ?? "")
      .split(/\s+/)
      .filter(Boolean)
      .map((id) => byId.get(id));
  const accessibleName = (element: HtmlElement) =>
    attr(element, "aria-label")?.trim() ||
    labelledBy(element)
      .map((label) => (label === undefined ? "" : textOf(label)))
      .join(" ")
      .trim() ||
    textOf(element);

  const headings = all.filter((element) => /^h[1-6]$/.test(element.name));
  const h1s = headings.filter((heading) => heading.name === "h1");
  if (h1s.length !== 1) found.push(`${h1s.length} h1 elements, not one`);
  let level = 0;
  for (const heading of headings) {
    const next = Number(heading.name.slice(1));
    if (next > level + 1) found.push(`<${heading.name}> "${textOf(heading)}" skips a level after h${level}`);
    if (textOf(heading) === "") found.push(`an empty <${heading.name}>`);
    level = next;
  }

  for (const control of all.filter(
    (element) => ["input", "select", "textarea"].includes(element.name) && attr(element, "type") !== "hidden",
  )) {
    const id = attr(control, "id");
    const forLabel =
      id === undefined ? undefined : all.find((element) => element.name === "label" && attr(element, "for") === id);
    const labelled =
      (forLabel !== undefined && textOf(forLabel) !== "") ||
      ancestorOf(control, "label") !== undefined ||
      (attr(control, "aria-label") ?? "").trim() !== "" ||
      labelledBy(control).some((label) => label !== undefined && textOf(label) !== "");
    if (!labelled) found.push(`${describe(control)} has no label`);
  }
  for (const label of all.filter((element) => element.name === "label" && attr(element, "for") !== undefined)) {
    if (!byId.has(attr(label, "for") as string)) found.push(`<label for=${attr(label, "for")}> points at nothing`);
  }

  for (const table of all.filter((element) => element.name === "table")) {
    const caption = elementsOf(table, "caption")[0];
    if ((caption === undefined || textOf(caption) === "") && accessibleName(table) === textOf(table))
      found.push("a table without a caption or label");
    const headers = elementsOf(table, "th");
    if (headers.length === 0) found.push("a table without header cells");
    for (const header of headers)
      if (!["col", "row", "colgroup", "rowgroup"].includes(attr(header, "scope") ?? ""))
        found.push(`<th> "${textOf(header)}" has no scope`);
  }

  for (const image of all.filter((element) => element.name === "img"))
    if (attr(image, "alt") === undefined) found.push(`<img src=${attr(image, "src")}> has no alt`);
  for (const link of all.filter((element) => element.name === "a")) {
    const href = attr(link, "href") ?? "";
    if (href === "" || href === "#" || href.startsWith("javascript:"))
      found.push(`a link "${textOf(link)}" that goes nowhere (use a button for an action)`);
    if (accessibleName(link) === "") found.push(`a link to ${href} without text`);
  }
  for (const button of all.filter((element) => element.name === "button")) {
    if (accessibleName(button) === "") found.push("a button without text");
    if (!["submit", "button", "reset"].includes(attr(button, "type") ?? ""))
      found.push(`the button "${textOf(button)}" has no type`);
  }
  for (const element of all)
    if (attr(element, "title") !== undefined)
      found.push(`${describe(element)} puts "${attr(element, "title")}" only in a title attribute`);
  for (const element of all)
    if (attr(element, "aria-current") !== undefined && attr(element, "aria-current") !== "page")
      found.push(`aria-current="${attr(element, "aria-current")}"`);
  const navs = all.filter((element) => element.name === "nav");
  for (const nav of navs) if ((attr(nav, "aria-label") ?? "").trim() === "") found.push("a <nav> without a label");
  if (new Set(navs.map((nav) => attr(nav, "aria-label"))).size !== navs.length)
    found.push("two <nav> with the same label");
  for (const element of all) {
    const classes = (attr(element, "class") ?? "").split(/\s+/);
    if (classes.includes("wedos-notice") && attr(element, "role") !== "status")
      found.push("a notice that is not a status (live) region");
    if ((classes.includes("wedos-error") || classes.includes("wedos-problems")) && attr(element, "role") !== "alert")
      found.push("an error that is not an alert");
  }

  const panel = all.find((element) => (attr(element, "class") ?? "").split(/\s+/).includes("wedos-panel"));
  if (panel === undefined) found.push("no .wedos-panel wrapper");
  if (mode === "raw") {
    const html = elementsOf(root, "html")[0];
    if ((html === undefined ? "" : (attr(html, "lang") ?? "")) === "") found.push("<html> without lang");
    const mains = elementsOf(root, "main");
    if (mains.length !== 1) found.push(`${mains.length} <main> elements, not one`);
    const firstLink = panel === undefined ? undefined : elementsOf(panel, "a")[0];
    if (firstLink === undefined || attr(firstLink, "href") !== `#${attr(mains[0] ?? firstLink, "id")}`)
      found.push("the first link is not a skip link to <main>");
    if (mains[0] !== undefined && !elementsOf(mains[0], "h1").length) found.push("the h1 is not inside <main>");
  } else {
    if (elementsOf(root, "main").length > 0) found.push("an embedded page adds a <main> to the skin's");
    if (panel !== undefined && (attr(panel, "lang") ?? "") === "") found.push("the embedded wrapper has no lang");
  }
  return found;
}

const harness = useHarnessWithEveryState();
const render = (level: keyof typeof MAIN_PAGES, mode: "html" | "raw", path: string, language = "en") =>
  visitMainPage(harness(), level, mode, path, language);

describe("every page is usable by keyboard and screen reader", () => {
  for (const level of ["user", "reseller", "admin"] as const) {
    it(`keeps the structural rules on the ${level} level's pages, embedded and raw, in English and Czech`, async () => {
      const broken: string[] = [];
      for (const path of MAIN_PAGES[level].paths) {
        for (const mode of ["html", "raw"] as const) {
          for (const language of ["en", "cs"]) {
            for (const problem of violations(await render(level, mode, path, language), mode))
              broken.push(`${level} ${mode} ${language} ${path}: ${problem}`);
          }
        }
      }
      expect(broken).toEqual([]);
    });
  }

  it("marks the current admin page in the navigation, and no other", async () => {
    for (const [path, label] of [
      ["/", "Domains"],
      ["/operations", "Operations"],
      ["/policies", "Package policies"],
      ["/settings", "WAPI settings"],
      ["/domains/carol.test", undefined],
    ] as const) {
      const { root } = parseHtml(await render("admin", "raw", path));
      const nav = elementsOf(root, "nav").find((each) => each.attributes.get("class") === "wedos-nav");
      const current = elementsOf(nav ?? root, "a").filter((link) => link.attributes.get("aria-current") === "page");
      expect(current.map(textOf), path).toEqual(label === undefined ? [] : [label]);
    }
    const { root } = parseHtml(await render("user", "raw", "/"));
    expect(elementsOf(root, "nav").map((nav) => nav.attributes.get("class"))).toEqual(["wedos-nav", "wedos-filters"]);
  });

  it("announces the result of an action in a live region, and names which row a button acts on", async () => {
    const h = harness();
    const session = h.da.login("bob");
    const page = await h.visit({ level: "user", session });
    const { root } = parseHtml(page.stdout);
    const buttons = elementsOf(root, "button").map(textOf);
    // bob.test waits (its row's one action is Sync now); alice.test's error row leads to its page instead.
    expect(buttons).toContain("Sync now bob.test");
    const after = await h.visit({
      level: "user",
      session,
      method: "POST",
      query: "p=/sync",
      post: form({ csrf: csrfTokenIn(page.stdout), domain: "bob.test" }),
    });
    const announced = elementsOf(parseHtml(after.stdout).root, "p")
      .filter((p) => p.attributes.get("role") === "status")
      .map(textOf);
    expect(announced).toContainEqual(expect.stringContaining("A sync of bob.test has been queued"));
    expect(announced).toContainEqual(expect.stringContaining("Sync of bob.test: waiting in the queue"));
    expect(violations(after.stdout, "html")).toEqual([]);
  });

  it("reports refused form input in an alert, and keeps the rules on that page", async () => {
    const h = harness();
    const session = h.da.login("admin");
    const token = csrfTokenIn((await h.visit({ level: "admin", session, query: "p=/policies" })).stdout);
    const refused = await h.visit({
      level: "admin",
      session,
      method: "POST",
      query: "p=/policies/save",
      post: form({ csrf: token, package: "../x", graceDays: "-1" }),
    });
    const { root } = parseHtml(refused.stdout);
    const alert = elementsOf(root, "ul").find((list) => list.attributes.get("role") === "alert");
    expect(alert === undefined ? [] : elementsOf(alert, "li").map(textOf)).toContain(
      "Grace days: enter a whole number from 0 to 365.",
    );
    expect(violations(refused.stdout, "html")).toEqual([]);
  });
});

describe("the structural checks", () => {
  it("find what they are meant to find", () => {
    const bad = `<div class="wedos-panel" lang="en"><h2>Skipped h1</h2><h4>Skip</h4><input id="a" name="q"><label for="zzz">x</label>
      <table><tr><th>No scope</th></tr></table><img src="x.png"><a href="#">Nowhere</a><a href="/x"></a><button>Go</button>
      <span title="only here">?</span><p class="wedos-notice">Saved</p><nav><a href="/a">A</a></nav><div id="d"></div><div id="d"></div></div><em>`;
    expect(violations(bad, "html")).toEqual([
      "<em> is never closed",
      "the id d is used twice",
      "0 h1 elements, not one",
      '<h2> "Skipped h1" skips a level after h0',
      '<h4> "Skip" skips a level after h2',
      "<input#a name=q> has no label",
      "<label for=zzz> points at nothing",
      "a table without a caption or label",
      '<th> "No scope" has no scope',
      "<img src=x.png> has no alt",
      'a link "Nowhere" that goes nowhere (use a button for an action)',
      "a link to /x without text",
      'the button "Go" has no type',
      '<span> puts "only here" only in a title attribute',
      "a <nav> without a label",
      "a notice that is not a status (live) region",
    ]);
  });
});
