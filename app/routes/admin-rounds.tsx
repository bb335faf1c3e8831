import { requireAdmin } from "~/auth/admin.server";
import { listRounds } from "~/data/rounds-admin.server";
import { db } from "~/db.server";
import { formatDate } from "~/domain/dates";
import { BackLink, ButtonLink, Table, type TableCell } from "~/ui";
import { FlashBanner } from "~/ui/flash-banner";
import { pageTitle } from "~/ui/page-title";
import type { Route } from "./+types/admin-rounds";

export async function loader({ request }: Route.LoaderArgs) {
  await requireAdmin(request);
  return { rounds: await listRounds(db()) };
}

export default function AdminRounds({ loaderData }: Route.ComponentProps) {
  const { rounds } = loaderData;
  return (
    <>
      <title>{pageTitle("Funding rounds")}</title>
      <BackLink href="/admin">Back to administration</BackLink>
      <FlashBanner />
      <h1 className="govuk-heading-l">Funding rounds</h1>
      <ButtonLink href="/admin/rounds/new">Create a funding round</ButtonLink>
      <Table
        caption="Every funding round, newest first"
        captionSize="s"
        firstCellIsHeader
        head={["Round", "Years", "Split", "Proposal deadline", "Feedback target", "Proposals", "Allocations"]}
        rows={rounds.map((round): TableCell[] => [
          {
            content: (
              <a className="govuk-link" href={`/admin/rounds/${round.id}`}>
                {round.name}
              </a>
            ),
          },
          round.years.length > 0 ? `${round.years[0]} to ${round.years.at(-1)}` : "None",
          round.coCommissionedPercent === 0
            ? "All direct"
            : `${round.coCommissionedPercent}% co-commissioned from ${round.years[round.splitFromYearPosition - 1] ?? "a later year"}`,
          round.proposalDeadline ? formatDate(round.proposalDeadline) : "None",
          round.feedbackDeadline ? formatDate(round.feedbackDeadline) : "None",
          { content: round.proposalCount, format: "numeric" },
          {
            content: (
              <a className="govuk-link" href={`/admin/rounds/${round.id}/allocations`}>
                Allocations<span className="govuk-visually-hidden"> for {round.name}</span>
              </a>
            ),
          },
        ])}
      />
    </>
  );
}
