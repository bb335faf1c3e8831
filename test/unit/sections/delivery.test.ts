import { createElement } from "react";
import { describe, expect, it } from "vitest";
import type { FormValues } from "~/forms/project-section";
import { deliverySection } from "~/forms/sections/delivery";
import { DeliveryForm } from "~/ui/sections/delivery-form";
import { render } from "../ui/markup";
import { ctx, project, sectionHelpers } from "./fixtures";

const { parse, errorsOf } = sectionHelpers(deliverySection, ctx);

describe("delivery section: parsing", () => {
  it("a commissioned third party needs no service cost, and none is saved", () => {
    const submission = parse({ deliveryType: "commissioned", provider: " Victim Support ", serviceTotalCost: "" });
    expect(submission.status).toBe("success");
    if (submission.status !== "success") return;
    expect(submission.value).toEqual({ deliveryType: "commissioned", provider: "Victim Support" });
    expect(deliverySection.toChanges(submission.value, ctx)).toEqual({
      columns: { delivery_type: "commissioned", provider: "Victim Support", service_total_cost_pence: null },
    });
  });

  it('CSP report: "a contribution to a service which in total costs £236,905" is saved in pence', () => {
    const submission = parse({
      deliveryType: "contribution",
      provider: "Victim Support",
      serviceTotalCost: "£236,905",
    });
    expect(submission.status).toBe("success");
    if (submission.status !== "success") return;
    expect(submission.value.serviceTotalCost).toBe(23_690_500);
    expect(deliverySection.toChanges(submission.value, ctx).columns).toEqual({
      delivery_type: "contribution",
      provider: "Victim Support",
      service_total_cost_pence: 23_690_500,
    });
  });

  it("a service cost left over from an earlier answer is dropped when the project is not a contribution", () => {
    const submission = parse({
      deliveryType: "in_house",
      provider: "Council community safety team",
      serviceTotalCost: "236905",
    });
    expect(submission.status).toBe("success");
    if (submission.status !== "success") return;
    expect(deliverySection.toChanges(submission.value, ctx).columns?.service_total_cost_pence).toBeNull();
  });

  it("an unreadable service cost left in the hidden reveal does not block another delivery type", () => {
    const submission = parse({
      deliveryType: "commissioned",
      provider: "Victim Support",
      serviceTotalCost: "forty thousand",
    });
    expect(submission.status).toBe("success");
    if (submission.status !== "success") return;
    expect(deliverySection.toChanges(submission.value, ctx).columns?.service_total_cost_pence).toBeNull();
  });

  it("an empty form asks how the project is delivered and who provides it, and nothing else", () => {
    expect(errorsOf({})).toEqual({
      deliveryType: ["Choose how the project is delivered"],
      provider: ["Enter who provides the project"],
    });
  });

  it("a delivery type that is not one of the three is refused with the same message", () => {
    expect(errorsOf({ deliveryType: "outsourced", provider: "Victim Support" })).toEqual({
      deliveryType: ["Choose how the project is delivered"],
    });
  });

  it("a contribution without the service's total cost asks for it", () => {
    expect(errorsOf({ deliveryType: "contribution", provider: "Victim Support" })).toEqual({
      serviceTotalCost: ["Enter the total cost of the whole service the project contributes to"],
    });
  });

  it("a contribution with neither provider nor service cost shows both problems at once", () => {
    expect(errorsOf({ deliveryType: "contribution", provider: "   " })).toEqual({
      provider: ["Enter who provides the project"],
      serviceTotalCost: ["Enter the total cost of the whole service the project contributes to"],
    });
  });

  it('"forty thousand" as the service cost is an error on that field only, with the money message', () => {
    expect(
      errorsOf({ deliveryType: "contribution", provider: "Victim Support", serviceTotalCost: "forty thousand" }),
    ).toEqual({
      serviceTotalCost: ["Total cost of the whole service: enter an amount in pounds, like 40,000 or 40,000.50"],
    });
  });

  it("a provider longer than the limit is refused", () => {
    expect(errorsOf({ deliveryType: "in_house", provider: "x".repeat(201) })).toEqual({
      provider: ["Provider must be 200 characters or fewer"],
    });
  });
});

