/** The protection section of a domain's page, as the protection tests read it. */
export const section = (html: string): string => {
  const start = html.indexOf('class="wedos-protection"');
  return start < 0 ? "" : html.slice(start, html.indexOf("</section>", start));
};

/** The section's buttons' labels, in the page's order. */
export const buttons = (html: string): Array<string | undefined> =>
  [...section(html).matchAll(/<button type="submit"(?: class="wedos-secondary")?>([^<]*)<\/button>/g)].map(
    (match) => match[1],
  );

/** The status badge: the phase (data-phase) and its label. */
export const status = (html: string): string[] | undefined =>
  /data-phase="([^"]*)">([^<]*)</.exec(section(html))?.slice(1);
