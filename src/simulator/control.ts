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
