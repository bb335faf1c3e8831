import { dictionary } from "@zxcvbn-ts/language-common";
import { checkNewPassword, type PasswordCheck } from "~/domain/password-policy";

/**
 * The list of common and breached passwords (about 49,000, from zxcvbn-ts's maintained "common"
 * dictionary, drawn from published breaches), made into a set once, on the server only: it is far
 * too large to send to browsers.
 */
let common: ReadonlySet<string> | undefined;
export function commonPasswords(): ReadonlySet<string> {
  common ??= new Set(dictionary["passwords-common"].map((password) => password.toLowerCase()));
  return common;
}

/** The password rule of app/domain/password-policy.ts, with the list. */
export function checkPasswordOnServer(password: string, email: string): PasswordCheck {
  return checkNewPassword(password, { commonPasswords: commonPasswords(), email });
}
