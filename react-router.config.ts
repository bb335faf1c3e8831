import type { Config } from "@react-router/dev/config";

export default {
  ssr: true,
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
