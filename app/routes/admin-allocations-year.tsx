import { getFormProps } from "@conform-to/react";
import { Form, useActionData } from "react-router";
import { requireRound } from "~/auth/admin.server";
import { redirectWithMessage } from "~/auth/flash.server";
import { notFound } from "~/auth/guard.server";
import { allocationTable, saveYearAllocations } from "~/data/allocations.server";
import { db } from "~/db.server";
import { formatMoneyForInput } from "~/domain/money";
import { allocationField, yearAllocationsSchema } from "~/forms/allocations";
import { parseForm, replyTo } from "~/forms/common";
import { BackLink, Button, ErrorSummary } from "~/ui";
import { fieldId } from "~/ui/form-errors";
import { pageTitle } from "~/ui/page-title";
import { cx, firstError } from "~/ui/parts";
import { text, useGovukForm } from "~/ui/use-govuk-form";
import { parseId } from "~/server/ids";
import type { Route } from "./+types/admin-allocations-year";

async function load(request: Request, params: { roundId?: string; yearId?: string }) {
  const { round, user } = await requireRound(request, params.roundId);
  const yearId = parseId(params.yearId);
  const year = round.years.find((y) => y.id === yearId);
  if (!year) throw notFound();
  const table = await allocationTable(db(), round.id);
  const boroughs = table.boroughs.map((b) => ({
    id: b.id,
    name: b.name,
    hasAllocation: table.cells[`${b.id}:${year.id}`] !== undefined,
  }));
  return { round, user, year, boroughs, cells: table.cells };
}

export async function loader({ request, params }: Route.LoaderArgs) {
  const { round, year, boroughs, cells } = await load(request, params);
  const defaults: Record<string, string | undefined> = {};
  for (const b of boroughs) {
    const cell = cells[`${b.id}:${year.id}`];
    if (!cell) continue;
    defaults[allocationField("amount", b.id)] = formatMoneyForInput(cell.amountPence);
    defaults[allocationField("uplift", b.id)] =
      cell.upliftPence === null ? undefined : formatMoneyForInput(cell.upliftPence);
    defaults[allocationField("note", b.id)] = cell.note ?? undefined;
    defaults[allocationField("indicative", b.id)] = cell.indicative ? "yes" : undefined;
  }
  return { round: { id: round.id, name: round.name }, year, boroughs, defaults };
}

export async function action({ request, params }: Route.ActionArgs) {
  const { round, user, year, boroughs } = await load(request, params);
  const submission = parseForm(await request.formData(), { schema: yearAllocationsSchema(boroughs) });
  if (submission.status !== "success") return replyTo(submission);
  const result = await saveYearAllocations(
    db(),
    submission.value.map((row) => ({
      organisationId: row.boroughId,
      financialYearId: year.id,
      amountPence: row.amountPence,
      upliftPence: row.upliftPence,
      note: row.note,
      indicative: row.indicative,
    })),
    user.id,
  );
  const changed = result.created + result.changed;
  throw await redirectWithMessage(
    request,
    `/admin/rounds/${round.id}/allocations`,
    changed === 0
      ? `No ${year.label} allocation changed`
      : `${changed} ${year.label} allocation${changed === 1 ? "" : "s"} saved`,
  );
}

export default function YearAllocations({ loaderData }: Route.ComponentProps) {
  const { round, year, boroughs, defaults } = loaderData;
  const lastResult = useActionData<typeof action>();
  const fieldOrder = boroughs.flatMap((b) => [
    allocationField("amount", b.id),
    allocationField("uplift", b.id),
    allocationField("note", b.id),
  ]);
  const { form, values, errors, summary } = useGovukForm({
    schema: yearAllocationsSchema(boroughs),
    fieldOrder,
    defaults,
    lastResult,
  });
  const input = (name: string, label: string, className: string, inputMode?: "decimal") => {
    const message = firstError(errors[name]);
    const id = fieldId(name);
    return (
      <div className={cx("govuk-form-group govuk-!-margin-bottom-0", message && "govuk-form-group--error")}>
        <label className="govuk-label govuk-visually-hidden" htmlFor={id}>
          {label}
        </label>
        {message ? (
          <p className="govuk-error-message" id={`${id}-error`}>
            <span className="govuk-visually-hidden">Error:</span> {message}
          </p>
        ) : null}
        <input
          className={cx("govuk-input", className, message && "govuk-input--error")}
          id={id}
          name={name}
          type="text"
          inputMode={inputMode}
          spellCheck={false}
          defaultValue={text(values, name)}
          aria-describedby={message ? `${id}-error` : undefined}
        />
      </div>
    );
  };
  return (
    <>
      <title>{pageTitle(`${year.label} allocations`, summary.length > 0)}</title>
      <BackLink href={`/admin/rounds/${round.id}/allocations`}>Back to the allocations</BackLink>
      <ErrorSummary errors={summary} />
      <span className="govuk-caption-l">{round.name}</span>
      <h1 className="govuk-heading-l">{year.label} allocations</h1>
      <p className="govuk-body">
        Enter each borough’s allocation in pounds, before the split. The uplift is the part of the allocation that is an
        uplift, if any. Leave a borough blank if its allocation is not set yet.
      </p>
      <Form method="post" {...getFormProps(form)} key={form.key}>
        <div
          className="app-table-scroll"
          role="region"
          aria-label={`${year.label} allocations, scrolls sideways`}
          // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a region that scrolls must be reachable by keyboard (axe: scrollable-region-focusable)
          tabIndex={0}
        >
          <table className="govuk-table">
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header">
                  Borough
                </th>
                <th scope="col" className="govuk-table__header">
                  Allocation (£)
                </th>
                <th scope="col" className="govuk-table__header">
                  Uplift within it (£, optional)
                </th>
                <th scope="col" className="govuk-table__header">
                  Note (optional)
                </th>
                <th scope="col" className="govuk-table__header">
                  Indicative
                </th>
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {boroughs.map((b) => {
                const indicative = allocationField("indicative", b.id);
                return (
                  <tr className="govuk-table__row" key={b.id}>
                    <th scope="row" className="govuk-table__header">
                      {b.name}
                    </th>
                    <td className="govuk-table__cell">
                      {input(
                        allocationField("amount", b.id),
                        `${b.name}: allocation in pounds`,
                        "govuk-input--width-10",
                        "decimal",
                      )}
                    </td>
                    <td className="govuk-table__cell">
                      {input(
                        allocationField("uplift", b.id),
                        `${b.name}: uplift in pounds`,
                        "govuk-input--width-10",
                        "decimal",
                      )}
                    </td>
                    <td className="govuk-table__cell">
                      {input(allocationField("note", b.id), `${b.name}: note`, "govuk-input--width-20")}
                    </td>
                    <td className="govuk-table__cell">
                      <div className="govuk-checkboxes govuk-checkboxes--small">
                        <div className="govuk-checkboxes__item">
                          <input
                            className="govuk-checkboxes__input"
                            id={indicative}
                            name={indicative}
                            type="checkbox"
                            value="yes"
                            defaultChecked={text(values, indicative) === "yes"}
                          />
                          <label className="govuk-label govuk-checkboxes__label" htmlFor={indicative}>
                            <span className="govuk-visually-hidden">{b.name}: </span>Indicative
                          </label>
                        </div>
                      </div>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        <Button type="submit">Save the {year.label} allocations</Button>
      </Form>
    </>
  );
}
