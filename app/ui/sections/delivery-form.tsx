import { DELIVERY_TYPES, fieldQuestion, LIMITS } from "~/domain/project-fields";
import { Radios } from "../radios";
import { MoneyInput, TextInput } from "../text-input";
import { text, type SectionFormProps } from "./types";

export function DeliveryForm({ values, errors }: SectionFormProps) {
  return (
    <>
      <Radios
        name="deliveryType"
        label={fieldQuestion("delivery")}
        labelSize="s"
        items={DELIVERY_TYPES.map((d) => ({
          value: d.value,
          label: d.label,
          hint: d.hint,
          conditional:
            d.value === "contribution" ? (
              <MoneyInput
                name="serviceTotalCost"
                label={fieldQuestion("serviceTotalCost")}
                defaultValue={text(values, "serviceTotalCost")}
                error={errors.serviceTotalCost}
              />
            ) : undefined,
        }))}
        defaultValue={text(values, "deliveryType")}
        error={errors.deliveryType}
      />
      <TextInput
        name="provider"
        label={fieldQuestion("provider")}
        labelSize="s"
        hint={`The team, post or organisation delivering the project, for example Victim Support (up to ${LIMITS.provider} characters)`}
        defaultValue={text(values, "provider")}
        error={errors.provider}
      />
    </>
  );
}