describe("delivery section: defaults", () => {
  it("a new project starts blank", () => {
    expect(deliverySection.defaults(project(), ctx)).toEqual({
      deliveryType: undefined,
      provider: undefined,
      serviceTotalCost: undefined,
    });
  });

  it.each([
    [
      "a contribution with pence",
      { delivery_type: "contribution", provider: "Victim Support", service_total_cost_pence: 23_690_550 },
    ],
    [
      "a contribution in whole pounds",
      { delivery_type: "contribution", provider: "Victim Support", service_total_cost_pence: 23_690_500 },
    ],
    [
      "an in-house post",
      { delivery_type: "in_house", provider: "Council community safety team", service_total_cost_pence: null },
    ],
  ] as const)("round-trips %s: defaults -> form -> parse -> changes", (_, saved) => {
    const defaults = deliverySection.defaults(project(saved), ctx);
    const submission = parse(defaults);
    expect(submission.status).toBe("success");
    if (submission.status !== "success") return;
    expect(deliverySection.toChanges(submission.value, ctx)).toEqual({ columns: saved });
  });

  it("shows a saved service cost as the officer would type it", () => {
    expect(deliverySection.defaults(project({ service_total_cost_pence: 23_690_550 }), ctx).serviceTotalCost).toBe(
      "236905.50",
    );
  });
});

/** The whole <input> tag with this id, attributes in whatever order React wrote them. */
function inputTag(html: string, id: string): string {
  const tag = [...html.matchAll(/<input\b[^>]*>/g)].map(([t]) => t).find((t) => t.includes(` id="${id}"`));
  if (!tag) throw new Error(`no input with id ${id}`);
  return tag;
}

describe("delivery section: page", () => {
  const page = (values: FormValues, errors: Record<string, string[]> = {}) =>
    render(createElement(DeliveryForm, { values, errors, ctx, project: null, years: [] }));

  it("offers the three delivery types with their hints and checks the saved one", () => {
    const html = page({ deliveryType: "contribution" });
    expect(html).toContain("An in-house post");
    expect(html).toContain("A commissioned third party");
    expect(html).toContain("Give the total cost of the whole service as well");
    expect(inputTag(html, "deliveryType-3")).toContain('value="contribution"');
    expect(inputTag(html, "deliveryType-3")).toContain('checked=""');
    expect(inputTag(html, "deliveryType")).not.toContain("checked");
  });

  it("labels the provider and the service cost, with the provider's hint", () => {
    const html = page({});
    expect(html).toContain('<label class="govuk-label govuk-label--s" for="provider">Who provides it?</label>');
    expect(html).toContain("The team, post or organisation delivering the project, for example Victim Support");
    expect(html).toContain('for="serviceTotalCost">Total cost of the whole service</label>');
    expect(html).not.toContain("Only for a contribution to a service funded from several sources");
  });

  it("asks the service cost inside the reveal of the contribution answer, shown in the server's markup", () => {
    const html = page({ deliveryType: "in_house" });
    const contribution = html.indexOf('id="deliveryType-3"');
    const reveal = html.indexOf('<div class="govuk-radios__conditional" id="conditional-deliveryType-3">');
    const cost = html.indexOf('id="serviceTotalCost"');
    const provider = html.indexOf('id="provider"');
    expect(contribution).toBeGreaterThan(-1);
    expect(reveal).toBeGreaterThan(contribution);
    expect(cost).toBeGreaterThan(reveal);
    expect(provider).toBeGreaterThan(cost);
    expect(html).not.toContain("govuk-radios__conditional--hidden");
    expect(html.match(/govuk-radios__conditional/g)).toHaveLength(1);
  });

  it("shows a field's error beside that field", () => {
    const html = page(
      { serviceTotalCost: "forty thousand" },
      { serviceTotalCost: ["Total cost of the whole service: enter an amount"] },
    );
    expect(html).toContain('id="serviceTotalCost-error"');
    expect(inputTag(html, "serviceTotalCost")).toContain("govuk-input--error");
    expect(inputTag(html, "provider")).not.toContain("govuk-input--error");
    expect(html).not.toContain('id="provider-error"');
  });
});
