import { DELIVERY_TYPES, LIMITS } from "~/domain/project-fields";
import { SERVICE_TOTAL_COST_LABEL } from "~/forms/sections/delivery";
import { Radios } from "../radios";
import { MoneyInput, TextInput } from "../text-input";
import { text, type SectionFormProps } from "./types";

export function DeliveryForm({ values, errors }: SectionFormProps) {
  return (
    <>
      <Radios
        name="deliveryType"
        label="How is the project delivered?"
        labelSize="s"
        items={DELIVERY_TYPES.map((d) => ({
          value: d.value,
          label: d.label,
          hint: d.hint,
          conditional:
            d.value === "contribution" ? (
              <MoneyInput
                name="serviceTotalCost"
                label={SERVICE_TOTAL_COST_LABEL}
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
        label="Who provides it?"
        labelSize="s"
        hint={`The team, post or organisation delivering the project, for example Victim Support (up to ${LIMITS.provider} characters)`}
        defaultValue={text(values, "provider")}
        error={errors.provider}
      />
    </>
  );
}
