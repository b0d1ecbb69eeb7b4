/**
 * A small HTML reader for tests that check the structure of rendered pages (headings, labels, tables). It knows
 * what our templates write: start and end tags with quoted, unquoted or bare attributes, void elements, comments,
 * a doctype, and text with character references. It is strict where a browser would repair: an end tag that does
 * not close the innermost open element, or an element left open, is reported as a problem.
 */
export interface HtmlElement {
  name: string;
  attributes: ReadonlyMap<string, string>;
  children: Array<HtmlElement | string>;
  parent: HtmlElement | undefined;
}

export interface ParsedHtml {
  root: HtmlElement;
  /** Where the markup is not well formed, in words. */
  problems: string[];
}

const VOID = new Set([
  "area",
  "base",
  "br",
  "col",
  "embed",
  "hr",
  "img",
  "input",
  "link",
  "meta",
  "source",
  "track",
  "wbr",
]);
const RAW_TEXT = new Set(["script", "style"]);
const TOKEN =
  /<!--[\s\S]*?-->|<!doctype[^>]*>|<\/([a-zA-Z][\w-]*)\s*>|<([a-zA-Z][\w-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*\/?>|[^<]+|</gi;
const ATTRIBUTE = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

/** Decodes the character references our templates and EJS write (named basics and numeric ones). */
export function decodeText(text: string): string {
  const named: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0" };
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, ref: string) => {
    if (ref.startsWith("#x") || ref.startsWith("#X")) return String.fromCodePoint(Number.parseInt(ref.slice(2), 16));
    if (ref.startsWith("#")) return String.fromCodePoint(Number(ref.slice(1)));
    return named[ref.toLowerCase()] ?? whole;
  });
}

/** Reads a page (a whole document or a fragment) into a tree under a synthetic `#root` element. */
export function parseHtml(html: string): ParsedHtml {
  const root: HtmlElement = { name: "#root", attributes: new Map(), children: [], parent: undefined };
  const problems: string[] = [];
  let open = root;
  let rawUntil: string | undefined;
  for (const match of html.matchAll(TOKEN)) {
    const [token, endName, startName, attributeText] = match;
    if (rawUntil !== undefined) {
      if (endName?.toLowerCase() === rawUntil) {
        rawUntil = undefined;
        open = open.parent ?? root;
      }
      continue;
    }
    if (token.startsWith("<!")) continue;
    if (endName !== undefined) {
      const name = endName.toLowerCase();
      if (open.name !== name) {
        problems.push(`</${name}> closes <${open.name}> at offset ${match.index}`);
        let closing: HtmlElement | undefined = open;
        while (closing !== undefined && closing.name !== name) closing = closing.parent;
        if (closing === undefined) continue;
        open = closing;
      }
      open = open.parent ?? root;
      continue;
    }
    if (startName !== undefined) {
      const attributes = new Map<string, string>();
      for (const attribute of (attributeText ?? "").matchAll(ATTRIBUTE)) {
        const name = (attribute[1] as string).toLowerCase();
        if (attributes.has(name)) problems.push(`<${startName}> repeats the attribute ${name}`);
        attributes.set(name, decodeText(attribute[2] ?? attribute[3] ?? attribute[4] ?? ""));
      }
      const element: HtmlElement = { name: startName.toLowerCase(), attributes, children: [], parent: open };
      open.children.push(element);
      if (RAW_TEXT.has(element.name)) {
        open = element;
        rawUntil = element.name;
      } else if (!VOID.has(element.name)) open = element;
      continue;
    }
    if (token === "<") problems.push(`a stray < at offset ${match.index}`);
    open.children.push(decodeText(token));
  }
  for (let left = open; left !== root; left = left.parent ?? root) problems.push(`<${left.name}> is never closed`);
  return { root, problems };
}

/** Every element below `from` (document order), or only those named `name`. */
export function elementsOf(from: HtmlElement, name?: string): HtmlElement[] {
  const found: HtmlElement[] = [];
  const walk = (element: HtmlElement) => {
    for (const child of element.children) {
      if (typeof child === "string") continue;
      if (name === undefined || child.name === name) found.push(child);
      walk(child);
    }
  };
  walk(from);
  return found;
}

/** The text inside an element, with white space collapsed (what a screen reader would read, roughly). */
export function textOf(element: HtmlElement): string {
  const parts: string[] = [];
  const walk = (node: HtmlElement) => {
    for (const child of node.children) {
      if (typeof child === "string") parts.push(child);
      else if (child.attributes.get("aria-hidden") !== "true") walk(child);
    }
  };
  walk(element);
  return parts.join("").replace(/\s+/g, " ").trim();
}

/** The nearest enclosing element named `name`, if any. */
export function ancestorOf(element: HtmlElement, name: string): HtmlElement | undefined {
  for (let up = element.parent; up !== undefined; up = up.parent) if (up.name === name) return up;
  return undefined;
}
