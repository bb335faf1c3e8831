import { data, Form, redirect, useActionData, useNavigation } from "react-router";
import { refused } from "~/auth/guard.server";
import { requireProposal } from "~/auth/proposal-access.server";
import { changesSinceLastSubmission, feedbackByProject, proposalHistory } from "~/data/history.server";
import { loadProposalPage } from "~/data/proposal-page.server";
import { activeReviewers } from "~/data/reviews.server";
import { takeAction } from "~/data/workflow.server";
import { db } from "~/db.server";
import { mayOpenReviewPages } from "~/domain/access";
import { formatDate, todayInLondon } from "~/domain/dates";
import { isOverdue } from "~/domain/routing";
import { availableActions, isOpenReview, stateLabel, stateTagColour } from "~/domain/workflow";
import { BackLink, Button, ErrorSummary, NotificationBanner, Radios, Select, SummaryList, Tag, Textarea } from "~/ui";
import { ActionForm } from "~/ui/action-form";
import { ChangesSinceLastSubmission } from "~/ui/changes";
import { ComplianceSummary } from "~/ui/compliance-summary";
import { History, ProjectFeedback } from "~/ui/history";
import { pageTitle } from "~/ui/page-title";
import { CoCommissioningPanel, EnvelopeTable, PriorityTotalsTable, UncoveredMeasures } from "~/ui/proposal-figures";
import { ProjectSummary } from "~/ui/project-summary";
import type { Route } from "./+types/proposal-review";

const DECISIONS = ["request_changes", "approve", "reject"] as const;
type Decision = (typeof DECISIONS)[number];

async function loadForMopac(request: Request, proposalId: string | undefined) {
  const access = await requireProposal(request, proposalId);
  if (!mayOpenReviewPages(access.actor)) throw refused(403, "Only MOPAC reviewers review proposals.");
  return access;
}

export async function loader({ request, params }: Route.LoaderArgs) {
  const access = await loadForMopac(request, params.proposalId);
  const { proposal } = access;
  const [{ fullProjects: projects, ctx, ...overview }, history, changes, reviewers] = await Promise.all([
    loadProposalPage(db(), proposal),
    proposalHistory(db(), proposal.id),
    changesSinceLastSubmission(db(), proposal.id),
    activeReviewers(db()),
  ]);
  const allowed = new Set(availableActions(proposal.status, access.actor, access.workflow).map((rule) => rule.action));
  const feedback = feedbackByProject(history);
  const done = new URL(request.url).searchParams.get("done");
  return {
    proposal,
    summary: overview.summary,
    years: overview.years,
    projects: projects.map((project) => ({ project, feedback: feedback.get(project.id) ?? [] })),
    ctx,
    history,
    changes,
    reviewers,
    assignedReviewer: reviewers.find((r) => r.id === proposal.assigned_reviewer_id)?.name ?? null,
    overdue: isOverdue(proposal.feedbackDeadline, todayInLondon(), isOpenReview(proposal.status)),
    can: {
      decide: allowed.has("approve"),
      comment: allowed.has("comment"),
      reassign: allowed.has("reassign"),
    },
    done,
  };
}

