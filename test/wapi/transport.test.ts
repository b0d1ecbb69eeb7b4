import { once } from "node:events";
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { createServer as createHttpsServer } from "node:https";
import { createServer as createNetServer, type AddressInfo, type LookupFunction, type Socket } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { createWapi } from "../../src/wapi/index.js";
import { WapiTransportError } from "../../src/wapi/errors.js";
import { TransportFailure, WapiTransport, type TransportOptions } from "../../src/wapi/transport.js";
import { selfSigned } from "../support/certificates.js";
import { SkippableClock } from "../support/skippable-clock.js";
import { startWedosHarness, type WedosHarness } from "../support/wedos-harness.js";

const TIMEOUT_MS = 30_000;
const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

type AnyServer = Server | ReturnType<typeof createNetServer>;

async function listen<T extends AnyServer>(server: T, host = "127.0.0.1", port = 0): Promise<number> {
  const sockets = new Set<Socket>();
  server.on("connection", (socket: Socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  server.listen(port, host);
  await once(server, "listening");
  cleanups.push(() => {
    for (const socket of sockets) socket.destroy();
    return new Promise((resolve) => server.close(resolve));
  });
  return (server.address() as AddressInfo).port;
}

function transport(options: Partial<TransportOptions> = {}): { transport: WapiTransport; clock: SkippableClock } {
  const clock = new SkippableClock();
  const made = new WapiTransport({ timeoutMs: TIMEOUT_MS, ipFamily: "auto", clock, ...options });
  cleanups.push(() => made.close());
  return { transport: made, clock };
}

async function failure(promise: Promise<unknown>): Promise<TransportFailure> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof TransportFailure)) throw new Error(`expected a TransportFailure, got ${String(error)}`);
  return error;
}

/** Tracks whether a promise has settled, without waiting for it. */
function watch(promise: Promise<unknown>): { settled: () => boolean } {
  let done = false;
  promise.then(
    () => (done = true),
    () => (done = true),
  );
  return { settled: () => done };
}

/** A plain HTTP server on 127.0.0.1 that hands each request to `handle`; resolves `requests` as they come. */
async function httpServer(
  handle: (req: IncomingMessage, res: ServerResponse) => void,
): Promise<{ url: string; connections: () => number; requested: () => Promise<void> }> {
  const server = createHttpServer(handle);
  let connections = 0;
  server.on("connection", () => connections++);
  const port = await listen(server);
  return {
    url: `http://127.0.0.1:${port}/wapi/json`,
    connections: () => connections,
    requested: async () => void (await once(server, "request")),
  };
}

