import { describe, expect, it } from "vitest";
import { complianceComplete, type ComplianceFields } from "~/domain/compliance";

const complete: ComplianceFields = {
  transition_plan: "The current grants end in March 2017.",
  authority_confirmed: 1,
  minimum_standards_confirmed: 1,
  compliance_accepted: 1,
  data_protection_confirmed: 1,
  data_processing_summary: "Referral details only.",
  privacy_notice_url: "https://www.lbbd.gov.uk/privacy",
  data_protection_policy_url: "https://www.lbbd.gov.uk/data-protection",
};

describe("the compliance answers", () => {
  it("are complete with every confirmation and every answer", () => {
    expect(complianceComplete(complete)).toBe(true);
  });
  it.each(Object.keys(complete) as (keyof ComplianceFields)[])("are incomplete without %s", (field) => {
    const missing = { ...complete, [field]: typeof complete[field] === "number" ? 0 : "  " };
    expect(complianceComplete(missing)).toBe(false);
  });
});
