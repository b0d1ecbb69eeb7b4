import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * An HTTP proxy on 127.0.0.1 that records each request body and forwards it unchanged to the simulator, so a
 * test can assert the exact bytes the client sends while the answers still come from the real simulator.
 */
export interface RecordingProxy {
  url: string;
  bodies: string[];
  headers: Array<Record<string, string | string[] | undefined>>;
  close(): Promise<void>;
}

export async function startRecordingProxy(targetUrl: string): Promise<RecordingProxy> {
  const bodies: string[] = [];
  const headers: RecordingProxy["headers"] = [];
  const server: Server = createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString("utf8");
    bodies.push(body);
    headers.push(request.headers);
    const upstream = await fetch(targetUrl, {
      method: "POST",
      headers: { "content-type": request.headers["content-type"] ?? "" },
      body,
    });
    response.writeHead(upstream.status, { "content-type": upstream.headers.get("content-type") ?? "application/json" });
    response.end(await upstream.text());
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${new URL(targetUrl).pathname}`,
    bodies,
    headers,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
