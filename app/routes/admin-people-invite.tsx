import { getFormProps } from "@conform-to/react";
import { Form, useActionData } from "react-router";
import { redirectWithMessage } from "~/auth/flash.server";
import { requireUser } from "~/auth/guard.server";
import { inviteUser, organisationRefs } from "~/data/people.server";
import { db } from "~/db.server";
import { ROLE_LABELS, ROLES } from "~/domain/roles";
import { parseForm, refuse, replyTo } from "~/forms/common";
import { INVITE_FIELD_ORDER, inviteSchema } from "~/forms/people";
import { BackLink, Button, Checkboxes, ErrorSummary, Radios, Select, TextInput } from "~/ui";
import { pageTitle } from "~/ui/page-title";
import { text, useGovukForm } from "~/ui/use-govuk-form";
import type { Route } from "./+types/admin-people-invite";

export async function loader({ request }: Route.LoaderArgs) {
  await requireUser(request, ["mopac_admin"]);
  const organisations = await organisationRefs(db());
  return { organisations: organisations.map((o) => ({ id: o.id, name: o.name })) };
}

export async function action({ request }: Route.ActionArgs) {
  const admin = await requireUser(request, ["mopac_admin"]);
  const submission = parseForm(await request.formData(), { schema: inviteSchema });
  if (submission.status !== "success") return replyTo(submission);
  const { email, name, organisationId, role, mayEndorse } = submission.value;
  // The account and its email are written together; the email goes out from the outbox, never from here.
  const invited = await inviteUser(
    db(),
    { email, name, organisationId, role, canEndorse: mayEndorse ? 1 : 0 },
    admin.id,
  );
  if (!invited.ok) return refuse(submission, { message: invited.message, field: invited.field });
  throw await redirectWithMessage(request, "/admin/people", `Invitation sent to ${email}`);
}

export default function InvitePerson({ loaderData }: Route.ComponentProps) {
  const lastResult = useActionData<typeof action>();
  const { form, values, errors, summary } = useGovukForm({
    schema: inviteSchema,
    fieldOrder: INVITE_FIELD_ORDER,
    defaults: {},
    lastResult,
  });
  return (
    <div className="govuk-grid-row">
      <title>{pageTitle("Invite someone", summary.length > 0)}</title>
      <div className="govuk-grid-column-two-thirds">
        <BackLink href="/admin/people">Back to people</BackLink>
        <ErrorSummary errors={summary} />
        <h1 className="govuk-heading-l">Invite someone</h1>
        <p className="govuk-body">We will email them a link to set their password. The link works once, for 7 days.</p>
        <Form method="post" {...getFormProps(form)} key={form.key}>
          <TextInput
            name="email"
            label="Email address"
            labelSize="s"
            type="email"
            autoComplete="off"
            spellCheck={false}
            defaultValue={text(values, "email")}
            error={errors.email}
          />
          <TextInput
            name="name"
            label="Full name"
            labelSize="s"
            autoComplete="off"
            spellCheck={false}
            defaultValue={text(values, "name")}
            error={errors.name}
          />
          <Select
            name="organisationId"
            label="Organisation"
            labelSize="s"
            hint="MOPAC, or the borough they work for"
            defaultValue={text(values, "organisationId") ?? ""}
            items={[
              { value: "", text: "Choose an organisation" },
              ...loaderData.organisations.map((o) => ({ value: String(o.id), text: o.name })),
            ]}
            error={errors.organisationId}
          />
          <Radios
            name="role"
            label="Role"
            labelSize="s"
            hint="Borough officers and CSP members belong to a borough; reviewers and admins to MOPAC"
            defaultValue={text(values, "role")}
            items={ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role] }))}
            error={errors.role}
          />
          <Checkboxes
            name="mayEndorse"
            label="Endorsement"
            labelSize="s"
            items={[{ value: "on", label: "They may record the CSP’s endorsement (CSP members only)" }]}
            defaultValue={text(values, "mayEndorse") ? ["on"] : []}
            error={errors.mayEndorse}
          />
          <Button type="submit">Send the invitation</Button>
        </Form>
      </div>
    </div>
  );
}
