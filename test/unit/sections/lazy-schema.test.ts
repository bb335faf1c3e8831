import { parseWithZod } from "@conform-to/zod/v4";
import { describe, expect, it } from "vitest";
import * as z from "zod/mini";
import { PROJECT_SECTIONS } from "~/domain/project-sections";
import { SECTION_DEFINITIONS } from "~/forms/sections";
import { ctx } from "./fixtures";

/** A post with something wrong or missing in most sections: blank required fields, money in words. */
function badPost(): FormData {
  const form = new FormData();
  form.append("title", "");
  form.append("lcpf-1", "ten pounds");
  form.append("laCash-2", "-5");
  form.append("serviceTotalCost", "lots");
  form.append("startOnDay", "31");
  form.append("startOnMonth", "2");
  form.append("startOnYear", "2018");
  form.append("partners[0].name", "");
  form.append("partners[0].amount-1", "12.345");
  return form;
}

// The page builds a section's schema only when the browser first validates (z.lazy): it must check a
// post exactly as the schema itself does.
describe("a section's schema built on first use", () => {
  it.each(PROJECT_SECTIONS.map((s) => s.id))("checks the %s section's post as the schema itself does", (id) => {
    const definition = SECTION_DEFINITIONS[id];

    const direct = parseWithZod(badPost(), { schema: definition.schema(ctx) });
    const lazy = parseWithZod(badPost(), { schema: z.lazy(() => definition.schema(ctx)) });

    expect(direct.status).toBe("error");
    expect(lazy.status).toBe(direct.status);
    expect(lazy.status === "error" ? lazy.error : null).toEqual(direct.status === "error" ? direct.error : null);
  });
});
