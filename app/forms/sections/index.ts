import type { ProjectSectionId } from "~/domain/project-sections";
import type { SectionDefinition } from "../project-section";
import { deliverySection } from "./delivery";
import { descriptionSection } from "./description";
import { detailsSection } from "./details";
import { fundingSection } from "./funding";
import { measuresSection } from "./measures";
import { milestonesSection } from "./milestones";
import { partnersSection } from "./partners";

/** Every section of the project form, by id. */
export const SECTION_DEFINITIONS: Record<ProjectSectionId, SectionDefinition> = {
  details: detailsSection as SectionDefinition,
  description: descriptionSection as SectionDefinition,
  funding: fundingSection as SectionDefinition,
  partners: partnersSection as SectionDefinition,
  delivery: deliverySection as SectionDefinition,
  milestones: milestonesSection as SectionDefinition,
  measures: measuresSection as SectionDefinition,
};
