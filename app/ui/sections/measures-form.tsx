import { measureGroups } from "~/forms/sections/measures";
import { Checkboxes } from "../checkboxes";
import { list, type SectionFormProps } from "./types";

/**
 * Every group posts as `measures`, but ids must differ: the first group keeps the id `measures`, so the
 * error summary's `#measures` lands on its first box; the others get ids no numbered box can take
 * (the first group's boxes are `measures`, `measures-2`, `measures-3`...).
 */
export function measureGroupId(index: number): string {
  return index === 0 ? "measures" : `measures-group-${index + 1}`;
}

export function MeasuresForm({ values, errors, ctx }: SectionFormProps) {
  const chosen = list(values, "measures");
  return (
    <>
      <p className="govuk-body">Choose every measure of success the project contributes to.</p>
      {measureGroups(ctx.measures).map((group, index) => {
        const allMandatory = group.measures.every((m) => m.mandatory);
        return (
          <Checkboxes
            key={group.name}
            name="measures"
            id={measureGroupId(index)}
            label={group.name}
            labelSize="m"
            hint={allMandatory ? "London-wide measures (mandatory)" : undefined}
            small
            items={group.measures.map((m) => ({
              value: String(m.id),
              label: m.name,
              // Marked one by one only where a group mixes mandatory and local measures.
              hint: m.mandatory && !allMandatory ? "London-wide measure (mandatory)" : undefined,
            }))}
            defaultValue={chosen}
            error={index === 0 ? errors.measures : undefined}
          />
        );
      })}
      {ctx.localPriorities && ctx.localPriorities.length > 0 ? (
        <Checkboxes
          name="localPriorities"
          label="Your borough’s local priorities"
          labelSize="m"
          hint="The local priorities agreed between MOPAC, the council and the police."
          small
          items={ctx.localPriorities.map((p) => ({
            value: String(p.id),
            // A joint proposal offers every member borough's, so each says whose it is.
            label: boroughsOf(ctx.localPriorities!).length > 1 ? `${p.name} (${p.boroughName})` : p.name,
          }))}
          defaultValue={list(values, "localPriorities")}
          error={errors.localPriorities}
        />
      ) : null}
    </>
  );
}

function boroughsOf(priorities: readonly { boroughName: string }[]): string[] {
  return [...new Set(priorities.map((p) => p.boroughName))];
}
