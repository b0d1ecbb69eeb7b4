// Reading citations of docs/reference and the anchors its headings make (GitHub's rule: lower case, punctuation
// dropped, spaces to hyphens, a repeated heading numbered).

export interface Citation {
  document: string;
  anchor: string | undefined;
  line: number;
}

export function headingAnchors(markdown: string): Set<string> {
  const anchors = new Set<string>();
  let inCode = false;
  for (const line of markdown.split("\n")) {
    if (/^\s*(```|~~~)/.test(line)) inCode = !inCode;
    const heading = inCode ? null : /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (!heading?.[1]) continue;
    const base = heading[1]
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s_-]/gu, "")
      .replace(/\s/g, "-");
    let anchor = base;
    for (let n = 1; anchors.has(anchor); n++) anchor = `${base}-${n}`;
    anchors.add(anchor);
  }
  return anchors;
}

// A cited path under docs/reference with an anchor, then `, #b` or ` and #c`, also across comment line starts.
const CITED = /docs\/reference\/([\w-]+\.md)(#[\w-]+)?/g;
const CONTINUED = /^(?:[\s,]|and\b|\/\/|\*(?!\*))*#([\w-]+)/;
// Markdown links inside docs/: `(../reference/x.md#a)`, `(x.md#a)` and `(#a)` from a reference document.
const LINKED = /\]\((?:\.\.\/reference\/|\.\/)?([\w-]+\.md)?(#[\w-]+)?\)/g;

export function citationsIn(text: string, currentDocument?: string): Citation[] {
  const found: { at: number; document: string; anchor: string | undefined }[] = [];
  for (const match of text.matchAll(CITED)) {
    const document = match[1] as string;
    found.push({ at: match.index, document, anchor: match[2]?.slice(1) });
    if (match[2] === undefined) continue;
    let rest = match.index + match[0].length;
    for (let more = CONTINUED.exec(text.slice(rest)); more; more = CONTINUED.exec(text.slice(rest))) {
      found.push({ at: rest + more[0].length - more[1]!.length, document, anchor: more[1] });
      rest += more[0].length;
    }
  }
  for (const match of text.matchAll(LINKED)) {
    // Outside docs/reference, only `../reference/` links name a reference document.
    const intoReference = currentDocument !== undefined || match[0].includes("../reference/");
    const document = match[1] === undefined ? currentDocument : intoReference ? match[1] : undefined;
    if (document === undefined || (match[1] === undefined && match[2] === undefined)) continue;
    found.push({ at: match.index, document, anchor: match[2]?.slice(1) });
  }
  const lineOf = (at: number) => text.slice(0, at).split("\n").length;
  return found.sort((a, b) => a.at - b.at).map(({ at, document, anchor }) => ({ document, anchor, line: lineOf(at) }));
}
