import { execFile } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { promisify } from "node:util";
import { expect, test, type Browser, type Page, type Response } from "@playwright/test";
import { addEvents, ensureUser, makeProposal, notify, setAllocations, setLeadReviewer, withDatabase } from "./fixtures";
import { expectAccessible, signIn } from "./helpers";

/*
 * Every page each kind of person reaches, at 320 CSS pixels (a phone, or a laptop at 400% zoom; WCAG 2.2
 * 1.4.10): the document must not be wider than the window, axe must find nothing, and the Nu HTML Checker
 * must find no error in the HTML the server sent. Each page is saved as a 320px screenshot under
 * test-results/reflow/, named by who saw it and which page it is. Error states are included: one bad form
 * of each kind, posted without JavaScript so the server's 422 page is what is checked.
 *
 * The demo proposal is read in draft and never changed. Pages that need a proposal in another state are
 * reached through proposals of this spec's own, made in the database in Sutton and Merton (boroughs no
 * other spec uses), with people of their own and a reviewer of their own; bad forms change nothing.
 */

const WIDTH = 320;
const SHOTS = process.env.REFLOW_SCREENSHOTS ?? join("test-results", "reflow");
// Next to the run's temporary database (one per run, shared by a worker restarted after a failure), so
// the last test finds every page the others saved.
const HTML_DIR = join(process.env.E2E_DATABASE ? dirname(process.env.E2E_DATABASE) : tmpdir(), "reflow-html");
mkdirSync(HTML_DIR, { recursive: true });
const WALK_FILE = join(dirname(HTML_DIR), "reflow-walk.json");

const SKIPPED: Record<string, string> = {
  "/session/keep-alive and /sign-out": "POST-only endpoints with no page of their own",
  "/programmes/:id/pdf, the CSV and Excel exports":
    "files, not pages (journey, programmes and exports specs open them)",
};

const SUTTON = "E09000029";
const MERTON = "E09000024";
const PEOPLE = {
  suttonOfficer: { email: "officer-walk@sutton.test", name: "Walk Officer (Sutton)" },
  suttonCsp: { email: "csp-walk@sutton.test", name: "Walk CSP Chair (Sutton)" },
  mertonOfficer: { email: "officer-walk@merton.test", name: "Walk Officer (Merton)" },
  mertonCsp: { email: "csp-walk@merton.test", name: "Walk CSP Chair (Merton)" },
  reviewer: { email: "reviewer-walk@mopac.test", name: "Walk Reviewer" },
} as const;

/** The walk's own proposals, one in each state a page needs. */
type Walk = {
  reviewerId: number;
  awaiting: number;
  changes: number;
  changesProject: number;
  blockedProject: number;
  withdrawn: number;
  inReview: number;
  inReviewProject: number;
  approved: number;
  rejected: number;
};
let walk: Walk;

// Long titles and a long provider name, as boroughs write them, so the pages are tried with real lengths.
const PROJECTS = [
  {
    title: "Independent Domestic Violence Advisers at the magistrates’ court",
    priority: 3,
    poundsPerYear: 95_000,
    candidate: true,
  },
  { title: "Neighbourhood problem-solving and anti-social behaviour caseworkers", priority: 1, poundsPerYear: 80_000 },
  { title: "Youth outreach in the evenings", priority: 2, poundsPerYear: 60_000 },
];

