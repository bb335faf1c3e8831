import { execFile } from "node:child_process";
import { mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { promisify } from "node:util";
import { expect, test, type Page, type Response } from "@playwright/test";
import { expectAccessible, signIn } from "./helpers";

/*
 * Every page each kind of person reaches on the demo data, at 320 CSS pixels (a phone, or a laptop at
 * 400% zoom; WCAG 2.2 1.4.10): the document must not be wider than the window, axe must find nothing,
 * and the Nu HTML Checker must find no error in the HTML the server sent. Error states are included:
 * one bad form of each kind, posted without JavaScript so the server's 422 page is what is checked.
 * Read-only on the demo data: bad forms change nothing. Runs on its own (no project dependencies), so
 * the demo proposal is in draft; pages that need another state are listed in SKIPPED with the reason.
 */

const WIDTH = 320;
const SHOTS = process.env.REFLOW_SCREENSHOTS ?? join("test-results", "reflow");
// Next to the run's temporary database (one per run, shared by a worker restarted after a failure), so
// the last test finds every page the others saved.
const HTML_DIR = join(process.env.E2E_DATABASE ? dirname(process.env.E2E_DATABASE) : tmpdir(), "reflow-html");
mkdirSync(HTML_DIR, { recursive: true });

const SKIPPED: Record<string, string> = {
  "/proposals/:id/endorse and /return": "the CSP steps need a proposal awaiting the CSP; the demo proposal is a draft",
  "/proposals/:id/review":
    "MOPAC sees a proposal once it is submitted; the demo proposal is a draft (the journey project covers it)",
  "/session/keep-alive and /sign-out": "POST-only endpoints with no page of their own",
};

let saved = 0;

test.use({ viewport: { width: WIDTH, height: 720 } });
// Up to 18 pages a test, each with axe, on a shared machine.
test.describe.configure({ timeout: 600_000 });

/** The file name of a page's saved HTML and screenshot. */
function slug(who: string, url: string): string {
  return `${who}${url.replace(/[^a-z0-9]+/gi, "-")}`.replace(/-+$/, "");
}

async function checkPage(
  page: Page,
  who: string,
  url: string,
  response: Response | null,
  screenshot = false,
): Promise<void> {
  expect(response, `no response for ${url}`).not.toBeNull();
  const html = await response!.text();
  writeFileSync(join(HTML_DIR, `${slug(who, url)}-${process.pid}-${saved++}.html`), html);
  const widths = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    inner: window.innerWidth,
  }));
  if (screenshot) {
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: join(SHOTS, `${slug(who, url)}.png`), fullPage: true });
  }
  // Soft, so one run lists every page that is too wide rather than stopping at the first.
  expect
    .soft(widths.scroll, `${who} ${url} is ${widths.scroll}px wide at ${widths.inner}px`)
    .toBeLessThanOrEqual(widths.inner);
  await expectAccessible(page);
}

async function visit(page: Page, who: string, url: string, screenshot = false): Promise<void> {
  const response = await page.goto(url);
  await checkPage(page, who, url, response, screenshot);
}

/**
 * Submits the form on `form` (a page without JavaScript, so the server answers, not the browser's
 * checks), then shows the server's 422 answer in `page` (with JavaScript) to check it like any page.
 */
async function submitBadForm(form: Page, page: Page, who: string, label: string, button: string): Promise<void> {
  const [response] = await Promise.all([
    form.waitForResponse((r) => r.request().method() === "POST"),
    form.getByRole("button", { name: button }).first().click(),
  ]);
  expect(response.status(), `${label} should be refused`).toBe(422);
  const html = await response.text();
  const url = new URL(response.url());
  await page.route(
    url.href,
    (route) => route.fulfill({ status: 422, contentType: "text/html; charset=utf-8", body: html }),
    { times: 1 },
  );
  const shown = await page.goto(url.href);
  await expect(page.locator(".govuk-error-summary").first()).toBeVisible();
  await checkPage(page, who, `${url.pathname}#${label}`, shown);
}

/** The demo proposal's page and its first project's, found by following links as a person would. */
async function demoIds(page: Page): Promise<{ proposal: string; project: string }> {
  await page.goto("/borough");
  const proposal = await page.locator('main a[href^="/proposals/"]').first().getAttribute("href");
  expect(proposal).toMatch(/^\/proposals\/\d+$/);
  await page.goto(proposal!);
  const link = await page.locator('main a[href*="/projects/"]:not([href$="/new"])').first().getAttribute("href");
  const project = /^\/proposals\/\d+\/projects\/\d+/.exec(link ?? "")?.[0];
  expect(project, `a project link on ${proposal}`).toBeTruthy();
  return { proposal: proposal!, project: project! };
}

test("anonymous pages fit 320px", async ({ page }) => {
  // The report lists what this file does not reach, and why.
  for (const [pages, reason] of Object.entries(SKIPPED))
    test.info().annotations.push({ type: "not checked", description: `${pages}: ${reason}` });
  for (const url of ["/sign-in", "/accessibility", "/privacy", "/cookies", "/no-such-page"])
    await visit(page, "anonymous", url, url === "/sign-in");
});

