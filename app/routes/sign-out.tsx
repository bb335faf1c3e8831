import { redirect } from "react-router";
import { blankSessionCookie, invalidateSession, readSessionToken, sessionIdFromToken } from "~/auth/session.server";
import { db } from "~/db.server";
import { parseForm } from "~/forms/common";
import { signOutSchema } from "~/forms/sign-in";
import type { Route } from "./+types/sign-out";

export async function loader() {
  return redirect("/");
}

export async function action({ request }: Route.ActionArgs) {
  const token = readSessionToken(request);
  if (token) await invalidateSession(db(), sessionIdFromToken(token));
  // Only reason=timeout is recognised, and the sign-in page maps it to a fixed sentence. A post with no
  // form at all still signs out.
  const submission = parseForm(await request.formData().catch(() => new FormData()), { schema: signOutSchema });
  const timedOut = submission.status === "success" && submission.value.reason === "timeout";
  return redirect(timedOut ? "/sign-in?timeout=1" : "/sign-in?signedOut=1", {
    headers: { "Set-Cookie": blankSessionCookie() },
  });
}
