import { getFormProps } from "@conform-to/react";
import { Form, useActionData } from "react-router";
import { redirectWithMessage } from "~/auth/flash.server";
import { notFound, refused, requireUser } from "~/auth/guard.server";
import { changeAccount, findPerson, personHistory } from "~/data/people.server";
import { db } from "~/db.server";
import { formatDateTime } from "~/domain/dates";
import { ACCOUNT_STATUS_LABELS, accountStatus, mayChangeAccount, roleDescription, rolesFor } from "~/domain/people";
import { ROLE_LABELS } from "~/domain/roles";
import type { UserEventAction } from "../../db/schema";
import { parseForm, refuse, replyTo } from "~/forms/common";
import { CHANGE_ACCOUNT_FIELD_ORDER, changeAccountSchema } from "~/forms/people";
import { parseId } from "~/server/ids";
import { BackLink, Button, Checkboxes, ErrorSummary, Radios, SummaryList, WarningText } from "~/ui";
import { FlashBanner } from "~/ui/flash-banner";
import { pageTitle } from "~/ui/page-title";
import { text, useGovukForm } from "~/ui/use-govuk-form";
import type { Route } from "./+types/admin-person";

async function personFromParams(userId: string | undefined) {
  const id = parseId(userId);
  const person = id === null ? undefined : await findPerson(db(), id);
  if (!person) throw notFound();
  return person;
}

export async function loader({ request, params }: Route.LoaderArgs) {
  const admin = await requireUser(request, ["mopac_admin"]);
  const person = await personFromParams(params.userId);
  const history = await personHistory(db(), person.id);
  return {
    person: {
      id: person.id,
      name: person.name,
      email: person.email,
      organisationName: person.organisationName,
      role: person.role,
      canEndorse: person.canEndorse === 1,
      roleDescription: roleDescription(person.role, person.canEndorse),
      status: accountStatus(person),
    },
    roles: rolesFor(person.organisationKind),
    may: {
      role: mayChangeAccount("role", admin.id, person),
      deactivate: mayChangeAccount("deactivate", admin.id, person),
      reactivate: mayChangeAccount("reactivate", admin.id, person).ok,
      resend: mayChangeAccount("resend", admin.id, person).ok,
    },
    history: history.map((event) => ({ ...event, when: formatDateTime(event.createdAt) })),
  };
}

export async function action({ request, params }: Route.ActionArgs) {
  const admin = await requireUser(request, ["mopac_admin"]);
  const person = await personFromParams(params.userId);
  const submission = parseForm(await request.formData(), { schema: changeAccountSchema });
  if (submission.status !== "success") return replyTo(submission);
  const value = submission.value;
  const result = await changeAccount(
    db(),
    admin.id,
    person.id,
    value.intent === "role" ? { kind: "role", role: value.role, mayEndorse: value.mayEndorse } : { kind: value.intent },
  );
  if (!result.ok) {
    if (result.status === 404) throw notFound();
    if (value.intent !== "role") throw refused(result.status, result.message);
    return refuse(submission, { message: result.message, field: "role" }, result.status);
  }
  throw await redirectWithMessage(request, `/admin/people/${person.id}`, result.message);
}

const EVENT_LABELS: Record<UserEventAction, string> = {
  invited: "Invited",
  invitation_resent: "Invitation sent again",
  role_changed: "Role changed",
  deactivated: "Deactivated",
  reactivated: "Reactivated",
  password_set: "Password set from the invitation",
  password_reset: "Password reset from an emailed link",
  password_changed: "Password changed",
};

export default function AdminPerson({ loaderData }: Route.ComponentProps) {
  const { person, roles, may, history } = loaderData;
  const lastResult = useActionData<typeof action>();
  const { form, values, errors, summary } = useGovukForm({
    schema: changeAccountSchema,
    fieldOrder: CHANGE_ACCOUNT_FIELD_ORDER,
    defaults: { role: person.role, mayEndorse: person.canEndorse ? "on" : undefined },
    lastResult,
  });
  return (
    <div className="govuk-grid-row">
      <title>{pageTitle(person.name, summary.length > 0)}</title>
      <div className="govuk-grid-column-two-thirds">
        <BackLink href="/admin/people">Back to people</BackLink>
        <FlashBanner />
        <ErrorSummary errors={summary} />
        <span className="govuk-caption-l">{person.organisationName}</span>
        <h1 className="govuk-heading-l">{person.name}</h1>
        <SummaryList
          rows={[
            { key: "Email address", value: person.email },
            { key: "Organisation", value: person.organisationName },
            { key: "Role", value: person.roleDescription },
            { key: "Account", value: ACCOUNT_STATUS_LABELS[person.status] },
          ]}
        />

        <h2 className="govuk-heading-m">Change their role</h2>
        {may.role.ok ? (
          <Form method="post" {...getFormProps(form)} key={form.key}>
            <input type="hidden" name="intent" value="role" />
            <Radios
              name="role"
              label="Role"
              labelSize="s"
              defaultValue={text(values, "role")}
              items={roles.map((role) => ({ value: role, label: ROLE_LABELS[role] }))}
              error={errors.role}
            />
            {roles.includes("csp_member") ? (
              <Checkboxes
                name="mayEndorse"
                label="Endorsement"
                labelSize="s"
                items={[{ value: "on", label: "They may record the CSP’s endorsement (CSP members only)" }]}
                defaultValue={text(values, "mayEndorse") ? ["on"] : []}
                error={errors.mayEndorse}
              />
            ) : null}
            <Button type="submit">Save the role</Button>
          </Form>
        ) : (
          <p className="govuk-body">{may.role.message}.</p>
        )}

        {may.resend ? (
          <>
            <h2 className="govuk-heading-m">Invitation</h2>
            <p className="govuk-body">
              They have not set a password yet. Sending the invitation again replaces the link in any earlier one.
            </p>
            <Form method="post">
              <Button type="submit" variant="secondary" name="intent" value="resend">
                Send the invitation again
              </Button>
            </Form>
          </>
        ) : null}

        <h2 className="govuk-heading-m">Access</h2>
        {may.deactivate.ok ? (
          <>
            <WarningText>
              Deactivating signs them out at once and stops them signing in. What they did in the portal stays.
            </WarningText>
            <Form method="post">
              <Button type="submit" variant="warning" name="intent" value="deactivate">
                Deactivate the account
              </Button>
            </Form>
          </>
        ) : may.reactivate ? (
          <>
            <p className="govuk-body">This account is deactivated: they cannot sign in.</p>
            <Form method="post">
              <Button type="submit" variant="secondary" name="intent" value="reactivate">
                Reactivate the account
              </Button>
            </Form>
          </>
        ) : (
          <p className="govuk-body">{may.deactivate.message}.</p>
        )}

        <h2 className="govuk-heading-m">History</h2>
        {history.length === 0 ? (
          <p className="govuk-body">Nothing has changed since the account was made.</p>
        ) : (
          <ul className="govuk-list" data-testid="person-history">
            {history.map((event) => (
              <li key={event.id} className="app-history__item">
                <strong>{EVENT_LABELS[event.action]}</strong>
                {event.detail ? `: ${event.detail}` : null}
                <p className="govuk-body-s govuk-!-margin-bottom-0">
                  {event.when}
                  {event.actorName ? ` by ${event.actorName}` : null}
                </p>
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
