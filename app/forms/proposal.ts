import * as z from "zod/mini";
import { idField, versionField } from "./common";

/** Small forms about a proposal as a whole. */

/** Starting the borough's proposal for a funding period (the borough home page). */
export const startProposalSchema = z.discriminatedUnion(
  "intent",
  [
    // The borough's own proposal: the start button sends only the period.
    z.object({ intent: z.optional(z.literal("start")), periodId: idField("Choose a funding period") }),
    // A partnership's joint proposal, started by a member borough's officer.
    z.object({
      intent: z.literal("start-joint"),
      partnershipId: idField("Choose a partnership"),
      periodId: idField("Choose a funding period"),
    }),
  ],
  { error: "Choose a proposal to start" },
);

/** Removing a project: only the version the page saw, so a colleague's newer change is not lost. */
export const removeProjectSchema = z.object({
  version: versionField,
});

/** "Mark all as read" on the notifications page: a button and nothing else. */
export const markAllReadSchema = z.object({});
