import { Form } from "react-router";
import { ANY_MEMBER, PARTNERSHIP_FIELD_ORDER } from "~/forms/admin-partnerships";
import { Button, Checkboxes, Select, TextInput } from "~/ui";
import { errorSummaryItems } from "~/ui/form-errors";

export type PartnershipFormValues = { name: string; memberIds: string[]; endorsers: string };

type Reply =
  { error?: Record<string, string[] | null> | null; initialValue?: Record<string, unknown> | null } | undefined;

/** What a refused post typed, or the saved values: never lose what the admin chose. */
export function partnershipFormState(lastResult: Reply, saved: PartnershipFormValues) {
  const errors = (lastResult?.error ?? {}) as Record<string, string[] | undefined>;
  const typed = lastResult?.initialValue;
  const members = typed?.["memberIds"];
  const values: PartnershipFormValues = typed
    ? {
        name: typeof typed["name"] === "string" ? typed["name"] : "",
        memberIds: Array.isArray(members) ? members.map(String) : typeof members === "string" ? [members] : [],
        endorsers: typeof typed["endorsers"] === "string" ? typed["endorsers"] : ANY_MEMBER,
      }
    : saved;
  return { errors, values, summary: errorSummaryItems(errors, PARTNERSHIP_FIELD_ORDER) };
}

/** The fields of a partnership: its name, its members, and whose CSP endorses its joint proposal. */
export function PartnershipForm({
  boroughs,
  values,
  errors,
  submitText,
}: {
  boroughs: readonly { id: number; name: string }[];
  values: PartnershipFormValues;
  errors: Record<string, string[] | undefined>;
  submitText: string;
}) {
  return (
    <Form method="post" noValidate>
      <TextInput name="name" label="Name" labelSize="s" width={20} defaultValue={values.name} error={errors["name"]} />
      <Checkboxes
        name="memberIds"
        label="Member boroughs"
        labelSize="s"
        hint="Choose two or more. Each member’s officers edit the joint proposal; none holds a proposal of its own for the period."
        small
        items={boroughs.map((b) => ({ value: String(b.id), label: b.name }))}
        defaultValue={values.memberIds}
        error={errors["memberIds"]}
      />
      <Select
        name="endorsers"
        label="Whose CSP endorses the joint proposal"
        labelSize="s"
        hint="MOPAC decides this for each partnership: any member borough’s CSP endorsers, or one member borough’s."
        defaultValue={values.endorsers}
        error={errors["endorsers"]}
        items={[
          { value: ANY_MEMBER, text: "Any member borough’s CSP" },
          ...boroughs.map((b) => ({ value: String(b.id), text: `${b.name}’s CSP` })),
        ]}
      />
      <Button type="submit">{submitText}</Button>
    </Form>
  );
}
