import { execFileSync } from "node:child_process";
import { once } from "node:events";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { time, type Timing } from "./timing";

// `npm run bench`: a London-sized load on a throwaway SQLite file, timed against the targets for a
// 2-core machine. Not part of `npm test`: timings on shared CI machines are too noisy to gate on.

const root = fileURLToPath(new URL("../..", import.meta.url));
const workDir = mkdtempSync(join(tmpdir(), "lcpf-bench-"));
// Set before anything opens app/db.server, so the production server reads this database and never data/.
const databaseUrl = `file:${join(workDir, "bench.sqlite")}`;
process.env.DATABASE_URL = databaseUrl;
process.env.OUTBOX_DIR = join(workDir, "outbox");

const { createDatabase, migrateToLatest } = await import("../../db/connection");
const { seedDemo, seedReference } = await import("../../seeds/seed");
const { seedLondonLoad, PROJECTS_PER_PROPOSAL } = await import("./london-load");
const { findProposal, proposalOverview, proposalYears, projectsForProposal, referenceLists } = await import("~/data/proposals.server");
const { loadProjects } = await import("~/data/projects.server");
const { splitRuleForRound } = await import("~/data/rounds.server");
const { reviewQueue } = await import("~/data/reviews.server");
const { summariseProposal } = await import("~/domain/proposal-checks");
const { createSession, generateSessionToken, SESSION_COOKIE } = await import("~/auth/session.server");
const { createServer } = await import("../../server");

const MEASURED_BOROUGH_GSS = "E09000025"; // Newham: a generated proposal, not the demo one
const NO_FILTERS = { assignedTo: null, status: null, boroughId: null, priorityId: null };
const MB = 1024 * 1024;

type Line = { name: string; runs: string; median: string; p95: string; target: string; pass: boolean | null };

function check(condition: boolean, message: string): void {
  if (!condition) throw new Error(`Bench set-up is wrong: ${message}`);
}

function timed(timing: Timing, targetMs: number | null): Line {
  return {
    name: timing.name,
    runs: String(timing.iterations),
    median: timing.medianMs.toFixed(2),
    p95: timing.p95Ms.toFixed(2),
    target: targetMs === null ? "" : `p95 < ${targetMs} ms`,
    pass: targetMs === null ? null : timing.p95Ms < targetMs,
  };
}