export async function action({ request, params }: Route.ActionArgs) {
  const access = await loadForMopac(request, params.proposalId);
  const formData = await request.formData();
  const intent = formData.get("intent");
  const comment = formData.get("comment")?.toString() ?? null;
  const base = { proposalId: access.proposal.id, user: access.user };
  if (intent === "comment") {
    const projectId = Number(formData.get("projectId")) || null;
    const outcome = await takeAction(db(), { ...base, action: "comment", comment, projectId });
    if (!outcome.ok) return data({ error: outcome.reason, field: projectId ? `comment-${projectId}` : "comment-overall" }, { status: outcome.status });
    throw redirect(`/proposals/${access.proposal.id}/review?done=comment${projectId ? `#project-${projectId}` : "#overall"}`);
  }
  if (intent === "reassign") {
    const outcome = await takeAction(db(), { ...base, action: "reassign", reviewerId: Number(formData.get("reviewerId")) });
    if (!outcome.ok) return data({ error: outcome.reason, field: "reviewerId" }, { status: outcome.status });
    throw redirect(`/proposals/${access.proposal.id}/review?done=reassign`);
  }
  const decision = formData.get("decision")?.toString();
  if (!DECISIONS.includes(decision as Decision)) {
    return data({ error: "Choose whether to request changes, approve or reject the proposal", field: "decision" }, { status: 422 });
  }
  const outcome = await takeAction(db(), { ...base, action: decision as Decision, comment });
  if (!outcome.ok) return data({ error: outcome.reason, field: "comment-decision" }, { status: outcome.status });
  throw redirect(`/proposals/${access.proposal.id}/review?done=${decision}`);
}

const DONE: Record<string, string> = {
  comment: "Your comment has been added",
  reassign: "The proposal has been reassigned",
  request_changes: "Changes requested: the borough officers have been told",
  approve: "The proposal is approved: the borough officers have been told",
  reject: "The proposal is rejected: the borough officers have been told",
};

export default function ReviewProposal({ loaderData }: Route.ComponentProps) {
  const { proposal, summary, years, projects, ctx, history, changes, reviewers, assignedReviewer, overdue, can, done } = loaderData;
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const busy = navigation.state !== "idle";
  const errorFor = (field: string) => (result?.field === field ? result.error : undefined);

  return (
    <>
      <title>{pageTitle(`Review ${proposal.boroughNames.join(", ")}’s proposal`, !!result?.error)}</title>
      <BackLink href="/review">Back to proposals to review</BackLink>
      {done && DONE[done] ? <NotificationBanner type="success" heading={DONE[done]} /> : null}
      <ErrorSummary errors={result?.error ? [{ href: `#${result.field}`, message: result.error }] : []} />
      <span className="govuk-caption-l">{proposal.periodName}</span>
      <h1 className="govuk-heading-l">{proposal.boroughNames.join(", ")}: review</h1>
      <p className="govuk-body">
        <Tag colour={stateTagColour(proposal.status)}>{stateLabel(proposal.status)}</Tag>
        {overdue ? (
          <>
            {" "}
            <Tag colour="red">Overdue</Tag>
          </>
        ) : null}
      </p>
      <SummaryList
        noBorder
        rows={[
          { key: "Reviewer", value: assignedReviewer ?? "Not assigned" },
          { key: "Feedback due", value: proposal.feedbackDeadline ? formatDate(proposal.feedbackDeadline) : "No deadline set" },
        ]}
      />

      {changes ? <ChangesSinceLastSubmission changes={changes} /> : null}

      <EnvelopeTable summary={summary} years={years} />
      <PriorityTotalsTable summary={summary} />
      <h2 className="govuk-heading-m">Co-commissioning candidates</h2>
      <CoCommissioningPanel summary={summary} />
      <h2 className="govuk-heading-m">Measures of success</h2>
      <UncoveredMeasures summary={summary} />

      <h2 className="govuk-heading-l">Projects</h2>
      {projects.map(({ project, feedback }) => (
        <section key={project.id} aria-labelledby={`project-${project.id}`} className="govuk-!-margin-bottom-8">
          <h3 className="govuk-heading-m" id={`project-${project.id}`}>
            {project.title}
          </h3>
          <ProjectSummary project={project} ctx={ctx} changeBase={null} headingLevel={3} />
          <ProjectFeedback entries={feedback} />
          {can.comment ? (
            <ActionForm
              button="Add comment"
              variant="secondary"
              comment={{ id: `comment-${project.id}`, label: `Comment on ${project.title}`, required: true }}
              error={errorFor(`comment-${project.id}`)}
            >
              <input type="hidden" name="intent" value="comment" />
              <input type="hidden" name="projectId" value={project.id} />
            </ActionForm>
          ) : null}
        </section>
      ))}

      <h2 className="govuk-heading-l">Compliance</h2>
      <ComplianceSummary proposal={proposal} changeHref={null} />

      {can.comment ? (
        <section id="overall" aria-labelledby="overall-heading">
          <h2 className="govuk-heading-m" id="overall-heading">
            Overall comment
          </h2>
          <ActionForm button="Add comment" variant="secondary" comment={{ id: "comment-overall", label: "Comment on the whole proposal", required: true }} error={errorFor("comment-overall")}>
            <input type="hidden" name="intent" value="comment" />
          </ActionForm>
        </section>
      ) : null}

      {can.decide ? (
        <section aria-labelledby="decision-heading">
          <h2 className="govuk-heading-l" id="decision-heading">
            Your decision
          </h2>
          <Form method="post">
            <input type="hidden" name="intent" value="decide" />
            <Radios
              name="decision"
              label="What is your decision on this proposal?"
              labelSize="s"
              items={[
                { value: "request_changes", label: "Request changes", hint: "The borough changes it and sends it to its CSP again" },
                { value: "approve", label: "Approve" },
                { value: "reject", label: "Reject" },
              ]}
              error={errorFor("decision")}
            />
            <Textarea
              name="comment"
              id="comment-decision"
              label="Feedback for the borough"
              labelSize="s"
              hint="Required when you request changes or reject: say what must change, or why"
              rows={6}
              maxLength={3000}
              error={errorFor("comment-decision")}
            />
            <Button type="submit" disabled={busy}>
              Confirm decision
            </Button>
          </Form>
        </section>
      ) : null}

      {can.reassign ? (
        <section aria-labelledby="reassign-heading">
          <h2 className="govuk-heading-m" id="reassign-heading">
            Reassign
          </h2>
          <Form method="post">
            <input type="hidden" name="intent" value="reassign" />
            <Select
              name="reviewerId"
              label="Reviewer"
              items={reviewers.map((r) => ({ value: String(r.id), text: r.name }))}
              defaultValue={proposal.assigned_reviewer_id ? String(proposal.assigned_reviewer_id) : undefined}
              error={errorFor("reviewerId")}
            />
            <Button type="submit" variant="secondary" disabled={busy}>
              Reassign
            </Button>
          </Form>
        </section>
      ) : null}

      <h2 className="govuk-heading-m">History</h2>
      <History entries={history} />
    </>
  );
}
