import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import {
  checkPage,
  freePort,
  loadPages,
  warmPage,
  residentBytes,
  serverPid,
  shippedJavaScript,
  startServer,
  stopServer,
  type LoadPage,
} from "./load";
import { time, type Timing } from "./timing";
import type { DB } from "../../db/connection";
import type { Cluster } from "../../scripts/postgres-cluster";

// `npm run bench`: a London-sized load on a throwaway SQLite file, timed against the targets for a
// 2-core machine, then the same load on a fresh PostgreSQL database (on TEST_DATABASE_URL's server, or a
// throwaway cluster), printed beside SQLite's. SQLite's figures pass or fail; PostgreSQL's are printed
// for information, with the same targets. Not part of `npm test`: timings on shared CI machines are too
// noisy to gate on.

const root = fileURLToPath(new URL("../..", import.meta.url));
const workDir = mkdtempSync(join(tmpdir(), "lcpf-bench-"));
// Set before anything opens app/db.server, so nothing the bench imports ever reads data/.
const sqliteUrl = `file:${join(workDir, "bench.sqlite")}`;
process.env.DATABASE_URL = sqliteUrl;
process.env.OUTBOX_DIR = join(workDir, "outbox");

const { createDatabase, migrateToLatest } = await import("../../db/connection");
const { seedDemo, seedReference } = await import("../../seeds/seed");
const { startCluster, postgresBinaries } = await import("../../scripts/postgres-cluster");
const { createPostgresDatabase } = await import("../support/postgres");
const { seedLondonLoad, PROJECTS_PER_PROPOSAL } = await import("./london-load");
const { findProposal, proposalOverview, proposalYears, projectsForProposal, referenceLists } =
  await import("~/data/proposals.server");
const { loadProjects } = await import("~/data/projects.server");
const { reviewQueue } = await import("~/data/reviews.server");
const { summariseProposal } = await import("~/domain/proposal-checks");
const { approvedAllocations, exportRows } = await import("~/data/exports.server");
const { projectsCsv, projectsWorkbook } = await import("~/data/workbook.server");
const { createSession, generateSessionToken, SESSION_COOKIE } = await import("~/auth/session.server");

