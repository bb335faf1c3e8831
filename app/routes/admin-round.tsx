import { data, useActionData } from "react-router";
import { requireRound } from "~/auth/admin.server";
import { redirectWithMessage } from "~/auth/flash.server";
import {
  splitOf,
  standardLists,
  submittedProposalEnvelopes,
  updateRound,
  yearsCanChange,
} from "~/data/rounds-admin.server";
import { db } from "~/db.server";
import { formatDate } from "~/domain/dates";
import { formatPounds } from "~/domain/money";
import { sameSplit, splitChangeEffects } from "~/domain/rounds";
import type { SplitRule } from "~/domain/split";
import { parseForm, refuse, replyTo } from "~/forms/common";
import { roundFormDefaults, roundSchema } from "~/forms/round";
import { BackLink, Button, SummaryList, Table, type TableCell } from "~/ui";
import { FlashBanner } from "~/ui/flash-banner";
import { pageTitle } from "~/ui/page-title";
import { RoundForm } from "~/ui/round-form";
import type { Route } from "./+types/admin-round";

export async function loader({ request, params }: Route.LoaderArgs) {
  const { round } = await requireRound(request, params.roundId);
  return { round, lists: await standardLists(db()), yearsLocked: !yearsCanChange(round) };
}

/**
 * Saving asks first when the split changes for a round whose proposals have reached MOPAC: the answer
 * is a confirmation page listing whose envelopes change, carrying what was typed, whose button posts it
 * all again with intent "confirm".
 */
export async function action({ request, params }: Route.ActionArgs) {
  const { round } = await requireRound(request, params.roundId);
  const lists = await standardLists(db());
  const formData = await request.formData();
  const submission = parseForm(formData, {
    schema: roundSchema({
      priorityIds: lists.priorities.map((p) => p.id),
      measureIds: lists.measures.map((m) => m.id),
    }),
  });
  if (submission.status !== "success") return replyTo(submission);
  const { intent, ...settings } = submission.value;
  const before = splitOf(round);
  const after = splitOf(settings);
  if (intent === "save" && !sameSplit(before, after)) {
    const effects = splitChangeEffects(await submittedProposalEnvelopes(db(), round.id), before, after);
    if (effects.length > 0) {
      const fields = [...formData.entries()]
        .filter((entry): entry is [string, string] => typeof entry[1] === "string" && entry[0] !== "intent")
        .map(([name, value]) => ({ name, value }));
      return data({ confirm: { effects, before, after, fields, yearLabels: round.years.map((y) => y.label) } });
    }
  }
  const saved = await updateRound(db(), round.id, settings);
  if (!saved.ok) return refuse(submission, { message: saved.message, field: saved.field });
  throw await redirectWithMessage(request, `/admin/rounds/${round.id}`, "Funding round saved");
}

const describeSplit = (rule: SplitRule, yearLabels: readonly string[]) =>
  rule.coCommissionedPercent === 0
    ? "All direct borough funding"
    : `${rule.coCommissionedPercent}% co-commissioned from ${yearLabels[rule.splitFromYearPosition - 1] ?? "a later year"}`;

export default function RoundPage({ loaderData }: Route.ComponentProps) {
  const { round, lists, yearsLocked } = loaderData;
  const answer = useActionData<typeof action>();
  const confirm = answer && "confirm" in answer ? answer.confirm : null;
  const lastResult = answer && !("confirm" in answer) ? answer : undefined;
  const here = `/admin/rounds/${round.id}`;

  if (confirm) {
    const count = confirm.effects.length;
    return (
      <>
        <title>{pageTitle("Check the change to the split")}</title>
        <BackLink href={here}>Back to the round</BackLink>
        <span className="govuk-caption-l">{round.name}</span>
        <h1 className="govuk-heading-l">Check the change to the split before you save it</h1>
        <SummaryList
          rows={[
            { key: "Split now", value: describeSplit(confirm.before, confirm.yearLabels) },
            { key: "New split", value: describeSplit(confirm.after, confirm.yearLabels) },
          ]}
        />
        <p className="govuk-body" data-testid="split-change-count">
          {count === 1 ? "1 borough’s proposal" : `${count} boroughs’ proposals`} already sent to MOPAC will have a
          different envelope (direct borough funding). Their plans are not changed: a plan that no longer fits will show
          by how much.
        </p>
        {confirm.effects.map((effect) => (
          <Table
            key={`${effect.proposalId}-${effect.name}`}
            caption={effect.name}
            captionSize="s"
            firstCellIsHeader
            head={[
              "Financial year",
              { content: "Allocation", format: "numeric" },
              { content: "Direct funding now", format: "numeric" },
              { content: "Direct funding after", format: "numeric" },
            ]}
            rows={effect.changes.map((change): TableCell[] => [
              change.label,
              { content: formatPounds(change.allocationPence), format: "numeric" },
              { content: formatPounds(change.directBefore), format: "numeric" },
              { content: formatPounds(change.directAfter), format: "numeric" },
            ])}
          />
        ))}
        <form method="post" noValidate>
          {confirm.fields.map((field, index) => (
            <input key={`${field.name}-${index}`} type="hidden" name={field.name} value={field.value} />
          ))}
          <Button type="submit" name="intent" value="confirm" variant="warning">
            Confirm: change the split
          </Button>
        </form>
        <p className="govuk-body">
          <a className="govuk-link" href={here}>
            Cancel: keep the split as it is
          </a>
        </p>
      </>
    );
  }

  const defaults = roundFormDefaults(round, {
    priorityIds: lists.priorities.map((p) => p.id),
    measureIds: lists.measures.map((m) => m.id),
  });
  const failed = Boolean(lastResult && "error" in lastResult && lastResult.error);
  return (
    <div className="govuk-grid-row">
      <title>{pageTitle(round.name, failed)}</title>
      <div className="govuk-grid-column-two-thirds">
        <BackLink href="/admin/rounds">Back to funding rounds</BackLink>
        <FlashBanner />
        <RoundForm
          heading="Change the round"
          caption={round.name}
          lists={lists}
          defaults={defaults}
          lastResult={lastResult}
          yearsLocked={yearsLocked}
          submitLabel="Save the round"
          intro={
            <>
              <SummaryList
                rows={[
                  {
                    key: "Years",
                    value: round.periods.map((p) => (
                      <p key={p.id} className="govuk-body govuk-!-margin-bottom-1">
                        {p.name}
                      </p>
                    )),
                  },
                  { key: "Proposals", value: String(round.proposalCount) },
                  {
                    key: "Proposal deadline",
                    value: round.proposalDeadline ? formatDate(round.proposalDeadline) : "None",
                  },
                ]}
              />
              <p className="govuk-body">
                <a className="govuk-link" href={`${here}/allocations`}>
                  Boroughs’ allocations for this round
                </a>
              </p>
            </>
          }
        />
      </div>
    </div>
  );
}
