import type { AppLoadContext } from "react-router";
import { ComplianceSummary, type ComplianceAnswers } from "./compliance-summary";
import { prerender } from "./prerender.server";
import type { PrerenderedFragment } from "./prerendered";

/** The compliance answers as prerendered markup (see prerender.server.tsx): only these fields of the proposal are read. */
export function complianceFragment(
  context: AppLoadContext | undefined,
  proposal: ComplianceAnswers,
  changeHref: string | null,
): PrerenderedFragment {
  const answers: ComplianceAnswers = {
    transition_plan: proposal.transition_plan,
    authority_confirmed: proposal.authority_confirmed,
    minimum_standards_confirmed: proposal.minimum_standards_confirmed,
    compliance_accepted: proposal.compliance_accepted,
    data_protection_confirmed: proposal.data_protection_confirmed,
    data_processing_summary: proposal.data_processing_summary,
    privacy_notice_url: proposal.privacy_notice_url,
    data_protection_policy_url: proposal.data_protection_policy_url,
  };
  return prerender(context, ["compliance-summary", JSON.stringify([answers, changeHref])], () => (
    <ComplianceSummary proposal={answers} changeHref={changeHref} />
  ));
}
