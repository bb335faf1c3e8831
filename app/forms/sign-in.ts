import { z } from "zod";

/** Longest email address the standards allow (RFC 5321: 64 + 1 + 255). */
export const EMAIL_LIMIT = 320;
/**
 * Longest password read. Far more than any passphrase, and it keeps a pasted megabyte away from Argon2.
 * The sign-in page says nothing about it: nobody with a real password meets it.
 */
export const PASSWORD_LIMIT = 1000;
const REDIRECT_LIMIT = 2000;

export const signInSchema = z.object({
  email: z
    .string({ error: "Enter your email address" })
    .trim()
    .min(1, "Enter your email address")
    .max(EMAIL_LIMIT, `Your email address must be ${EMAIL_LIMIT} characters or fewer`),
  password: z
    .string({ error: "Enter your password" })
    .min(1, "Enter your password")
    .max(PASSWORD_LIMIT, `Your password must be ${PASSWORD_LIMIT} characters or fewer`),
  // Only ever a path on this site (checked where it is used); an over-long one is dropped, not an error.
  redirectTo: z
    .string()
    .optional()
    .transform((value) => (value && value.length <= REDIRECT_LIMIT ? value : undefined)),
});

export const SIGN_IN_FIELD_ORDER = ["email", "password"];
