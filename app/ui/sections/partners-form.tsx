import type { FormMetadata } from "@conform-to/react";
import { LIMITS } from "~/domain/project-fields";
import {
  amountKey,
  CONTRIBUTOR_GROUPS,
  itemField,
  MAX_CONTRIBUTORS,
  type ContributorKind,
} from "~/forms/sections/partners";
import { LIST_INTENT, listIntent } from "~/forms/common";
import { Button } from "../button";
import { ErrorMessage } from "../parts";
import { Fieldset } from "../fieldset";
import { fieldId } from "../form-errors";
import { MoneyInput, TextInput } from "../text-input";
import { Textarea } from "../textarea";
import type { FormShape } from "../use-govuk-form";
import { text, type SectionFormProps } from "./types";

/**
 * The rows of one list and the key React gives each. With conform's form, its keys: they move with a
 * row when another is removed, so what was typed stays in the right row. Without one (a test render),
 * the row's position.
 */
function rowsOf(
  values: FormShape,
  list: string,
  form: FormMetadata<FormShape> | undefined,
): { key: string; item: FormShape }[] {
  const saved = values[list];
  const items = Array.isArray(saved) ? (saved as (FormShape | string | undefined)[]) : [];
  const asItem = (item: FormShape | string | undefined): FormShape => (item && typeof item === "object" ? item : {});
  if (!form) return items.map((item, index) => ({ key: String(index), item: asItem(item) }));
  const fields = form.getFieldset()[list];
  const metadata = fields
    ? (fields as unknown as { getFieldList: () => { key: string | undefined }[] }).getFieldList()
    : [];
  return metadata.map((field, index) => ({ key: field.key ?? String(index), item: asItem(items[index]) }));
}

/**
 * A list in the GOV.UK "add another" pattern: each row a fieldset with its own Remove button, then
 * "Add another". The buttons post conform's list intents, so they work as plain form posts without
 * JavaScript and in place with it.
 */
function ContributorList({ kind, values, errors, ctx, form }: SectionFormProps & { kind: ContributorKind }) {
  const { list, noun, hasInKind } = CONTRIBUTOR_GROUPS[kind];
  const rows = rowsOf(values, list, form);
  const lower = noun.toLowerCase();
  return (
    <div id={list} className={errors[list] ? "govuk-form-group govuk-form-group--error" : undefined}>
      {errors[list] ? <ErrorMessage id={`${list}-error`}>{errors[list]![0]}</ErrorMessage> : null}
      {rows.map(({ key, item }, index) => {
        const name = itemField(kind, index, "name");
        const inKind = itemField(kind, index, "inKind");
        return (
          <Fieldset key={key} legend={`${noun} ${index + 1}`} legendSize="s" className="govuk-!-margin-bottom-6">
            <TextInput
              name={name}
              id={fieldId(name)}
              label="Name"
              defaultValue={text(item, "name")}
              error={errors[name]}
            />
            {ctx.years.map((year) => {
              const amount = itemField(kind, index, amountKey(year.financialYearId));
              return (
                <MoneyInput
                  key={amount}
                  name={amount}
                  id={fieldId(amount)}
                  label={`Amount in ${year.label}`}
                  defaultValue={text(item, amountKey(year.financialYearId))}
                  error={errors[amount]}
                />
              );
            })}
            {hasInKind ? (
              <Textarea
                name={inKind}
                id={fieldId(inKind)}
                label="In-kind contribution (optional)"
                hint="For example staff time, premises or equipment"
                rows={2}
                maxLength={LIMITS.inKind}
                defaultValue={text(item, "inKind")}
                error={errors[inKind]}
              />
            ) : null}
            <Button variant="secondary" name={LIST_INTENT} value={listIntent({ type: "remove", name: list, index })}>
              Remove
              <span className="govuk-visually-hidden">
                {" "}
                {lower} {index + 1}
              </span>
            </Button>
          </Fieldset>
        );
      })}
      <Button variant="secondary" name={LIST_INTENT} value={listIntent({ type: "insert", name: list })}>
        {rows.length === 0 ? `Add ${kind === "partner" ? "a partner" : "an organisation"}` : `Add another ${lower}`}
      </Button>
    </div>
  );
}

export function PartnersForm(props: SectionFormProps) {
  return (
    <>
      <p className="govuk-body">
        This section is optional. Leave amounts blank for years with none. Rows left blank are not saved. A project can
        list up to {MAX_CONTRIBUTORS} of each.
      </p>
      <h2 className="govuk-heading-m">Partners’ contributions</h2>
      <p className="govuk-hint">Money or resources that partners other than the council put into the project.</p>
      <ContributorList kind="partner" {...props} />
      <h2 className="govuk-heading-m">Voluntary and community sector organisations</h2>
      <p className="govuk-hint">
        Organisations from the voluntary and community sector that will deliver the project, and what they receive each
        year. MOPAC asks for this to guard against double funding with its pan-London contracts.
      </p>
      <ContributorList kind="vcs" {...props} />
    </>
  );
}
