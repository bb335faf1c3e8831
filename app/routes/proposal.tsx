import { canEdit, requireProposal } from "~/auth/proposal-access.server";
import { loadProjects } from "~/data/projects.server";
import { proposalOverview, sendingBlockers } from "~/data/proposals.server";
import { db } from "~/db.server";
import { formatPounds } from "~/domain/money";
import { PROJECT_SECTIONS, sectionStatuses } from "~/domain/project-sections";
import { stateLabel, stateTagColour } from "~/domain/workflow";
import { ButtonLink, NotificationBanner, Table, Tag, TaskList, WarningText, type TableCell } from "~/ui";
import { pageTitle } from "~/ui/page-title";
import { CoCommissioningPanel, EnvelopeTable, PriorityTotalsTable, UncoveredMeasures } from "~/ui/proposal-figures";
import type { Route } from "./+types/proposal";

export async function loader({ request, params }: Route.LoaderArgs) {
  const access = await requireProposal(request, params.proposalId);
  const { proposal } = access;
  const [overview, projects] = await Promise.all([proposalOverview(db(), proposal), loadProjects(db(), proposal.id)]);
  const sectionTitles = new Map<string, string>(PROJECT_SECTIONS.map((s) => [s.id, s.title]));
  const search = new URL(request.url).searchParams;
  const banner = search.has("removed")
    ? `${search.get("removed")} has been removed from the proposal`
    : search.get("saved") === "compliance"
      ? "Compliance answers saved"
      : null;
  return {
    banner,
    proposal: {
      id: proposal.id,
      status: proposal.status,
      version: proposal.version,
      periodName: proposal.periodName,
      boroughNames: proposal.boroughNames,
      updatedAt: proposal.updated_at,
    },
    editable: canEdit(access),
    summary: overview.summary,
    years: overview.years,
    complianceComplete: overview.complianceComplete,
    blockers: sendingBlockers(proposal.id, overview),
    projects: projects.map((project) => {
      const statuses = sectionStatuses(project);
      return {
        id: project.id,
        title: project.title,
        priority: overview.projects.find((p) => p.id === project.id)?.primaryPriorityName ?? null,
        candidate: project.co_commissioning_candidate === 1,
        costs: project.costs,
        incompleteSections: PROJECT_SECTIONS.filter((s) => statuses[s.id] === "incomplete").map((s) => sectionTitles.get(s.id)!),
      };
    }),
  };
}

export default function ProposalOverview({ loaderData }: Route.ComponentProps) {
  const { banner, proposal, editable, summary, years, blockers, projects, complianceComplete } = loaderData;
  const base = `/proposals/${proposal.id}`;
  const heading = `LCPF proposal, ${proposal.periodName}`;
  const incompleteProjects = projects.filter((p) => p.incompleteSections.length > 0);

  return (
    <>
      <title>{pageTitle(`${heading}, ${proposal.boroughNames.join(", ")}`)}</title>
      {banner ? <NotificationBanner type="success" heading={banner} /> : null}
      <span className="govuk-caption-l">{proposal.boroughNames.join(", ")}</span>
      <h1 className="govuk-heading-l">{heading}</h1>
      <p className="govuk-body">
        Status: <Tag colour={stateTagColour(proposal.status)}>{stateLabel(proposal.status)}</Tag>
      </p>

      {editable && blockers.length > 0 ? (
        <div className="govuk-inset-text" data-testid="blockers">
          <h2 className="govuk-heading-s">Before you can send this proposal to the CSP</h2>
          <ul className="govuk-list govuk-list--bullet">
            {blockers.map((b) => (
              <li key={b.message}>
                <a className="govuk-link" href={b.href}>
                  {b.message}
                </a>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {summary.warnings.map((w) => (
        <WarningText key={w.message}>{w.message}</WarningText>
      ))}

      {editable ? (
        <TaskList
          items={[
            {
              title: "Projects",
              href: "#projects",
              hint: `${projects.length} project${projects.length === 1 ? "" : "s"}`,
              status: incompleteProjects.length === 0 && projects.length > 0 ? "Completed" : <Tag colour="blue">Incomplete</Tag>,
            },
            {
              title: "Compliance answers",
              href: `${base}/compliance`,
              status: complianceComplete ? "Completed" : <Tag colour="blue">Incomplete</Tag>,
            },
            {
              title: "Check your answers",
              href: `${base}/check`,
              status: blockers.length === 0 ? <Tag colour="blue">Ready to check</Tag> : "Cannot send yet",
              cannotStartYet: blockers.length > 0,
            },
          ]}
        />
      ) : null}

      <div id="envelope">
        <EnvelopeTable summary={summary} years={years} />
      </div>
      <PriorityTotalsTable summary={summary} />

      <h2 className="govuk-heading-m">Co-commissioning candidates</h2>
      <CoCommissioningPanel summary={summary} />

      <h2 className="govuk-heading-m">Measures of success</h2>
      <UncoveredMeasures summary={summary} />

      <h2 className="govuk-heading-m" id="projects">
        Projects
      </h2>
      {projects.length === 0 ? <p className="govuk-body">This proposal has no projects yet.</p> : null}
      {projects.length > 0 ? (
        <Table
          caption={`${projects.length} project${projects.length === 1 ? "" : "s"}`}
          captionSize="s"
          head={[
            "Project",
            "Priority",
            ...summary.years.map((y) => ({ content: y.label, format: "numeric" as const })),
          ]}
          rows={projects.map((project): TableCell[] => [
            {
              content: (
                <>
                  <a className="govuk-link" href={`${base}/projects/${project.id}`}>
                    {project.title}
                  </a>
                  {project.candidate ? (
                    <>
                      {" "}
                      <Tag colour="turquoise">Co-commissioning candidate</Tag>
                    </>
                  ) : null}
                  {editable && project.incompleteSections.length > 0 ? (
                    <span className="govuk-hint govuk-!-font-size-16 govuk-!-margin-bottom-0 govuk-!-display-block">
                      To complete: {project.incompleteSections.join(", ").toLowerCase()}
                    </span>
                  ) : null}
                </>
              ),
            },
            project.priority ?? "Not chosen yet",
            ...summary.years.map((y): TableCell => {
              const cost = project.costs.find((c) => c.financialYearId === y.financialYearId);
              return {
                content: (
                  <>
                    {formatPounds(cost?.lcpfPence ?? 0)}
                    {cost?.isDemoFigure ? (
                      <span className="govuk-!-display-block">
                        <Tag colour="yellow">Demo figure</Tag>
                      </span>
                    ) : null}
                  </>
                ),
                format: "numeric",
              };
            }),
          ])}
        />
      ) : null}
      {editable ? <ButtonLink href={`${base}/projects/new`}>Add a project</ButtonLink> : null}
    </>
  );
}
