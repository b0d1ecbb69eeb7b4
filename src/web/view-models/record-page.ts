import type { RecordState } from "../../sync/record-states.js";
import type { RecordList } from "../records/record-list.js";
import type { AuthenticatedContext } from "../context.js";
import { pageUrl } from "../urls.js";
import { pageWindow, requestedPage, searchText } from "./pager.js";
import { recordNote } from "./record-note.js";

/** Records shown per page: a zone of any size renders the same small page. */
export const RECORDS_PER_PAGE = 100;
export const RECORD_STATES = ["in-sync", "pending", "by-wedos", "not-accepted"] as const satisfies ReadonlyArray<
  RecordState["state"]
>;

/** What the visitor asked to see (GET parameters `q`, `state`, `page`): read-only, so no CSRF token is needed. */
export interface RecordQuery {
  /** Text the record's name, type or value contains (case-insensitive), or "". */
  search: string;
  state: RecordState["state"] | undefined;
  /** 1-based. */
  page: number;
}

/** The query's own parameters, anything unusable read as "not given" rather than refused. */
export function recordQuery(query: URLSearchParams): RecordQuery {
  const state = query.get("state") ?? "";
  return {
    search: searchText(query),
    state: (RECORD_STATES as readonly string[]).includes(state) ? (state as RecordState["state"]) : undefined,
    page: requestedPage(query),
  };
}

export interface RecordPageModel {
  records: Array<RecordState & { stateLabel: string }>;
  search: string;
  state: string;
  states: Array<{ value: string; label: string; selected: boolean }>;
  /** "Records 101–200 of 50,003" (or of the matching ones). */
  summary: string;
  /** The whole zone at a glance: "160 of 160 records at WEDOS", and what waits or was not accepted. */
  atWedos: { text: string; complete: boolean };
  previousHref: string | undefined;
  nextHref: string | undefined;
  /** Where the filter form goes (GET), and the hidden `p` it must carry: a GET form drops the action's query. */
  filterAction: string;
  filterPage: string;
}

function matches(record: RecordState, query: RecordQuery, needle: string): boolean {
  if (query.state !== undefined && record.state !== query.state) return false;
  if (needle === "") return true;
  return (
    record.name.toLowerCase().includes(needle) ||
    record.type.toLowerCase() === needle ||
    record.value.toLowerCase().includes(needle)
  );
}

type StateCounts = Record<RecordState["state"], number>;

/** The counts of each kept list of records (the zone cache keeps one per version): one pass per list, not per view. */
const countsOf = new WeakMap<RecordList, StateCounts>();
/** Records made at once while counting a packed list (records/record-list.ts): a slice, not the whole zone. */
const COUNTING_SLICE = 1_000;

function stateCounts(all: RecordList): StateCounts {
  const kept = countsOf.get(all);
  if (kept !== undefined) return kept;
  const counts: StateCounts = { "in-sync": 0, pending: 0, "by-wedos": 0, "not-accepted": 0 };
  for (let start = 0; start < all.length; start += COUNTING_SLICE)
    for (const record of all.slice(start, start + COUNTING_SLICE)) counts[record.state] += 1;
  countsOf.set(all, counts);
  return counts;
}

/**
 * How many of the zone's records WEDOS holds, of those the panel sends (the SOA and NS WEDOS serves itself are not
 * counted).
 */
function atWedosSummary(page: AuthenticatedContext, all: RecordList): RecordPageModel["atWedos"] {
  const counts = stateCounts(all);
  const total = all.length - counts["by-wedos"];
  const number = new Intl.NumberFormat(page.language);
  const parts = [page.t("records.atWedos", { inSync: number.format(counts["in-sync"]), total: number.format(total) })];
  if (counts.pending > 0) parts.push(page.t("records.atWedosWaiting", { count: number.format(counts.pending) }));
  if (counts["not-accepted"] > 0)
    parts.push(page.t("records.atWedosRefused", { count: number.format(counts["not-accepted"]) }));
  return { text: parts.join("; "), complete: counts["in-sync"] === total };
}

/** One page of the zone's records matching the query, with the links to the pages around it. */
export function recordPage(
  page: AuthenticatedContext,
  domain: string,
  all: RecordList,
  query: RecordQuery,
): RecordPageModel {
  const needle = query.search.toLowerCase();
  const matching =
    needle === "" && query.state === undefined ? all : all.filter((record) => matches(record, query, needle));
  const window = pageWindow(matching.length, query.page, RECORDS_PER_PAGE);
  const first = window.offset;
  const shown = matching.slice(first, first + RECORDS_PER_PAGE);
  const { level, mode } = page.request;
  const path = `/domains/${domain}`;
  const href = (number: number) =>
    pageUrl(level, mode, path, {
      ...(query.search === "" ? {} : { q: query.search }),
      ...(query.state === undefined ? {} : { state: query.state }),
      page: String(number),
    });
  return {
    records: shown.map((state) => ({
      ...state,
      stateLabel: page.t(`records.${state.state}`),
      note: recordNote(page.t, state),
    })),
    search: query.search,
    state: query.state ?? "",
    states: RECORD_STATES.map((value) => ({
      value,
      label: page.t(`records.${value}`),
      selected: value === query.state,
    })),
    atWedos: atWedosSummary(page, all),
    summary: page.t(matching.length === all.length ? "records.summary" : "records.summaryMatching", {
      from: shown.length === 0 ? 0 : first + 1,
      to: first + shown.length,
      total: matching.length,
      all: all.length,
    }),
    previousHref: window.hasPrevious ? href(window.current - 1) : undefined,
    nextHref: window.hasNext ? href(window.current + 1) : undefined,
    filterAction: pageUrl(level, mode, "/"),
    filterPage: path,
  };
}
