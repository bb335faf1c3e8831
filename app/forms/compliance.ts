import * as z from "zod/mini";
import { checkbox, requiredText } from "~/domain/form-fields";
import { LIMITS } from "~/domain/project-fields";
import { versionField } from "./common";

const url = (missing: string) =>
  requiredText(missing, LIMITS.url, `The address must be ${LIMITS.url} characters or fewer`).check(
    z.refine(
      (value: string) => /^https?:\/\/[^\s]+\.[^\s]+$/i.test(value),
      "Enter a full web address, starting with https://",
    ),
  );

const confirmed = (message: string) => checkbox().check(z.refine((value: boolean) => value, message));

/** The compliance answers, asked once per proposal (the GLA asked them per project). */
export const complianceSchema = z.object({
  version: versionField,
  transitionPlan: requiredText(
    "Explain how the borough will move from its current funding arrangements",
    LIMITS.transitionPlan,
    `The transition plan must be ${LIMITS.transitionPlan} characters or fewer`,
  ),
  authorityConfirmed: confirmed("Confirm you have the authority to submit this proposal for the council"),
  minimumStandardsConfirmed: confirmed("Confirm the projects meet the LCPF minimum standards"),
  complianceAccepted: confirmed("Accept the statement of compliance"),
  dataProtectionConfirmed: confirmed("Confirm the projects will comply with data protection law"),
  dataProcessingSummary: requiredText(
    "Summarise how personal data will be processed",
    LIMITS.dataProcessingSummary,
    `The summary must be ${LIMITS.dataProcessingSummary} characters or fewer`,
  ),
  privacyNoticeUrl: url("Enter the web address of the privacy notice"),
  dataProtectionPolicyUrl: url("Enter the web address of the data protection policy"),
});

export const COMPLIANCE_FIELD_ORDER = Object.keys(complianceSchema.shape).filter((name) => name !== "version");
