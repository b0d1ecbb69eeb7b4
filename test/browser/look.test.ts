import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tempDir } from "../support/temp-dir.js";
import { MAIN_PAGES, useHarnessWithEveryState, visitMainPage } from "../web/support.js";

/**
 * The pages in a real browser (Debian's Chromium at /usr/bin/chromium, through playwright-core): narrow screens,
 * light and dark mode, keyboard focus. The page is written to a file that links the repository's
 * images/wedos.css, as DirectAdmin would serve it.
 */
const CSS = fileURLToPath(new URL("../../images/wedos.css", import.meta.url));
const harness = useHarnessWithEveryState();
let browser: Browser;
beforeAll(async () => {
  browser = await chromium.launch({ executablePath: "/usr/bin/chromium" });
});
afterAll(async () => {
  await browser?.close();
});

async function open(
  level: keyof typeof MAIN_PAGES,
  path: string,
  options: { width?: number; scheme?: "light" | "dark"; mode?: "html" | "raw" } = {},
): Promise<Page> {
  const mode = options.mode ?? "raw";
  const html = (await visitMainPage(harness(), level, mode, path)).replace(
    /href="[^"]*\/images\/wedos\.css"/,
    `href="file://${CSS}"`,
  );
  const file = join(tempDir("wedos-look-"), "page.html");
  writeFileSync(
    file,
    mode === "raw" ? html : `<!doctype html><html><head><meta charset="utf-8"></head><body>${html}</body></html>`,
  );
  const page = await browser.newPage({
    viewport: { width: options.width ?? 1280, height: 800 },
    colorScheme: options.scheme ?? "light",
  });
  await page.goto(`file://${file}`);
  return page;
}

// Browser-side code is passed as text: the project's TypeScript has no DOM types (it never runs in a browser).
const panelBackground = (page: Page) =>
  page.evaluate<string>(`getComputedStyle(document.querySelector(".wedos-panel")).backgroundColor`);

describe("the pages in a browser", () => {
  it("fit a 360 px wide phone: only tables scroll sideways, inside their own box", async () => {
    const overflowing: string[] = [];
    for (const [level, { paths }] of Object.entries(MAIN_PAGES) as Array<
      [keyof typeof MAIN_PAGES, (typeof MAIN_PAGES)[keyof typeof MAIN_PAGES]]
    >) {
      for (const path of paths) {
        const page = await open(level, path, { width: 360 });
        const width = await page.evaluate<number>("document.documentElement.scrollWidth");
        if (width > 360) overflowing.push(`${level} ${path}: ${width} px`);
        await page.close();
      }
    }
    expect(overflowing).toEqual([]);
  }, 60_000);

  it("stack a form's labels above their fields on a phone and beside them on a desktop", async () => {
    const layout = async (width: number) => {
      const page = await open("admin", "/policies", { width });
      const [labelBottom, fieldTop] = await page.evaluate<[number, number]>(
        `[document.querySelector("label[for='policy-0-dnsMode']").getBoundingClientRect().bottom, document.querySelector("#policy-0-dnsMode").getBoundingClientRect().top]`,
      );
      await page.close();
      return labelBottom <= fieldTop ? "stacked" : "beside";
    };
    expect(await layout(360)).toBe("stacked");
    expect(await layout(1280)).toBe("beside");
  });

  it("follow the visitor's dark mode, and a data-theme on the wrapper overrides it", async () => {
    const light = await open("user", "/", { scheme: "light" });
    const dark = await open("user", "/", { scheme: "dark" });
    const lightBackground = await panelBackground(light);
    const darkBackground = await panelBackground(dark);
    expect(lightBackground).toBe("rgb(255, 255, 255)");
    expect(darkBackground).not.toBe(lightBackground);
    await dark.evaluate(`document.querySelector(".wedos-panel").setAttribute("data-theme", "light")`);
    expect(await panelBackground(dark)).toBe(lightBackground);
    await light.evaluate(`document.querySelector(".wedos-panel").setAttribute("data-theme", "dark")`);
    expect(await panelBackground(light)).toBe(darkBackground);
    await light.close();
    await dark.close();
  });

  it("show a visible focus ring, and the skip link first, to keyboard users", async () => {
    const page = await open("user", "/");
    await page.keyboard.press("Tab");
    const focused = () =>
      page.evaluate<{
        tag: string;
        id: string;
        href: string | null;
        top: number;
        outline: string;
        width: number;
      }>(`(() => {
        const element = document.activeElement, style = getComputedStyle(element);
        return { tag: element.tagName, id: element.id, href: element.getAttribute("href"), top: element.getBoundingClientRect().top, outline: style.outlineStyle, width: parseFloat(style.outlineWidth) };
      })()`);
    const skip = await focused();
    expect(skip).toMatchObject({ href: "#wedos-main", outline: "solid" });
    expect(skip.top).toBeGreaterThanOrEqual(0);
    await page.keyboard.press("Enter");
    expect((await focused()).id).toBe("wedos-main");
    for (let i = 0; i < 12 && (await focused()).tag !== "BUTTON"; i++) await page.keyboard.press("Tab");
    const ring = await focused();
    expect(ring).toMatchObject({ tag: "BUTTON", outline: "solid" });
    expect(ring.width).toBeGreaterThanOrEqual(2);
    await page.close();
  });

  it("style an embedded page only inside its wrapper, leaving the skin's page alone", async () => {
    const page = await open("user", "/", { mode: "html", scheme: "dark" });
    const body = await page.evaluate<{ background: string; font: string }>(
      `({ background: getComputedStyle(document.body).backgroundColor, font: getComputedStyle(document.body).fontFamily })`,
    );
    expect(body.background).toBe("rgba(0, 0, 0, 0)");
    expect(body.font).not.toContain("Open Sans");
    await page.close();
  });
});
