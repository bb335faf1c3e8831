import * as z from "zod/mini";

const version = z.coerce
  .number({ error: "Reload the page and try again" })
  .check(z.int(), z.positive(), z.maximum(Number.MAX_SAFE_INTEGER));

/**
 * The versions a project section's form carries: `version`, the project's version when the officer
 * opened the page (it never changes while they work, so a save from a stale page is refused every
 * time), and, once a conflict is shown, `conflictVersion` with `resolution=keep-mine` when they choose
 * to save their answers over the colleague's.
 */
const schema = z.object({
  version,
  conflictVersion: z.optional(version),
  resolution: z.optional(z.literal("keep-mine")),
});

export type SectionVersions = { ok: true; seenVersion: number } | { ok: false; message: string };

export function parseSectionVersions(formData: FormData): SectionVersions {
  const single = (name: string) => {
    const value = formData.get(name);
    return typeof value === "string" && value !== "" ? value : undefined;
  };
  const parsed = z.safeParse(schema, {
    version: single("version"),
    conflictVersion: single("conflictVersion"),
    resolution: single("resolution"),
  });
  if (!parsed.success) return { ok: false, message: "Reload the page and try again: this form is out of date" };
  const { version: seen, conflictVersion, resolution } = parsed.data;
  // Only an explicit choice saves over the version the conflict showed.
  return {
    ok: true,
    seenVersion: resolution === "keep-mine" && conflictVersion !== undefined ? conflictVersion : seen,
  };
}
