/** Markup that is already safe to print: made by {@link html} (or {@link trusted} for the plugin's menu snippets). */
export class SafeHtml {
  constructor(readonly text: string) {}

  toString(): string {
    return this.text;
  }
}

const ENTITIES: Readonly<Record<string, string>> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/** Text made printable in HTML content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c] as string);
}

type Part = SafeHtml | string | number | boolean | null | undefined | readonly Part[];

function render(part: Part): string {
  if (part === null || part === undefined || part === false) return "";
  if (part instanceof SafeHtml) return part.text;
  if (Array.isArray(part)) return (part as readonly Part[]).map(render).join("");
  return escapeHtml(String(part));
}

/**
 * The emulated panel's templates: every interpolated value is escaped unless it is itself `html` (nested
 * templates, lists of them), so a user name or a DNS record can never become markup. `false`, null and undefined
 * print nothing, for `${cond && html`…`}`.
 */
export function html(strings: TemplateStringsArray, ...values: readonly Part[]): SafeHtml {
  let text = strings[0] ?? "";
  values.forEach((value, index) => {
    text += render(value) + (strings[index + 1] ?? "");
  });
  return new SafeHtml(text);
}

/** Markup printed as it is: only for what DirectAdmin itself prints unescaped (a plugin's menu snippet). */
export function trusted(text: string): SafeHtml {
  return new SafeHtml(text);
}
