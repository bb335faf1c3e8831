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
  return redirect("/sign-in?signedOut=1", { headers: { "Set-Cookie": blankSessionCookie() } });
}
