import * as z from "zod/mini";
import { MAX_EMAIL_LENGTH, MAX_PASSWORD_LENGTH } from "~/domain/sign-in-throttle";

/** The limits the sign-in rules set (a real address fits; a pasted megabyte never reaches Argon2). */
export const EMAIL_LIMIT = MAX_EMAIL_LENGTH;
export const PASSWORD_LIMIT = MAX_PASSWORD_LENGTH;
const REDIRECT_LIMIT = 2000;

export const signInSchema = z.object({
  email: z
    .string({ error: "Enter your email address" })
    .check(
      z.trim(),
      z.minLength(1, "Enter your email address"),
      z.maxLength(EMAIL_LIMIT, `Email address must be ${EMAIL_LIMIT} characters or fewer`),
    ),
  password: z
    .string({ error: "Enter your password" })
    .check(
      z.minLength(1, "Enter your password"),
      z.maxLength(PASSWORD_LIMIT, `Password must be ${PASSWORD_LIMIT} characters or fewer`),
    ),
  // Only ever a path on this site (checked where it is used); an over-long one is dropped, not an error.
  redirectTo: z.pipe(
    z.optional(z.string()),
    z.transform((value: string | undefined) => (value && value.length <= REDIRECT_LIMIT ? value : undefined)),
  ),
});

export const SIGN_IN_FIELD_ORDER = ["email", "password"];

/**
 * Signing out: the timeout warning posts `reason=timeout` when time runs out, so the sign-in page can
 * say why. Any other value fails the schema and is an ordinary sign-out: signing out is never refused.
 */
export const signOutSchema = z.object({ reason: z.optional(z.literal("timeout")) });
