import { z } from "zod";
import { faultSpecSchema } from "./faults.js";
import { isLoopback } from "./ip-address.js";
import { textReply, type HttpReply } from "./response.js";
import type { WapiSimulator } from "./simulator.js";

/**
 * The control API under `/_simulator/` on the simulator's own port, for tests in other processes and the demo.
 * Only loopback callers are answered: it can rewrite the simulator's state, and it is not part of WAPI.
 */

const delegationSchema = z.object({
  domain: z.string().min(1, "is required: the domain name"),
  delegated: z.boolean({ error: "must be true or false" }),
});

const topUpSchema = z.object({
  amount: z.string().regex(/^\d+(\.\d{1,2})?$/, 'must be a positive amount in CZK as text, e.g. "5000.00"'),
  description: z.string().min(1).optional(),
});

/** "5000.5" → 500050 hellers. */
const hellers = (amount: string): number => {
  const [whole = "0", fraction = ""] = amount.split(".");
  return Number(whole) * 100 + Number(fraction.padEnd(2, "0"));
};

/** A request under `/_simulator/`, already read. */
export interface ControlRequest {
  method: string;
  path: string;
  ip: string;
  body: Buffer;
}

function json(status: number, value: unknown): HttpReply {
  return { kind: "reply", status, contentType: "application/json; charset=utf-8", body: JSON.stringify(value) };
}

function badRequest(message: string): HttpReply {
  return json(400, { error: message });
}

function readJson(body: Buffer): { ok: true; value: unknown } | { ok: false; reply: HttpReply } {
  try {
    return { ok: true, value: JSON.parse(body.toString("utf8")) };
  } catch {
    return { ok: false, reply: badRequest("the body must be JSON") };
  }
}

function describe(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.map(String).join(".") || "body"}: ${issue.message}`).join("; ");
}

/** Answers one control request. */
export function handleControl(simulator: WapiSimulator, request: ControlRequest): HttpReply {
  if (!isLoopback(request.ip)) return textReply(403, "The simulator control API answers loopback callers only.\n");
  const route = `${request.method} ${request.path.replace(/\/+$/, "")}`;
  switch (route) {
    case "GET /_simulator/state":
      return json(200, simulator.dump());
    case "POST /_simulator/delegation": {
      const body = readJson(request.body);
      if (!body.ok) return body.reply;
      const parsed = delegationSchema.safeParse(body.value);
      if (!parsed.success) return badRequest(describe(parsed.error));
      simulator.setDelegated(parsed.data.domain, parsed.data.delegated);
      return json(200, { ok: true });
    }
    case "POST /_simulator/credit": {
      // A top-up of the credit account (simulator only; WEDOS is paid by bank transfer).
      const body = readJson(request.body);
      if (!body.ok) return body.reply;
      const parsed = topUpSchema.safeParse(body.value);
      if (!parsed.success) return badRequest(describe(parsed.error));
      if (hellers(parsed.data.amount) === 0) return badRequest("amount: must be more than 0");
      simulator.topUpCredit(hellers(parsed.data.amount), parsed.data.description);
      return json(200, { ok: true, credit: simulator.dump().credit });
    }
    case "POST /_simulator/faults": {
      const body = readJson(request.body);
      if (!body.ok) return body.reply;
      const parsed = z.array(faultSpecSchema).safeParse(Array.isArray(body.value) ? body.value : [body.value]);
      if (!parsed.success) return badRequest(describe(parsed.error));
      for (const spec of parsed.data) simulator.addFault(spec);
      return json(200, { ok: true, faults: simulator.dump().faults.length });
    }
    case "DELETE /_simulator/faults":
      simulator.clearFaults();
      return json(200, { ok: true });
    case "POST /_simulator/reset":
      simulator.reset();
      return json(200, { ok: true });
    default:
      return textReply(404, "Not Found\n");
  }
}
