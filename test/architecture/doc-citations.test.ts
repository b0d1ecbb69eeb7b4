import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { citationsIn, headingAnchors } from "./citations.js";

// Code and docs cite the project's own reference documents by heading (`docs/reference/wapi.md#transport`). A
// renamed heading or a mistyped anchor leaves a reader with nothing to follow, so every citation must resolve.
const root = fileURLToPath(new URL("../..", import.meta.url));
const SCANNED = ["src", "test", "docs", "scripts", "cpanel", "hooks", "views", "README.md"];
const SKIPPED = new Set(["node_modules", "fixtures"]);

function filesUnder(path: string): string[] {
  const entries = readdirSync(join(root, path), { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile() && !entry.parentPath.split("/").some((part) => SKIPPED.has(part)))
    .map((entry) => relative(root, join(entry.parentPath, entry.name)));
}

function scannedFiles(): string[] {
  return SCANNED.flatMap((path) => (path.includes(".") ? [path] : filesUnder(path))).filter(
    (file) => !/\.(png|db|svg)$/.test(file),
  );
}

describe("citations of docs/reference", () => {
  const documents = new Map<string, Set<string>>();
  const anchorsOf = (document: string): Set<string> | undefined => {
    if (!documents.has(document)) {
      try {
        documents.set(document, headingAnchors(readFileSync(join(root, "docs/reference", document), "utf8")));
      } catch {
        return undefined;
      }
    }
    return documents.get(document);
  };

  it("every cited document exists and every cited anchor is one of its headings", () => {
    const broken: string[] = [];
    let count = 0;
    for (const file of scannedFiles()) {
      const here = file.startsWith("docs/reference/") ? file.slice("docs/reference/".length) : undefined;
      for (const citation of citationsIn(readFileSync(join(root, file), "utf8"), here)) {
        count++;
        const anchors = anchorsOf(citation.document);
        if (!anchors) broken.push(`${file}:${citation.line}: docs/reference/${citation.document} does not exist`);
        else if (citation.anchor !== undefined && !anchors.has(citation.anchor)) {
          broken.push(
            `${file}:${citation.line}: docs/reference/${citation.document} has no heading #${citation.anchor}`,
          );
        }
      }
    }
    expect(broken).toEqual([]);
    // The scan found the citations at all (a broken pattern would find none and pass).
    expect(count).toBeGreaterThan(200);
  });
});

describe("the repository stands alone", () => {
  // Whoever clones the repository has neither the issues nor any document outside it; RFC sections are public.
  const OUTSIDE = [
    { what: "an issue", pattern: /\bissue \d+|next issue/i },
    { what: "a section of a document outside the repository", pattern: /(?<!RFC \d+ )§\s*\d/ },
    { what: "a folder outside the repository", pattern: /\.\.\/shared\b|\bshared\/reference\b/ },
  ];
  const self = relative(root, fileURLToPath(import.meta.url));

  it("no code, test or document cites what is not in it", () => {
    const found: string[] = [];
    for (const file of scannedFiles().filter((each) => each !== self)) {
      readFileSync(join(root, file), "utf8")
        .split("\n")
        .forEach((line, index) => {
          for (const { what, pattern } of OUTSIDE) {
            if (pattern.test(line)) found.push(`${file}:${index + 1} cites ${what}: ${line.trim()}`);
          }
        });
    }
    expect(found).toEqual([]);
  });
});

describe("reading citations", () => {
  it("turns headings into the anchors a Markdown viewer gives them", () => {
    const anchors = headingAnchors("# Title\n## Sessions, CSRF and the API\n### dns_write_post\n## Notes\n## Notes\n");
    expect([...anchors]).toEqual(["title", "sessions-csrf-and-the-api", "dns_write_post", "notes", "notes-1"]);
  });

  it("ignores headings inside code blocks", () => {
    expect([...headingAnchors("## Real\n```\n# not a heading\n```\n")]).toEqual(["real"]);
  });

  it("reads a citation, the anchors that continue it, and relative links", () => {
    const text = [
      "// see docs/reference/wapi.md#transport, #request-envelope and",
      "// #response-envelope; docs/reference/dns-sync.md as a whole.",
      "[the list](../reference/directadmin.md#urls) and [here](#local) and [other](wapi.md#auth)",
    ].join("\n");
    expect(citationsIn(text, "cpanel.md")).toEqual([
      { document: "wapi.md", anchor: "transport", line: 1 },
      { document: "wapi.md", anchor: "request-envelope", line: 1 },
      { document: "wapi.md", anchor: "response-envelope", line: 2 },
      { document: "dns-sync.md", anchor: undefined, line: 2 },
      { document: "directadmin.md", anchor: "urls", line: 3 },
      { document: "cpanel.md", anchor: "local", line: 3 },
      { document: "wapi.md", anchor: "auth", line: 3 },
    ]);
  });
});
