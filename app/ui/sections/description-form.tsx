import { fieldQuestion, LIMITS } from "~/domain/project-fields";
import { Radios } from "../radios";
import { Textarea } from "../textarea";
import { text, type SectionFormProps } from "./types";

export function DescriptionForm({ values, errors }: SectionFormProps) {
  return (
    <>
      <Textarea
        name="description"
        label={fieldQuestion("description")}
        labelSize="s"
        hint="Include a breakdown of spend, the outputs and the activities"
        rows={10}
        maxLength={LIMITS.description}
        defaultValue={text(values, "description")}
        error={errors.description}
      />
      <Textarea
        name="aims"
        label={fieldQuestion("aims")}
        labelSize="s"
        maxLength={LIMITS.aims}
        defaultValue={text(values, "aims")}
        error={errors.aims}
      />
      <Textarea
        name="outcomes"
        label={fieldQuestion("outcomes")}
        labelSize="s"
        hint="Specific, measurable, achievable, realistic and timed. MOPAC uses these for annual performance monitoring."
        rows={8}
        maxLength={LIMITS.outcomes}
        defaultValue={text(values, "outcomes")}
        error={errors.outcomes}
      />
      {/* Not inline: GOV.UK does not reveal follow-up questions beneath inline radios. */}
      <Radios
        name="worksWithOtherAuthorities"
        label={fieldQuestion("otherAuthorities")}
        labelSize="s"
        items={[
          {
            value: "yes",
            label: "Yes",
            conditional: (
              <Textarea
                name="otherAuthorities"
                label="Which local authorities?"
                rows={3}
                maxLength={LIMITS.otherAuthorities}
                defaultValue={text(values, "otherAuthorities")}
                error={errors.otherAuthorities}
              />
            ),
          },
          { value: "no", label: "No" },
        ]}
        defaultValue={text(values, "worksWithOtherAuthorities")}
        error={errors.worksWithOtherAuthorities}
      />
    </>
  );
}
