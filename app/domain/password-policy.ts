import { MAX_PASSWORD_LENGTH } from "./sign-in-throttle";

/**
 * What a new password must be, as NCSC and NIST SP 800-63B advise: long, and not one that attackers
 * try first. No rules on character classes (they make passwords harder to remember, not to guess).
 * The list of common and breached passwords is passed in, so this module stays free of the large
 * list and can run in the browser too (where the list is not sent, and the server checks it).
 */

export const MIN_PASSWORD_LENGTH = 12;
export { MAX_PASSWORD_LENGTH };

/** Names of this service that people reach for when asked for a password here. */
const SERVICE_WORDS = ["lcpf", "mopac", "londoncrimeprevention", "crimeprevention"];

export type PasswordContext = {
  /** Lower-case common and breached passwords; absent in the browser. */
  commonPasswords?: ReadonlySet<string> | undefined;
  /** The account's email address: a password built from it is easy to guess. */
  email?: string | undefined;
};

export type PasswordCheck = { ok: true } | { ok: false; message: string };

export const PASSWORD_MESSAGES = {
  missing: "Enter a new password",
  tooShort: `Password must be ${MIN_PASSWORD_LENGTH} characters or more`,
  tooLong: `Password must be ${MAX_PASSWORD_LENGTH} characters or fewer`,
  common: "Choose a password that is harder to guess: this one is on a list of common or breached passwords",
  repetitive: "Choose a password that is harder to guess: it repeats too few characters",
  personal: "Choose a password that is harder to guess: do not use your email address or this service’s name",
} as const;

/**
 * The forms people turn a listed password into and still think it new: other capitals, and digits or
 * symbols added at the end ("Password2024!"). Each is looked up in the list.
 */
export function listedForms(password: string): string[] {
  const lower = password.toLowerCase();
  const trimmedEnd = lower.replace(/[\d\W_]+$/u, "");
  const trimmedStart = lower.replace(/^[\d\W_]+/u, "");
  return [...new Set([lower, trimmedEnd, trimmedStart].filter((form) => form.length > 0))];
}

/** Length counted in characters as people see them, not UTF-16 code units. */
function characters(password: string): number {
  return [...password].length;
}

export function checkNewPassword(password: string, context: PasswordContext = {}): PasswordCheck {
  if (password.length === 0) return { ok: false, message: PASSWORD_MESSAGES.missing };
  if (characters(password) < MIN_PASSWORD_LENGTH) return { ok: false, message: PASSWORD_MESSAGES.tooShort };
  if (password.length > MAX_PASSWORD_LENGTH) return { ok: false, message: PASSWORD_MESSAGES.tooLong };
  if (new Set(password.toLowerCase()).size < 4) return { ok: false, message: PASSWORD_MESSAGES.repetitive };

  const squashed = password.toLowerCase().replace(/[\W_]+/gu, "");
  const localPart =
    context.email
      ?.toLowerCase()
      .split("@")[0]
      ?.replace(/[\W_]+/gu, "") ?? "";
  const personal = [...SERVICE_WORDS, ...(localPart.length >= 4 ? [localPart] : [])];
  // Only when the word is all there is besides digits and symbols: "lcpf-demo-2017" adds a word of its
  // own, "LCPF-2017-21!" does not.
  const littleMoreThan = (word: string) =>
    squashed.includes(word) && squashed.replace(word, "").replace(/[^\p{L}]/gu, "").length < 4;
  if (personal.some(littleMoreThan)) return { ok: false, message: PASSWORD_MESSAGES.personal };
  if (context.email && password.trim().toLowerCase() === context.email.trim().toLowerCase())
    return { ok: false, message: PASSWORD_MESSAGES.personal };

  const list = context.commonPasswords;
  if (list && listedForms(password).some((form) => list.has(form)))
    return { ok: false, message: PASSWORD_MESSAGES.common };
  return { ok: true };
}