const MEASURED_BOROUGH_GSS = "E09000025"; // Newham: a generated proposal, not the demo one
const DRAFTING_BOROUGH_GSS = "E09000002"; // Barking and Dagenham: the demo proposal, topped up to 18 projects
const NO_FILTERS = { assignedTo: null, status: null, boroughId: null, priorityId: null };
const MB = 1024 * 1024;
const KB = 1024;
const CONNECTIONS = 8;
/** Seconds of load on each page; BENCH_SECONDS shortens a trial run or lengthens a careful one. */
const SECONDS = Number(process.env.BENCH_SECONDS) > 0 ? Number(process.env.BENCH_SECONDS) : 10;
const WARMUP_SECONDS = 2;
/** Each page's seconds are split into this many turns, taken in order across the pages. */
const ROUNDS = 5;
const MAX_P95_MS = 100;
const MAX_RSS_MB = 300;
const MAX_JS_GZIP_KB = 150;

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
  const rows = lines.map((l) => [
    l.name,
    l.runs,
    l.median,
    l.p95,
    l.target,
    l.pass === null ? "" : l.pass ? "PASS" : "FAIL",
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const format = (cells: string[]) =>
    cells
      .map((c, i) => (i >= 1 && i <= 3 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
      .join("  ")
      .trimEnd();
  console.log(format(header));
  console.log(widths.map((w) => "-".repeat(w)).join("  "));
  for (const row of rows) console.log(format(row));
}

type LoadLine = {
  page: string;
  rate: string;
  ratio: string;
  ratioTarget: string;
  /** Whether the page keeps its share of the trivial page's throughput; null for the trivial page. */
  ratioMet: boolean | null;
  p50: string;
  p95: string;
  js: string;
  pass: boolean;
};

type Engine = "SQLite" | "PostgreSQL";

function printLoadTable(lines: LoadLine[]): void {
  const header = [
    "page under load",
    "req/s",
    "x trivial",
    "target",
    "p50 ms",
    "p95 ms",
    "target",
    "JS gzip KB",
    "target",
    "result",
  ];
  const rows = lines.map((l) => [
    l.page,
    l.rate,
    l.ratio,
    l.ratioTarget,
    l.p50,
    l.p95,
    `<= ${MAX_P95_MS}`,
    l.js,
    `<= ${MAX_JS_GZIP_KB}`,
    l.pass ? "PASS" : "FAIL",
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const format = (cells: string[]) =>
    cells
      .map((c, i) => (i === 0 || i === 9 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!)))
      .join("  ")
      .trimEnd();
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

/** A session cookie for a demo account, made the way signing in makes one. */
async function sessionCookieFor(db: DB, email: string): Promise<string> {
  const user = await db.selectFrom("users").select("id").where("email", "=", email).executeTakeFirstOrThrow();
  const token = generateSessionToken();
  await createSession(db, token, user.id);
  return `${SESSION_COOKIE}=${token}`;
}

type Figures = { lines: Line[]; loadLines: LoadLine[]; rssMb: number };

/**
 * Builds the London-sized load in the database at `databaseUrl` through the app's own Kysely code (the
 * same on both engines), times the data functions, then starts the production server on it and puts
 * every page under load.
 */
async function measureOn(engine: Engine, databaseUrl: string, where: string, buildPath: string): Promise<Figures> {
  const db = createDatabase(databaseUrl);
  try {
    const started = Date.now();
    await migrateToLatest(db);
    await seedReference(db);
    await seedDemo(db);
    const proposals = await seedLondonLoad(db);
    check(proposals.length === 32, `expected 32 borough proposals, made ${proposals.length}`);
    console.log(
      `${engine}: seeded ${proposals.length} proposals of ${PROJECTS_PER_PROPOSAL} projects in ${Date.now() - started} ms (${where}).`,
    );

    const measured = proposals.find((p) => p.gssCode === MEASURED_BOROUGH_GSS);
    const proposal = measured && (await findProposal(db, measured.id));
    if (!measured || !proposal) throw new Error(`No proposal for ${MEASURED_BOROUGH_GSS}`);

    // The rules' input, gathered by the same data functions proposalOverview uses.
    const [years, projects, lists] = await Promise.all([
      proposalYears(db, proposal),
      projectsForProposal(db, proposal.id),
      referenceLists(db),
    ]);
    check(projects.length === PROJECTS_PER_PROPOSAL, `${measured.boroughName} has ${projects.length} projects`);
    check(
      years.every((y) => y.allocationPence !== null),
      `${measured.boroughName} lacks an allocation`,
    );
    const input = {
      projects,
      years,
      priorities: lists.priorities,
      measures: lists.measures,
      splitRule: proposal.splitRule,
      periods: [{ id: proposal.funding_period_id, name: proposal.periodName }],
    };

    check((await loadProjects(db, proposal.id)).length === PROJECTS_PER_PROPOSAL, "loadProjects is missing projects");
    check((await reviewQueue(db, NO_FILTERS)).length === 32, "the review queue does not hold 32 submissions");
    check(
      (await reviewQueue(db, { ...NO_FILTERS, boroughId: measured.boroughId })).length === 1,
      "the borough filter does not find one row",
    );

    const lines: Line[] = [];
    const of = `(${PROJECTS_PER_PROPOSAL} projects)`;
    lines.push(timed(await time(`summariseProposal ${of}`, () => summariseProposal(input)), 5));
    lines.push(timed(await time(`proposalOverview ${of}`, () => proposalOverview(db, proposal)), 50));
    lines.push(timed(await time(`loadProjects ${of}`, () => loadProjects(db, proposal.id)), null));
    lines.push(timed(await time("reviewQueue, all 32", () => reviewQueue(db, NO_FILTERS)), 50));
    lines.push(
      timed(
        await time("reviewQueue, one borough", () => reviewQueue(db, { ...NO_FILTERS, boroughId: measured.boroughId })),
        50,
      ),
    );

    // The decision table counts approved proposals: approve every generated one but the measured
    // borough's and the drafting borough's, whose pages are measured in their own states below.
    const approvedIds = proposals
      .filter((p) => p.gssCode !== MEASURED_BOROUGH_GSS && p.gssCode !== DRAFTING_BOROUGH_GSS)
      .map((p) => p.id);
    await db.updateTable("proposals").set({ status: "approved" }).where("id", "in", approvedIds).execute();
    const firstYear = await db.selectFrom("financial_years").select("id").orderBy("position").executeTakeFirstOrThrow();
    check(
      (await approvedAllocations(db, firstYear.id)).length === 30,
      "the decision table does not hold 30 approved proposals",
    );
    const londonRows = await exportRows(db, { reachedMopac: true });
    check(londonRows.length >= 32 * PROJECTS_PER_PROPOSAL, `the London export has only ${londonRows.length} rows`);
    lines.push(
      timed(await time("approvedAllocations (decision table)", () => approvedAllocations(db, firstYear.id)), 50),
    );
    lines.push(
      timed(
        await time(`exportRows, all London (${londonRows.length} rows)`, () => exportRows(db, { reachedMopac: true })),
        100,
      ),
    );
    lines.push(timed(await time("projectsCsv, all London", async () => projectsCsv(londonRows)), null));
    lines.push(timed(await time("projectsWorkbook, all London", () => projectsWorkbook(londonRows, "Projects")), null));

    // Section pages open only while the borough may edit: Barking and Dagenham's proposal goes back to
    // draft for them (after the checks above, which need all 32 at MOPAC).
    const drafting = proposals.find((p) => p.gssCode === DRAFTING_BOROUGH_GSS);
    if (!drafting) throw new Error(`No proposal for ${DRAFTING_BOROUGH_GSS}`);
    await db
      .updateTable("proposals")
      .set({ status: "draft", assigned_reviewer_id: null, first_submitted_at: null, last_submitted_at: null })
      .where("id", "=", drafting.id)
      .execute();
    const [draftProject] = await loadProjects(db, drafting.id);
    if (!draftProject) throw new Error(`Bench set-up is wrong: ${drafting.boroughName} has no project`);
    const officerCookie = await sessionCookieFor(db, "officer@newham.test");
    const reviewerCookie = await sessionCookieFor(db, "reviewer@mopac.test");
    const [firstProject] = await loadProjects(db, proposal.id);
    if (!firstProject) throw new Error("Bench set-up is wrong: the measured proposal has no project");
    const base = `/proposals/${proposal.id}`;
    const secondYear = await db
      .selectFrom("financial_years")
      .select("id")
      .where("label", "=", "2018/19")
      .executeTakeFirstOrThrow();
    const pages: LoadPage[] = [
      // The lightest page the server has: no loader of its own, only the layout's.
      {
        name: "trivial: accessibility",
        path: "/accessibility",
        routeId: "routes/accessibility",
        cookie: null,
        expectText: "Accessibility statement",
        minRatio: null,
      },
      {
        name: "sign-in page",
        path: "/sign-in",
        routeId: "routes/sign-in",
        cookie: null,
        expectText: "Sign in",
        minRatio: 0.5,
      },
      {
        name: "borough home",
        path: "/borough",
        routeId: "routes/borough-home",
        cookie: officerCookie,
        expectText: measured.boroughName,
        minRatio: 0.5,
      },
      {
        name: "overview",
        path: base,
        routeId: "routes/proposal",
        cookie: officerCookie,
        expectText: firstProject.title,
        minRatio: 0.5,
      },
      {
        name: "check page",
        path: `${base}/check`,
        routeId: "routes/proposal-check",
        cookie: officerCookie,
        expectText: firstProject.title,
        minRatio: 0.35,
      },
      {
        name: "review page",
        path: `${base}/review`,
        routeId: "routes/proposal-review",
        cookie: reviewerCookie,
        expectText: firstProject.title,
        minRatio: 0.35,
      },
      // All 32 boroughs of 18 projects each, in 2018/19 (the first year with a pot), sorted by a figure.
      {
        name: "London view: boroughs",
        path: `/london?year=${secondYear.id}&sort=planned&dir=desc`,
        routeId: "routes/london",
        cookie: reviewerCookie,
        expectText: "London in 2018/19",
        minRatio: 0.35,
      },
      // The London view's other pages, each reading and showing only its own part.
      {
        name: "London view: priorities",
        path: `/london/priorities?year=${secondYear.id}`,
        routeId: "routes/london-priorities",
        cookie: reviewerCookie,
        expectText: "Planned spend per priority across London, 2018/19",
        minRatio: 0.35,
      },
      {
        name: "London view: co-commissioning",
        path: `/london/co-commissioning?year=${secondYear.id}`,
        routeId: "routes/london-co-commissioning",
        cookie: reviewerCookie,
        expectText: "co-commissioned pot for",
        minRatio: 0.35,
      },
      {
        name: "London view: measures",
        path: `/london/measures?year=${secondYear.id}`,
        routeId: "routes/london-measures",
        cookie: reviewerCookie,
        expectText: "address each mandatory measure",
        minRatio: 0.35,
      },
      {
        name: "project section (funding)",
        path: `/proposals/${drafting.id}/projects/${draftProject.id}/funding`,
        routeId: "routes/project-section",
        cookie: await sessionCookieFor(db, "officer@barking-dagenham.test"),
        expectText: draftProject.title,
        minRatio: 0.5,
      },
      {
        name: "decision table",
        path: `/decision-table?year=${firstYear.id}`,
        routeId: "routes/decision-table",
        cookie: reviewerCookie,
        expectText: "DMPC decision",
        minRatio: 0.35,
      },
      // The London exports are files of every project across London, with the pages' targets. Under this load the
      // database does not change, so after the first request the CSV is the file kept since (unchanged.server.ts);
      // building it afresh is timed above (exportRows + projectsCsv).
      {
        name: "London projects CSV",
        path: "/exports/london-projects.csv",
        routeId: "routes/london-export-csv",
        cookie: reviewerCookie,
        expectText: "Borough,Lead borough,Funding period",
        minRatio: 0.35,
        download: true,
      },
      // The XLSX is timed above (exportRows + projectsWorkbook), not put under load: it would be kept as the CSV
      // is, and the first build of a workbook of every London project takes hundreds of milliseconds of CPU.
    ];

    for (const page of pages) if (!page.download) shippedJavaScript(buildPath, page.routeId); // fails now rather than after the load
    // BENCH_ONLY=<text>: only the pages whose names contain it (and the trivial page), e.g. for a profile.
    const only = process.env.BENCH_ONLY;
    if (only) pages.splice(1, pages.length, ...pages.slice(1).filter((page) => page.name.includes(only)));
    const port = await freePort();
    // Started as `npm start` starts it, in production mode, on the bench's own database.
    const env: NodeJS.ProcessEnv = {
      DATABASE_URL: databaseUrl,
      OUTBOX_DIR: join(workDir, `outbox-${engine}`),
      BUILD_DIR: buildPath,
      NODE_ENV: "production",
    };
    // BENCH_CPU_PROF=<folder>: each Node process of the server writes a CPU profile there when it stops.
    if (process.env.BENCH_CPU_PROF) {
      env.BENCH_CPU_PROF = resolve(process.env.BENCH_CPU_PROF);
      env.NODE_OPTIONS = `--import=${join(root, "test/bench/cpu-profile.mjs")}`;
    }
    const server = await startServer(root, env, port);
    try {
      const origin = `http://127.0.0.1:${port}`;
      for (const page of pages) await checkPage(origin, page);
      // BENCH_KEEP=1: leave the server up with its database so a person can look at the pages.
      if (process.env.BENCH_KEEP) {
        console.log(
          `Serving on ${origin}; cookies: ${JSON.stringify(Object.fromEntries(pages.map((p) => [p.path, p.cookie])))}`,
        );
        await new Promise(() => {});
      }
      console.log(
        `${engine}: server up on port ${port}: ${CONNECTIONS} connections, ${SECONDS} s a page in ${ROUNDS} turns, after ${WARMUP_SECONDS} s a page of warm-up.`,
      );
      // Every page warmed before any is measured, so the trivial page is not measured on a cold JIT.
      for (const page of pages) await warmPage(origin, page, CONNECTIONS, WARMUP_SECONDS);
      const results = await loadPages(origin, pages, CONNECTIONS, SECONDS, ROUNDS);
      const rssMb = residentBytes(serverPid(server.child.pid!, port)) / MB;
      const trivialRate = results[0]!.requestsPerSecond;

      const loadLines: LoadLine[] = results.map((result) => {
        const ratio = result.requestsPerSecond / trivialRate;
        const js = result.page.download
          ? { files: 0, gzipBytes: 0 }
          : shippedJavaScript(buildPath, result.page.routeId);
        const minRatio = result.page.minRatio;
        const passes = [
          result.p95Ms <= MAX_P95_MS,
          js.gzipBytes <= MAX_JS_GZIP_KB * KB,
          minRatio === null || ratio >= minRatio,
        ];
        return {
          page: result.page.name,
          rate: result.requestsPerSecond.toFixed(1),
          ratio: `${ratio.toFixed(2)}x`,
          ratioTarget: minRatio === null ? "(base)" : `>= ${minRatio}x`,
          ratioMet: minRatio === null ? null : ratio >= minRatio,
          p50: result.p50Ms.toFixed(1),
          p95: result.p95Ms.toFixed(1),
          js: (js.gzipBytes / KB).toFixed(1),
          pass: passes.every(Boolean),
        };
      });
      return { lines, loadLines, rssMb };
    } finally {
      await stopServer(server);
    }
  } finally {
    await db.destroy();
  }
}

/** The measured figures beside each other, engine by engine: throughput, its ratio to the trivial page, p95. */
function printSideBySide(sqlite: Figures, postgres: Figures): void {
  console.log("Data functions, median / p95 ms:");
  printColumns(
    ["measurement", "SQLite median", "p95", "PostgreSQL median", "p95", "target"],
    sqlite.lines.map((line) => {
      const other = postgres.lines.find((l) => l.name === line.name);
      return [line.name, line.median, line.p95, other?.median ?? "-", other?.p95 ?? "-", line.target];
    }),
  );
  console.log("");
  console.log(
    `Pages under load (targets: the ratio shown and p95 <= ${MAX_P95_MS} ms; for PostgreSQL, information only):`,
  );
  printColumns(
    [
      "page under load",
      "SQLite req/s",
      "x trivial",
      "p95 ms",
      "PostgreSQL req/s",
      "x trivial",
      "p95 ms",
      "ratio target",
      "PostgreSQL against the targets (info)",
    ],
    sqlite.loadLines.map((line) => {
      const other = postgres.loadLines.find((l) => l.page === line.page);
      const misses = other
        ? [other.ratioMet === false ? "ratio" : "", Number(other.p95) > MAX_P95_MS ? `p95 > ${MAX_P95_MS}` : ""].filter(
            Boolean,
          )
        : [];
      const info = !other ? "-" : misses.length > 0 ? `would miss ${misses.join(", ")}` : "would meet";
      return [
        line.page,
        line.rate,
        line.ratio,
        line.p95,
        other?.rate ?? "-",
        other?.ratio ?? "-",
        other?.p95 ?? "-",
        line.ratioTarget,
        info,
      ];
    }),
  );
  console.log(
    `Server RSS after the run: SQLite ${sqlite.rssMb.toFixed(0)} MB, PostgreSQL ${postgres.rssMb.toFixed(0)} MB (the portal's process only; PostgreSQL's own memory is not counted).`,
  );
}

/** A plain table: the first column left-aligned, the rest right-aligned. */
function printColumns(header: string[], rows: string[][]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const format = (cells: string[]) =>
    cells
      .map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!)))
      .join("  ")
      .trimEnd();
  console.log(format(header));
  console.log(widths.map((w) => "-".repeat(w)).join("  "));
  for (const row of rows) console.log(format(row));
}

/**
 * A fresh PostgreSQL database for the bench: on TEST_DATABASE_URL's server when it is set, else on a
 * throwaway cluster started now (stopped again on Ctrl-C). The reason instead when PostgreSQL's server is
 * not installed.
 */
async function postgresForBench(): Promise<
  { url: string; where: string; release: () => Promise<void> } | { skipped: string }
> {
  let cluster: Cluster | undefined;
  let server = process.env.TEST_DATABASE_URL;
  let where = "a database on TEST_DATABASE_URL's server";
  if (!server) {
    if (!postgresBinaries()) {
      return {
        skipped:
          "PostgreSQL's server is not installed (apt-get install postgresql, or PG_BIN), and TEST_DATABASE_URL is not set",
      };
    }
    const started = await startCluster();
    cluster = started;
    // Ctrl-C must not leave a PostgreSQL server behind.
    for (const signal of ["SIGINT", "SIGTERM"] as const) {
      process.once(signal, () => {
        started.stop();
        process.exit(130);
      });
    }
    server = started.url;
    where = "a throwaway cluster on this machine, fsync off";
  }
  try {
    const database = await createPostgresDatabase(server);
    return {
      url: database.url,
      where,
      release: async () => {
        try {
          await database.drop();
        } finally {
          cluster?.stop();
        }
      },
    };
  } catch (error) {
    cluster?.stop();
    throw error;
  }
}

/** BENCH_DATABASES=sqlite or =postgres measures one engine only; both by default. */
const engines = (process.env.BENCH_DATABASES ?? "sqlite,postgres").toLowerCase().split(",");

let failed = true;
try {
  const started = Date.now();
  const buildPath = ensureBuild();
  const sqlite = engines.includes("sqlite") ? await measureOn("SQLite", sqliteUrl, workDir, buildPath) : null;

  let postgres: Figures | null = null;
  let postgresFailed = false;
  if (engines.includes("postgres")) {
    const database = await postgresForBench();
    if ("skipped" in database) {
      console.log(`\nThe PostgreSQL column was skipped: ${database.skipped}.`);
    } else {
      try {
        postgres = await measureOn("PostgreSQL", database.url, database.where, buildPath);
      } catch (error) {
        // A page that fails on PostgreSQL is a fault to fix, not a slow figure: the run fails.
        console.error("PostgreSQL run failed:", error);
        postgresFailed = true;
      } finally {
        await database.release();
      }
    }
  }

  if (sqlite) {
    console.log("\nSQLite:");
    printTable(sqlite.lines);
    console.log("");
    printLoadTable(sqlite.loadLines);
    const rssPass = sqlite.rssMb <= MAX_RSS_MB;
    console.log(
      `Server RSS after the run: ${sqlite.rssMb.toFixed(0)} MB (target <= ${MAX_RSS_MB} MB) ${rssPass ? "PASS" : "FAIL"}`,
    );
    failed = sqlite.lines.some((l) => l.pass === false) || sqlite.loadLines.some((l) => !l.pass) || !rssPass;
  } else {
    failed = false;
  }
  if (sqlite && postgres) {
    console.log("\nSQLite and PostgreSQL side by side:");
    printSideBySide(sqlite, postgres);
  } else if (postgres) {
    console.log("\nPostgreSQL (targets informational):");
    printTable(postgres.lines);
    console.log("");
    printLoadTable(postgres.loadLines);
  }
  failed ||= postgresFailed;
  if (!sqlite && !postgres) {
    console.log(`Nothing was measured (BENCH_DATABASES=${engines.join(",")}).`);
    failed = true;
  }
  console.log(
    `\n${failed ? "FAIL: a target was missed or a run failed" : "PASS: every target met"} (targets are for a 2-core machine and gate SQLite only; ${Math.round((Date.now() - started) / 1000)} s in all)`,
  );
} catch (error) {
  console.error(error);
} finally {
  rmSync(workDir, { recursive: true, force: true });
}
process.exitCode = failed ? 1 : 0;
