import { Form, useActionData } from "react-router";
import { redirectWithMessage } from "~/auth/flash.server";
import { requireUser } from "~/auth/guard.server";
import { partnershipsOfBorough, startJointProposal } from "~/data/partnerships.server";
import { JointProposals } from "~/ui/joint-proposals";
import { proposalsByPeriodForBorough, startProposal } from "~/data/proposals.server";
import { allocationsForBorough } from "~/data/rounds.server";
import { db } from "~/db.server";
import { parseForm, refuse, replyTo } from "~/forms/common";
import { startProposalSchema } from "~/forms/proposal";
import { formatPounds } from "~/domain/money";
import { splitAllocation } from "~/domain/split";
import { mayStartProposal } from "~/domain/access";
import { periodReadiness } from "~/domain/period-allocation";
import { formatDate, todayInLondon } from "~/domain/dates";
import { deadlineNotice } from "~/domain/rounds";
import { actorFromUser } from "~/domain/roles";
import { mayAttempt, stateLabel, stateTagColour } from "~/domain/workflow";
import { Button, ErrorSummary, NotificationBanner, Table, Tag, WarningText, type TableCell } from "~/ui";
import { pageTitle } from "~/ui/page-title";
import type { Route } from "./+types/borough-home";

export async function loader({ request }: Route.LoaderArgs) {
  const user = await requireUser(request, ["borough_officer", "csp_member"]);
  const actor = actorFromUser(user);
  const [years, proposals, partnerships] = await Promise.all([
    allocationsForBorough(db(), user.organisation_id),
    proposalsByPeriodForBorough(db(), user.organisation_id),
    partnershipsOfBorough(db(), user.organisation_id),
  ]);
  // Every proposal listed here is this borough's, which is all the workflow needs to know of it to say who may
  // endorse; a partnership's joint proposal may name another member's CSP as its endorser (brief F).
  const endorsingOf = (proposalId: number | null) => {
    const partnership = partnerships.find((p) => p.periods.some((period) => period.proposalId === proposalId));
    return partnership?.endorsingOrganisationId ?? user.organisation_id;
  };
  const ofThisBorough = (proposalId: number | null) => ({
    boroughIds: [user.organisation_id],
    endorsingBoroughIds: [endorsingOf(proposalId)],
    assignedReviewerId: null,
  });
  const endorser = mayAttempt("endorse", "awaiting_csp", actor, ofThisBorough(null)).ok;
  return {
    boroughName: user.organisation_name,
    canStart: mayStartProposal(actor),
    // Only those the workflow lets endorse see the list (and a list of nothing tells them so).
    awaitingEndorsement: endorser
      ? proposals.filter((p) => p.status && mayAttempt("endorse", p.status, actor, ofThisBorough(p.proposalId)).ok)
      : null,
    proposals: proposals.map((p) => ({
      ...p,
      readiness: periodReadiness(p.periodId, years),
      // Once the CSP has endorsed it, the proposal has reached MOPAC and the deadline is behind it.
      deadline: deadlineNotice(
        p.proposalDeadline,
        todayInLondon(),
        p.status !== null && p.status !== "draft" && p.status !== "awaiting_csp",
      ),
    })),
    partnerships,
    years: years.map((year) => ({
      ...year,
      split:
        year.allocationPence === null ? null : splitAllocation(year.allocationPence, year.position, year.splitRule),
    })),
  };
}

export async function action({ request }: Route.ActionArgs) {
  const user = await requireUser(request, ["borough_officer"]);
  const submission = parseForm(await request.formData(), { schema: startProposalSchema });
  if (submission.status !== "success") return replyTo(submission);
  if (!mayStartProposal(actorFromUser(user)))
    return refuse(submission, { message: "Only a borough officer can start a proposal" }, 403);
  const value = submission.value;
  if (value.intent === "start-joint") {
    // A member borough's officer starts the partnership's joint proposal.
    const started = await startJointProposal(db(), {
      partnershipId: value.partnershipId,
      periodId: value.periodId,
      organisationId: user.organisation_id,
      userId: user.id,
    });
    if (!started.ok) return refuse(submission, { message: started.message });
    throw await redirectWithMessage(request, `/proposals/${started.proposalId}`, "Joint proposal started");
  }
  // Refused with the reason, for a post made without the button (which is not offered then).
  const readiness = periodReadiness(value.periodId, await allocationsForBorough(db(), user.organisation_id));
  if (!readiness.ready) return refuse(submission, { message: readiness.reason });
  const started = await startProposal(db(), {
    organisationId: user.organisation_id,
    periodId: value.periodId,
    userId: user.id,
  });
  if (!started.ok) return refuse(submission, { message: started.message });
  throw await redirectWithMessage(request, `/proposals/${started.proposalId}`, "Proposal started");
}

