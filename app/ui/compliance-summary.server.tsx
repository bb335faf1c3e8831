import type { AppLoadContext } from "react-router";
import { complianceAnswers, ComplianceSummary, type ComplianceAnswers } from "./compliance-summary";
import { prerenderComponent } from "./prerender.server";
import type { PrerenderedFragment } from "./prerendered";

/** The compliance answers as prerendered markup (see prerender.server.tsx): only these fields of the proposal are read. */
export function complianceFragment(
  context: AppLoadContext | undefined,
  proposal: ComplianceAnswers,
  changeHref: string | null,
): PrerenderedFragment {
  const answers = complianceAnswers(proposal);
  return prerenderComponent(context, "compliance-summary", ComplianceSummary, { proposal: answers, changeHref });
}
