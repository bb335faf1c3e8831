import { Form, useActionData } from "react-router";
import { redirectWithMessage } from "~/auth/flash.server";
import { notFound, requireUser } from "~/auth/guard.server";
import { requireIdParam } from "~/auth/proposal-access.server";
import {
  findPartnership,
  partnershipEnvelope,
  partnershipYears,
  savePartnershipAllocations,
  splitRulesByRound,
} from "~/data/partnerships.server";
import { db } from "~/db.server";
import { ownField, partnershipAllocationSchema, shareField } from "~/forms/admin-partnerships";
import { parseForm, refuse, replyTo } from "~/forms/common";
import { formatMoneyForInput, formatPounds } from "~/domain/money";
import { BackLink, Button, ErrorSummary, Fieldset, MoneyInput } from "~/ui";
import { FlashBanner } from "~/ui/flash-banner";
import { errorSummaryItems } from "~/ui/form-errors";
import { JointEnvelopeTables } from "~/ui/joint-envelope-table";
import { pageTitle } from "~/ui/page-title";
import type { Route } from "./+types/admin-partnership-allocations";

async function load(request: Request, param: string | undefined) {
  await requireUser(request, ["mopac_admin"]);
  const partnership = await findPartnership(db(), requireIdParam(param));
  if (!partnership) throw notFound();
  return { partnership, years: await partnershipYears(db(), partnership) };
}

export async function loader({ request, params }: Route.LoaderArgs) {
  const { partnership, years } = await load(request, params.partnershipId);
  const envelope = partnershipEnvelope(partnership.name, years, await splitRulesByRound(db()));
  return { partnership, years, envelope };
}

export async function action({ request, params }: Route.ActionArgs) {
  const { partnership, years } = await load(request, params.partnershipId);
  const schema = partnershipAllocationSchema(
    partnership.name,
    years.map((y) => ({ id: y.financialYearId, label: y.label })),
    partnership.members,
  );
  const submission = parseForm(await request.formData(), { schema });
  if (submission.status !== "success") return replyTo(submission);
  const saved = await savePartnershipAllocations(db(), partnership, submission.value);
  if (!saved.ok) return refuse(submission, { message: saved.message, field: saved.field || undefined });
  throw await redirectWithMessage(
    request,
    `/admin/partnerships/${partnership.id}/allocations`,
    `${partnership.name}’s allocations saved`,
  );
}

export default function AdminPartnershipAllocations({ loaderData }: Route.ComponentProps) {
  const { partnership, years, envelope } = loaderData;
  const lastResult = useActionData<typeof action>();
  const errors = (lastResult?.error ?? {}) as Record<string, string[] | undefined>;
  const typed = (lastResult?.initialValue ?? null) as Record<string, unknown> | null;
  const order = years.flatMap((y) => [
    ownField(y.financialYearId),
    ...partnership.members.map((m) => shareField(y.financialYearId, m.id)),
  ]);
  const summary = errorSummaryItems(errors, order);
  const shown = (name: string, saved: number | null) => {
    if (typed) return typeof typed[name] === "string" ? (typed[name] as string) : "";
    return saved === null ? "" : formatMoneyForInput(saved);
  };
  const periods = [...new Map(years.map((y) => [y.periodId, `${y.roundName}: ${y.periodName}`])).entries()];
  return (
    <>
      <title>{pageTitle(`${partnership.name}’s allocations`, summary.length > 0)}</title>
      <BackLink href={`/admin/partnerships/${partnership.id}`}>{partnership.name}</BackLink>
      <FlashBanner />
      <ErrorSummary errors={summary} />
      <span className="govuk-caption-l">{partnership.name}</span>
      <h1 className="govuk-heading-l">Allocations</h1>
      <p className="govuk-body">
        For each year, enter what MOPAC allocates to {partnership.name} itself and the share of each member’s allocation
        it moves into the partnership. Leave the partnership’s own allocation blank while the year is not set; enter £0
        if MOPAC allocates it nothing of its own. Each amount is split into co-commissioned services and direct funding
        on its own, before they are added up.
      </p>
      <Form method="post" noValidate>
        {periods.map(([periodId, periodName]) => (
          <section key={periodId}>
            <h2 className="govuk-heading-m">{periodName}</h2>
            {years
              .filter((y) => y.periodId === periodId)
              .map((year) => (
                <Fieldset key={year.financialYearId} legend={year.label} legendSize="s">
                  <MoneyInput
                    name={ownField(year.financialYearId)}
                    label={`${partnership.name}’s own allocation for ${year.label}`}
                    defaultValue={shown(ownField(year.financialYearId), year.ownPence)}
                    error={errors[ownField(year.financialYearId)]}
                  />
                  {year.shares.map((share) => {
                    const name = shareField(year.financialYearId, share.organisationId);
                    return (
                      <MoneyInput
                        key={name}
                        name={name}
                        label={`${share.name}’s share moved in for ${year.label}`}
                        hint={
                          share.boroughAllocationPence === null
                            ? `${share.name}’s own allocation for ${year.label} is not set.`
                            : `${share.name}’s own allocation for ${year.label} is ${formatPounds(share.boroughAllocationPence)}.`
                        }
                        defaultValue={shown(name, share.sharePence === 0 ? null : share.sharePence)}
                        error={errors[name]}
                      />
                    );
                  })}
                </Fieldset>
              ))}
          </section>
        ))}
        <Button type="submit">Save allocations</Button>
      </Form>
      <h2 className="govuk-heading-m">Envelope by borough</h2>
      {periods.map(([periodId, periodName]) => (
        <section key={periodId}>
          <h3 className="govuk-heading-s">{periodName}</h3>
          <JointEnvelopeTables
            partnershipName={partnership.name}
            years={envelope.filter((y) => y.periodId === periodId)}
          />
        </section>
      ))}
    </>
  );
}
