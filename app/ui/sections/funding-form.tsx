import { useEffect, useRef, useState, type FormEvent } from "react";
import { formatPounds, parseMoney } from "~/domain/money";
import { fieldQuestion, LIMITS, yearFieldLabel } from "~/domain/project-fields";
import {
  coCommissioningPotWording,
  replanProjectSpend,
  type ProposalYearFigures,
  type ReplannedSpend,
  type ReplannedYear,
} from "~/domain/proposal-checks";
import { laCashField, lcpfField } from "~/forms/sections/funding";
import { Checkboxes } from "../checkboxes";
import { Fieldset } from "../fieldset";
import { Hint } from "../parts";
import { Table, type TableCell } from "../table";
import { MoneyInput } from "../text-input";
import { Textarea } from "../textarea";
import { list, text, type SectionFormProps } from "./types";

/** One year of the live totals: where the proposal would stand if this project's LCPF spend were saved as typed. */
export type FundingYearTotal = Pick<
  ReplannedYear,
  | "financialYearId"
  | "label"
  | "directPence"
  | "carriedInPence"
  | "otherProjectsPence"
  | "thisProject"
  | "assessable"
  | "remainingPence"
  | "overByPence"
>;

/**
 * The proposal's years with this project's saved LCPF spend replaced by what is typed (`typed`, by
 * financial year id; null means use the saved figures). The domain's replanProjectSpend does the sums
 * with the overview's own envelope; this only reads what was typed.
 */
export function fundingYearTotals(
  years: readonly ProposalYearFigures[],
  savedCosts: readonly { financialYearId: number; lcpfPence: number }[],
  typed: Readonly<Record<number, string | undefined>> | null,
): FundingYearTotal[] {
  const replacement: Record<number, ReplannedSpend> = {};
  if (typed !== null)
    for (const year of years) replacement[year.financialYearId] = typedSpend(typed[year.financialYearId] ?? "");
  return replanProjectSpend(years, savedCosts, replacement);
}

function typedSpend(typed: string): ReplannedSpend {
  // Blank means £0, as the form reads it.
  if (typed.trim() === "") return { valid: true, pence: 0 };
  const parsed = parseMoney(typed);
  return parsed.ok ? { valid: true, pence: parsed.pence } : { valid: false };
}

const amount = (pence: number | null): TableCell => ({
  content: pence === null ? "Not set yet" : formatPounds(pence),
  format: "numeric",
});

export function FundingTotals({ totals, live }: { totals: readonly FundingYearTotal[]; live: boolean }) {
  const row = (label: string, cell: (year: FundingYearTotal) => TableCell): TableCell[] => [label, ...totals.map(cell)];
  return (
    <div className="govuk-inset-text" id="funding-totals">
      <h2 className="govuk-heading-s">How this fits the borough’s direct funding</h2>
      <p className="govuk-body-s">
        {live
          ? "These figures change as you type. Nothing is saved until you save this page."
          : "These are the figures as last saved. They update after you save."}
      </p>
      <div aria-live="polite">
        <Table
          caption="LCPF spend against direct funding"
          captionSize="s"
          firstCellIsHeader
          head={["", ...totals.map((year) => ({ content: year.label, format: "numeric" as const }))]}
          rows={[
            row("Direct borough funding", (year) => amount(year.directPence)),
            row("Carried in from the year before", (year) => amount(year.carriedInPence)),
            row("Other projects", (year) => amount(year.otherProjectsPence)),
            row("This project", (year) =>
              year.thisProject.valid
                ? amount(year.thisProject.pence)
                : { content: "Not a valid amount", format: "numeric" },
            ),
            row("Remaining or over", (year) => ({
              content: !year.assessable ? (
                "Cannot check until the allocation is set"
              ) : year.overByPence > 0 ? (
                <strong className="app-text-over">Over by {formatPounds(year.overByPence)}</strong>
              ) : (
                `${formatPounds(year.remainingPence)} remaining`
              ),
              format: "numeric",
            })),
          ]}
        />
      </div>
      <p className="govuk-body-s">
        What a year leaves unplanned carries into the next year of the same period, never back to an earlier year.
      </p>
    </div>
  );
}

export function FundingForm({ values, errors, ctx, project, years }: SectionFormProps) {
  const wrapper = useRef<HTMLDivElement>(null);
  // null until the page runs JavaScript: the server, and a browser without it, show the saved figures.
  const [typed, setTyped] = useState<Record<number, string> | null>(null);

  useEffect(() => {
    // Start from what the inputs hold now: the browser may have restored text, or the officer typed before hydration.
    const read: Record<number, string> = {};
    for (const year of ctx.years) {
      const input = wrapper.current?.querySelector<HTMLInputElement>(
        `input[name="${lcpfField(year.financialYearId)}"]`,
      );
      read[year.financialYearId] = input?.value ?? "";
    }
    setTyped(read);
  }, [ctx.years]);

  // The inputs stay uncontrolled (posts without JavaScript, conform resets them); typing is only listened to.
  const onInput = (event: FormEvent<HTMLDivElement>) => {
    const input = event.target;
    if (!(input instanceof HTMLInputElement)) return;
    const year = ctx.years.find((y) => lcpfField(y.financialYearId) === input.name);
    if (!year) return;
    setTyped((current) => ({ ...current, [year.financialYearId]: input.value }));
  };

  const totals = fundingYearTotals(years, project?.costs ?? [], typed);
  // The round's split, in words, from the same figures the overview shows.
  const pot = coCommissioningPotWording(years);

  return (
    <div ref={wrapper} onInput={onInput}>
      <Fieldset legend="LCPF spend" legendSize="m" describedBy="lcpf-spend-hint" role="group">
        <Hint id="lcpf-spend-hint">
          What the project will spend from the LCPF each year. Leave a year blank if it spends nothing that year.
        </Hint>
        {ctx.years.map((year) => {
          const name = lcpfField(year.financialYearId);
          return (
            <MoneyInput
              key={name}
              name={name}
              label={yearFieldLabel("lcpfSpend", year.label)}
              defaultValue={text(values, name)}
              error={errors[name]}
            />
          );
        })}
      </Fieldset>
      {totals.length > 0 ? <FundingTotals totals={totals} live={typed !== null} /> : null}
      <Fieldset legend="Match funding from the council" legendSize="m" describedBy="council-match-hint" role="group">
        <Hint id="council-match-hint">
          Money and resources the council puts into the project alongside the LCPF. Leave blank if there are none.
        </Hint>
        {ctx.years.map((year) => {
          const name = laCashField(year.financialYearId);
          return (
            <MoneyInput
              key={name}
              name={name}
              label={yearFieldLabel("laCash", year.label)}
              defaultValue={text(values, name)}
              error={errors[name]}
            />
          );
        })}
        <Textarea
          name="laInKind"
          label={fieldQuestion("laInKind")}
          hint="For example staff time, premises or equipment"
          rows={3}
          maxLength={LIMITS.inKind}
          defaultValue={text(values, "laInKind")}
          error={errors.laInKind}
        />
      </Fieldset>
      <Checkboxes
        name="coCommissioningCandidate"
        label="Co-commissioning"
        labelSize="m"
        items={[
          {
            value: "yes",
            label: fieldQuestion("coCommissioning"),
            hint: `${pot ? `${pot}. ` : ""}Tick this if the project could be commissioned with other boroughs: the proposal shows the candidates’ total against the co-commissioning pot.`,
          },
        ]}
        defaultValue={list(values, "coCommissioningCandidate")}
        error={errors.coCommissioningCandidate}
      />
    </div>
  );
}
