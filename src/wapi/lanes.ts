/**
 * Who is asking, in priority order. All lanes share one hourly WAPI budget; only `interactive` may spend the
 * reserve kept back for a person who is waiting on a page.
 */
export const WAPI_LANES = ["interactive", "lifecycle", "records", "background"] as const;
export type WapiLane = (typeof WAPI_LANES)[number];
