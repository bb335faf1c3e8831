import { fieldQuestion, LIMITS, PROJECT_CATEGORIES } from "~/domain/project-fields";
import { Checkboxes } from "../checkboxes";
import { Radios } from "../radios";
import { Select } from "../select";
import { TextInput } from "../text-input";
import { list, text, type SectionFormProps } from "./types";

export function DetailsForm({ values, errors, ctx }: SectionFormProps) {
  return (
    <>
      <TextInput
        name="title"
        label={fieldQuestion("title")}
        labelSize="s"
        hint={`A short name MOPAC will recognise, unique within this proposal (up to ${LIMITS.title} characters)`}
        defaultValue={text(values, "title")}
        error={errors.title}
      />
      <Radios
        name="primaryPriority"
        label={fieldQuestion("primaryPriority")}
        labelSize="s"
        hint="Totals count each project under this priority"
        items={ctx.priorities.map((p) => ({ value: String(p.id), label: p.name }))}
        defaultValue={text(values, "primaryPriority")}
        error={errors.primaryPriority}
      />
      <Select
        name="secondaryPriority"
        label={fieldQuestion("secondaryPriority")}
        labelSize="s"
        items={[{ value: "", text: "None" }, ...ctx.priorities.map((p) => ({ value: String(p.id), text: p.name }))]}
        defaultValue={text(values, "secondaryPriority") ?? ""}
        error={errors.secondaryPriority}
      />
      <Checkboxes
        name="categories"
        label={fieldQuestion("categories")}
        labelSize="s"
        hint="Choose one, two or three"
        small
        items={PROJECT_CATEGORIES.map((c) => ({ value: c.value, label: c.label }))}
        defaultValue={list(values, "categories")}
        error={errors.categories}
      />
    </>
  );
}
