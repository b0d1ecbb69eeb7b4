import { request as httpRequest, type Agent } from "node:http";
import { request as httpsRequest } from "node:https";

/** What a GET brought back. */
export interface GetAnswer {
  status: number;
  body: string;
}

/** The longest answer read; DirectAdmin's answers to the session check are a few kB. */
const MAX_BODY_BYTES = 1024 * 1024;

/**
 * One GET over node:http/https with the given agent (its TLS trust and keep-alive), ended by `signal`. Redirects
 * are not followed. An answer over 1 MB is refused rather than read into memory.
 */
export function httpGet(
  url: string,
  options: { agent?: Agent; headers?: Record<string, string>; signal: AbortSignal },
): Promise<GetAnswer> {
  const send = url.startsWith("https:") ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = send(
      url,
      {
        method: "GET",
        headers: options.headers,
        signal: options.signal,
        ...(options.agent === undefined ? {} : { agent: options.agent }),
      },
      (response) => {
        const chunks: Buffer[] = [];
        let size = 0;
        response.on("data", (chunk: Buffer) => {
          size += chunk.length;
          if (size <= MAX_BODY_BYTES) chunks.push(chunk);
          else req.destroy(new Error(`the answer is larger than ${MAX_BODY_BYTES} bytes`));
        });
        response.on("error", reject);
        response.on("end", () => {
          if (response.complete)
            resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") });
          else reject(new Error("the connection closed in the middle of the answer"));
        });
      },
    );
    req.on("error", reject);
    req.end();
  });
}
