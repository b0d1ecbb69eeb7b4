import { BillingTokenStore, type BillingToken } from "../../store/billing-token-store.js";
import { printJson, stringOption, UsageError, type CliCommand } from "../command.js";
import { cliActor } from "../actor.js";
import { openCliDatabase } from "../context.js";

const when = (ms: number | null): string =>
  ms === null ? "never" : new Date(ms).toISOString().slice(0, 16).replace("T", " ");
const scopeOf = (token: BillingToken): string =>
  token.reseller === null ? "every reseller" : `reseller ${token.reseller}`;

function describe(token: BillingToken): string {
  const state =
    token.revokedAt === null
      ? `last used ${when(token.lastUsedAt)}`
      : `revoked ${when(token.revokedAt)} by ${token.revokedBy}`;
  const made = `made ${when(token.createdAt)} by ${token.createdBy}`;
  return `${token.id}  ${token.name}  ${token.hint}…  ${scopeOf(token)}  ${made}, ${state}`;
}

/** `billing token create|list|revoke`: the pull API's bearer tokens (store/billing-token-store.ts). */
export const billingTokenCommand: CliCommand = {
  name: "token",
  summary: "Make, list and revoke tokens of the statements pull API",
  help: `Usage: wedos-panel billing token create --name NAME [--reseller NAME]
       wedos-panel billing token list [--json]
       wedos-panel billing token revoke ID

  A token lets a billing system pull statements: GET /api/billing/v1/statements with Authorization: Bearer <token>.
  "create" prints the token once; only its SHA-256 is kept, so store it in the billing system at once. Without
  --reseller it reads every reseller's statements; with it, only that reseller's customers. "revoke" refuses the
  token's next request. Making and revoking are written to the billing audit log.`,
  options: {
    name: { type: "string" },
    reseller: { type: "string" },
    json: { type: "boolean" },
  },
  positionals: true,
  run(args, io) {
    const [action, id, ...extra] = args.positionals;
    if (extra.length > 0) throw new UsageError(`unexpected ${extra.join(" ")}`);
    const context = openCliDatabase(io);
    const tokens = new BillingTokenStore(context.db);
    const actor = cliActor(io);
    try {
      if (action === "create") {
        const name = stringOption(args, "name");
        if (name === undefined) {
          throw new UsageError('name the token for whoever will use it, e.g. --name "whmcs pull"');
        }
        const made = tokens.create({
          name,
          reseller: stringOption(args, "reseller") ?? null,
          actor,
          now: io.clock.now(),
        });
        io.stdout(`${made.secret}\n`);
        io.stderr(
          `Made token ${made.token.id} "${made.token.name}" for ${scopeOf(made.token)}. ` +
            "It is shown only now: put it in the billing system; revoke it with " +
            `"wedos-panel billing token revoke ${made.token.id}".\n`,
        );
        return Promise.resolve(0);
      }
      if (action === "list") {
        const list = tokens.list();
        if (args.values.json === true) printJson(io, list);
        else io.stdout(list.length === 0 ? "No tokens yet.\n" : `${list.map(describe).join("\n")}\n`);
        return Promise.resolve(0);
      }
      if (action === "revoke") {
        const number = Number(id);
        if (id === undefined || !Number.isSafeInteger(number) || number < 1) {
          throw new UsageError('give the number of the token to revoke; "wedos-panel billing token list" shows them');
        }
        const revoked = tokens.revoke(number, actor, io.clock.now());
        io.stdout(
          revoked
            ? `Revoked token ${number}: its next request is refused.\n`
            : `Token ${number} was already revoked.\n`,
        );
        return Promise.resolve(0);
      }
      throw new UsageError(
        action === undefined
          ? "use token create, list or revoke"
          : `unknown action "${action}"; use create, list or revoke`,
      );
    } finally {
      context.close();
    }
  },
};
