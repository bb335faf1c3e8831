import { Form, useActionData } from "react-router";
import { requireRound } from "~/auth/admin.server";
import { redirectWithMessage } from "~/auth/flash.server";
import { notFound } from "~/auth/guard.server";
import { allocationTable, confirmPendingImport, findPendingImport } from "~/data/allocations.server";
import { db } from "~/db.server";
import { formatPounds } from "~/domain/money";
import { confirmImportSchema } from "~/forms/allocations";
import { parseForm, refuse, replyTo } from "~/forms/common";
import { BackLink, Button, ErrorSummary, Tag } from "~/ui";
import { pageTitle } from "~/ui/page-title";
import { parseId } from "~/server/ids";
import type { Route } from "./+types/admin-allocations-preview";

async function load(request: Request, params: { roundId?: string; importId?: string }) {
  const { round, user } = await requireRound(request, params.roundId);
  const importId = parseId(params.importId);
  const pending = importId === null ? undefined : await findPendingImport(db(), importId, round.id, user.id);
  if (!pending) throw notFound();
  return { round, user, pending };
}

export async function loader({ request, params }: Route.LoaderArgs) {
  const { round, pending } = await load(request, params);
  const { cells } = await allocationTable(db(), round.id);
  const rows = pending.rows.map((row) => {
    const current =
      row.organisationId && row.financialYearId ? cells[`${row.organisationId}:${row.financialYearId}`] : undefined;
    const change =
      row.problems.length > 0 || row.amountPence === null
        ? null
        : !current
          ? "New"
          : current.amountPence === row.amountPence &&
              current.upliftPence === row.upliftPence &&
              (current.note ?? "") === row.note &&
              current.indicative === row.indicative
            ? "No change"
            : `Changes from ${formatPounds(current.amountPence)}`;
    return { ...row, change };
  });
  return {
    round: { id: round.id, name: round.name },
    importId: pending.id,
    fileName: pending.fileName,
    applied: pending.appliedAt !== null,
    rows,
    errorCount: rows.filter((r) => r.problems.length > 0).length,
  };
}

export async function action({ request, params }: Route.ActionArgs) {
  const { round, user, pending } = await load(request, params);
  const submission = parseForm(await request.formData(), { schema: confirmImportSchema });
  if (submission.status !== "success") return replyTo(submission);
  const outcome = await confirmPendingImport(db(), pending, round.id, user.id);
  if (!outcome.ok) return refuse(submission, { message: outcome.message }, 409);
  const { created, changed, unchanged } = outcome.result;
  throw await redirectWithMessage(
    request,
    `/admin/rounds/${round.id}/allocations`,
    `Allocations imported from ${pending.fileName}: ${created} new, ${changed} changed, ${unchanged} unchanged`,
  );
}

export default function ImportPreview({ loaderData }: Route.ComponentProps) {
  const { round, fileName, applied, rows, errorCount } = loaderData;
  const answer = useActionData<typeof action>();
  const refusal = answer?.error?.[""]?.[0];
  const problems = rows
    .filter((r) => r.problems.length > 0)
    .map((r) => ({ href: `#line-${r.line}`, message: `Line ${r.line}: ${r.problems.join("; ")}` }));
  const summary = refusal ? [{ href: "#rows", message: refusal }] : problems;
  const base = `/admin/rounds/${round.id}/allocations`;
  return (
    <>
      <title>{pageTitle(`Check the allocations in ${fileName}`, summary.length > 0)}</title>
      <BackLink href={`${base}/import`}>Back to the upload</BackLink>
      <ErrorSummary
        errors={summary}
        title={
          errorCount > 0
            ? `${errorCount} row${errorCount === 1 ? " has a problem" : "s have problems"}: nothing has been imported`
            : undefined
        }
      />
      <span className="govuk-caption-l">{round.name}</span>
      <h1 className="govuk-heading-l">Check the allocations in {fileName}</h1>
      {applied ? (
        <p className="govuk-body" data-testid="import-status">
          This file has been imported.{" "}
          <a className="govuk-link" href={base}>
            See the allocations
          </a>
          .
        </p>
      ) : errorCount > 0 ? (
        <p className="govuk-body" data-testid="import-status">
          Fix the rows with problems in the file and upload it again. Nothing changes until the whole file is right.
        </p>
      ) : (
        <p className="govuk-body" data-testid="import-status">
          {rows.length} row{rows.length === 1 ? "" : "s"}, no problems. Nothing has changed yet: check the rows, then
          confirm.
        </p>
      )}
      {/* eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a region that scrolls must be reachable by keyboard (axe: scrollable-region-focusable) */}
      <div className="app-table-scroll" role="region" aria-labelledby="rows-caption" tabIndex={0} id="rows">
        <table className="govuk-table" data-testid="import-rows">
          <caption className="govuk-table__caption govuk-table__caption--s" id="rows-caption">
            Every row of the file
          </caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              {["Line", "Borough", "Year", "Amount", "Uplift", "Note", "Indicative", "Result"].map((h) => (
                <th key={h} scope="col" className="govuk-table__header">
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {rows.map((row) => (
              <tr className="govuk-table__row" key={row.line} id={`line-${row.line}`}>
                <th scope="row" className="govuk-table__header">
                  {row.line}
                </th>
                <td className="govuk-table__cell">{row.organisationName ?? row.organisation}</td>
                <td className="govuk-table__cell">{row.year}</td>
                <td className="govuk-table__cell">
                  {row.amountPence === null ? row.amount : formatPounds(row.amountPence)}
                </td>
                <td className="govuk-table__cell">
                  {row.upliftPence === null ? row.uplift : formatPounds(row.upliftPence)}
                </td>
                <td className="govuk-table__cell">{row.note}</td>
                <td className="govuk-table__cell">{row.indicative ? "Yes" : "No"}</td>
                <td className="govuk-table__cell">
                  {row.problems.length > 0 ? (
                    <>
                      <Tag colour="red">Problem</Tag>
                      <ul className="govuk-list govuk-!-font-size-16 govuk-!-margin-top-1 govuk-!-margin-bottom-0">
                        {row.problems.map((problem) => (
                          <li key={problem}>{problem}</li>
                        ))}
                      </ul>
                    </>
                  ) : (
                    row.change
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {!applied && errorCount === 0 ? (
        <Form method="post">
          <Button type="submit" name="intent" value="confirm">
            Confirm: import {rows.length} allocation{rows.length === 1 ? "" : "s"}
          </Button>
        </Form>
      ) : null}
      <p className="govuk-body">
        <a className="govuk-link" href={base}>
          {applied ? "Back to the allocations" : "Cancel: import nothing"}
        </a>
      </p>
    </>
  );
}