function printTable(lines: Line[]): void {
  const header = ["measurement", "runs", "median ms", "p95 ms", "target", "result"];
  const rows = lines.map((l) => [l.name, l.runs, l.median, l.p95, l.target, l.pass === null ? "" : l.pass ? "PASS" : "FAIL"]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const format = (cells: string[]) => cells.map((c, i) => (i >= 1 && i <= 3 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join("  ").trimEnd();
  console.log(format(header));
  console.log(widths.map((w) => "-".repeat(w)).join("  "));
  for (const row of rows) console.log(format(row));
}

function ensureBuild(): string {
  const buildPath = resolve(root, process.env.BUILD_DIR ?? "build");
  if (!existsSync(join(buildPath, "server/index.js"))) {
    console.error("No production build: running `npx react-router build` first.");
    // The build's own output goes to stderr so stdout keeps only the results.
    execFileSync("npx", ["react-router", "build"], { cwd: root, stdio: ["ignore", 2, 2] });
  }
  // The build always goes to build/; a BUILD_DIR elsewhere must already hold one.
  if (!existsSync(join(buildPath, "server/index.js"))) throw new Error(`No production build in ${buildPath}`);
  return buildPath;
}

const db = createDatabase(databaseUrl);
let server: Server | undefined;
let failed = true;
try {
  const started = Date.now();
  await migrateToLatest(db);
  await seedReference(db);
  await seedDemo(db);
  const proposals = await seedLondonLoad(db);
  check(proposals.length === 32, `expected 32 borough proposals, made ${proposals.length}`);
  console.log(`Seeded ${proposals.length} proposals of ${PROJECTS_PER_PROPOSAL} projects in ${Date.now() - started} ms (${workDir}).`);

  const measured = proposals.find((p) => p.gssCode === MEASURED_BOROUGH_GSS);
  const proposal = measured && (await findProposal(db, measured.id));
  if (!measured || !proposal) throw new Error(`No proposal for ${MEASURED_BOROUGH_GSS}`);

  // The rules' input, gathered by the same data functions proposalOverview uses.
  const [years, projects, lists, splitRule] = await Promise.all([
    proposalYears(db, proposal),
    projectsForProposal(db, proposal.id),
    referenceLists(db),
    splitRuleForRound(db, proposal.roundId),
  ]);
  check(projects.length === PROJECTS_PER_PROPOSAL, `${measured.boroughName} has ${projects.length} projects`);
  check(years.every((y) => y.allocationPence !== null), `${measured.boroughName} lacks an allocation`);
  const input = { projects, years, priorities: lists.priorities, measures: lists.measures, splitRule, periods: [{ id: proposal.funding_period_id, name: proposal.periodName }] };

  check((await loadProjects(db, proposal.id)).length === PROJECTS_PER_PROPOSAL, "loadProjects is missing projects");
  check((await reviewQueue(db, NO_FILTERS)).length === 32, "the review queue does not hold 32 submissions");
  check((await reviewQueue(db, { ...NO_FILTERS, boroughId: measured.boroughId })).length === 1, "the borough filter does not find one row");

  const lines: Line[] = [];
  const of = `(${PROJECTS_PER_PROPOSAL} projects)`;
  lines.push(timed(await time(`summariseProposal ${of}`, () => summariseProposal(input)), 5));
  lines.push(timed(await time(`proposalOverview ${of}`, () => proposalOverview(db, proposal)), 50));
  lines.push(timed(await time(`loadProjects ${of}`, () => loadProjects(db, proposal.id)), null));
  lines.push(timed(await time("reviewQueue, all 32", () => reviewQueue(db, NO_FILTERS)), 50));
  lines.push(timed(await time("reviewQueue, one borough", () => reviewQueue(db, { ...NO_FILTERS, boroughId: measured.boroughId })), 50));

  const buildPath = ensureBuild();
  server = createServer(buildPath).listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address() as AddressInfo;
  const reviewer = await db.selectFrom("users").select("id").where("email", "=", "reviewer@mopac.test").executeTakeFirstOrThrow();
  const token = generateSessionToken();
  await createSession(db, token, reviewer.id);
  const url = `http://127.0.0.1:${port}/proposals/${proposal.id}`;
  const headers = { Cookie: `${SESSION_COOKIE}=${token}` };
  const getOverviewPage = async () => {
    const response = await fetch(url, { headers, redirect: "manual" });
    const body = await response.text();
    // A sign-in redirect or an error page would be fast and prove nothing.
    check(response.status === 200 && body.includes(measured.boroughName), `GET ${url} answered ${response.status}`);
  };
  lines.push(timed(await time("GET /proposals/:id over HTTP", getOverviewPage, { warmup: 10, budgetMs: 40_000 }), 200));

  const memory = process.memoryUsage();
  const rssMb = memory.rss / MB;
  const heapMb = memory.heapUsed / MB;
  lines.push({ name: "memory: RSS after the run", runs: "", median: `${rssMb.toFixed(0)} MB`, p95: "", target: "< 400 MB", pass: rssMb < 400 });
  lines.push({ name: "memory: heap used after the run", runs: "", median: `${heapMb.toFixed(0)} MB`, p95: "", target: "", pass: null });

  console.log("");
  printTable(lines);
  failed = lines.some((l) => l.pass === false);
  console.log(`\n${failed ? "FAIL: a target was missed" : "PASS: every target met"} (targets are for a 2-core machine; ${Math.round((Date.now() - started) / 1000)} s in all)`);
} catch (error) {
  console.error(error);
} finally {
  if (server) {
    server.closeAllConnections();
    await new Promise((done) => server!.close(done));
  }
  await db.destroy();
  rmSync(workDir, { recursive: true, force: true });
}
process.exitCode = failed ? 1 : 0;