test("borough officer pages fit 320px", async ({ page }) => {
  await signIn(page, "officer@barking-dagenham.test");
  const { proposal, project } = await demoIds(page);
  const key = new Set(["/borough", proposal, `${proposal}/check`, `${project}/funding`]);
  const urls = [
    "/borough",
    "/notifications",
    "/accessibility",
    "/privacy",
    "/cookies",
    proposal,
    `${proposal}/compliance`,
    `${proposal}/check`,
    `${proposal}/withdraw`,
    `${proposal}/projects/new`,
    project,
    `${project}/remove`,
    ...["details", "description", "funding", "partners", "delivery", "milestones", "measures"].map(
      (s) => `${project}/${s}`,
    ),
  ];
  for (const url of urls) await visit(page, "officer", url, key.has(url));
});

test("CSP member pages fit 320px", async ({ page }) => {
  await signIn(page, "csp@barking-dagenham.test");
  const { proposal, project } = await demoIds(page);
  for (const url of ["/borough", "/notifications", proposal, `${proposal}/check`, project])
    await visit(page, "csp", url);
});

test("reviewer pages fit 320px", async ({ page }) => {
  await signIn(page, "reviewer@mopac.test");
  for (const url of [
    "/review",
    "/notifications",
    "/london",
    "/london/priorities",
    "/london/co-commissioning",
    "/london/measures",
  ])
    await visit(page, "reviewer", url);
});

test("admin pages fit 320px", async ({ page }) => {
  await signIn(page, "admin@mopac.test");
  for (const url of ["/admin", "/admin/reminders", "/review", "/notifications", "/admin/rounds", "/admin/rounds/new"])
    await visit(page, "admin", url);
  // The demo round's pages, found by following links: its settings, allocations, a year's form, the upload.
  await page.goto("/admin/rounds");
  const round = await page
    .getByRole("link", { name: "London Crime Prevention Fund 2017-21", exact: true })
    .getAttribute("href");
  expect(round).toMatch(/^\/admin\/rounds\/\d+$/);
  await page.goto(`${round}/allocations`);
  const year = await page.getByRole("link", { name: "Enter or change the 2017/18 allocations" }).getAttribute("href");
  for (const url of [round!, `${round}/allocations`, `${round}/allocations/import`, year!])
    await visit(page, "admin", url);
});

test("error states: one bad form of each kind", async ({ page, browser }) => {
  const formContext = await browser.newContext({ javaScriptEnabled: false, viewport: { width: WIDTH, height: 720 } });
  const form = await formContext.newPage();

  await form.goto("/sign-in");
  await form.getByLabel("Email address").fill("not-an-email");
  await submitBadForm(form, page, "anonymous", "sign-in", "Sign in");

  await signIn(page, "officer@barking-dagenham.test");
  await formContext.addCookies(await page.context().cookies());
  const { proposal, project } = await demoIds(page);

  await form.goto(`${proposal}/projects/new`);
  await submitBadForm(form, page, "officer", "new-project", "Add the project");

  await form.goto(`${project}/milestones`);
  await form.locator("input[name$='Day']").first().fill("31");
  await form.locator("input[name$='Month']").first().fill("Febuary");
  await form.locator("input[name$='Year']").first().fill("17");
  await submitBadForm(form, page, "officer", "milestone-date", "Save and return");
  // Only the box to fix is highlighted in that date: the month, the first problem found.
  const typed = page.locator(".govuk-date-input").first();
  await expect(typed.locator("input.govuk-input--error")).toHaveCount(1);
  await expect(typed.locator("input[name$='Month']")).toHaveClass(/govuk-input--error/);

  await form.goto(`${project}/funding`);
  await form.locator("input[type=text]").first().fill("ten pounds");
  await submitBadForm(form, page, "officer", "funding", "Save and return");

  await form.goto(`${proposal}/compliance`);
  await form.locator("input[name=privacyNoticeUrl]").fill("not a web address");
  await submitBadForm(form, page, "officer", "compliance", "Save and return");
  // A refused address goes back into a field that is valid HTML whatever it holds.
  await expect(page.locator("input[name=privacyNoticeUrl]")).toHaveValue("not a web address");

  await form.goto(`${proposal}/check`);
  await submitBadForm(form, page, "officer", "check", "Send to the CSP");
  await formContext.close();
});

test("the Nu HTML Checker finds no errors in any page's server HTML", async () => {
  test.setTimeout(180_000);
  const require = createRequire(import.meta.url);
  const vnu = String(require("vnu-jar") as unknown);
  const files = readdirSync(HTML_DIR).filter((f) => f.endsWith(".html"));
  expect(files.length, "pages were saved by the tests above").toBeGreaterThan(20);
  const run = promisify(execFile);
  // vnu exits 1 when it finds errors; its JSON report is what the assertion reads either way.
  const output = await run("java", ["-jar", vnu, "--format", "json", "--stdout", "--errors-only", HTML_DIR], {
    maxBuffer: 32 * 1024 * 1024,
  }).catch((error: { stdout?: string }) => ({ stdout: error.stdout ?? "" }));
  const report = JSON.parse(output.stdout) as {
    messages: { type: string; url?: string; message: string; extract?: string }[];
  };
  const errors = report.messages
    .filter((m) => m.type === "error")
    .map((m) => `${(m.url ?? "").split("/").pop()}: ${m.message}${m.extract ? ` [${m.extract.trim()}]` : ""}`);
  expect(errors, `checked ${files.length} pages: ${files.join(", ")}`).toEqual([]);
});
