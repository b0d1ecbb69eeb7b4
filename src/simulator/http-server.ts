import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { handleControl } from "./control.js";
import { textReply, type HttpReply } from "./response.js";
import type { WapiSimulator } from "./simulator.js";

/**
 * The simulator's HTTP front: `/wapi/json` for WAPI, `/_simulator/*` for control, 404 for anything else.
 * Plain node:http, so nothing between the socket and the simulator rewrites what clients send.
 */

interface Body {
  bytes: Buffer;
  tooLarge: boolean;
}

/**
 * Reads the body up to `limit` bytes. The rest of an oversized body is read and discarded, so the client gets
 * the 2007 answer instead of a connection reset while it is still sending.
 */
function readBody(request: IncomingMessage, limit: number): Promise<Body> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
    });
    request.on("end", () => resolve({ bytes: Buffer.concat(chunks), tooLarge: size > limit }));
    request.on("error", reject);
  });
}

function send(request: IncomingMessage, response: ServerResponse, reply: HttpReply): void {
  if (reply.kind === "drop") {
    request.socket.destroy();
    return;
  }
  response.writeHead(reply.status, {
    "content-type": reply.contentType,
    "content-length": Buffer.byteLength(reply.body),
  });
  response.end(reply.body);
}

async function route(simulator: WapiSimulator, maxRequestBytes: number, request: IncomingMessage): Promise<HttpReply> {
  const method = request.method ?? "GET";
  const path = new URL(request.url ?? "/", "http://simulator.invalid").pathname;
  const ip = request.socket.remoteAddress ?? "";
  const body = await readBody(request, maxRequestBytes);
  if (path === "/wapi/json") {
    const contentType = request.headers["content-type"];
    return simulator.handleWapi(ip, { method, contentType, body: body.bytes, tooLarge: body.tooLarge });
  }
  if (path.startsWith("/_simulator/")) {
    if (body.tooLarge) return textReply(413, "Payload Too Large\n");
    return handleControl(simulator, { method, path, ip, body: body.bytes });
  }
  return textReply(404, "Not Found\n");
}

/** An HTTP server (not yet listening) that serves the simulator. */
export function createSimulatorServer(simulator: WapiSimulator, maxRequestBytes: number): Server {
  return createServer((request, response) => {
    route(simulator, maxRequestBytes, request).then(
      (reply) => send(request, response, reply),
      (error: unknown) => {
        // A bug in the simulator: answer like a broken front end would, and keep serving.
        if (response.headersSent) request.socket.destroy();
        else send(request, response, textReply(500, `Simulator error: ${String(error)}\n`));
      },
    );
  });
}
