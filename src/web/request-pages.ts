import type { RequestKind, ServiceRequest } from "../model/service-request.js";

/** A plugin page as `pageUrl(level, mode, path, params)` takes it. */
export interface PagePath {
  path: string;
  params: Record<string, string>;
}

/**
 * Where a request is read and acted on, on every level (docs/decisions/0052, 0056): adoption and sharing on their
 * domain's pages, a support request on its own page. The inbox and the lists link through this one mapping; the
 * visitor's tenant scope still decides on that page what they may see.
 */
const PAGES: Readonly<Record<RequestKind, (request: Pick<ServiceRequest, "id" | "domain">) => PagePath>> = {
  adoption: (request) => ({ path: "/adoption", params: { domain: request.domain } }),
  link: (request) => ({ path: "/sharing", params: { domain: request.domain } }),
  unlink: (request) => ({ path: "/sharing", params: { domain: request.domain } }),
  support: (request) => ({ path: `/support/${request.id}`, params: {} }),
};

export function requestPage(request: Pick<ServiceRequest, "id" | "kind" | "domain">): PagePath {
  return PAGES[request.kind](request);
}
