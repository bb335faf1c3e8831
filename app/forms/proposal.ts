import * as z from "zod/mini";
import { idField, versionField } from "./common";

/** Small forms about a proposal as a whole. */

/** Starting the borough's proposal for a funding period (the borough home page). */
export const startProposalSchema = z.object({
  periodId: idField("Choose a funding period"),
});

/** Removing a project: only the version the page saw, so a colleague's newer change is not lost. */
export const removeProjectSchema = z.object({
  version: versionField,
});

/** "Mark all as read" on the notifications page: a button and nothing else. */
export const markAllReadSchema = z.object({});
