import { useActionData } from "react-router";
import { requireAdmin } from "~/auth/admin.server";
import { redirectWithMessage } from "~/auth/flash.server";
import { createRound, standardLists } from "~/data/rounds-admin.server";
import { db } from "~/db.server";
import { parseForm, refuse, replyTo } from "~/forms/common";
import { roundFormDefaults, roundSchema } from "~/forms/round";
import { BackLink } from "~/ui";
import { pageTitle } from "~/ui/page-title";
import { RoundForm } from "~/ui/round-form";
import type { Route } from "./+types/admin-round-new";

export async function loader({ request }: Route.LoaderArgs) {
  await requireAdmin(request);
  return { lists: await standardLists(db()) };
}

export async function action({ request }: Route.ActionArgs) {
  await requireAdmin(request);
  const lists = await standardLists(db());
  const submission = parseForm(await request.formData(), {
    schema: roundSchema({
      priorityIds: lists.priorities.map((p) => p.id),
      measureIds: lists.measures.map((m) => m.id),
    }),
  });
  if (submission.status !== "success") return replyTo(submission);
  const { intent: _intent, ...settings } = submission.value;
  const saved = await createRound(db(), settings);
  if (!saved.ok) return refuse(submission, { message: saved.message, field: saved.field });
  throw await redirectWithMessage(
    request,
    `/admin/rounds/${saved.roundId}`,
    `Funding round “${settings.name}” created`,
  );
}

export default function NewRound({ loaderData }: Route.ComponentProps) {
  const { lists } = loaderData;
  const lastResult = useActionData<typeof action>();
  const defaults = roundFormDefaults(null, {
    priorityIds: lists.priorities.map((p) => p.id),
    measureIds: lists.measures.map((m) => m.id),
  });
  const failed = Boolean(lastResult && "error" in lastResult && lastResult.error);
  return (
    <div className="govuk-grid-row">
      <title>{pageTitle("Create a funding round", failed)}</title>
      <div className="govuk-grid-column-two-thirds">
        <BackLink href="/admin/rounds">Back to funding rounds</BackLink>
        <RoundForm
          heading="Create a funding round"
          lists={lists}
          defaults={defaults}
          lastResult={lastResult}
          yearsLocked={false}
          submitLabel="Create the round"
        />
      </div>
    </div>
  );
}
