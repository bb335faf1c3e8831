import type { ComponentType } from "react";
import type { ProjectSectionId } from "~/domain/project-sections";
import { DeliveryForm } from "./delivery-form";
import { DescriptionForm } from "./description-form";
import { DetailsForm } from "./details-form";
import { FundingForm } from "./funding-form";
import { MeasuresForm } from "./measures-form";
import { MilestonesForm } from "./milestones-form";
import { PartnersForm } from "./partners-form";
import type { SectionFormProps } from "./types";

export const SECTION_FORMS: Record<ProjectSectionId, ComponentType<SectionFormProps>> = {
  details: DetailsForm,
  description: DescriptionForm,
  funding: FundingForm,
  partners: PartnersForm,
  delivery: DeliveryForm,
  milestones: MilestonesForm,
  measures: MeasuresForm,
};
