import type { Request as ExpressRequest, Response as ExpressResponse } from "express";
import { createRequestHandler, type AppLoadContext, type ServerBuild } from "react-router";
import { writeReadableStreamToWritable } from "@react-router/node";
import { bodyForRequest, readFormBody, Refusal } from "./request-body";

const BODY_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);
/** How much of an over-long body is read and thrown away after the 413, so the client sees the answer. */
const DRAIN_AFTER_REFUSAL = 16 * 1024 * 1024;

export type HandlerOptions = {
  build: () => Promise<ServerBuild>;
  maxBodyBytes: number;
  /** The request's public origin (see public-origin.ts), already checked by the caller. */
  origin: (req: ExpressRequest) => string;
  loadContext: (req: ExpressRequest, res: ExpressResponse) => AppLoadContext;
};

function requestHeaders(req: ExpressRequest): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    // The body handed on is re-encoded, so its framing headers no longer describe it.
    if (["content-length", "transfer-encoding", "content-type"].includes(name)) continue;
    for (const one of Array.isArray(value) ? value : [value]) headers.append(name, one);
  }
  return headers;
}

/** A short plain-text refusal. A body left half-read is drained a little and the connection closed. */
export function refuse(
  req: ExpressRequest,
  res: ExpressResponse,
  status: number,
  message: string,
  bodyLeftUnread: boolean,
): void {
  if (bodyLeftUnread) {
    res.setHeader("Connection", "close");
    let drained = 0;
    req.on("data", (chunk: Buffer) => {
      drained += chunk.length;
      if (drained > DRAIN_AFTER_REFUSAL) req.destroy();
    });
    req.resume();
  }
  res.status(status).type("text/plain").send(message);
}

/**
 * Express -> React Router, with every request body read and checked here first: React Router and
 * conform only ever see a bounded, well-formed form.
 */
export function createPortalHandler(options: HandlerOptions) {
  // React Router's handler, made once the build has loaded. Handed a function, createRequestHandler
  // calls it and rebuilds its route table and static handler on every request (a development
  // convenience for hot reloading): about a tenth of a light page's CPU time.
  let handler: Promise<ReturnType<typeof createRequestHandler>> | undefined;
  const handle: ReturnType<typeof createRequestHandler> = async (request, context) => {
    handler ??= options.build().then(
      (build) => createRequestHandler(build, "production"),
      (error: unknown) => {
        handler = undefined; // a failed import is tried again by the next request
        throw error;
      },
    );
    return (await handler)(request, context);
  };

  return async (req: ExpressRequest, res: ExpressResponse) => {
    const method = req.method.toUpperCase();
    const controller = new AbortController();
    res.on("close", () => {
      if (!res.writableFinished) controller.abort();
    });

    const init: RequestInit & { duplex?: "half" } = { method, headers: requestHeaders(req), signal: controller.signal };
    if (BODY_METHODS.has(method)) {
      try {
        const body = bodyForRequest(await readFormBody(req, options.maxBodyBytes));
        init.body = body;
        // URLSearchParams gets its content type from the Request; FormData gets its own boundary.
      } catch (error) {
        if (error instanceof Refusal) {
          refuse(req, res, error.status, error.message, error.bodyLeftUnread);
          return;
        }
        // The client hung up mid-body: nobody is left to answer.
        if (!res.headersSent) res.destroy();
        return;
      }
    }

    const request = new Request(new URL(req.originalUrl, options.origin(req)).href, init);
    const context = options.loadContext(req, res);
    // A whole page (not a client-side navigation's `.data`): prerendered markup goes into its HTML
    // once, rather than into both the HTML and the hydration data (app/ui/prerendered.tsx).
    if (!req.path.endsWith(".data")) context.prerendered = new Map();
    const response = await handle(request, context);
    if (res.destroyed || res.writableEnded) {
      await response.body?.cancel();
      return;
    }
    res.statusMessage = response.statusText;
    res.status(response.status);
    for (const [name, value] of response.headers.entries()) res.append(name, value);
    // Pages and .data answers describe one person's view of changing data: never cached anywhere.
    res.setHeader("Cache-Control", "no-store");
    if (response.body) await writeReadableStreamToWritable(response.body, res);
    else res.end();
  };
}
