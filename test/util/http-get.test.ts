import { once } from "node:events";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { httpGet } from "../../src/util/http-get.js";

let server: Server | undefined;
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
  server = undefined;
});

async function serve(body: string, status = 200, headers: Record<string, string> = {}): Promise<string> {
  server = createServer((_req, res) => res.writeHead(status, headers).end(body));
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/CMD_API_SHOW_USER_CONFIG`;
}

describe("httpGet", () => {
  it("returns the status and the UTF-8 body", async () => {
    await expect(httpGet(await serve("username=žluť"), { signal: AbortSignal.timeout(10_000) })).resolves.toEqual({
      status: 200,
      body: "username=žluť",
    });
  });

  it("follows no redirect", async () => {
    await expect(
      httpGet(await serve("moved", 302, { location: "http://127.0.0.1:9/" }), { signal: AbortSignal.timeout(10_000) }),
    ).resolves.toEqual({ status: 302, body: "moved" });
  });

  it("refuses an answer over 1 MB instead of reading it", async () => {
    const url = await serve("x".repeat(1024 * 1024 + 1));
    await expect(httpGet(url, { signal: AbortSignal.timeout(10_000) })).rejects.toThrow(
      "the answer is larger than 1048576 bytes",
    );
  });

  it("ends when its signal aborts", async () => {
    server = createServer(() => undefined);
    server.listen(0, "127.0.0.1");
    await once(server, "listening");
    const stop = new AbortController();
    const get = httpGet(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`, { signal: stop.signal });
    await once(server, "request");
    stop.abort();
    await expect(get).rejects.toMatchObject({ name: "AbortError" });
  });
});
