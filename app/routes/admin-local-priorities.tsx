import { Form, useActionData } from "react-router";
import { redirectWithMessage } from "~/auth/flash.server";
import { requireUser } from "~/auth/guard.server";
import { localPrioritiesByBorough, saveLocalPriorities } from "~/data/local-priorities.server";
import { db } from "~/db.server";
import {
  LOCAL_PRIORITY_FIELDS,
  LOCAL_PRIORITY_LIMIT,
  localPrioritiesSchema,
  MAX_LOCAL_PRIORITIES,
  MIN_LOCAL_PRIORITIES,
} from "~/forms/admin-partnerships";
import { parseForm, refuse, replyTo } from "~/forms/common";
import { parseId } from "~/server/ids";
import { BackLink, Button, ErrorSummary, Fieldset, Select, Table, TextInput, type TableCell } from "~/ui";
import { FlashBanner } from "~/ui/flash-banner";
import { errorSummaryItems } from "~/ui/form-errors";
import { pageTitle } from "~/ui/page-title";
import type { Route } from "./+types/admin-local-priorities";

export async function loader({ request }: Route.LoaderArgs) {
  await requireUser(request, ["mopac_admin"]);
  const boroughs = await localPrioritiesByBorough(db());
  const chosenId = parseId(new URL(request.url).searchParams.get("borough") ?? undefined);
  return { boroughs, chosen: boroughs.find((b) => b.boroughId === chosenId) ?? null };
}

export async function action({ request }: Route.ActionArgs) {
  await requireUser(request, ["mopac_admin"]);
  const submission = parseForm(await request.formData(), { schema: localPrioritiesSchema });
  if (submission.status !== "success") return replyTo(submission);
  const saved = await saveLocalPriorities(db(), submission.value.boroughId, submission.value.names);
  if (!saved) return refuse(submission, { message: "Choose a borough from the list" });
  throw await redirectWithMessage(request, "/admin/local-priorities", "Local priorities saved");
}

export default function AdminLocalPriorities({ loaderData }: Route.ComponentProps) {
  const { boroughs, chosen } = loaderData;
  const lastResult = useActionData<typeof action>();
  const errors = (lastResult?.error ?? {}) as Record<string, string[] | undefined>;
  const typed = (lastResult?.initialValue ?? null) as Record<string, unknown> | null;
  const summary = errorSummaryItems(errors, LOCAL_PRIORITY_FIELDS);
  const typedBorough = typed && typeof typed["boroughId"] === "string" ? Number(typed["boroughId"]) : null;
  const editing = chosen ?? boroughs.find((b) => b.boroughId === typedBorough) ?? null;
  return (
    <>
      <title>{pageTitle("Local priorities", summary.length > 0)}</title>
      <BackLink href="/admin">Administration</BackLink>
      <FlashBanner />
      <ErrorSummary errors={summary} />
      <h1 className="govuk-heading-l">Local priorities</h1>
      <p className="govuk-body">
        Each borough has {MIN_LOCAL_PRIORITIES} to {MAX_LOCAL_PRIORITIES} local priorities agreed between MOPAC, the
        council and the police. Its projects can name them among their measures of success.
      </p>
      <Form method="get">
        <Select
          name="borough"
          label="Borough"
          labelSize="s"
          defaultValue={editing ? String(editing.boroughId) : ""}
          items={[
            { value: "", text: "Choose a borough" },
            ...boroughs.map((b) => ({ value: String(b.boroughId), text: b.boroughName })),
          ]}
        />
        <Button type="submit" variant="secondary">
          Show its local priorities
        </Button>
      </Form>
      {editing ? (
        <Form method="post" noValidate>
          <input type="hidden" name="boroughId" value={editing.boroughId} />
          <Fieldset legend={`${editing.boroughName}’s local priorities`} legendSize="m">
            {LOCAL_PRIORITY_FIELDS.map((field, index) => (
              <TextInput
                key={`${editing.boroughId}-${field}`}
                name={field}
                label={`Local priority ${index + 1}${index >= MIN_LOCAL_PRIORITIES ? " (optional)" : ""}`}
                hint={index === 0 ? `For example, “Burglary”. Up to ${LOCAL_PRIORITY_LIMIT} characters.` : undefined}
                defaultValue={
                  typed
                    ? typeof typed[field] === "string"
                      ? (typed[field] as string)
                      : ""
                    : (editing.priorities[index]?.name ?? "")
                }
                error={errors[field]}
              />
            ))}
          </Fieldset>
          <Button type="submit">Save local priorities</Button>
        </Form>
      ) : null}
      <Table
        caption="Every borough’s local priorities"
        captionSize="m"
        firstCellIsHeader
        head={["Borough", "Local priorities"]}
        rows={boroughs.map((b): TableCell[] => [
          {
            content: (
              <a className="govuk-link" href={`/admin/local-priorities?borough=${b.boroughId}`}>
                {b.boroughName}
              </a>
            ),
          },
          b.priorities.length === 0 ? "None recorded" : b.priorities.map((p) => p.name).join("; "),
        ])}
      />
    </>
  );
}
