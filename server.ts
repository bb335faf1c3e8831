import { randomBytes } from "node:crypto";
import { pathToFileURL } from "node:url";
import { createRequestHandler } from "@react-router/express";
import compression from "compression";
import express from "express";
import { isCrossOriginWrite } from "./app/auth/origin";

/** The production server: static files, security headers, compression, and the React Router app. */
export function createServer(buildPath: string) {
  const app = express();
  app.disable("x-powered-by");
  app.use(compression());

  app.use((req, res, next) => {
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
    next();
  });

  app.use((req, res, next) => {
    const ownOrigin = `${req.protocol}://${req.get("host")}`;
    const crossSite = isCrossOriginWrite(req.method, ownOrigin, {
      origin: req.get("origin"),
      secFetchSite: req.get("sec-fetch-site"),
    });
    if (crossSite) {
      res.status(403).type("text/plain").send("Requests that change data must come from this portal's own pages.");
      return;
    }
    next();
  });

  app.use("/assets", express.static(`${buildPath}/client/assets`, { immutable: true, maxAge: "1y" }));
  // Only paths that name a file (favicon.svg, robots.txt): a page path never does, and asking the
  // disk about every page request cost more than some of the pages' own queries.
  const files = express.static(`${buildPath}/client`, { maxAge: "1h" });
  app.use((req, res, next) => (/\.[a-z0-9]+$/i.test(req.path) ? files(req, res, next) : next()));

  // Imported once: a dynamic import on every request went through the module loader each time.
  const build = import(pathToFileURL(`${buildPath}/server/index.js`).href);
  app.all(
    /.*/,
    createRequestHandler({
      build: () => build,
      getLoadContext: (_req, res) => ({ cspNonce: res.locals.cspNonce as string }),
      // This is the production server whatever NODE_ENV says: errors reach the browser without details.
      mode: "production",
    }),
  );
  return app;
}
