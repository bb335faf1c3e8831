import type { AppLoadContext } from "react-router";
import type { JointEnvelopeYear } from "~/domain/joint-envelope";
import { formatPounds } from "~/domain/money";
import { Table, Tag, type TableCell } from "~/ui";
import { BlockerList, type Blocker } from "./blockers";
import { JointEnvelopeTables } from "./joint-envelope-table";
import { prerenderComponent } from "./prerender.server";
import type { PrerenderedFragment } from "./prerendered";

/**
 * The read-only parts of a proposal's overview page as prerendered markup (see prerender.server.tsx):
 * the projects table, the list of what stops sending and a partnership's envelope by borough. They
 * were most of what the page rendered and most of its loader data, and none of them is interactive.
 */

export type OverviewProject = {
  id: number;
  title: string;
  priority: string | null;
  candidate: boolean;
  feedbackCount: number;
  costs: { financialYearId: number; lcpfPence: number; isDemoFigure: boolean }[];
  incompleteSections: string[];
};

type ProjectsTable = {
  base: string;
  editable: boolean;
  yearHeads: { financialYearId: number; label: string }[];
  projects: OverviewProject[];
};

export function projectsTableFragment(context: AppLoadContext | undefined, table: ProjectsTable): PrerenderedFragment {
  return prerenderComponent(context, "overview-projects", ProjectsTable, table);
}

function ProjectsTable({ base, editable, yearHeads, projects }: ProjectsTable) {
  return (
    <Table
      caption={`${projects.length} project${projects.length === 1 ? "" : "s"}`}
      captionSize="s"
      head={["Project", "Priority", ...yearHeads.map((y) => ({ content: y.label, format: "numeric" as const }))]}
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
              {project.feedbackCount > 0 ? (
                <span className="govuk-!-display-block govuk-!-margin-top-1">
                  <Tag colour="orange">Feedback from MOPAC</Tag>{" "}
                  <a className="govuk-link govuk-!-font-size-16" href={`${base}/projects/${project.id}#feedback`}>
                    Read {project.feedbackCount === 1 ? "the comment" : `${project.feedbackCount} comments`}
                    <span className="govuk-visually-hidden"> on {project.title}</span>
                  </a>
                </span>
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
        ...yearHeads.map((y): TableCell => {
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
  );
}

/** What stops the proposal being sent to the CSP, each linked to where it is put right. */
export function blockersFragment(
  context: AppLoadContext | undefined,
  blockers: readonly Blocker[],
): PrerenderedFragment {
  return prerenderComponent(context, "overview-blockers", BlockerList, { blockers, headingLevel: 2 });
}

/** A partnership's joint proposal: the same envelope, by borough. */
export function jointEnvelopeFragment(
  context: AppLoadContext | undefined,
  partnershipName: string,
  years: readonly JointEnvelopeYear[],
): PrerenderedFragment {
  return prerenderComponent(context, "overview-joint-envelope", JointEnvelopeTables, { partnershipName, years });
}
