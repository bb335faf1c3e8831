import * as z from "zod/mini";
import { checkbox, requiredText } from "~/domain/form-fields";
import { checkNewPassword, MAX_PASSWORD_LENGTH, type PasswordContext } from "~/domain/password-policy";
import { looksLikeEmail, MAX_NAME_LENGTH, normaliseEmailAddress } from "~/domain/people";
import { ROLES } from "~/domain/roles";
import { MAX_EMAIL_LENGTH } from "~/domain/sign-in-throttle";
import { idField } from "./common";

/** The forms for people: inviting, changing an account, and setting a password. */

const emailField = (missing: string) =>
  z.pipe(
    z
      .string({ error: missing })
      .check(
        z.trim(),
        z.minLength(1, missing),
        z.maxLength(MAX_EMAIL_LENGTH, `Email address must be ${MAX_EMAIL_LENGTH} characters or fewer`),
        z.refine(looksLikeEmail, "Enter an email address in the correct format, like name@example.org"),
      ),
    z.transform(normaliseEmailAddress),
  );

const roleField = z.enum(ROLES, { error: "Choose a role" });

export const inviteSchema = z.object({
  email: emailField("Enter their email address"),
  name: requiredText("Enter their full name", MAX_NAME_LENGTH, `Name must be ${MAX_NAME_LENGTH} characters or fewer`),
  organisationId: idField("Choose an organisation"),
  role: roleField,
  mayEndorse: checkbox(),
});
export const INVITE_FIELD_ORDER = ["email", "name", "organisationId", "role", "mayEndorse"];

export const ACCOUNT_INTENTS = ["role", "deactivate", "reactivate", "resend"] as const;

export const changeAccountSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("role"), role: roleField, mayEndorse: checkbox() }),
  z.object({ intent: z.enum(["deactivate", "reactivate", "resend"]) }),
]);
export const CHANGE_ACCOUNT_FIELD_ORDER = ["role", "mayEndorse"];

export const forgotPasswordSchema = z.object({ email: emailField("Enter your email address") });
export const FORGOT_PASSWORD_FIELD_ORDER = ["email"];

/**
 * A new password typed twice. The rule is app/domain/password-policy.ts's; the server passes the list
 * of common passwords and the account's email, the browser checks the rest before posting.
 */
export function newPasswordSchema(context: PasswordContext = {}) {
  return z
    .object({
      password: z.string({ error: "Enter a new password" }).check(
        z.maxLength(MAX_PASSWORD_LENGTH, `Password must be ${MAX_PASSWORD_LENGTH} characters or fewer`),
        z.superRefine((value: string, ctx) => {
          const checked = checkNewPassword(value, context);
          if (!checked.ok) ctx.addIssue({ code: "custom", message: checked.message });
        }),
      ),
      confirmPassword: z
        .string({ error: "Enter the new password again" })
        .check(z.maxLength(MAX_PASSWORD_LENGTH, `Password must be ${MAX_PASSWORD_LENGTH} characters or fewer`)),
    })
    .check(
      z.superRefine(
        (value: { password?: unknown; confirmPassword?: unknown }, ctx) => {
          const { password, confirmPassword } = value;
          if (typeof password === "string" && typeof confirmPassword === "string" && password !== confirmPassword)
            ctx.addIssue({
              code: "custom",
              message: "The passwords do not match: type the same new password twice",
              path: ["confirmPassword"],
            });
        },
        // Always, so a mismatch shows together with a password that is too short.
        { when: () => true },
      ),
    );
}
export const NEW_PASSWORD_FIELD_ORDER = ["password", "confirmPassword"];

export function changePasswordSchema(context: PasswordContext = {}) {
  return z.intersection(
    z.object({
      currentPassword: z
        .string({ error: "Enter your current password" })
        .check(z.maxLength(MAX_PASSWORD_LENGTH, `Password must be ${MAX_PASSWORD_LENGTH} characters or fewer`)),
    }),
    newPasswordSchema(context),
  );
}
export const CHANGE_PASSWORD_FIELD_ORDER = ["currentPassword", ...NEW_PASSWORD_FIELD_ORDER];
