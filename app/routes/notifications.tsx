import { Form } from "react-router";
import { redirectWithMessage } from "~/auth/flash.server";
import { requireUser } from "~/auth/guard.server";
import { markAllRead, notificationsFor } from "~/data/notifications.server";
import { db } from "~/db.server";
import { parseForm, replyTo } from "~/forms/common";
import { markAllReadSchema } from "~/forms/proposal";
import { formatDateTime } from "~/domain/dates";
import { Button, Tag } from "~/ui";
import { FlashBanner } from "~/ui/flash-banner";
import { pageTitle } from "~/ui/page-title";
import type { Route } from "./+types/notifications";

export async function loader({ request }: Route.LoaderArgs) {
  const user = await requireUser(request);
  return { notifications: await notificationsFor(db(), user.id) };
}

export async function action({ request }: Route.ActionArgs) {
  const user = await requireUser(request);
  const submission = parseForm(await request.formData(), { schema: markAllReadSchema });
  if (submission.status !== "success") return replyTo(submission);
  await markAllRead(db(), user.id);
  throw await redirectWithMessage(request, "/notifications", "All notifications marked as read");
}

export default function Notifications({ loaderData }: Route.ComponentProps) {
  const { notifications } = loaderData;
  const unread = notifications.filter((n) => n.read_at === null).length;
  return (
    <>
      <title>{pageTitle("Notifications")}</title>
      <FlashBanner />
      <h1 className="govuk-heading-l">Notifications</h1>
      {notifications.length === 0 ? <p className="govuk-body">You have no notifications.</p> : null}
      <ul className="govuk-list" data-testid="notifications">
        {notifications.map((n) => (
          <li key={n.id} className="app-history__item">
            {n.read_at === null ? (
              <>
                <Tag colour="blue">New</Tag>{" "}
              </>
            ) : null}
            {n.link ? (
              <a className="govuk-link" href={n.link}>
                {n.message}
              </a>
            ) : (
              n.message
            )}
            <p className="govuk-body-s govuk-!-margin-bottom-0">{formatDateTime(n.created_at)}</p>
          </li>
        ))}
      </ul>
      {unread > 0 ? (
        <Form method="post">
          <Button type="submit" variant="secondary">
            Mark all as read
          </Button>
        </Form>
      ) : null}
    </>
  );
}
