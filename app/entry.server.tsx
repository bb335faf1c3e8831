import { PassThrough } from "node:stream";
import { renderToPipeableStream } from "react-dom/server";
import { ServerRouter, type AppLoadContext, type EntryContext } from "react-router";
import { keptMarkup } from "./ui/prerender.server";
import { KeptMarkup, PrerenderedMarkup } from "./ui/prerendered";

export const streamTimeout = 5_000;

declare module "react-router" {
  interface AppLoadContext {
    /** Per-response nonce for the Content-Security-Policy, set by server.ts. */
    cspNonce?: string;
    /** The client's IP address, taken from X-Forwarded-For only through a proxy TRUST_PROXY trusts. Set by server.ts. */
    clientAddress?: string;
    /**
     * Markup loaders prerendered for this page (app/ui/prerender.server.tsx), by key. Set by
     * app/server/handler.ts on whole-page requests only: a `.data` request carries the markup itself.
     */
    prerendered?: Map<string, string>;
  }
}

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  routerContext: EntryContext,
  loadContext: AppLoadContext,
) {
  if (request.method.toUpperCase() === "HEAD") {
    return new Response(null, { status: responseStatusCode, headers: responseHeaders });
  }
  const nonce = loadContext?.cspNonce;

  return new Promise((resolve, reject) => {
    let statusCode = responseStatusCode;
    // Whole pages, sent in one piece: every page is complete without JavaScript, and one write keeps
    // the compression middleware from stacking a drain listener per chunk on long pages.
    const { pipe, abort } = renderToPipeableStream(
      <PrerenderedMarkup value={loadContext?.prerendered ?? null}>
        <KeptMarkup value={keptMarkup}>
          <ServerRouter context={routerContext} url={request.url} nonce={nonce} />
        </KeptMarkup>
      </PrerenderedMarkup>,
      {
        nonce,
        onAllReady() {
          clearTimeout(timer);
          const chunks: Buffer[] = [];
          const body = new PassThrough();
          body.on("data", (chunk: Buffer) => chunks.push(chunk));
          body.on("end", () => {
            responseHeaders.set("Content-Type", "text/html; charset=utf-8");
            resolve(new Response(Buffer.concat(chunks), { headers: responseHeaders, status: statusCode }));
          });
          body.on("error", reject);
          pipe(body);
        },
        onShellError(error: unknown) {
          clearTimeout(timer);
          reject(error);
        },
        onError(error: unknown) {
          statusCode = 500;
          console.error(error);
        },
      },
    );
    // Cleared once the page is rendered (React calls back later, never during this call): a pending
    // timer kept each finished request's memory alive for seconds.
    const timer = setTimeout(abort, streamTimeout + 1000);
  });
}
