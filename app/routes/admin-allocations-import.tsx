import { getFormProps } from "@conform-to/react";
import { Form, redirect, useActionData } from "react-router";
import { requireRound } from "~/auth/admin.server";
import { checkImportFile, savePendingImport } from "~/data/allocations.server";
import { db } from "~/db.server";
import { IMPORT_FIELD_ORDER, importUploadSchema } from "~/forms/allocations";
import { parseForm, refuse, replyTo } from "~/forms/common";
import { BackLink, Button, ErrorSummary } from "~/ui";
import { pageTitle } from "~/ui/page-title";
import { cx, firstError } from "~/ui/parts";
import { useGovukForm } from "~/ui/use-govuk-form";
import type { Route } from "./+types/admin-allocations-import";

export async function loader({ request, params }: Route.LoaderArgs) {
  const { round } = await requireRound(request, params.roundId);
  return { round: { id: round.id, name: round.name, years: round.years.map((y) => y.label) } };
}

/**
 * The upload: the file is read and checked at once, and kept (as checked rows) for its preview, so the
 * preview and its confirmation need no JavaScript and the file is not sent twice.
 */
export async function action({ request, params }: Route.ActionArgs) {
  const { round, user } = await requireRound(request, params.roundId);
  const submission = parseForm(await request.formData(), { schema: importUploadSchema });
  if (submission.status !== "success") return replyTo(submission);
  const file = submission.value.file;
  const text = await file.text();
  // A file saved in a legacy encoding (Excel's "CSV" rather than "CSV UTF-8") turns "£" into this.
  if (text.includes("\uFFFD"))
    return refuse(submission, {
      field: "file",
      message: "The file is not UTF-8 text: in Excel, save it as “CSV UTF-8 (comma delimited)”",
    });
  const checked = await checkImportFile(db(), round.id, text);
  if (!checked.ok) return refuse(submission, { field: "file", message: checked.message });
  const importId = await savePendingImport(db(), {
    roundId: round.id,
    userId: user.id,
    fileName: file.name.slice(0, 200),
    rows: checked.rows,
  });
  throw redirect(`/admin/rounds/${round.id}/allocations/import/${importId}`);
}

export default function ImportAllocations({ loaderData }: Route.ComponentProps) {
  const { round } = loaderData;
  const lastResult = useActionData<typeof action>();
  const { form, errors, summary } = useGovukForm({
    schema: importUploadSchema,
    fieldOrder: IMPORT_FIELD_ORDER,
    defaults: {},
    lastResult,
  });
  const message = firstError(errors.file);
  return (
    <div className="govuk-grid-row">
      <title>{pageTitle("Import allocations", summary.length > 0)}</title>
      <div className="govuk-grid-column-two-thirds">
        <BackLink href={`/admin/rounds/${round.id}/allocations`}>Back to the allocations</BackLink>
        <ErrorSummary errors={summary} />
        <span className="govuk-caption-l">{round.name}</span>
        <h1 className="govuk-heading-l">Import allocations from a CSV file</h1>
        <p className="govuk-body">
          The file needs a heading row, then one row per borough per year, with these columns:
        </p>
        <ul className="govuk-list govuk-list--bullet">
          <li>“Organisation”: the borough’s name or GSS code, like Newham or E09000025</li>
          <li>“Year”: one of this round’s financial years ({round.years.join(", ")})</li>
          <li>“Amount”: the allocation in pounds, like 644,000 or 644000.00</li>
          <li>“Uplift” (optional): the part of the amount that is an uplift</li>
          <li>“Note” (optional): a note such as “indicative”, which also marks the figure as indicative</li>
          <li>“Indicative” (optional): yes or no</li>
        </ul>
        <p className="govuk-body">
          You will see every row and its problems before anything changes. A file with any problem changes nothing.
        </p>
        <Form method="post" encType="multipart/form-data" {...getFormProps(form)} key={form.key}>
          <div className={cx("govuk-form-group", message && "govuk-form-group--error")}>
            <label className="govuk-label govuk-label--s" htmlFor="file">
              CSV file of allocations
            </label>
            {message ? (
              <p className="govuk-error-message" id="file-error">
                <span className="govuk-visually-hidden">Error:</span> {message}
              </p>
            ) : null}
            <input
              className={cx("govuk-file-upload", message && "govuk-file-upload--error")}
              id="file"
              name="file"
              type="file"
              accept=".csv,text/csv"
              aria-describedby={message ? "file-error" : undefined}
            />
          </div>
          <Button type="submit">Check the file</Button>
        </Form>
      </div>
    </div>
  );
}