test.beforeAll(() => {
  // A worker restarted after a failure runs this again on the same database: it finds what the first run made.
  if (existsSync(WALK_FILE)) {
    walk = JSON.parse(readFileSync(WALK_FILE, "utf8")) as Walk;
    return;
  }
  walk = withDatabase((db) => {
    const suttonOfficer = ensureUser(db, { ...PEOPLE.suttonOfficer, organisation: SUTTON, role: "borough_officer" });
    const suttonCsp = ensureUser(db, {
      ...PEOPLE.suttonCsp,
      organisation: SUTTON,
      role: "csp_member",
      canEndorse: true,
    });
    const mertonOfficer = ensureUser(db, { ...PEOPLE.mertonOfficer, organisation: MERTON, role: "borough_officer" });
    const mertonCsp = ensureUser(db, {
      ...PEOPLE.mertonCsp,
      organisation: MERTON,
      role: "csp_member",
      canEndorse: true,
    });
    const reviewer = ensureUser(db, { ...PEOPLE.reviewer, organisation: "mopac", role: "mopac_reviewer" });
    setLeadReviewer(db, SUTTON, reviewer);
    setLeadReviewer(db, MERTON, reviewer);
    // Below Barking and Dagenham's £644,000, which the London spec expects to lead the allocations.
    for (const gss of [SUTTON, MERTON]) for (const period of [1, 2] as const) setAllocations(db, gss, period, 400_000);

    const sent = (officer: number) =>
      ({ actorId: officer, action: "send_to_csp", from: "draft", to: "awaiting_csp" }) as const;
    const endorsedAndRouted = (csp: number) =>
      [
        { actorId: csp, action: "endorse", from: "awaiting_csp", to: "submitted", meetingDate: "2017-02-07" },
        { actorId: null, action: "start_review", from: "submitted", to: "in_review", assignedReviewerId: reviewer },
      ] as const;

    // Sutton: one proposal awaiting its CSP (period 1), one back for changes (period 2), one withdrawn.
    const awaiting = makeProposal(db, {
      gssCode: SUTTON,
      period: 1,
      status: "awaiting_csp",
      active: true,
      officerId: suttonOfficer,
      projects: PROJECTS,
    });
    addEvents(db, awaiting.id, [{ ...sent(suttonOfficer), comment: "For the meeting on 7 February." }]);
    notify(
      db,
      suttonCsp,
      awaiting.id,
      "Sutton’s proposal for Period 1 is waiting for the CSP’s endorsement",
      `/proposals/${awaiting.id}`,
    );

    const changes = makeProposal(db, {
      gssCode: SUTTON,
      period: 2,
      status: "changes_requested",
      active: true,
      officerId: suttonOfficer,
      reviewerId: reviewer,
      // The project added after MOPAC's feedback is unfinished, so the check page lists what blocks sending.
      projects: [...PROJECTS, { title: "Safer transport hubs", priority: 1, poundsPerYear: 10_000, incomplete: true }],
    });
    addEvents(db, changes.id, [
      sent(suttonOfficer),
      ...endorsedAndRouted(suttonCsp),
      {
        actorId: reviewer,
        action: "comment",
        from: "in_review",
        to: "in_review",
        comment: "Please show how the advisers’ caseload was worked out, and what happens when it is full.",
        project: { id: changes.projectIds[0]!, title: PROJECTS[0]!.title },
      },
      {
        actorId: reviewer,
        action: "request_changes",
        from: "in_review",
        to: "changes_requested",
        comment:
          "The programme is sound. Before we approve it, explain the advisers’ caseload (see the comment on that project) and name the youth outreach provider.",
      },
    ]);
    notify(
      db,
      suttonOfficer,
      changes.id,
      "MOPAC has asked for changes to Sutton’s proposal for Period 2",
      `/proposals/${changes.id}`,
    );

    const withdrawn = makeProposal(db, {
      gssCode: SUTTON,
      period: 1,
      status: "withdrawn",
      active: false,
      officerId: suttonOfficer,
      projects: PROJECTS.slice(0, 1),
    });
    addEvents(db, withdrawn.id, [
      {
        actorId: suttonOfficer,
        action: "withdraw",
        from: "draft",
        to: "withdrawn",
        comment: "Started twice by mistake.",
      },
    ]);

    // Merton: in review with the walk's reviewer (period 2), approved (period 1), and an earlier rejected one.
    const inReview = makeProposal(db, {
      gssCode: MERTON,
      period: 2,
      status: "in_review",
      active: true,
      officerId: mertonOfficer,
      reviewerId: reviewer,
      projects: PROJECTS,
    });
    addEvents(db, inReview.id, [sent(mertonOfficer), ...endorsedAndRouted(mertonCsp)]);
    notify(
      db,
      reviewer,
      inReview.id,
      "Merton’s proposal for Period 2 has been assigned to you for review",
      `/proposals/${inReview.id}/review`,
    );

    const approved = makeProposal(db, {
      gssCode: MERTON,
      period: 1,
      status: "approved",
      active: true,
      officerId: mertonOfficer,
      reviewerId: reviewer,
      projects: PROJECTS,
    });
    addEvents(db, approved.id, [
      sent(mertonOfficer),
      ...endorsedAndRouted(mertonCsp),
      { actorId: reviewer, action: "approve", from: "in_review", to: "approved", comment: "Approved as sent." },
    ]);
    notify(
      db,
      mertonOfficer,
      approved.id,
      "MOPAC has approved Merton’s proposal for Period 1",
      `/proposals/${approved.id}`,
    );

    const rejected = makeProposal(db, {
      gssCode: MERTON,
      period: 1,
      status: "rejected",
      active: false,
      officerId: mertonOfficer,
      reviewerId: reviewer,
      projects: PROJECTS.slice(1),
    });
    addEvents(db, rejected.id, [
      sent(mertonOfficer),
      ...endorsedAndRouted(mertonCsp),
      {
        actorId: reviewer,
        action: "reject",
        from: "in_review",
        to: "rejected",
        comment: "The programme leaves violence against women and girls without a project.",
      },
    ]);

    const ids: Walk = {
      reviewerId: reviewer,
      awaiting: awaiting.id,
      changes: changes.id,
      changesProject: changes.projectIds[0]!,
      blockedProject: changes.projectIds[3]!,
      withdrawn: withdrawn.id,
      inReview: inReview.id,
      inReviewProject: inReview.projectIds[0]!,
      approved: approved.id,
      rejected: rejected.id,
    };
    return ids;
  });
  writeFileSync(WALK_FILE, JSON.stringify(walk));
});

