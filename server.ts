// First, before anything loads React: the server always renders with React's production build.
import "./app/server/production-mode";
import { randomBytes } from "node:crypto";
import { pathToFileURL } from "node:url";
import compression from "compression";
import express, { type NextFunction, type Request, type Response } from "express";
import type { ServerBuild } from "react-router";
import { config } from "./app/config.server";
import { isCrossOriginWrite } from "./app/auth/origin";
import { inArrivalOrder } from "./app/server/arrival-order";
import { createPortalHandler, refuse } from "./app/server/handler";
import { publicOrigin } from "./app/server/public-origin";

export type ServerOptions = {
  /** Overrides of the settings, for tests; each defaults to the environment's (app/config.server.ts). */
  appUrl?: string | null;
  trustProxy?: boolean | number | string;
  maxBodyBytes?: number;
};

/** The production server: static files, security headers, compression, the guarded way in, and the React Router app. */
export function createServer(buildPath: string, options: ServerOptions = {}) {
  const appUrl = options.appUrl !== undefined ? options.appUrl : config.appUrlIsExplicit ? config.appUrl : null;
  const maxBodyBytes = options.maxBodyBytes ?? config.maxBodyBytes;

  const app = express();
  app.disable("x-powered-by");
  // Decides whether req.ip, req.protocol and req.host may come from X-Forwarded-* headers.
  app.set("trust proxy", options.trustProxy ?? config.trustProxy);
  app.use(inArrivalOrder());
  app.use(compression());

  app.use((req, res, next) => {
    const origin = publicOrigin(appUrl, { protocol: req.protocol, host: req.host });
    if (!origin || !req.originalUrl.startsWith("/")) {
      refuse(req, res, 400, "The request's address is not one this portal answers.", true);
      return;
    }
    res.locals.publicOrigin = origin;

    const nonce = randomBytes(16).toString("base64");
    res.locals.cspNonce = nonce;
    res.setHeader(
      "Content-Security-Policy",
      [
        "default-src 'self'",
        `script-src 'self' 'nonce-${nonce}'`,
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
        "base-uri 'self'",
        "object-src 'none'",
      ].join("; "),
    );
    res.setHeader("X-Content-Type-Options", "nosniff");
    res.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
    res.setHeader("X-Frame-Options", "DENY");
    res.setHeader("Cross-Origin-Opener-Policy", "same-origin");
    res.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
    if (origin.startsWith("https:")) res.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
    next();
  });

  app.use((req, res, next) => {
    const crossSite = isCrossOriginWrite(req.method, res.locals.publicOrigin as string, {
      origin: req.get("origin"),
      secFetchSite: req.get("sec-fetch-site"),
    });
    if (crossSite) {
      refuse(req, res, 403, "Requests that change data must come from this portal's own pages.", true);
      return;
    }
    next();
  });

  app.use("/assets", express.static(`${buildPath}/client/assets`, { immutable: true, maxAge: "1y" }));
  // Only paths that name a file (favicon.svg, robots.txt): a page path never does, and asking the
  // disk about every page request cost more than some of the pages' own queries.
  const files = express.static(`${buildPath}/client`, { maxAge: "1h" });
  app.use((req, res, next) => (/\.[a-z0-9]+$/i.test(req.path) ? files(req, res, next) : next()));

  // Imported once, on the first request: a dynamic import on every request went through the module
  // loader each time, and importing before any request would fail servers made without a build (tests).
  let build: Promise<ServerBuild> | undefined;
  const handler = createPortalHandler({
    build: () => (build ??= import(pathToFileURL(`${buildPath}/server/index.js`).href) as Promise<ServerBuild>),
    maxBodyBytes,
    origin: (_req) => _req.res!.locals.publicOrigin as string,
    loadContext: (req, res) => ({
      cspNonce: res.locals.cspNonce as string,
      clientAddress: req.ip ?? req.socket.remoteAddress ?? "",
    }),
  });
  app.all(/.*/, (req, res, next) => {
    handler(req, res).catch(next);
  });

  // Last resort: no stack traces or details reach the browser.
  app.use((error: unknown, req: Request, res: Response, _next: NextFunction) => {
    console.error(error);
    if (res.headersSent) {
      res.destroy();
      return;
    }
    const status = (error as { status?: unknown })?.status;
    if (typeof status === "number" && status >= 400 && status < 500) {
      res.status(status).type("text/plain").send("The request could not be understood.");
      return;
    }
    res.status(500).type("text/plain").send("Sorry, something went wrong on our side.");
  });
  return app;
}
