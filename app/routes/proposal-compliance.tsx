import { getFormProps } from "@conform-to/react";
import { Form, useActionData } from "react-router";
import { redirectWithMessage } from "~/auth/flash.server";
import { requireProposal } from "~/auth/proposal-access.server";
import { saveCompliance } from "~/data/proposals.server";
import { db } from "~/db.server";
import { LIMITS } from "~/domain/project-fields";
import { parseForm, refuse, replyTo } from "~/forms/common";
import { COMPLIANCE_FIELD_ORDER, complianceSchema } from "~/forms/compliance";
import { BackLink, Button, Checkboxes, ErrorSummary, Textarea, TextInput } from "~/ui";
import { pageTitle } from "~/ui/page-title";
import { text, useGovukForm } from "~/ui/use-govuk-form";
import type { Route } from "./+types/proposal-compliance";

export async function loader({ request, params }: Route.LoaderArgs) {
  const { proposal } = await requireProposal(request, params.proposalId, "edit");
  const tick = (flag: number) => (flag === 1 ? "on" : undefined);
  return {
    proposalId: proposal.id,
    version: proposal.version,
    defaults: {
      transitionPlan: proposal.transition_plan ?? undefined,
      authorityConfirmed: tick(proposal.authority_confirmed),
      minimumStandardsConfirmed: tick(proposal.minimum_standards_confirmed),
      complianceAccepted: tick(proposal.compliance_accepted),
      dataProtectionConfirmed: tick(proposal.data_protection_confirmed),
      dataProcessingSummary: proposal.data_processing_summary ?? undefined,
      privacyNoticeUrl: proposal.privacy_notice_url ?? undefined,
      dataProtectionPolicyUrl: proposal.data_protection_policy_url ?? undefined,
    },
  };
}

export async function action({ request, params }: Route.ActionArgs) {
  const { proposal, user } = await requireProposal(request, params.proposalId, "edit");
  const submission = parseForm(await request.formData(), { schema: complianceSchema });
  if (submission.status !== "success") return replyTo(submission);
  const { version, ...answers } = submission.value;
  const saved = await saveCompliance(db(), proposal.id, version, user.id, answers);
  if (!saved.ok) return refuse(submission, { message: saved.message }, 409);
  throw await redirectWithMessage(request, `/proposals/${proposal.id}`, "Compliance answers saved");
}

const CONFIRMATIONS = [
  {
    name: "authorityConfirmed",
    legend: "Authority to submit",
    label: "I have the authority to submit this proposal on behalf of the council",
  },
  {
    name: "minimumStandardsConfirmed",
    legend: "LCPF minimum standards",
    label: "The projects in this proposal meet the LCPF minimum standards",
  },
  {
    name: "complianceAccepted",
    legend: "Statement of compliance",
    label: "The council accepts the LCPF statement of compliance",
  },
  {
    name: "dataProtectionConfirmed",
    legend: "Data protection",
    label: "The projects will process personal data lawfully, in line with data protection law",
  },
] as const;

export default function Compliance({ loaderData }: Route.ComponentProps) {
  const { proposalId, version, defaults } = loaderData;
  const lastResult = useActionData<typeof action>();
  const { form, values, errors, summary } = useGovukForm({
    schema: complianceSchema,
    fieldOrder: COMPLIANCE_FIELD_ORDER,
    defaults,
    lastResult,
  });

  return (
    <div className="govuk-grid-row">
      <title>{pageTitle("Compliance answers", summary.length > 0)}</title>
      <div className="govuk-grid-column-two-thirds">
        <BackLink href={`/proposals/${proposalId}`}>Back to the proposal</BackLink>
        <ErrorSummary errors={summary} />
        <h1 className="govuk-heading-l">Compliance answers</h1>
        <p className="govuk-body">These answers cover every project in the proposal.</p>
        <Form method="post" {...getFormProps(form)} key={form.key}>
          <input type="hidden" name="version" value={version} />
          <Textarea
            name="transitionPlan"
            label="How will the borough move from its current funding arrangements?"
            labelSize="s"
            hint="Include any services the borough will decommission"
            maxLength={LIMITS.transitionPlan}
            defaultValue={text(values, "transitionPlan")}
            error={errors.transitionPlan}
          />
          {CONFIRMATIONS.map((item) => (
            <Checkboxes
              key={item.name}
              name={item.name}
              label={item.legend}
              labelSize="s"
              items={[{ value: "on", label: item.label }]}
              defaultValue={text(values, item.name) ? ["on"] : []}
              error={errors[item.name]}
            />
          ))}
          <Textarea
            name="dataProcessingSummary"
            label="How will the projects process personal data?"
            labelSize="s"
            hint="A summary: what personal data, why, who sees it and how long it is kept"
            maxLength={LIMITS.dataProcessingSummary}
            defaultValue={text(values, "dataProcessingSummary")}
            error={errors.dataProcessingSummary}
          />
          <TextInput
            name="privacyNoticeUrl"
            label="Web address of the privacy notice"
            labelSize="s"
            inputMode="url"
            spellCheck={false}
            defaultValue={text(values, "privacyNoticeUrl")}
            error={errors.privacyNoticeUrl}
          />
          <TextInput
            name="dataProtectionPolicyUrl"
            label="Web address of the data protection policy"
            labelSize="s"
            inputMode="url"
            spellCheck={false}
            defaultValue={text(values, "dataProtectionPolicyUrl")}
            error={errors.dataProtectionPolicyUrl}
          />
          <Button type="submit">Save and return to the proposal</Button>
        </Form>
      </div>
    </div>
  );
}