let saved = 0;

test.use({ viewport: { width: WIDTH, height: 720 } });
// Up to 25 pages a test, each with axe and a screenshot, on a shared machine.
test.describe.configure({ timeout: 600_000 });

/** The file name of a page's saved HTML and screenshot: who saw it and which page, without ids. */
function slug(who: string, name: string): string {
  return `${who}-${name}`.replace(/[^a-z0-9]+/gi, "-").replace(/-+$/, "");
}

async function checkPage(page: Page, who: string, name: string, response: Response | null): Promise<void> {
  expect(response, `no response for ${name}`).not.toBeNull();
  const html = await response!.text();
  writeFileSync(join(HTML_DIR, `${slug(who, name)}-${process.pid}-${saved++}.html`), html);
  const widths = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    inner: window.innerWidth,
  }));
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `${slug(who, name)}.png`), fullPage: true });
  // Soft, so one run lists every page that is too wide rather than stopping at the first.
  expect
    .soft(widths.scroll, `${who} ${name} (${page.url()}) is ${widths.scroll}px wide at ${widths.inner}px`)
    .toBeLessThanOrEqual(widths.inner);
  await expectAccessible(page);
}

/** Opens each page in turn: a name for the screenshot, and the address. */
async function visitAll(page: Page, who: string, pages: Record<string, string>, status = 200): Promise<void> {
  for (const [name, url] of Object.entries(pages)) {
    const response = await page.goto(url);
    expect(response?.status(), `${who} ${name} (${url})`).toBe(status);
    await checkPage(page, who, name, response);
  }
}

/**
 * Submits the form on `form` (a page without JavaScript, so the server answers, not the browser's
 * checks), then shows the server's answer in `page` (with JavaScript) to check it like any page: a 422
 * with its error summary, or the 200 of a form that answers with a page of its own (a confirmation).
 */
async function submitForm(
  form: Page,
  page: Page,
  who: string,
  name: string,
  button: string | ((form: Page) => Promise<void>),
  status = 422,
): Promise<void> {
  const [response] = await Promise.all([
    form.waitForResponse((r) => r.request().method() === "POST"),
    typeof button === "string" ? form.getByRole("button", { name: button }).first().click() : button(form),
  ]);
  expect(response.status(), `${name} should answer ${status}`).toBe(status);
  const html = await response.text();
  const url = new URL(response.url());
  await page.route(
    url.href,
    (route) => route.fulfill({ status, contentType: "text/html; charset=utf-8", body: html }),
    { times: 1 },
  );
  const shown = await page.goto(url.href);
  if (status === 422) await expect(page.locator(".govuk-error-summary").first()).toBeVisible();
  await checkPage(page, who, name, shown);
}

/** A page without JavaScript for posting forms, signed in as `page` is. */
async function plainFormPage(browser: Browser, page: Page): Promise<Page> {
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: WIDTH, height: 720 } });
  await context.addCookies(await page.context().cookies());
  return context.newPage();
}

