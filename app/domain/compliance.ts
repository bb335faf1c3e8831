/** The once-per-proposal compliance answers (DOMAIN.md, "A proposal"), as the borough gave them. */
export type ComplianceAnswers = {
  transitionPlan: string;
  authorityConfirmed: boolean;
  minimumStandardsConfirmed: boolean;
  complianceAccepted: boolean;
  dataProtectionConfirmed: boolean;
  dataProcessingSummary: string;
  privacyNoticeUrl: string;
  dataProtectionPolicyUrl: string;
};

const answered = (text: string) => text.trim() !== "";

/** Complete when every confirmation is given and every question answered: until then it cannot go on. */
export function complianceComplete(answers: ComplianceAnswers): boolean {
  return (
    answers.authorityConfirmed &&
    answers.minimumStandardsConfirmed &&
    answers.complianceAccepted &&
    answers.dataProtectionConfirmed &&
    answered(answers.transitionPlan) &&
    answered(answers.dataProcessingSummary) &&
    answered(answers.privacyNoticeUrl) &&
    answered(answers.dataProtectionPolicyUrl)
  );
}
