import type { ServiceRequest } from "../../model/service-request.js";
import { stepsFor } from "../../model/sharing-states.js";
import { accountOf } from "../../model/wedos-account.js";
import { doneSteps, expireInvitations, sharingKind, SHARING_OPEN_STATES } from "../../provisioning/sharing.js";
import { InventoryStore } from "../../store/inventory-store.js";
import { NotificationStore } from "../../store/notification-store.js";
import { ServiceRequestStore } from "../../store/service-request-store.js";
import { printJson, UsageError, type CliCommand } from "../command.js";
import { openCliDatabase } from "../context.js";

const USAGE = `Usage: wedos-panel sharing list [--all] [--json]
       wedos-panel sharing show ID [--json]`;

const when = (ms: number): string => new Date(ms).toISOString().slice(0, 16).replace("T", " ");

function line(request: ServiceRequest): string {
  const account = accountOf(request.details);
  const who = account === undefined ? "no WEDOS account yet" : `WEDOS ${account.customerId} <${account.email}>`;
  const steps = stepsFor(sharingKind(request), request.service);
  const done = doneSteps(request).length;
  return (
    `${request.id}  ${request.kind}  ${request.domain}  ${request.service}  ${request.state}  ${who}  ` +
    `steps ${done}/${steps.length}  opened ${when(request.openedAt)} by ${request.openedBy}`
  );
}

/**
 * `sharing list|show`: the requests to share a domain's services with the customer's own WEDOS account
 * (docs/sharing-with-wedos-accounts.md), read-only — the steps are marked on the sharing page.
 */
export const sharingCommand: CliCommand = {
  name: "sharing",
  summary: "List and show the requests to share services with customers' own WEDOS accounts",
  help: `${USAGE}

"list" shows the sharing requests waiting for someone (invited, requested, in progress); --all shows every one,
newest first. "show" prints one request with its steps in WEDOS's administration and its history. Steps are marked
done on the domain's sharing page (/sharing?domain=<domain>) by the admin or the domain's reseller.`,
  options: { all: { type: "boolean" }, json: { type: "boolean" } },
  positionals: true,
  run(args, io) {
    const [action, id, ...extra] = args.positionals;
    if (action === undefined || extra.length > 0) throw new UsageError(USAGE.replace(/\s+/g, " "));
    const context = openCliDatabase(io);
    try {
      const requests = new ServiceRequestStore(context.db);
      if (action === "list") {
        if (id !== undefined) throw new UsageError("list takes no ID");
        // Invitations past their expiry are recorded as expired first, as the pages do, so none is listed as waiting.
        const { db } = context;
        const notices = new NotificationStore(db);
        expireInvitations({ db, requests, notices, inventory: new InventoryStore(db), clock: io.clock });
        const list = requests.page({
          scope: { kind: "all" },
          kinds: ["link", "unlink"],
          ...(args.values.all === true ? {} : { states: SHARING_OPEN_STATES }),
          limit: 1000,
        });
        if (args.values.json === true) printJson(io, list);
        else io.stdout(list.length === 0 ? "No sharing requests.\n" : `${list.map(line).join("\n")}\n`);
        return Promise.resolve(0);
      }
      if (action !== "show") throw new UsageError(`unknown action "${action}"; use list or show`);
      const request = requests.get(Number(id));
      if (request === undefined || !["link", "unlink"].includes(request.kind)) {
        const which = id ?? "(none given)";
        throw new UsageError(`there is no sharing request ${which}; "wedos-panel sharing list" shows them`);
      }
      const history = requests.history(request.id);
      const done = doneSteps(request);
      const steps = stepsFor(sharingKind(request), request.service).map((step) => ({
        step,
        done: done.includes(step),
      }));
      if (args.values.json === true) printJson(io, { request, steps, history });
      else
        io.stdout(
          `${line(request)}\n` +
            steps.map((each) => `  [${each.done ? "x" : " "}] ${each.step}\n`).join("") +
            history
              .map(
                (event) =>
                  `  ${when(event.at)}  ${event.actor}: ${event.from ?? "-"} → ${event.to}` +
                  `${event.note === null ? "" : ` (${event.note})`}\n`,
              )
              .join(""),
        );
      return Promise.resolve(0);
    } finally {
      context.close();
    }
  },
};
