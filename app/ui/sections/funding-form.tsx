import { useEffect, useRef, useState, type FormEvent } from "react";
import { assessEnvelope } from "~/domain/envelope";
import { formatPounds, parseMoney } from "~/domain/money";
import { fieldQuestion, LIMITS, yearFieldLabel } from "~/domain/project-fields";
import type { ProposalYearFigures } from "~/domain/proposal-checks";
import { laCashField, lcpfField } from "~/forms/sections/funding";
import { Checkboxes } from "../checkboxes";
import { Fieldset } from "../fieldset";
import { Hint } from "../parts";
import { Table, type TableCell } from "../table";
import { MoneyInput } from "../text-input";
import { Textarea } from "../textarea";
import { list, text, type SectionFormProps } from "./types";

/** One year of the live totals: where the proposal would stand if this project's LCPF spend were saved as typed. */
export type FundingYearTotal = {
  financialYearId: number;
  label: string;
  /** null while MOPAC has not set the allocation. */
  directPence: number | null;
  carriedInPence: number;
  /** What the proposal's other projects plan for the year, as saved. */
  otherProjectsPence: number;
  /** This project's spend; not counted when what was typed is not an amount. */
  thisProject: { valid: true; pence: number } | { valid: false };
  assessable: boolean;
  remainingPence: number;
  overByPence: number;
};

/**
 * The envelope with this project's saved LCPF spend replaced by what is typed (`typed`, by financial
 * year id; null means use the saved figures). Goes through the same assessEnvelope as the overview, so
 * with nothing changed the figures are the overview's exactly.
 */
export function fundingYearTotals(
  years: readonly ProposalYearFigures[],
  savedCosts: readonly { financialYearId: number; lcpfPence: number }[],
  typed: Readonly<Record<number, string | undefined>> | null,
): FundingYearTotal[] {
  const rows = years.map((year) => {
    const savedPence = savedCosts
      .filter((cost) => cost.financialYearId === year.financialYearId)
      .reduce((sum, cost) => sum + cost.lcpfPence, 0);
    // Never below zero, in case the saved figures were read a moment apart.
    const otherProjectsPence = Math.max(0, year.plannedPence - savedPence);
    const thisProject = typedSpend(typed === null ? null : (typed[year.financialYearId] ?? ""), savedPence);
    return { year, otherProjectsPence, thisProject };
  });
  const envelope = assessEnvelope(
    rows.map(({ year, otherProjectsPence, thisProject }) => ({
      financialYearId: year.financialYearId,
      label: year.label,
      periodId: year.periodId,
      directFundingPence: year.directPence,
      plannedDirectPence: otherProjectsPence + (thisProject.valid ? thisProject.pence : 0),
    })),
  );
  return rows.map(({ year, otherProjectsPence, thisProject }, index) => {
    const assessed = envelope[index];
    if (!assessed) throw new Error("The envelope lost a year");
    return {
      financialYearId: year.financialYearId,
      label: year.label,
      directPence: year.directPence,
      carriedInPence: assessed.carriedInPence,
      otherProjectsPence,
      thisProject,
      assessable: assessed.assessable,
      remainingPence: assessed.remainingPence,
      overByPence: assessed.overByPence,
    };
  });
}

function typedSpend(typed: string | null, savedPence: number): FundingYearTotal["thisProject"] {
  if (typed === null) return { valid: true, pence: savedPence };
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
              year.thisProject.valid ? amount(year.thisProject.pence) : { content: "Not a valid amount", format: "numeric" },
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
      const input = wrapper.current?.querySelector<HTMLInputElement>(`input[name="${lcpfField(year.financialYearId)}"]`);
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
            hint: "From the fund’s second year MOPAC sets aside 30% of each borough’s allocation to commission services with other boroughs. Tick this if the project could be one of them: the proposal shows the candidates’ total against that pot.",
          },
        ]}
        defaultValue={list(values, "coCommissioningCandidate")}
        error={errors.coCommissioningCandidate}
      />
    </div>
  );
}
