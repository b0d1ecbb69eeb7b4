import { UsageError, printJson, stringOption, type CliCommand } from "../command.js";
import { openCliContext } from "../context.js";
import { WAPI_LANES, type WapiLane } from "../../wapi/lanes.js";
import { WapiError } from "../../wapi/errors.js";

export const wapiCommand: CliCommand = {
  name: "wapi",
  summary: "Send one WAPI request with the configured credentials and print the response",
  help: `Usage: wedos-panel wapi COMMAND [--data JSON] [--test] [--lane LANE]

  COMMAND        a WAPI command, e.g. ping, dns-domains-list, dns-rows-list
  --data JSON    the command's data object, e.g. '{"domain":"example.com"}'
  --test         WAPI test mode: WEDOS validates but does not execute
  --lane LANE    budget lane: interactive (default), lifecycle, records, background

The response is printed as JSON. Every request counts against the hourly budget and the rejected-request
fuse, and is recorded in the audit log. Success codes accepted: 1000–1003. Once the fuse holds, nothing
is sent until the rejected requests are an hour old; try a new password with
"wedos-panel wapi-resume --test-connection".`,
  options: {
    data: { type: "string" },
    test: { type: "boolean" },
    lane: { type: "string" },
  },
  positionals: true,
  async run(args, io) {
    const [command, ...extra] = args.positionals;
    if (command === undefined || extra.length > 0)
      throw new UsageError("give exactly one WAPI command, e.g. wedos-panel wapi ping");
    const data = parseData(stringOption(args, "data"));
    const lane = parseLane(stringOption(args, "lane"));
    const context = openCliContext(io);
    try {
      const reply = await context.wapi.client.call(command, data, {
        lane,
        test: args.values.test === true,
        successCodes: [1000, 1001, 1002, 1003],
      });
      printJson(io, {
        code: reply.code,
        result: reply.result,
        command: reply.command,
        svTRID: reply.svTRID,
        data: reply.data,
      });
      return 0;
    } catch (error) {
      if (!(error instanceof WapiError)) throw error;
      io.stderr(`${error.message}\n`);
      return 1;
    } finally {
      await context.close();
    }
  },
};

function parseData(raw: string | undefined): Record<string, unknown> | undefined {
  if (raw === undefined) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch (error) {
    throw new UsageError(
      `--data is not valid JSON (${(error as Error).message}); quote it like --data '{"name":"example.com"}'`,
    );
  }
  if (typeof value !== "object" || value === null || Array.isArray(value))
    throw new UsageError(`--data must be a JSON object like '{"name":"example.com"}'`);
  return value as Record<string, unknown>;
}

function parseLane(raw: string | undefined): WapiLane {
  if (raw === undefined) return "interactive";
  if ((WAPI_LANES as readonly string[]).includes(raw)) return raw as WapiLane;
  throw new UsageError(`--lane must be one of ${WAPI_LANES.join(", ")}, got "${raw}"`);
}
