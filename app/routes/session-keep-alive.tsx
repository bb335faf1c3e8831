import { redirect } from "react-router";
import { getSession, requireUser } from "~/auth/guard.server";
import { extendSession } from "~/auth/session.server";
import { db } from "~/db.server";
import type { Route } from "./+types/session-keep-alive";

// "Stay signed in" in the timeout warning: a same-origin POST (the server refuses other origins)
// that gives the session a full idle period again. No page, no body.

/** Nothing to see: someone who opens the address goes home (by way of sign-in if need be). */
export async function loader({ request }: Route.LoaderArgs) {
  await requireUser(request);
  return redirect("/");
}

export async function action({ request }: Route.ActionArgs) {
  await requireUser(request);
  const lookup = await getSession(request);
  if (lookup) await extendSession(db(), lookup.session);
  return new Response(null, { status: 204, headers: { "Cache-Control": "no-store" } });
}
