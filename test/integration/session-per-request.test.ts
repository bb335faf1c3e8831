import { createRequestHandler, createStaticHandler, type ServerBuild } from "react-router";
import { describe, expect, it } from "vitest";
import { getUser } from "~/auth/guard.server";
import { sessionIdFromToken } from "~/auth/session.server";
import { db } from "~/db.server";
import portalConfig from "../../react-router.config";
import { cookieFor, formRequest, getRequest, useTestDatabase } from "./setup-db";

// The one-lookup-per-request cache in guard.server.ts is keyed on the Request object. That is only
// right if React Router hands all the loaders of one request the same Request; this checks it does,
// with React Router's own request handler.
useTestDatabase();

/**
 * The smallest server build React Router's request handler accepts, with the portal's future flags
 * (react-router.config.ts): its server runtime, unlike the static handler, gave each loader copies of
 * the Request unless `v8_passThroughRequests` is on.
 */
function serverBuild(seen: { route: string; request: Request }[]): ServerBuild {
  const record =
    (route: string) =>
    async ({ request }: { request: Request }) => {
      seen.push({ route, request });
      return (await getUser(request))?.email ?? null;
    };
  const manifestRoute = (id: string, parentId: string | undefined, path: string) => ({
    id,
    parentId,
    path,
    module: `/${id}.js`,
    hasLoader: true,
    hasAction: false,
    hasClientAction: false,
    hasClientLoader: false,
    hasClientMiddleware: false,
    hasErrorBoundary: false,
    imports: [],
    css: [],
  });
  return {
    entry: { module: { default: () => new Response("<html></html>", { headers: { "Content-Type": "text/html" } }) } },
    routes: {
      root: { id: "root", path: "", module: { loader: record("root"), default: () => null } },
      page: { id: "page", parentId: "root", path: "borough", module: { loader: record("page"), default: () => null } },
    },
    assets: {
      entry: { module: "/entry.js", imports: [] },
      routes: { root: manifestRoute("root", undefined, ""), page: manifestRoute("page", "root", "borough") },
      url: "/manifest.js",
      version: "test",
    },
    publicPath: "/",
    assetsBuildDirectory: "build/client",
    future: { v8_middleware: false, unstable_subResourceIntegrity: false, ...portalConfig.future },
    ssr: true,
    isSpaMode: false,
    prerender: [],
    routeDiscovery: { mode: "lazy", manifestPath: "/__manifest" },
  } as unknown as ServerBuild;
}

function routesRecording(seen: { route: string; request: Request }[], onLoad?: () => Promise<void>) {
  const record =
    (route: string) =>
    async ({ request }: { request: Request }) => {
      seen.push({ route, request });
      await onLoad?.();
      return (await getUser(request))?.email ?? null;
    };
  return [
    {
      id: "root",
      path: "/",
      loader: record("root"),
      children: [
        {
          id: "page",
          path: "borough",
          loader: record("page"),
          action: async ({ request }: { request: Request }) => {
            seen.push({ route: "action", request });
            return null;
          },
        },
      ],
    },
  ];
}

describe("React Router and the per-request session lookup", () => {
  it("with the portal's settings, its request handler gives the loaders of a page and of its data one Request", async () => {
    const cookie = await cookieFor("officer@newham.test");
    for (const path of ["/borough", "/borough.data"]) {
      const seen: { route: string; request: Request }[] = [];
      const handle = createRequestHandler(serverBuild(seen), "production");
      const response = await handle(getRequest(path, cookie));
      expect(response.status, path).toBe(200);
      expect(seen.map((s) => s.route).sort(), path).toEqual(["page", "root"]);
      expect(seen[0]!.request, path).toBe(seen[1]!.request);
    }
  });

  it("passes the same Request to every loader of one page request", async () => {
    const seen: { route: string; request: Request }[] = [];
    const handler = createStaticHandler(routesRecording(seen));
    const request = getRequest("/borough", await cookieFor("officer@newham.test"));
    const context = await handler.query(request);
    expect(seen.map((s) => s.route).sort()).toEqual(["page", "root"]);
    expect(seen[0]!.request).toBe(seen[1]!.request);
    expect((context as { loaderData: Record<string, unknown> }).loaderData).toEqual({
      root: "officer@newham.test",
      page: "officer@newham.test",
    });
  });

  it("after an action, gives the loaders one fresh Request of their own", async () => {
    const seen: { route: string; request: Request }[] = [];
    const handler = createStaticHandler(routesRecording(seen));
    await handler.query(formRequest("/borough", {}, await cookieFor("officer@newham.test")));
    const action = seen.find((s) => s.route === "action")!;
    const loaders = seen.filter((s) => s.route !== "action");
    expect(loaders).toHaveLength(2);
    expect(loaders[0]!.request).toBe(loaders[1]!.request);
    expect(loaders[0]!.request).not.toBe(action.request);
  });

  it("shares one lookup between the loaders: a session ended mid-request is not looked up twice", async () => {
    const cookie = await cookieFor("officer@newham.test");
    const seen: { route: string; request: Request }[] = [];
    // The first loader to run ends the session after the lookup has started; the other still sees the user.
    let ended = false;
    const handler = createStaticHandler(
      routesRecording(seen, async () => {
        if (ended) return;
        ended = true;
        await getUser(seen[0]!.request);
        await db()
          .deleteFrom("sessions")
          .where("id", "=", sessionIdFromToken(cookie.split("=")[1]!))
          .execute();
      }),
    );
    const context = await handler.query(getRequest("/borough", cookie));
    expect((context as { loaderData: Record<string, unknown> }).loaderData).toEqual({
      root: "officer@newham.test",
      page: "officer@newham.test",
    });
    expect(await getUser(getRequest("/borough", cookie))).toBeNull();
  });
});
