import type { Proposal } from "../../db/schema";
import { SummaryCard } from "./summary-list";

const yesOrNot = (flag: number) => (flag === 1 ? "Confirmed" : "Not confirmed");

/** The proposal's answers the summary shows. */
export type ComplianceAnswers = Pick<
  Proposal,
  | "transition_plan"
  | "authority_confirmed"
  | "minimum_standards_confirmed"
  | "compliance_accepted"
  | "data_protection_confirmed"
  | "data_processing_summary"
  | "privacy_notice_url"
  | "data_protection_policy_url"
>;

/** Only the answers the summary shows, out of a whole proposal record (for loader data and prerender keys). */
export function complianceAnswers(proposal: ComplianceAnswers): ComplianceAnswers {
  return {
    transition_plan: proposal.transition_plan,
    authority_confirmed: proposal.authority_confirmed,
    minimum_standards_confirmed: proposal.minimum_standards_confirmed,
    compliance_accepted: proposal.compliance_accepted,
    data_protection_confirmed: proposal.data_protection_confirmed,
    data_processing_summary: proposal.data_processing_summary,
    privacy_notice_url: proposal.privacy_notice_url,
    data_protection_policy_url: proposal.data_protection_policy_url,
  };
}

/** The once-per-proposal compliance answers, as a summary card. */
export function ComplianceSummary({
  proposal,
  changeHref,
}: {
  proposal: ComplianceAnswers;
  changeHref: string | null;
}) {
  const missing = "Not answered yet";
  return (
    <SummaryCard
      title="Compliance answers"
      actions={changeHref ? [{ href: changeHref, text: "Change", visuallyHiddenText: "compliance answers" }] : []}
      rows={[
        {
          key: "Moving from current funding",
          value: <span className="app-preserve-lines">{proposal.transition_plan ?? missing}</span>,
        },
        { key: "Authority to submit", value: yesOrNot(proposal.authority_confirmed) },
        { key: "LCPF minimum standards", value: yesOrNot(proposal.minimum_standards_confirmed) },
        { key: "Statement of compliance", value: yesOrNot(proposal.compliance_accepted) },
        { key: "Data protection", value: yesOrNot(proposal.data_protection_confirmed) },
        {
          key: "How personal data is processed",
          value: <span className="app-preserve-lines">{proposal.data_processing_summary ?? missing}</span>,
        },
        { key: "Privacy notice", value: proposal.privacy_notice_url ?? missing },
        { key: "Data protection policy", value: proposal.data_protection_policy_url ?? missing },
      ]}
    />
  );
}
