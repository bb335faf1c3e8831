import { Form, useNavigation } from "react-router";
import type { ReactNode } from "react";
import { Button, type ButtonVariant } from "./button";
import { Textarea } from "./textarea";

/**
 * A workflow step as a form: an optional or required comment and one button. The button is disabled
 * while the request is on its way (with JavaScript), and the server treats a repeat as the same act.
 */
export function ActionForm({
  action,
  button,
  variant,
  comment,
  error,
  defaultComment,
  children,
}: {
  action?: string;
  button: string;
  variant?: ButtonVariant;
  /** `id` must be unique on the page when a page has several of these forms. */
  comment?: { name?: string; id?: string; label: string; hint?: string; required: boolean; maxLength?: number };
  error?: string | undefined;
  defaultComment?: string | undefined;
  children?: ReactNode;
}) {
  const navigation = useNavigation();
  const busy = navigation.state !== "idle" && navigation.formMethod?.toUpperCase() === "POST";
  return (
    <Form method="post" action={action}>
      {children}
      {comment ? (
        <Textarea
          name={comment.name ?? "comment"}
          id={comment.id ?? comment.name ?? "comment"}
          label={comment.label}
          labelSize="s"
          hint={comment.hint}
          rows={4}
          maxLength={comment.maxLength ?? 3000}
          defaultValue={defaultComment}
          error={error}
        />
      ) : null}
      <Button type="submit" variant={variant} disabled={busy}>
        {button}
      </Button>
    </Form>
  );
}