describe("WAPI transport over node:http", () => {
  it("posts the form body and returns the status, content type and body", async () => {
    const seen: { method?: string; type?: string; body?: string } = {};
    const server = await httpServer((req, res) => {
      let body = "";
      req.on("data", (chunk: Buffer) => (body += chunk.toString("utf8")));
      req.on("end", () => {
        Object.assign(seen, { method: req.method, type: req.headers["content-type"], body });
        res.writeHead(200, { "content-type": "application/json" }).end('{"ok":"žluť"}');
      });
    });
    const { transport: t } = transport();
    await expect(t.post(server.url, "request=%7B%7D")).resolves.toEqual({
      status: 200,
      contentType: "application/json",
      body: '{"ok":"žluť"}',
    });
    expect(seen).toEqual({
      method: "POST",
      type: "application/x-www-form-urlencoded; charset=utf-8",
      body: "request=%7B%7D",
    });
  });

  it("keeps the connection alive between requests and follows no redirect", async () => {
    const server = await httpServer((req, res) => {
      req.resume();
      req.on("end", () => res.writeHead(302, { location: "http://127.0.0.1:9/elsewhere" }).end("moved"));
    });
    const { transport: t } = transport();
    expect((await t.post(server.url, "a=1")).status).toBe(302);
    expect((await t.post(server.url, "a=2")).status).toBe(302);
    expect(server.connections()).toBe(1);
  });

  it("a connection that cannot be made is not sent", async () => {
    const closed = createNetServer();
    const port = await listen(closed);
    await new Promise((resolve) => closed.close(resolve));
    const { transport: t } = transport();
    const error = await failure(t.post(`http://127.0.0.1:${port}/wapi/json`, "a=1"));
    expect(error.kind).toBe("not-sent");
    expect(error.detail).toMatch(/ECONNREFUSED/);
  });

  it("a TLS handshake that never completes times out as not sent", async () => {
    const silent = createNetServer(() => undefined);
    const port = await listen(silent);
    const { transport: t, clock } = transport();
    const post = t.post(`https://127.0.0.1:${port}/wapi/json`, "a=1");
    const state = watch(post);
    await once(silent, "connection");
    clock.skip(TIMEOUT_MS / 2);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(state.settled()).toBe(false);
    clock.skip(TIMEOUT_MS / 2);
    const error = await failure(post);
    expect(error).toMatchObject({ kind: "not-sent", detail: "timed out connecting" });
  });

  it("refuses a certificate it cannot verify before sending anything", async () => {
    const cert = selfSigned("127.0.0.1");
    let requests = 0;
    const server = createHttpsServer({ key: cert.key, cert: cert.cert }, (_req, res) => {
      requests++;
      res.end("{}");
    });
    const port = await listen(server);
    const { transport: t } = transport();
    const error = await failure(t.post(`https://127.0.0.1:${port}/wapi/json`, "a=1"));
    expect(error.kind).toBe("not-sent");
    expect(error.detail).toMatch(/certificate/i);
    expect(requests).toBe(0);
  });

  it("a request sent with no answer is sent, unanswered — also on a kept-alive connection", async () => {
    let answer = true;
    const server = await httpServer((req, res) => {
      req.resume();
      if (answer) req.on("end", () => res.end("{}"));
    });
    const { transport: t, clock } = transport();
    await t.post(server.url, "a=1");
    answer = false;
    const post = t.post(server.url, "a=2");
    await server.requested();
    clock.skip(TIMEOUT_MS);
    expect(await failure(post)).toMatchObject({ kind: "sent-no-answer", detail: "timed out" });
    expect(server.connections()).toBe(1);
  });

  it("the total timeout also ends an answer that stops half-way", async () => {
    const server = await httpServer((req, res) => {
      req.resume();
      req.on("end", () => {
        res.writeHead(200, { "content-type": "application/json" });
        res.write('{"response":');
      });
    });
    const { transport: t, clock } = transport();
    const post = t.post(server.url, "a=1");
    const state = watch(post);
    await server.requested();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(state.settled()).toBe(false);
    clock.skip(TIMEOUT_MS);
    expect(await failure(post)).toMatchObject({ kind: "sent-no-answer", detail: "timed out" });
  });

  it.each([
    ["announced by its length", true],
    ["streamed without a length", false],
  ])("refuses an answer over the size limit (%s)", async (_label, announced) => {
    const body = "x".repeat(4096);
    const server = await httpServer((req, res) => {
      req.resume();
      req.on("end", () => {
        res.writeHead(200, announced ? { "content-length": String(body.length) } : {});
        if (announced) res.end(body);
        else {
          res.write(body.slice(0, 1000));
          res.write(body.slice(1000));
        }
      });
    });
    const { transport: t } = transport({ maxAnswerBytes: 1024 });
    const error = await failure(t.post(server.url, "a=1"));
    expect(error).toMatchObject({
      kind: "sent-no-answer",
      detail: "the answer is larger than 1024 bytes, the most this plugin reads",
    });
    // An answer within the limit still passes.
    const { transport: roomy } = transport({ maxAnswerBytes: 4096 });
    if (announced) await expect(roomy.post(server.url, "a=1")).resolves.toMatchObject({ body });
  });

  it("honours the IP family: ipv4 connects over IPv4 even where the name resolves to IPv6 first", async () => {
    const answerWho = (req: IncomingMessage, res: ServerResponse) => res.end(String(req.socket.remoteAddress));
    const port = await listen(createHttpServer(answerWho));
    // Where this machine has ::1, the same port there answers too, so "auto" can be seen taking IPv6.
    const v6 = await listen(createHttpServer(answerWho), "::1", port).then(
      () => true,
      () => false,
    );
    const asked: (number | undefined)[] = [];
    // A dual-stack name as api.wedos.com is: IPv6 first, then IPv4.
    const lookup = ((
      _host: string,
      options: { family?: number; all?: boolean },
      callback: (...args: unknown[]) => void,
    ) => {
      asked.push(options.family || undefined);
      const all = [
        { address: "::1", family: 6 },
        { address: "127.0.0.1", family: 4 },
      ].filter((a) => !options.family || a.family === options.family);
      if (options.all) callback(null, all);
      else callback(null, all[0]!.address, all[0]!.family);
    }) as unknown as LookupFunction;
    const url = `http://wapi.example.test:${port}/wapi/json`;
    expect((await transport({ ipFamily: "ipv4", lookup }).transport.post(url, "a=1")).body).toBe("127.0.0.1");
    expect(asked).toEqual([4]);
    const auto = await transport({ ipFamily: "auto", lookup }).transport.post(url, "a=1");
    expect(asked).toEqual([4, undefined]);
    expect(auto.body).toBe(v6 ? "::1" : "127.0.0.1");
  });
});

describe("what the fuse counts of transport failures", () => {
  let h: WedosHarness | undefined;
  afterEach(async () => {
    await h?.close();
    h = undefined;
  });

  async function wapiAt(url: string): Promise<{ wapi: ReturnType<typeof createWapi>; clock: SkippableClock }> {
    h = await startWedosHarness({});
    const clock = new SkippableClock();
    const wapi = createWapi({ ...h.config, wapi: { ...h.config.wapi, url } }, h.db, h.clock, undefined, clock);
    cleanups.push(() => wapi.close());
    return { wapi, clock };
  }

  it("a connection not made in time never reached WEDOS: the fuse does not count it", async () => {
    const silent = createNetServer(() => undefined);
    const port = await listen(silent);
    const { wapi, clock } = await wapiAt(`https://127.0.0.1:${port}/wapi/json`);
    const ping = wapi.account.ping().then(
      () => undefined,
      (e: unknown) => e,
    );
    await once(silent, "connection");
    expect(wapi.fuse.status()).toMatchObject({ pending: 1 });
    clock.skip(TIMEOUT_MS);
    const error = await ping;
    expect(error).toBeInstanceOf(WapiTransportError);
    expect((error as Error).message).toBe(
      `WAPI ping: no answer from https://127.0.0.1:${port} (timed out connecting); check this server's network connection to WEDOS`,
    );
    expect(wapi.fuse.status()).toMatchObject({ rejected: 0, pending: 0 });
  });

  it("a request sent and never answered may count at WEDOS: the fuse keeps it", async () => {
    const server = await httpServer((req) => req.resume());
    const { wapi, clock } = await wapiAt(server.url);
    const ping = wapi.account.ping().then(
      () => undefined,
      (e: unknown) => e,
    );
    await server.requested();
    clock.skip(TIMEOUT_MS);
    const error = await ping;
    expect((error as Error).message).toBe(
      `WAPI ping: no answer from ${new URL(server.url).origin} (timed out); check this server's network connection to WEDOS`,
    );
    expect(wapi.fuse.status()).toMatchObject({ rejected: 1, pending: 0 });
  });
});
