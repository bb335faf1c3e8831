import { redirect } from "react-router";
import { blankSessionCookie, invalidateSession, readSessionToken, sessionIdFromToken } from "~/auth/session.server";
import { db } from "~/db.server";
import type { Route } from "./+types/sign-out";

export async function loader() {
  return redirect("/");
}

export async function action({ request }: Route.ActionArgs) {
  const token = readSessionToken(request);
  if (token) await invalidateSession(db(), sessionIdFromToken(token));
  // The timeout warning posts reason=timeout when time runs out; the sign-in page then says why.
  // Only that one value is recognised, and the page maps it to a fixed sentence.
  const form = await request.formData().catch(() => null);
  const timedOut = form?.get("reason") === "timeout";
  return redirect(timedOut ? "/sign-in?timeout=1" : "/sign-in?signedOut=1", {
    headers: { "Set-Cookie": blankSessionCookie() },
  });
}
