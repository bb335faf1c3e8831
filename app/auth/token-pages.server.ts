import { data } from "react-router";
import type { AccountTokenPurpose } from "../../db/schema";
import { openToken, setPasswordWithToken } from "~/data/people.server";
import { db } from "~/db.server";
import { parseForm, replyTo } from "~/forms/common";
import { newPasswordSchema } from "~/forms/people";
import { commonPasswords } from "./common-passwords.server";
import { redirectWithMessage } from "./flash.server";
import { hashPassword } from "./password.server";

/**
 * The two pages a one-time link opens (an invitation, a password reset) work alike: a link that no
 * longer works is answered 410 with what to do instead; a working one shows the new-password form,
 * and its post sets the password, spends the link, ends every session of the person and sends them
 * to sign in.
 */

export type TokenPageData =
  { state: "valid"; name: string; email: string } | { state: "used" | "expired" | "unknown" | "account-closed" };

export async function tokenPageLoader(purpose: AccountTokenPurpose, token: string | undefined) {
  const opened = await openToken(db(), purpose, token);
  if (opened.state !== "valid") return data<TokenPageData>({ state: opened.state }, { status: 410 });
  return data<TokenPageData>({ state: "valid", name: opened.name, email: opened.email });
}

export async function tokenPageAction(request: Request, purpose: AccountTokenPurpose, token: string | undefined) {
  const opened = await openToken(db(), purpose, token);
  if (opened.state !== "valid") throw data({ message: "This link no longer works." }, { status: 410 });
  const schema = newPasswordSchema({ commonPasswords: commonPasswords(), email: opened.email });
  const submission = parseForm(await request.formData(), { schema });
  if (submission.status !== "success") return replyTo(submission, { hideFields: ["password", "confirmPassword"] });
  // Hashed before the link is claimed, so the transaction that claims it is short.
  const set = await setPasswordWithToken(db(), purpose, token, await hashPassword(submission.value.password));
  // Someone else used it between the check and now: the same answer as any spent link.
  if (!set.ok) throw data({ message: "This link no longer works." }, { status: 410 });
  throw await redirectWithMessage(
    request,
    "/sign-in",
    purpose === "invitation"
      ? "Your password is set. Sign in with your email address and new password."
      : "Your password has been changed. Sign in with your new password.",
  );
}
