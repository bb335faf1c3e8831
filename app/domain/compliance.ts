/** The once-per-proposal compliance answers, as stored. */
export type ComplianceFields = {
  transition_plan: string | null;
  authority_confirmed: number;
  minimum_standards_confirmed: number;
  compliance_accepted: number;
  data_protection_confirmed: number;
  data_processing_summary: string | null;
  privacy_notice_url: string | null;
  data_protection_policy_url: string | null;
};

const answered = (text: string | null) => !!text && text.trim() !== "";

/** Complete when every confirmation is given and every question answered: until then it cannot go on. */
export function complianceComplete(proposal: ComplianceFields): boolean {
  return (
    proposal.authority_confirmed === 1 &&
    proposal.minimum_standards_confirmed === 1 &&
    proposal.compliance_accepted === 1 &&
    proposal.data_protection_confirmed === 1 &&
    answered(proposal.transition_plan) &&
    answered(proposal.data_processing_summary) &&
    answered(proposal.privacy_notice_url) &&
    answered(proposal.data_protection_policy_url)
  );
}
