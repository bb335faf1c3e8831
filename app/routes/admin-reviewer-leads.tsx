import { Form, useActionData } from "react-router";
import { redirectWithMessage } from "~/auth/flash.server";
import { requireUser } from "~/auth/guard.server";
import { allowedLeads, reviewerLeads, saveReviewerLeads } from "~/data/reviewer-leads.server";
import { db } from "~/db.server";
import { leadField, NO_LEAD, reviewerLeadsSchema } from "~/forms/admin-partnerships";
import { parseForm, replyTo } from "~/forms/common";
import { BackLink, Button, ErrorSummary, Select } from "~/ui";
import { FlashBanner } from "~/ui/flash-banner";
import { errorSummaryItems } from "~/ui/form-errors";
import { pageTitle } from "~/ui/page-title";
import type { Route } from "./+types/admin-reviewer-leads";

export async function loader({ request }: Route.LoaderArgs) {
  await requireUser(request, ["mopac_admin"]);
  return reviewerLeads(db());
}

export async function action({ request }: Route.ActionArgs) {
  await requireUser(request, ["mopac_admin"]);
  const { boroughs, reviewers } = await reviewerLeads(db());
  const submission = parseForm(await request.formData(), {
    schema: reviewerLeadsSchema(allowedLeads(boroughs, reviewers)),
  });
  if (submission.status !== "success") return replyTo(submission);
  const leads = new Map<number, number | null>();
  for (const borough of boroughs) {
    const chosen = submission.value[leadField(borough.boroughId)];
    if (chosen !== undefined) leads.set(borough.boroughId, chosen);
  }
  const changed = await saveReviewerLeads(db(), leads);
  throw await redirectWithMessage(
    request,
    "/admin/reviewer-leads",
    changed === 0
      ? "No lead reviewer changed"
      : `Lead reviewers saved: ${changed} borough${changed === 1 ? "" : "s"} changed`,
  );
}

export default function AdminReviewerLeads({ loaderData }: Route.ComponentProps) {
  const { boroughs, reviewers } = loaderData;
  const lastResult = useActionData<typeof action>();
  const errors = (lastResult?.error ?? {}) as Record<string, string[] | undefined>;
  const typed = (lastResult?.initialValue ?? {}) as Record<string, unknown>;
  const order = boroughs.map((b) => leadField(b.boroughId));
  const summary = errorSummaryItems(errors, order);
  const active = reviewers.filter((r) => r.active);
  return (
    <>
      <title>{pageTitle("Lead reviewers", summary.length > 0)}</title>
      <BackLink href="/admin">Administration</BackLink>
      <FlashBanner />
      <ErrorSummary errors={summary} />
      <h1 className="govuk-heading-l">Lead reviewers</h1>
      <p className="govuk-body">
        A borough’s proposals go to its lead reviewer once its CSP endorses them. A borough without one, or whose lead
        is no longer active, goes to the active reviewer with the fewest open reviews.
      </p>
      {active.length === 0 ? (
        <p className="govuk-body" data-testid="no-reviewers">
          MOPAC has no active reviewer yet.
        </p>
      ) : null}
      <Form method="post" noValidate>
        {boroughs.map((borough) => {
          const name = leadField(borough.boroughId);
          const current = reviewers.find((r) => r.id === borough.reviewerId);
          const typedValue = typed[name];
          return (
            <Select
              key={name}
              name={name}
              label={borough.boroughName}
              labelSize="s"
              error={errors[name]}
              defaultValue={typeof typedValue === "string" ? typedValue : String(borough.reviewerId ?? NO_LEAD)}
              items={[
                { value: NO_LEAD, text: "No lead reviewer" },
                ...active.map((r) => ({ value: String(r.id), text: r.name })),
                ...(current && !current.active
                  ? [{ value: String(current.id), text: `${current.name} (no longer active)` }]
                  : []),
              ]}
            />
          );
        })}
        <Button type="submit">Save lead reviewers</Button>
      </Form>
    </>
  );
}
