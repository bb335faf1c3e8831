import { once } from "node:events";
import { request } from "node:http";
import type { AddressInfo, Server } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { createServer, type ServerOptions } from "../../../server";

// The edge's decisions that come before React Router (origin, scheme, refusals), in-process. Each case
// posts a body of the wrong type: 415 means the request got past the same-origin check, 403 that it did not.

let server: Server | undefined;
afterEach(async () => {
  if (server) await new Promise((resolve) => server!.close(resolve));
  server = undefined;
});

async function post(options: ServerOptions, headers: Record<string, string>) {
  server = createServer("build-that-is-never-read", options).listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address() as AddressInfo;
  return new Promise<{ status: number; hsts: string | undefined }>((resolve, reject) => {
    const req = request(
      {
        host: "127.0.0.1",
        port,
        method: "POST",
        path: "/sign-in",
        headers: { "Content-Type": "application/json", ...headers },
      },
      (res) => {
        res.resume();
        res.on("end", () =>
          resolve({
            status: res.statusCode ?? 0,
            hsts: res.headers["strict-transport-security"] as string | undefined,
          }),
        );
      },
    );
    req.on("error", reject);
    req.end("{}");
  });
}

describe("behind a proxy", () => {
  const browser = { Host: "portal.example", Origin: "https://portal.example", "X-Forwarded-Proto": "https" };

  it("a trusted proxy's X-Forwarded-Proto makes the https Origin match, and HSTS is sent", async () => {
    const answer = await post({ appUrl: null, trustProxy: "loopback" }, browser);
    expect(answer.status).toBe(415);
    expect(answer.hsts).toBe("max-age=31536000; includeSubDomains");
  });

  it("an untrusted one is ignored: the https Origin does not match plain http, and no HSTS", async () => {
    const answer = await post({ appUrl: null, trustProxy: false }, browser);
    expect(answer.status).toBe(403);
    expect(answer.hsts).toBeUndefined();
  });

  it("APP_URL decides the public origin whatever the headers say", async () => {
    expect(
      (
        await post(
          { appUrl: "https://portal.example", trustProxy: false },
          { Host: "10.0.0.7:3000", Origin: "https://portal.example" },
        )
      ).status,
    ).toBe(415);
    expect(
      (
        await post(
          { appUrl: "https://portal.example", trustProxy: "loopback" },
          { ...browser, Origin: "https://evil.example" },
        )
      ).status,
    ).toBe(403);
    // A forged Host cannot make another site "same origin" when APP_URL is set.
    expect(
      (
        await post(
          { appUrl: "https://portal.example", trustProxy: false },
          { Host: "evil.example", Origin: "http://evil.example" },
        )
      ).status,
    ).toBe(403);
  });

  it("a Host header that is not a host is refused with 400", async () => {
    expect(
      (await post({ appUrl: null, trustProxy: false }, { Host: "evil.example/path", Origin: "http://evil.example" }))
        .status,
    ).toBe(400);
  });

  it("a body larger than MAX_BODY_BYTES is refused with 413", async () => {
    const answer = await post(
      { appUrl: null, trustProxy: false, maxBodyBytes: 1 },
      { Host: "portal.example", Origin: "http://portal.example", "Content-Type": "application/x-www-form-urlencoded" },
    );
    expect(answer.status).toBe(413);
  });
});
