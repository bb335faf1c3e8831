import type { AppLoadContext } from "react-router";
import type { ProposalSummary } from "~/domain/proposal-checks";
import { prerenderComponent } from "./prerender.server";
import type { PrerenderedFragment } from "./prerendered";
import { ProposalFigures, type YearMeta } from "./proposal-figures";

/**
 * A proposal's figures as prerendered markup (see prerender.server.tsx): the summary they are drawn
 * from stays on the server. Headings at level 2 on the overview, 3 inside the check and review
 * pages' figures section.
 */
export function proposalFigures(
  context: AppLoadContext | undefined,
  summary: ProposalSummary,
  years: readonly YearMeta[],
  headingLevel: 2 | 3,
): PrerenderedFragment {
  const envelopeId = headingLevel === 2 ? "envelope" : undefined;
  return prerenderComponent(context, "proposal-figures", ProposalFigures, { summary, years, headingLevel, envelopeId });
}