/** Signs `page` in as someone else: the cookies go first, so the sign-in page is shown rather than a home page. */
async function signInAs(page: Page, email: string): Promise<void> {
  await page.context().clearCookies();
  await signIn(page, email);
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
  await visitAll(page, "anonymous", {
    "sign-in": "/sign-in",
    accessibility: "/accessibility",
    privacy: "/privacy",
    cookies: "/cookies",
    "forgot-password": "/forgot-password",
    "forgot-password-sent": "/forgot-password/sent",
  });
  await visitAll(page, "anonymous", { "page-not-found": "/no-such-page" }, 404);
  // A spent or mistyped link from an email says so, with what to do next.
  await visitAll(
    page,
    "anonymous",
    {
      "reset-password-link-gone": "/reset-password/not-a-real-token",
      "invitation-link-gone": "/invitation/not-a-real-token",
    },
    410,
  );
});

test("borough officer pages of the demo draft fit 320px", async ({ page }) => {
  await signInAs(page, "officer@barking-dagenham.test");
  const { proposal, project } = await demoIds(page);
  await visitAll(page, "officer", {
    home: "/borough",
    people: "/borough/people",
    "account-password": "/account/password",
    notifications: "/notifications",
    programmes: "/programmes",
    "draft-proposal": proposal,
    "draft-compliance": `${proposal}/compliance`,
    "draft-check-with-blockers": `${proposal}/check`,
    "draft-withdraw": `${proposal}/withdraw`,
    "draft-new-project": `${proposal}/projects/new`,
    "draft-project": project,
    "draft-project-remove": `${project}/remove`,
    ...Object.fromEntries(
      ["details", "description", "funding", "partners", "delivery", "milestones", "measures"].map((s) => [
        `draft-project-${s}`,
        `${project}/${s}`,
      ]),
    ),
  });
});

test("borough officer pages of proposals sent on fit 320px", async ({ page }) => {
  const { awaiting, changes, changesProject, blockedProject, withdrawn } = walk;
  await signInAs(page, PEOPLE.suttonOfficer.email);
  await visitAll(page, "officer", {
    "home-with-proposals-sent": "/borough",
    "notifications-unread": "/notifications",
    "awaiting-csp-proposal": `/proposals/${awaiting}`,
    "awaiting-csp-check": `/proposals/${awaiting}/check`,
    "awaiting-csp-withdraw": `/proposals/${awaiting}/withdraw`,
    "changes-requested-proposal-feedback-banner": `/proposals/${changes}`,
    "changes-requested-check-with-blockers": `/proposals/${changes}/check`,
    "changes-requested-compliance": `/proposals/${changes}/compliance`,
    "changes-requested-project-with-feedback": `/proposals/${changes}/projects/${changesProject}`,
    "changes-requested-project-funding": `/proposals/${changes}/projects/${changesProject}/funding`,
    "changes-requested-project-unfinished": `/proposals/${changes}/projects/${blockedProject}`,
    "withdrawn-proposal": `/proposals/${withdrawn}`,
  });
  await page.goto(`/proposals/${changes}`);
  await expect(page.getByRole("region", { name: "Feedback from MOPAC" })).toBeVisible();
  // The review is MOPAC's: the borough's officer is told so, on a page that fits too.
  await visitAll(page, "officer", { "refused-review-page": `/proposals/${changes}/review` }, 403);

  await signInAs(page, PEOPLE.mertonOfficer.email);
  const { inReview, approved, rejected } = walk;
  await visitAll(page, "officer", {
    "home-approved-and-in-review": "/borough",
    "programmes-endorsed": "/programmes",
    "in-review-proposal": `/proposals/${inReview}`,
    "approved-proposal": `/proposals/${approved}`,
    "approved-check": `/proposals/${approved}/check`,
    "approved-programme": `/programmes/${approved}`,
    "approved-programme-print": `/programmes/${approved}/print`,
    "rejected-proposal": `/proposals/${rejected}`,
    "rejected-programme": `/programmes/${rejected}`,
  });
});

