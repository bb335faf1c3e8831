import { describe, expect, it } from "vitest";
import routes from "~/routes";
import { db } from "~/db.server";
import { cookieFor, formRequest, getRequest, settle, useTestDatabase } from "./setup-db";

// Walks the whole route table: a new page without a permission check fails here.
useTestDatabase();

type RouteEntry = { file: string; path?: string; index?: boolean };
const entries = (routes as RouteEntry[]).map((r) => ({ file: r.file, path: r.index ? "" : (r.path ?? "") }));

/** Pages anyone may open without signing in. */
const PUBLIC = new Set(["routes/sign-in.tsx", "routes/sign-out.tsx", "routes/accessibility.tsx", "routes/not-found.tsx"]);

type RouteModule = { loader?: (args: unknown) => Promise<unknown>; action?: (args: unknown) => Promise<unknown> };
const modules = import.meta.glob<RouteModule>("../../app/routes/*.tsx");

async function fixture() {
  const proposal = await db()
    .selectFrom("proposals as p")
    .innerJoin("organisations as o", "o.id", "p.lead_organisation_id")
    .select("p.id")
    .where("o.name", "=", "Barking and Dagenham")
    .executeTakeFirstOrThrow();
  const project = await db().selectFrom("projects").select("id").where("proposal_id", "=", proposal.id).orderBy("id").executeTakeFirstOrThrow();
  return { proposalId: String(proposal.id), projectId: String(project.id), section: "details", step: "withdraw" };
}

function concretePath(path: string, params: Record<string, string>) {
  return `/${path.replace(/:(\w+)/g, (_, name: string) => params[name] ?? "x").replace(/^\*$/, "nowhere")}`;
}

function outcomeStatus(outcome: { thrown: boolean; value: unknown }): number {
  const value = outcome.value as { status?: number; init?: { status?: number } };
  return value instanceof Response ? value.status : (value?.init?.status ?? 200);
}

async function callEach(cookie: string | undefined, filter: (file: string) => boolean) {
  const params = await fixture();
  const results: { route: string; kind: "loader" | "action"; status: number; location: string | null }[] = [];
  for (const entry of entries.filter((e) => filter(e.file))) {
    const load = modules[`../../app/${entry.file}`];
    if (!load) throw new Error(`No module for ${entry.file}`);
    const module = await load();
    const url = concretePath(entry.path, params);
    for (const kind of ["loader", "action"] as const) {
      const handler = module[kind];
      if (!handler) continue;
      const request = kind === "loader" ? getRequest(url, cookie) : formRequest(url, { version: "1" }, cookie);
      const outcome = await settle(() => handler({ request, params, context: {} }));
      const location = outcome.value instanceof Response ? outcome.value.headers.get("Location") : null;
      results.push({ route: `${kind} ${entry.file}`, kind, status: outcomeStatus(outcome), location });
    }
  }
  return results;
}

describe("every route's access rule", () => {
  it("has at least one protected loader or action to check", () => {
    expect(entries.filter((e) => !PUBLIC.has(e.file)).length).toBeGreaterThan(10);
  });

  it("sends someone who is not signed in to the sign-in page from every non-public page and action", async () => {
    const results = await callEach(undefined, (file) => !PUBLIC.has(file));
    expect(results.length).toBeGreaterThan(20);
    const wrong = results.filter((r) => r.status !== 302 || !r.location?.startsWith("/sign-in"));
    expect(wrong).toEqual([]);
  });

  it("answers page not found to another borough's officer on every proposal page and action", async () => {
    const cookie = await cookieFor("officer@newham.test");
    const results = await callEach(cookie, (file) => /routes\/(proposal|project)/.test(file));
    expect(results.length).toBeGreaterThan(15);
    expect(results.filter((r) => r.status !== 404)).toEqual([]);
  });

  it("answers page not found to MOPAC for a proposal that has never been submitted", async () => {
    const cookie = await cookieFor("reviewer2@mopac.test");
    const results = await callEach(cookie, (file) => /routes\/(proposal|project)/.test(file));
    expect(results.filter((r) => r.status !== 404)).toEqual([]);
  });

  it("keeps each home page to its own roles", async () => {
    const expectations: [string, string, number][] = [
      ["reviewer@mopac.test", "routes/borough-home.tsx", 403],
      ["admin@mopac.test", "routes/borough-home.tsx", 403],
      ["officer@newham.test", "routes/review-home.tsx", 403],
      ["csp@barking-dagenham.test", "routes/review-home.tsx", 403],
      ["officer@barking-dagenham.test", "routes/admin-home.tsx", 403],
      ["reviewer@mopac.test", "routes/admin-home.tsx", 403],
      ["officer@barking-dagenham.test", "routes/borough-home.tsx", 200],
      ["reviewer@mopac.test", "routes/review-home.tsx", 200],
      ["admin@mopac.test", "routes/admin-home.tsx", 200],
    ];
    for (const [email, file, status] of expectations) {
      const results = await callEach(await cookieFor(email), (f) => f === file);
      expect(results.find((r) => r.kind === "loader"), `${email} on ${file}`).toMatchObject({ status });
    }
  });
});
