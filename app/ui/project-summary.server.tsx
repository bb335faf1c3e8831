import type { AppLoadContext } from "react-router";
import type { ProposalPage } from "~/data/proposal-page.server";
import { prerender } from "./prerender.server";
import type { PrerenderedFragment } from "./prerendered";
import { CollapsibleProject } from "./contents-list";
import { ProjectSummary } from "./project-summary";

export type SummarisedProject = { id: number; title: string; summary: PrerenderedFragment };

/**
 * Each project's heading and its full answers folded away, as prerendered markup (see
 * prerender.server.tsx), for the pages that list every project: the check and review pages. The
 * heading carries the id `project-{id}-heading` that the page's section for the project is labelled
 * by; the answers' own headings are a level below it. Only the id, title and markup reach the page,
 * not the whole project.
 */
export function projectSummaries(
  context: AppLoadContext | undefined,
  page: Pick<ProposalPage, "fullProjects" | "ctx">,
  changeBase: ((projectId: number) => string) | null,
): SummarisedProject[] {
  const headingLevel = 4;
  // The names of years, priorities and measures are the same for every project: serialised once.
  const shared = JSON.stringify([page.ctx, headingLevel]);
  return page.fullProjects.map((project) => {
    const base = changeBase ? changeBase(project.id) : null;
    return {
      id: project.id,
      title: project.title,
      summary: prerender(context, ["project-summary", shared, JSON.stringify([project, base])], () => (
        <>
          <h3 className="govuk-heading-m" id={`project-${project.id}-heading`}>
            {project.title}
          </h3>
          <CollapsibleProject title={project.title}>
            <ProjectSummary project={project} ctx={page.ctx} changeBase={base} headingLevel={headingLevel} />
          </CollapsibleProject>
        </>
      )),
    };
  });
}