test("CSP member pages fit 320px", async ({ page }) => {
  await signInAs(page, "csp@barking-dagenham.test");
  const { proposal, project } = await demoIds(page);
  await visitAll(page, "csp", {
    "home-nothing-to-endorse": "/borough",
    notifications: "/notifications",
    "programmes-none-yet": "/programmes",
    "draft-proposal": proposal,
    "draft-check": `${proposal}/check`,
    "draft-project": project,
  });

  const { awaiting } = walk;
  await signInAs(page, PEOPLE.suttonCsp.email);
  await visitAll(page, "csp", {
    "home-awaiting-endorsement": "/borough",
    people: "/borough/people",
    "notifications-unread": "/notifications",
    "awaiting-proposal": `/proposals/${awaiting}`,
    "awaiting-check": `/proposals/${awaiting}/check`,
    endorse: `/proposals/${awaiting}/endorse`,
    return: `/proposals/${awaiting}/return`,
  });

  const { inReview, approved, rejected } = walk;
  await signInAs(page, PEOPLE.mertonCsp.email);
  await visitAll(page, "csp", {
    programmes: "/programmes",
    "in-review-programme": `/programmes/${inReview}`,
    "approved-programme": `/programmes/${approved}`,
    "approved-programme-print": `/programmes/${approved}/print`,
    "rejected-programme": `/programmes/${rejected}`,
  });
});

test("reviewer pages fit 320px", async ({ page }) => {
  const { inReview, approved, rejected, changes } = walk;
  await signInAs(page, PEOPLE.reviewer.email);
  await visitAll(page, "reviewer", {
    "queue-assigned-to-me": "/review",
    "queue-all-sorted": "/review?show=all&sort=planned&dir=desc",
    notifications: "/notifications",
    london: "/london",
    "london-priorities": "/london/priorities",
    "london-co-commissioning": "/london/co-commissioning",
    "london-measures": "/london/measures",
    "decision-table": "/decision-table",
    "decision-table-print": "/decision-table/print",
    "in-review-review-page": `/proposals/${inReview}/review`,
    "in-review-decision": `/proposals/${inReview}/review/decision`,
    "in-review-proposal": `/proposals/${inReview}`,
    "in-review-programme": `/programmes/${inReview}`,
    "changes-requested-review-page": `/proposals/${changes}/review`,
    "approved-review-page": `/proposals/${approved}/review`,
    "approved-programme-print": `/programmes/${approved}/print`,
    "rejected-review-page": `/proposals/${rejected}/review`,
  });
  await signInAs(page, "reviewer@mopac.test");
  await visitAll(page, "reviewer", { "queue-empty": "/review" });
});

test("admin pages fit 320px", async ({ page }) => {
  const { inReview, approved } = walk;
  await signInAs(page, "admin@mopac.test");
  await visitAll(page, "admin", {
    home: "/admin",
    reminders: "/admin/reminders",
    people: "/admin/people",
    "people-invite": "/admin/people/invite",
    "person-reviewer": `/admin/people/${walk.reviewerId}`,
    queue: "/review",
    london: "/london",
    "decision-table": "/decision-table",
    notifications: "/notifications",
    "in-review-review-page": `/proposals/${inReview}/review`,
    "approved-proposal": `/proposals/${approved}`,
    rounds: "/admin/rounds",
    "rounds-new": "/admin/rounds/new",
  });
  // The demo round's pages, found by following links: its settings, allocations, a year's form, the upload.
  await page.goto("/admin/rounds");
  const round = await page
    .getByRole("link", { name: "London Crime Prevention Fund 2017-21", exact: true })
    .getAttribute("href");
  expect(round).toMatch(/^\/admin\/rounds\/\d+$/);
  await page.goto(`${round}/allocations`);
  const year = await page.getByRole("link", { name: "Enter or change the 2017/18 allocations" }).getAttribute("href");
  await visitAll(page, "admin", {
    round: round!,
    "round-allocations": `${round}/allocations`,
    "round-allocations-import": `${round}/allocations/import`,
    "round-allocations-year": year!,
  });
});

