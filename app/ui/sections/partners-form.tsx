import { LIMITS } from "~/domain/project-fields";
import {
  CONTRIBUTOR_GROUPS,
  contributorAmountField,
  contributorInKindField,
  contributorNameField,
  MAX_CONTRIBUTOR_ROWS,
  rowsToShow,
  type ContributorKind,
} from "~/forms/sections/partners";
import { InsetText } from "../content";
import { Fieldset } from "../fieldset";
import { MoneyInput, TextInput } from "../text-input";
import { Textarea } from "../textarea";
import { text, type SectionFormProps } from "./types";

function ContributorRows({ kind, values, errors, ctx }: SectionFormProps & { kind: ContributorKind }) {
  const { noun, rowsField, hasInKind } = CONTRIBUTOR_GROUPS[kind];
  const rows = rowsToShow(values, kind, ctx);
  return (
    <>
      {/* Tells the next page render how many rows this one showed, so a refused save comes back whole. */}
      <input type="hidden" name={rowsField} value={rows} />
      {Array.from({ length: rows }, (_, index) => {
        const name = contributorNameField(kind, index);
        return (
          <Fieldset key={name} legend={`${noun} ${index + 1}`} legendSize="s" className="govuk-!-margin-bottom-6">
            <TextInput name={name} label="Name" defaultValue={text(values, name)} error={errors[name]} />
            {ctx.years.map((year) => {
              const amount = contributorAmountField(kind, index, year.financialYearId);
              return (
                <MoneyInput
                  key={amount}
                  name={amount}
                  label={`Amount in ${year.label}`}
                  defaultValue={text(values, amount)}
                  error={errors[amount]}
                />
              );
            })}
            {hasInKind ? (
              <Textarea
                name={contributorInKindField(index)}
                label="In-kind contribution (optional)"
                hint="For example staff time, premises or equipment"
                rows={2}
                maxLength={LIMITS.inKind}
                defaultValue={text(values, contributorInKindField(index))}
                error={errors[contributorInKindField(index)]}
              />
            ) : null}
          </Fieldset>
        );
      })}
      {rows === MAX_CONTRIBUTOR_ROWS ? (
        <InsetText>This page takes up to {MAX_CONTRIBUTOR_ROWS} rows here. Contact MOPAC if the project has more.</InsetText>
      ) : null}
    </>
  );
}

export function PartnersForm(props: SectionFormProps) {
  return (
    <>
      <p className="govuk-body">
        This section is optional. Each list ends with a blank row for one more: fill it in and save to add another. To remove one,
        clear all of its fields. Leave amounts blank for years with none.
      </p>
      <h2 className="govuk-heading-m">Partners’ contributions</h2>
      <p className="govuk-hint">Money or resources that partners other than the council put into the project.</p>
      <ContributorRows kind="partner" {...props} />
      <h2 className="govuk-heading-m">Voluntary and community sector organisations</h2>
      <p className="govuk-hint">
        Organisations from the voluntary and community sector that will deliver the project, and what they receive each year.
        MOPAC asks for this to guard against double funding with its pan-London contracts.
      </p>
      <ContributorRows kind="vcs" {...props} />
    </>
  );
}
