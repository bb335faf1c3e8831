import { describe, expect, it } from "vitest";
import { complianceComplete, type ComplianceAnswers } from "~/domain/compliance";

const complete: ComplianceAnswers = {
  transitionPlan: "The current grants end in March 2017.",
  authorityConfirmed: true,
  minimumStandardsConfirmed: true,
  complianceAccepted: true,
  dataProtectionConfirmed: true,
  dataProcessingSummary: "Referral details only.",
  privacyNoticeUrl: "https://www.lbbd.gov.uk/privacy",
  dataProtectionPolicyUrl: "https://www.lbbd.gov.uk/data-protection",
};

describe("the compliance answers", () => {
  it("are complete with every confirmation and every answer", () => {
    expect(complianceComplete(complete)).toBe(true);
  });
  it.each(Object.keys(complete) as (keyof ComplianceAnswers)[])("are incomplete without %s", (field) => {
    const missing = { ...complete, [field]: typeof complete[field] === "boolean" ? false : "  " };
    expect(complianceComplete(missing)).toBe(false);
  });
});
