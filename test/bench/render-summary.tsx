import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

// `npx tsx test/bench/render-summary.tsx`: the CPU time React spends rendering the check page's
// project summaries (one London-sized proposal), apart from the server and the network. CPU time
// rather than wall time, so a busy shared machine moves the figure less.

// Before React loads, which picks its production or development build from it once.
process.env.NODE_ENV = "production";
const { createElement } = await import("react");
const { renderToString } = await import("react-dom/server");
const { createMemoryRouter, RouterProvider } = await import("react-router");
const dir = mkdtempSync(join(tmpdir(), "lcpf-render-"));
const databaseUrl = `file:${join(dir, "render.sqlite")}`;
process.env.DATABASE_URL = databaseUrl;
const { createDatabase, migrateToLatest } = await import("../../db/connection");
const { seedDemo, seedReference } = await import("../../seeds/seed");
const { seedLondonLoad } = await import("./london-load");
const { findProposal } = await import("~/data/proposals.server");
const { loadProposalPage } = await import("~/data/proposal-page.server");
const { ProjectSummary } = await import("~/ui/project-summary");

const db = createDatabase(databaseUrl);
try {
  await migrateToLatest(db);
  await seedReference(db);
  await seedDemo(db);
  const [first] = await seedLondonLoad(db);
  const proposal = first && (await findProposal(db, first.id));
  if (!proposal) throw new Error("no proposal");
  const page = await loadProposalPage(db, proposal);
  const tree = () =>
    createElement(RouterProvider, {
      router: createMemoryRouter([
        {
          path: "/",
          element: createElement(
            "div",
            null,
            page.fullProjects.map((project) =>
              createElement(ProjectSummary, {
                key: project.id,
                project,
                ctx: page.ctx,
                changeBase: `/p/${project.id}`,
                headingLevel: 3,
              }),
            ),
          ),
        },
      ]),
    });
  let html = "";
  for (let i = 0; i < 30; i++) html = renderToString(tree()); // warm the JIT
  const runs = 200;
  const cpuBefore = process.cpuUsage();
  for (let i = 0; i < runs; i++) html = renderToString(tree());
  const cpu = process.cpuUsage(cpuBefore);
  const dataBytes = JSON.stringify({ projects: page.fullProjects, ctx: page.ctx }).length;
  console.log(
    `${page.fullProjects.length} project summaries: ${((cpu.user + cpu.system) / 1000 / runs).toFixed(2)} ms CPU a render, ${(html.length / 1024).toFixed(0)} KB of HTML, loader data ${(dataBytes / 1024).toFixed(0)} KB as JSON`,
  );
} finally {
  await db.destroy();
  rmSync(dir, { recursive: true, force: true });
}