export default function BoroughHome({ loaderData }: Route.ComponentProps) {
  const { boroughName, years, proposals, canStart, awaitingEndorsement, partnerships } = loaderData;
  const lastResult = useActionData<typeof action>();
  // The start buttons carry no field to point at: any problem links to the list of proposals.
  const errors = Object.values(lastResult?.error ?? {}).flatMap((messages) => messages ?? []);
  const hasDemoFigure = years.some((year) => year.isDemoFigure);
  // Only periods the borough has not started yet: once started, the proposal pages say the rest.
  const notReady = proposals.filter((p) => !p.proposalId && !p.readiness.ready);
  return (
    <>
      <title>{pageTitle(boroughName, errors.length > 0)}</title>
      <span className="govuk-caption-l">London Crime Prevention Fund</span>
      <ErrorSummary errors={errors.slice(0, 1).map((message) => ({ href: "#proposals", message }))} />
      <h1 className="govuk-heading-l">{boroughName}</h1>
      <p className="govuk-body">
        <a className="govuk-link" href="/borough/people">
          People with access in {boroughName}
        </a>
        , including your CSP’s endorsers
      </p>

      {canStart && notReady.length > 0 ? (
        <NotificationBanner title="Allocation not set" titleId="allocation-banner-title">
          {notReady.map((p) => (
            <p key={p.periodId} className="govuk-notification-banner__heading" data-testid="no-allocation">
              {p.periodName}: {p.readiness.ready ? null : p.readiness.reason}
            </p>
          ))}
        </NotificationBanner>
      ) : null}

      {awaitingEndorsement ? (
        <>
          <h2 className="govuk-heading-m">Awaiting the CSP’s endorsement</h2>
          {awaitingEndorsement.length === 0 ? (
            <p className="govuk-body" data-testid="awaiting-endorsement">
              No proposal is waiting for the CSP’s endorsement.
            </p>
          ) : (
            <ul className="govuk-list" data-testid="awaiting-endorsement">
              {awaitingEndorsement.map((p) => (
                <li key={p.proposalId}>
                  <a className="govuk-link" href={`/proposals/${p.proposalId}`}>
                    {p.periodName}
                  </a>{" "}
                  –{" "}
                  <a className="govuk-link" href={`/proposals/${p.proposalId}/endorse`}>
                    record the endorsement<span className="govuk-visually-hidden"> for {p.periodName}</span>
                  </a>
                </li>
              ))}
            </ul>
          )}
        </>
      ) : null}

      <h2 className="govuk-heading-m" id="proposals">
        Proposals
      </h2>
      <Table
        caption="Your borough’s proposal for each funding period"
        captionSize="s"
        firstCellIsHeader
        head={["Funding period", "Proposal"]}
        rows={proposals.map((row): TableCell[] => [
          {
            content: (
              <>
                {row.periodName}
                {row.deadline ? (
                  <span
                    className="govuk-body-s govuk-!-display-block govuk-!-margin-bottom-0"
                    data-testid="period-deadline"
                  >
                    {row.deadline.passed ? "Deadline passed: " : "Deadline: "}
                    {formatDate(row.deadline.deadline)}
                  </span>
                ) : null}
              </>
            ),
          },
          {
            content: row.proposalId ? (
              <>
                <a className="govuk-link" href={`/proposals/${row.proposalId}`}>
                  View the proposal<span className="govuk-visually-hidden"> for {row.periodName}</span>
                </a>{" "}
                <Tag colour={stateTagColour(row.status!)}>{stateLabel(row.status!)}</Tag>
              </>
            ) : canStart && !row.readiness.ready ? (
              "Allocation not set yet"
            ) : canStart ? (
              <Form method="post" className="govuk-!-margin-0">
                <input type="hidden" name="periodId" value={row.periodId} />
                <Button type="submit" variant="secondary" className="govuk-!-margin-bottom-0">
                  Start a proposal<span className="govuk-visually-hidden"> for {row.periodName}</span>
                </Button>
              </Form>
            ) : (
              "No proposal yet"
            ),
          },
        ])}
      />

      {partnerships.map((partnership) => (
        <JointProposals key={partnership.id} partnership={partnership} canStart={canStart} />
      ))}

      <h2 className="govuk-heading-m">Allocations</h2>
      {hasDemoFigure ? (
        <WarningText>
          Figures marked “demo figure” are invented for demonstration. They are not MOPAC allocations.
        </WarningText>
      ) : null}
      <Table
        caption={`${boroughName}’s allocation for each financial year`}
        captionSize="s"
        firstCellIsHeader
        head={[
          "Financial year",
          { content: "Allocation", format: "numeric" },
          { content: "Direct borough funding", format: "numeric" },
          { content: "Co-commissioned services", format: "numeric" },
        ]}
        rows={years.map((year): TableCell[] => [
          {
            content: (
              <>
                {year.label}
                <span className="govuk-body-s govuk-!-display-block govuk-!-margin-bottom-0">{year.periodName}</span>
              </>
            ),
          },
          {
            format: "numeric",
            content:
              year.allocationPence === null ? (
                "Not set yet"
              ) : (
                <>
                  {formatPounds(year.allocationPence)}
                  {year.isDemoFigure ? (
                    <Tag colour="yellow" className="govuk-!-margin-left-1">
                      Demo figure
                    </Tag>
                  ) : null}
                  {year.upliftPence ? (
                    <span className="govuk-body-s govuk-!-display-block govuk-!-margin-bottom-0">
                      including {formatPounds(year.upliftPence)} uplift
                    </span>
                  ) : null}
                </>
              ),
          },
          { format: "numeric", content: year.split ? formatPounds(year.split.directPence) : "–" },
          { format: "numeric", content: year.split ? formatPounds(year.split.coCommissionedPence) : "–" },
        ])}
      />
    </>
  );
}
