import { requireUser } from "~/auth/guard.server";
import { nextReminders, sentReminders, waitingReminders } from "~/data/reminders.server";
import { db } from "~/db.server";
import { formatDate, formatDateTime } from "~/domain/dates";
import {
  DEADLINE_REMINDER_DAYS,
  ENDORSEMENT_WAIT_DAYS,
  FEEDBACK_REMINDER_DAYS,
  REMINDER_KIND_LABELS,
} from "~/domain/reminders";
import { BackLink, Table } from "~/ui";
import { pageTitle } from "~/ui/page-title";
import type { Route } from "./+types/admin-reminders";

export async function loader({ request }: Route.LoaderArgs) {
  await requireUser(request, ["mopac_admin"]);
  const now = new Date();
  const [waiting, next, sent] = await Promise.all([
    waitingReminders(db(), now),
    nextReminders(db(), now),
    sentReminders(db()),
  ]);
  return { waiting, next, sent };
}

export default function AdminReminders({ loaderData }: Route.ComponentProps) {
  const { waiting, next, sent } = loaderData;
  return (
    <>
      <title>{pageTitle("Reminders")}</title>
      <BackLink href="/admin">Back to administration</BackLink>
      <h1 className="govuk-heading-l">Reminders</h1>
      <p className="govuk-body">The portal sends these by email and in the portal, each to each person once:</p>
      <ul className="govuk-list govuk-list--bullet">
        <li>
          to a borough’s officers {DEADLINE_REMINDER_DAYS.join(" and ")} days before the proposal deadline, while their
          proposal has not reached MOPAC
        </li>
        <li>to a CSP’s members who may endorse, when a proposal has waited {ENDORSEMENT_WAIT_DAYS} days for them</li>
        <li>
          to the assigned reviewer {FEEDBACK_REMINDER_DAYS} days before the target date for feedback, and when the
          review is overdue
        </li>
      </ul>

      {waiting.length > 0 ? (
        <>
          <h2 className="govuk-heading-m">Due now, not sent yet</h2>
          <p className="govuk-body">
            The portal sends reminders within a minute of their falling due. If these stay here, the check is not
            running: the server has <code>REMINDERS=false</code> and nothing runs <code>cli remind</code>.
          </p>
          <Table
            caption={`${waiting.length} reminder${waiting.length === 1 ? "" : "s"} due now`}
            captionSize="s"
            head={["Reminder", "About", "To"]}
            rows={waiting.map((row) => [REMINDER_KIND_LABELS[row.kind], row.about, row.recipientName])}
          />
        </>
      ) : null}

      <h2 className="govuk-heading-m">Next due</h2>
      {next.rows.length === 0 ? (
        <p className="govuk-body">No reminders are due to be sent.</p>
      ) : (
        <Table
          caption={
            next.total > next.rows.length
              ? `The next ${next.rows.length} of ${next.total} reminders`
              : `${next.total} reminder${next.total === 1 ? "" : "s"} to come`
          }
          captionSize="s"
          head={["Due", "Reminder", "About", "To"]}
          rows={next.rows.map((row) => [
            row.dueAt ? formatDateTime(row.dueAt) : formatDate(row.dueOn),
            REMINDER_KIND_LABELS[row.kind],
            row.about,
            row.audience,
          ])}
        />
      )}

      <h2 className="govuk-heading-m">Sent</h2>
      {sent.length === 0 ? (
        <p className="govuk-body">No reminders have been sent yet.</p>
      ) : (
        <Table
          caption={`The latest ${sent.length} reminder${sent.length === 1 ? "" : "s"} sent`}
          captionSize="s"
          head={["Sent", "Reminder", "To", "Message"]}
          rows={sent.map((row) => [
            formatDateTime(row.sentAt),
            REMINDER_KIND_LABELS[row.kind],
            row.recipientName,
            row.message,
          ])}
        />
      )}
    </>
  );
}
