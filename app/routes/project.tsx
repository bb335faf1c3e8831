import { notFound } from "~/auth/guard.server";
import { canEdit, requireProposal, requireIdParam } from "~/auth/proposal-access.server";
import { feedbackByProject, proposalHistory } from "~/data/history.server";
import { findProject } from "~/data/projects.server";
import { sectionContext } from "~/data/section-context.server";
import { db } from "~/db.server";
import { PROJECT_SECTIONS, sectionStatuses } from "~/domain/project-sections";
import { BackLink, ButtonLink, Tag, TaskList } from "~/ui";
import { FlashBanner } from "~/ui/flash-banner";
import { pageTitle } from "~/ui/page-title";
import { ProjectFeedback } from "~/ui/history";
import { ProjectSummary } from "~/ui/project-summary";
import type { Route } from "./+types/project";

export async function loader({ request, params }: Route.LoaderArgs) {
  const access = await requireProposal(request, params.proposalId);
  const project = await findProject(db(), access.proposal.id, requireIdParam(params.projectId));
  if (!project) throw notFound();
  return {
    proposalId: access.proposal.id,
    editable: canEdit(access),
    project,
    statuses: sectionStatuses(project),
    ctx: await sectionContext(db(), access.proposal),
    feedback: feedbackByProject(await proposalHistory(db(), access.proposal.id)).get(project.id) ?? [],
  };
}

export default function Project({ loaderData }: Route.ComponentProps) {
  const { proposalId, editable, project, statuses, ctx, feedback } = loaderData;
  const base = `/proposals/${proposalId}/projects/${project.id}`;
  return (
    <>
      <title>{pageTitle(project.title)}</title>
      <BackLink href={`/proposals/${proposalId}`}>Back to the proposal</BackLink>
      <FlashBanner />
      <span className="govuk-caption-l">Project</span>
      <h1 className="govuk-heading-l">{project.title}</h1>
      <ProjectFeedback entries={feedback} headingLevel={2} id="feedback" />
      {editable ? (
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-two-thirds">
            <TaskList
              items={PROJECT_SECTIONS.map((section) => ({
                title: section.title,
                href: `${base}/${section.id}`,
                status:
                  statuses[section.id] === "completed" ? (
                    "Completed"
                  ) : statuses[section.id] === "optional" ? (
                    "Optional"
                  ) : (
                    <Tag colour="blue">Incomplete</Tag>
                  ),
              }))}
            />
          </div>
        </div>
      ) : null}
      <ProjectSummary project={project} ctx={ctx} changeBase={editable ? base : null} />
      {editable ? (
        <ButtonLink href={`${base}/remove`} variant="warning">
          Remove this project
        </ButtonLink>
      ) : null}
    </>
  );
}
