/**
 * Reading what DirectAdmin hands a page script (docs/reference/directadmin.md#page-environment, #request-bodies).
 * DirectAdmin HTML-entity-encodes the values it exports (`&` arrives as `&amp;`), so entities are decoded first and
 * the text is parsed afterwards; a literal `&` inside a url-encoded value is always `%26`, so decoding is safe
 * whether or not a given DirectAdmin version encodes.
 */

const NAMED: Readonly<Record<string, string>> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/** `&amp;` `&lt;` `&gt;` `&quot;` `&apos;` `&#39;` `&#x27;` → the characters; anything else is left as it is. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,4});/gi, (whole, name: string) => {
    if (name.startsWith("#")) {
      const code =
        name[1] === "x" || name[1] === "X" ? Number.parseInt(name.slice(2), 16) : Number.parseInt(name.slice(1), 10);
      return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : whole;
    }
    return NAMED[name.toLowerCase()] ?? whole;
  });
}

/** A submitted body: form fields, a JSON value (fetch() from a raw page), or nothing. */
export type PageBody = { kind: "none" } | { kind: "form"; fields: URLSearchParams } | { kind: "json"; value: unknown };

/**
 * The body as the page's routes see it. DirectAdmin passes no content type, so a body that starts with `{` or `[`
 * is JSON (a browser's form encoding never starts with either: they would be `%7B`, `%5B`).
 */
export function readBody(raw: string): PageBody {
  const text = decodeEntities(raw);
  if (text.trim() === "") return { kind: "none" };
  if (/^\s*[[{]/.test(text)) {
    try {
      return { kind: "json", value: JSON.parse(text) as unknown };
    } catch {
      return { kind: "json", value: undefined };
    }
  }
  return { kind: "form", fields: new URLSearchParams(text) };
}

/**
 * One named value of the body: a form field or a top-level JSON string property. A field sent twice is treated as
 * absent, so `domain=mine&domain=theirs` cannot pass a check with one value and act with the other.
 */
export function bodyField(body: PageBody, name: string): string | undefined {
  if (body.kind === "form") {
    const values = body.fields.getAll(name);
    return values.length === 1 ? values[0] : undefined;
  }
  if (body.kind === "json" && typeof body.value === "object" && body.value !== null && !Array.isArray(body.value)) {
    const value = (body.value as Record<string, unknown>)[name];
    return typeof value === "string" ? value : undefined;
  }
  return undefined;
}
