import { once } from "node:events";
import { request, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo, Server } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { createServer } from "../../../server";

// ASVS 4.0.3 V14.3.3, V14.4.1 and V14.4.3-V14.4.7 (docs/security.md): the headers every response carries,
// seen in-process on an edge refusal (no build is needed for one). The browser suite sees them on pages.

let server: Server | undefined;
afterEach(async () => {
  if (server) await new Promise((resolve) => server!.close(resolve));
  server = undefined;
});

async function refusedPost(): Promise<{ status: number; headers: IncomingHttpHeaders }> {
  const { port } = server!.address() as AddressInfo;
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: "127.0.0.1",
        port,
        method: "POST",
        path: "/sign-in",
        headers: { Host: "portal.example", Origin: "https://portal.example", "Content-Type": "application/json" },
      },
      (res) => {
        res.resume();
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers }));
      },
    );
    req.on("error", reject);
    req.end("{}");
  });
}

/** The policy as one string (Node types a header as possibly repeated). */
function csp(headers: IncomingHttpHeaders): string {
  const value = headers["content-security-policy"];
  return typeof value === "string" ? value : "";
}

describe("security headers", () => {
  it("are on every response, name no component, and give each response its own script nonce", async () => {
    server = createServer("build-that-is-never-read", { appUrl: "https://portal.example", trustProxy: false }).listen(
      0,
      "127.0.0.1",
    );
    await once(server, "listening");
    const first = await refusedPost();
    const second = await refusedPost();

    expect(first.status).toBe(415);
    expect(first.headers["x-powered-by"]).toBeUndefined();
    expect(first.headers["content-type"]).toBe("text/plain; charset=utf-8");
    expect(first.headers["x-content-type-options"]).toBe("nosniff");
    expect(first.headers["x-frame-options"]).toBe("DENY");
    expect(first.headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(first.headers["strict-transport-security"]).toBe("max-age=31536000; includeSubDomains");

    const directives = csp(first.headers).split("; ");
    for (const directive of [
      "default-src 'self'",
      "frame-ancestors 'none'",
      "object-src 'none'",
      "base-uri 'self'",
      "form-action 'self'",
    ]) {
      expect(directives).toContain(directive);
    }
    const nonce = (headers: IncomingHttpHeaders) =>
      /script-src 'self' 'nonce-([A-Za-z0-9+/=]+)'/.exec(csp(headers))?.[1];
    expect(nonce(first.headers)).toHaveLength(24);
    expect(nonce(second.headers)).not.toBe(nonce(first.headers));
  });
});