test("error states and confirmations: one form of each kind", async ({ page, browser }) => {
  const signedOut = await browser.newContext({ javaScriptEnabled: false, viewport: { width: WIDTH, height: 720 } });
  const anonymous = await signedOut.newPage();
  await anonymous.goto("/sign-in");
  await anonymous.getByLabel("Email address").fill("not-an-email");
  await submitForm(anonymous, page, "anonymous", "error-sign-in", "Sign in");
  await signedOut.close();

  // The officer's forms, on the demo draft: refused input changes nothing.
  await signInAs(page, "officer@barking-dagenham.test");
  let form = await plainFormPage(browser, page);
  const { proposal, project } = await demoIds(page);

  await form.goto(`${proposal}/projects/new`);
  await submitForm(form, page, "officer", "error-new-project", "Add the project");

  await form.goto(`${project}/milestones`);
  await form.locator("input[name$='Day']").first().fill("31");
  await form.locator("input[name$='Month']").first().fill("Febuary");
  await form.locator("input[name$='Year']").first().fill("17");
  await submitForm(form, page, "officer", "error-milestone-date", "Save and return");
  // Only the box to fix is highlighted in that date: the month, the first problem found.
  const typed = page.locator(".govuk-date-input").first();
  await expect(typed.locator("input.govuk-input--error")).toHaveCount(1);
  await expect(typed.locator("input[name$='Month']")).toHaveClass(/govuk-input--error/);

  await form.goto(`${project}/funding`);
  await form.locator("input[type=text]").first().fill("ten pounds");
  await submitForm(form, page, "officer", "error-funding", "Save and return");

  await form.goto(`${proposal}/compliance`);
  await form.locator("input[name=privacyNoticeUrl]").fill("not a web address");
  await submitForm(form, page, "officer", "error-compliance", "Save and return");
  // A refused address goes back into a field that is valid HTML whatever it holds.
  await expect(page.locator("input[name=privacyNoticeUrl]")).toHaveValue("not a web address");

  await form.goto(`${proposal}/check`);
  await submitForm(form, page, "officer", "error-check-blockers", "Send to the CSP");
  await form.context().close();

  // The CSP's two steps, refused for what is missing: the proposal still awaits the CSP afterwards.
  await signInAs(page, PEOPLE.suttonCsp.email);
  form = await plainFormPage(browser, page);
  await form.goto(`/proposals/${walk.awaiting}/endorse`);
  await form.getByLabel("Day").fill("31");
  await form.getByLabel("Month").fill("2");
  await form.getByLabel("Year").fill("2017");
  await submitForm(form, page, "csp", "error-endorse-meeting-date", "Record the endorsement and submit to MOPAC");
  await form.goto(`/proposals/${walk.awaiting}/return`);
  await submitForm(form, page, "csp", "error-return-without-comments", "Return the proposal");
  await form.context().close();

  // The reviewer's forms: an empty comment, no decision, changes without feedback, reassigning to
  // the same reviewer; and the confirmation page, which is shown but not confirmed.
  await signInAs(page, PEOPLE.reviewer.email);
  form = await plainFormPage(browser, page);
  const review = `/proposals/${walk.inReview}/review`;
  await form.goto(review);
  await submitForm(form, page, "reviewer", "error-review-comment", async (f) => {
    await f.locator(`#project-${walk.inReviewProject}`).getByRole("button", { name: "Add comment" }).click();
  });
  await form.goto(review);
  await submitForm(form, page, "reviewer", "error-review-no-decision", "Continue");
  await form.goto(review);
  await form.getByLabel("Request changes").check();
  await submitForm(form, page, "reviewer", "error-decision-without-feedback", "Continue");
  await form.goto(review);
  await submitForm(form, page, "reviewer", "error-reassign-same-reviewer", "Reassign");
  await form.goto(review);
  await form.getByLabel("Request changes").check();
  await form.getByLabel("Feedback for the borough").fill("Say how the advisers’ caseload was worked out.");
  await submitForm(form, page, "reviewer", "decision-confirmation", "Continue", 200);
  await expect(page.getByRole("heading", { name: "Check your decision before you confirm it" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Confirm: request changes" })).toBeVisible();
  await form.context().close();
});

test("the Nu HTML Checker finds no errors in any page's server HTML", async () => {
  test.setTimeout(180_000);
  const require = createRequire(import.meta.url);
  const vnu = String(require("vnu-jar") as unknown);
  const files = readdirSync(HTML_DIR).filter((f) => f.endsWith(".html"));
  expect(files.length, "pages were saved by the tests above").toBeGreaterThan(80);
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
