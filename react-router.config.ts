import type { Config } from "@react-router/dev/config";

export default {
  ssr: true,
  // The browser gets the whole route manifest with the first page (a few KB, gzipped, counted by
  // `npm run bench`) rather than asking /__manifest for each new part of the site as links appear.
  // Lazy discovery also worked out, on every page the server rendered, which routes the page's
  // parent addresses match, walking the whole route table once per level of the address: half a
  // millisecond on a project section page.
  routeDiscovery: { mode: "initial" },
  future: {
    // Loaders and actions get the Request as it came in, rather than two copies made per loader (one
    // without `?index`, one without `?_routes`): the copies cost time on every page, and the root
    // loader and the page's loader then shared no Request, so the session was looked up twice
    // (app/auth/guard.server.ts keys its one lookup on the Request). A client-side navigation's Request
    // still has React Router's own parts (`/page.data`, `?_routes=`): loaders read only the query's
    // own names, and the sign-in redirect takes them out (guard.server.ts).
    v8_passThroughRequests: true,
  },
} satisfies Config;
