import { beforeAll, describe, expect, it } from "vitest";
import { checkImportFile, savePendingImport } from "~/data/allocations.server";
import { db } from "~/db.server";
import routes from "~/routes";
import { cookieFor, formRequest, getRequest, settle, useTestDatabase } from "./setup-db";

/*
 * Who may reach what: every route of app/routes.ts, for every kind of person, and for the pages of a
 * proposal in every state of its route, with the answer its loader and its action must give.
 * The table is written out by hand from DOMAIN.md's rules, not computed from the code under test.
 * A route added to app/routes.ts without a row here fails the first test.
 *
 * Answers: "200" the page, "302" a redirect (not to sign-in), "sign" a redirect to the sign-in page,
 * "403" not allowed, "404" page not found, "405" no action (React Router answers 405 itself),
 * "409" not in this state, "410" a one-time link that no longer works, "422" allowed but the input (or the proposal)
 * is not ready, "204" done, nothing to show.
 */

useTestDatabase();

const PEOPLE = [
  "anonymous",
  "officer",
  "otherBoroughOfficer",
  "cspMember",
  "cspEndorser",
  "assignedReviewer",
  "otherReviewer",
  "admin",
] as const;
type Person = (typeof PEOPLE)[number];

const EMAILS: Record<Exclude<Person, "anonymous">, string> = {
  officer: "officer@barking-dagenham.test",
  otherBoroughOfficer: "officer@newham.test",
  cspMember: "csp-no-endorse@barking-dagenham.test",
  cspEndorser: "csp@barking-dagenham.test",
  assignedReviewer: "reviewer@mopac.test",
  otherReviewer: "reviewer2@mopac.test",
  admin: "admin@mopac.test",
};

const STATES = [
  "draft",
  "awaiting_csp",
  "submitted",
  "in_review",
  "changes_requested",
  "approved",
  "rejected",
  "withdrawn",
] as const;
type State = (typeof STATES)[number];

type Answer = "200" | "204" | "302" | "sign" | "403" | "404" | "405" | "409" | "410" | "422";
/** One answer per state, in the order of STATES: draft, awaiting CSP, submitted, in review, changes requested, approved, rejected, withdrawn. */
type StateRow = string;
type Grid = Record<Person, StateRow>;

const every = (answer: Answer) => Array(STATES.length).fill(answer).join(" ");

/*
 * The shapes most proposal pages share, spelt out once so each row below reads as a rule.
 * MOPAC sees a proposal only once it has reached MOPAC (submitted and after); withdrawn here was never sent.
 */
const MOPAC_SEES = (answer: Answer, otherwise: Answer = "404") =>
  `${otherwise} ${otherwise} ${answer} ${answer} ${answer} ${answer} ${answer} ${otherwise}`;

/** Everyone who can see the proposal gets the page. */
const VIEW = (answer: Answer): Grid => ({
  anonymous: every("sign"),
  officer: every(answer),
  otherBoroughOfficer: every("404"),
  cspMember: every(answer),
  cspEndorser: every(answer),
  assignedReviewer: MOPAC_SEES(answer),
  otherReviewer: MOPAC_SEES(answer),
  admin: MOPAC_SEES(answer),
});

/** Only the borough's officers change a proposal, and only in draft or after changes were requested. */
const EDIT = (answer: Answer): Grid => ({
  anonymous: every("sign"),
  officer: `${answer} 409 409 409 ${answer} 409 409 409`,
  otherBoroughOfficer: every("404"),
  cspMember: every("403"),
  cspEndorser: every("403"),
  assignedReviewer: MOPAC_SEES("403"),
  otherReviewer: MOPAC_SEES("403"),
  admin: MOPAC_SEES("403"),
});

/** The CSP member who may endorse, and only while it awaits the CSP (endorse and return share this). */
const CSP_STEP = (answer: Answer): Grid => ({
  anonymous: every("sign"),
  officer: every("403"),
  otherBoroughOfficer: every("404"),
  cspMember: every("403"),
  cspEndorser: `409 ${answer} 409 409 409 409 409 409`,
  assignedReviewer: MOPAC_SEES("403"),
  otherReviewer: MOPAC_SEES("403"),
  admin: MOPAC_SEES("403"),
});

const WITHDRAW = (answer: Answer): Grid => ({
  anonymous: every("sign"),
  officer: `${answer} ${answer} 409 409 409 409 409 409`,
  otherBoroughOfficer: every("404"),
  cspMember: every("403"),
  cspEndorser: every("403"),
  assignedReviewer: MOPAC_SEES("403"),
  otherReviewer: MOPAC_SEES("403"),
  admin: MOPAC_SEES("403"),
});

/** The review page is MOPAC's: the borough's own people are told they may not, others learn nothing. */
const REVIEW_PAGE: Grid = {
  anonymous: every("sign"),
  officer: every("403"),
  otherBoroughOfficer: every("404"),
  cspMember: every("403"),
  cspEndorser: every("403"),
  assignedReviewer: MOPAC_SEES("200"),
  otherReviewer: MOPAC_SEES("200"),
  admin: MOPAC_SEES("200"),
};

/** An endorsed programme: the borough's people and MOPAC see it from the CSP's endorsement on; before that, and once withdrawn, it is not one. */
const PROGRAMME_PAGE: Grid = {
  anonymous: every("sign"),
  officer: MOPAC_SEES("200"),
  otherBoroughOfficer: every("404"),
  cspMember: MOPAC_SEES("200"),
  cspEndorser: MOPAC_SEES("200"),
  assignedReviewer: MOPAC_SEES("200"),
  otherReviewer: MOPAC_SEES("200"),
  admin: MOPAC_SEES("200"),
};

/** MOPAC's decision: only the assigned reviewer, only while in review; a submitted proposal has nobody assigned yet. */
const DECISION: Grid = {
  ...REVIEW_PAGE,
  assignedReviewer: "404 404 403 200 409 409 409 404",
  otherReviewer: MOPAC_SEES("403"),
  admin: MOPAC_SEES("403"),
};

const NO_ACTION: Grid = Object.fromEntries(PEOPLE.map((p) => [p, every("405")])) as Grid;

type ProposalCase = {
  /** The route's path exactly as app/routes.ts writes it. */
  path: string;
  /** Which variant of the route, where one path does several things (steps, intents). */
  variant?: string;
  step?: string;
  loader: Grid | null;
  action: Grid | null;
  /** What the action is sent: a complete, valid form, so "allowed" shows as success, not as a validation error. */
  body?: (ids: Ids) => Record<string, string | string[]>;
};

type Ids = { otherReviewerId: number; priorityId: number };

const PROPOSAL_ROUTES: ProposalCase[] = [
  { path: "proposals/:proposalId", loader: VIEW("200"), action: NO_ACTION },
  { path: "programmes/:proposalId", loader: PROGRAMME_PAGE, action: NO_ACTION },
  { path: "programmes/:proposalId/print", loader: PROGRAMME_PAGE, action: NO_ACTION },
  { path: "programmes/:proposalId/pdf", loader: PROGRAMME_PAGE, action: NO_ACTION },
  {
    path: "proposals/:proposalId/compliance",
    loader: EDIT("200"),
    action: EDIT("302"),
    body: () => ({
      version: "1",
      transitionPlan: "Grants taper over the first year",
      authorityConfirmed: "on",
      minimumStandardsConfirmed: "on",
      complianceAccepted: "on",
      dataProtectionConfirmed: "on",
      dataProcessingSummary: "Only the provider holds client records",
      privacyNoticeUrl: "https://example.org/privacy",
      dataProtectionPolicyUrl: "https://example.org/data-protection",
    }),
  },
  // The fixture's project is unfinished, so an officer who may send it is told what blocks it (422).
  {
    path: "proposals/:proposalId/check",
    loader: VIEW("200"),
    action: EDIT("422"),
    body: () => ({ version: "1", comment: "" }),
  },
  { path: "proposals/:proposalId/review", loader: REVIEW_PAGE, action: null },
  // A borough's programme as a file: whoever may see the proposal may download it.
  { path: "proposals/:proposalId/projects.csv", loader: VIEW("200"), action: NO_ACTION },
  { path: "proposals/:proposalId/projects.xlsx", loader: VIEW("200"), action: NO_ACTION },
  {
    path: "proposals/:proposalId/review",
    variant: "comment",
    loader: null,
    action: {
      ...REVIEW_PAGE,
      assignedReviewer: "404 404 409 302 409 409 409 404",
      otherReviewer: "404 404 409 302 409 409 409 404",
      admin: "404 404 409 302 409 409 409 404",
    },
    body: () => ({
      version: "1",
      intent: "comment",
      comment: "Please say who refers clients",
    }),
  },
  // The decision asks first: its page, then "check" (shows the confirmation, changes nothing), then "confirm".
  { path: "proposals/:proposalId/review/decision", loader: DECISION, action: null },
  {
    path: "proposals/:proposalId/review/decision",
    variant: "check",
    loader: null,
    action: DECISION,
    body: () => ({ intent: "check", decision: "approve", comment: "" }),
  },
  {
    path: "proposals/:proposalId/review/decision",
    variant: "confirm",
    loader: null,
    action: { ...DECISION, assignedReviewer: "404 404 403 302 409 409 409 404" },
    body: () => ({ intent: "confirm", decision: "approve", comment: "" }),
  },
  {
    path: "proposals/:proposalId/review",
    variant: "reassign",
    loader: null,
    action: {
      ...REVIEW_PAGE,
      // Only the assigned reviewer or an admin may hand a review on.
      assignedReviewer: "404 404 403 302 409 409 409 404",
      otherReviewer: MOPAC_SEES("403"),
      admin: "404 404 302 302 409 409 409 404",
    },
    body: (ids) => ({
      version: "1",
      intent: "reassign",
      reviewerId: String(ids.otherReviewerId),
    }),
  },
  {
    path: "proposals/:proposalId/:step",
    variant: "withdraw",
    step: "withdraw",
    loader: WITHDRAW("200"),
    action: WITHDRAW("302"),
    body: () => ({ version: "1" }),
  },
  {
    path: "proposals/:proposalId/:step",
    variant: "endorse",
    step: "endorse",
    loader: CSP_STEP("200"),
    action: CSP_STEP("302"),
    body: () => ({
      version: "1",
      meetingDateDay: "7",
      meetingDateMonth: "2",
      meetingDateYear: "2017",
    }),
  },
  {
    path: "proposals/:proposalId/:step",
    variant: "return",
    step: "return",
    loader: CSP_STEP("200"),
    action: CSP_STEP("302"),
    body: () => ({ version: "1", comment: "Add the SMART outcomes" }),
  },
  {
    path: "proposals/:proposalId/projects/new",
    loader: EDIT("200"),
    action: EDIT("302"),
    body: (ids) => ({
      version: "1",
      title: "Street outreach",
      primaryPriority: String(ids.priorityId),
      categories: ["youth-crime"],
    }),
  },
  {
    path: "proposals/:proposalId/projects/:projectId",
    loader: VIEW("200"),
    action: NO_ACTION,
  },
  {
    path: "proposals/:proposalId/projects/:projectId/remove",
    loader: EDIT("200"),
    action: EDIT("302"),
    body: () => ({ version: "1" }),
  },
  {
    path: "proposals/:proposalId/projects/:projectId/:section",
    variant: "details",
    loader: EDIT("200"),
    action: EDIT("302"),
    body: (ids) => ({
      version: "1",
      title: "Youth diversion, renamed",
      primaryPriority: String(ids.priorityId),
      categories: ["youth-crime"],
    }),
  },
];

/** Routes that are not about one proposal: one answer per person. */
type PersonRow = Record<Person, Answer>;
const forAll = (answer: Answer): PersonRow => Object.fromEntries(PEOPLE.map((p) => [p, answer])) as PersonRow;
const signedIn = (answer: Answer): PersonRow => ({
  ...forAll(answer),
  anonymous: "sign",
});
const only = (allowed: readonly Person[], answer: Answer): PersonRow =>
  Object.fromEntries(
    PEOPLE.map((p) => [p, p === "anonymous" ? "sign" : allowed.includes(p) ? answer : "403"]),
  ) as PersonRow;

/** The admin pages' own round (not the demo's), its two years, and an upload waiting for confirmation. */
type AdminIds = { roundId: number; yearId: number; otherYearId: number; importId: number };
type PageIds = Ids & {
  freePeriodId: number;
  invitedUserId: number;
  admin: AdminIds;
  allPriorityIds: string[];
  allMeasureIds: string[];
  triBorough: TriBorough;
};
type PageCase = {
  path: string;
  loader: PersonRow;
  action: PersonRow;
  body?: (ids: PageIds) => Record<string, string | string[]>;
  /** The route's parameters, for pages about one row (a person, a round). */
  params?: (ids: PageIds) => Record<string, string>;
};

const ADMIN_ROUND_NAME = "Route-access round 2030-32";
const adminRoundFields = (ids: PageIds, name: string) => ({
  name,
  firstYear: "2030/31",
  yearCount: "2",
  yearsPerPeriod: "2",
  coCommissionedPercent: "30",
  splitFromYear: "2031/32",
  priorities: ids.allPriorityIds,
  measures: ids.allMeasureIds,
});
const roundParams = (ids: PageIds) => ({ roundId: String(ids.admin.roundId) });

/** The seeded Tri-borough partnership, for the partnership admin pages. */
type TriBorough = { id: number; memberIds: number[] };

const OTHER_ROUTES: PageCase[] = [
  { path: "", loader: signedIn("302"), action: forAll("405") },
  {
    path: "sign-in",
    loader: { ...forAll("302"), anonymous: "200" },
    // Signing in again with good credentials works for anyone and lands them on their home page.
    action: forAll("302"),
    body: () => ({ email: EMAILS.officer, password: "lcpf-demo-2017" }),
  },
  { path: "sign-out", loader: forAll("302"), action: forAll("sign") },
  // Anyone may ask for a reset link, signed in or not, and always gets the same answer.
  {
    path: "forgot-password",
    loader: forAll("200"),
    action: forAll("302"),
    body: () => ({ email: "nobody@example.org" }),
  },
  { path: "forgot-password/sent", loader: forAll("200"), action: forAll("405") },
  // A one-time link is for whoever holds it; one that does not work (here: none at all) is gone for everyone.
  {
    path: "reset-password/:token",
    loader: forAll("410"),
    action: forAll("410"),
    params: () => ({ token: "a".repeat(32) }),
  },
  {
    path: "invitation/:token",
    loader: forAll("410"),
    action: forAll("410"),
    params: () => ({ token: "a".repeat(32) }),
  },
  // Anyone signed in may change their own password; a wrong current password shows the form again (422).
  {
    path: "account/password",
    loader: signedIn("200"),
    action: signedIn("422"),
    body: () => ({
      currentPassword: "not the password",
      password: "a long enough new password",
      confirmPassword: "a long enough new password",
    }),
  },
  // "Stay signed in": only a signed-in person's session can be kept alive.
  { path: "session/keep-alive", loader: signedIn("302"), action: signedIn("204") },
  { path: "accessibility", loader: forAll("200"), action: forAll("405") },
  { path: "privacy", loader: forAll("200"), action: forAll("405") },
  { path: "cookies", loader: forAll("200"), action: forAll("405") },
  {
    path: "borough",
    loader: only(["officer", "otherBoroughOfficer", "cspMember", "cspEndorser"], "200"),
    action: only(["officer", "otherBoroughOfficer"], "302"),
    body: (ids) => ({ periodId: String(ids.freePeriodId) }),
  },
  // A borough's people see who else in their own borough has access.
  {
    path: "borough/people",
    loader: only(["officer", "otherBoroughOfficer", "cspMember", "cspEndorser"], "200"),
    action: forAll("405"),
  },
  {
    path: "review",
    loader: only(["assignedReviewer", "otherReviewer", "admin"], "200"),
    action: forAll("405"),
  },
  // The queue as CSV: the same people as the queue itself.
  {
    path: "review/export.csv",
    loader: only(["assignedReviewer", "otherReviewer", "admin"], "200"),
    action: forAll("405"),
  },
  // London as a whole is MOPAC's alone: boroughs and CSPs are refused.
  { path: "london", loader: only(["assignedReviewer", "otherReviewer", "admin"], "200"), action: forAll("405") },
  // The London view's other pages: the same people as its first.
  {
    path: "london/priorities",
    loader: only(["assignedReviewer", "otherReviewer", "admin"], "200"),
    action: forAll("405"),
  },
  {
    path: "london/co-commissioning",
    loader: only(["assignedReviewer", "otherReviewer", "admin"], "200"),
    action: forAll("405"),
  },
  {
    path: "london/measures",
    loader: only(["assignedReviewer", "otherReviewer", "admin"], "200"),
    action: forAll("405"),
  },
  { path: "admin", loader: only(["admin"], "200"), action: forAll("405") },
  // The admin area: MOPAC admins alone, reviewers included among those refused.
  { path: "admin/rounds", loader: only(["admin"], "200"), action: forAll("405") },
  {
    path: "admin/rounds/new",
    loader: only(["admin"], "200"),
    action: only(["admin"], "302"),
    body: (ids) => adminRoundFields(ids, "Route-access new round"),
  },
  {
    path: "admin/rounds/:roundId",
    params: roundParams,
    loader: only(["admin"], "200"),
    action: only(["admin"], "302"),
    body: (ids) => adminRoundFields(ids, ADMIN_ROUND_NAME),
  },
  {
    path: "admin/rounds/:roundId/allocations",
    params: roundParams,
    loader: only(["admin"], "200"),
    action: forAll("405"),
  },
  // The year's form with every borough left blank: allowed, and nothing changes.
  {
    path: "admin/rounds/:roundId/allocations/:yearId",
    params: (ids) => ({ ...roundParams(ids), yearId: String(ids.admin.otherYearId) }),
    loader: only(["admin"], "200"),
    action: only(["admin"], "302"),
  },
  // An upload without its file: the admin may, but is asked for the file.
  {
    path: "admin/rounds/:roundId/allocations/import",
    params: roundParams,
    loader: only(["admin"], "200"),
    action: only(["admin"], "422"),
  },
  {
    path: "admin/rounds/:roundId/allocations/import/:importId",
    params: (ids) => ({ ...roundParams(ids), importId: String(ids.admin.importId) }),
    loader: only(["admin"], "200"),
    action: only(["admin"], "302"),
    body: () => ({ intent: "confirm" }),
  },
  // The rest of the admin area is MOPAC admins' alone; reviewers are refused like boroughs.
  { path: "admin/reviewer-leads", loader: only(["admin"], "200"), action: only(["admin"], "302") },
  {
    path: "admin/partnerships",
    loader: only(["admin"], "200"),
    action: only(["admin"], "302"),
    body: () => ({ name: "Route-access partnership", memberIds: ["1", "2"], endorsers: "any" }),
  },
  {
    path: "admin/partnerships/:partnershipId",
    loader: only(["admin"], "200"),
    action: only(["admin"], "302"),
    params: (ids) => ({ partnershipId: String(ids.triBorough.id) }),
    body: (ids) => ({ name: "Tri-borough", memberIds: ids.triBorough.memberIds.map(String), endorsers: "any" }),
  },
  {
    path: "admin/partnerships/:partnershipId/allocations",
    loader: only(["admin"], "200"),
    action: only(["admin"], "302"),
    params: (ids) => ({ partnershipId: String(ids.triBorough.id) }),
  },
  {
    path: "admin/local-priorities",
    loader: only(["admin"], "200"),
    action: only(["admin"], "302"),
    body: (ids) => ({
      boroughId: String(ids.triBorough.memberIds[0]),
      priority1: "Burglary",
      priority2: "Robbery of personal property",
    }),
  },
  // People are MOPAC admins' to manage, and nobody else's.
  { path: "admin/people", loader: only(["admin"], "200"), action: forAll("405") },
  {
    path: "admin/people/invite",
    loader: only(["admin"], "200"),
    action: only(["admin"], "302"),
    body: () => ({
      email: "route-access-invite@newham.test",
      name: "Invited By The Table",
      organisationId: String(NEWHAM_ID.value),
      role: "borough_officer",
    }),
  },
  {
    path: "admin/people/:userId",
    loader: only(["admin"], "200"),
    // Sending an invitation again can be done any number of times while it is unanswered.
    action: only(["admin"], "302"),
    body: () => ({ intent: "resend" }),
    params: (ids) => ({ userId: String(ids.invitedUserId) }),
  },
  // What reminders went out and which come next: MOPAC's admins alone, read-only.
  { path: "admin/reminders", loader: only(["admin"], "200"), action: forAll("405") },
  // A borough's endorsed programmes: its officers and CSP members; MOPAC opens a programme from its review pages.
  {
    path: "programmes",
    loader: only(["officer", "otherBoroughOfficer", "cspMember", "cspEndorser"], "200"),
    action: forAll("405"),
  },
  // London-wide figures are MOPAC's alone.
  {
    path: "decision-table",
    loader: only(["assignedReviewer", "otherReviewer", "admin"], "200"),
    action: forAll("405"),
  },
  {
    path: "decision-table/print",
    loader: only(["assignedReviewer", "otherReviewer", "admin"], "200"),
    action: forAll("405"),
  },
  {
    path: "decision-table.csv",
    loader: only(["assignedReviewer", "otherReviewer", "admin"], "200"),
    action: forAll("405"),
  },
  {
    path: "exports/london-projects.csv",
    loader: only(["assignedReviewer", "otherReviewer", "admin"], "200"),
    action: forAll("405"),
  },
  {
    path: "exports/london-projects.xlsx",
    loader: only(["assignedReviewer", "otherReviewer", "admin"], "200"),
    action: forAll("405"),
  },
  { path: "notifications", loader: signedIn("200"), action: signedIn("302") },
  { path: "*", loader: forAll("404"), action: forAll("404") },
];

type RouteModule = {
  loader?: (args: unknown) => Promise<unknown>;
  action?: (args: unknown) => Promise<unknown>;
};
const modules = import.meta.glob<RouteModule>("../../app/routes/*.tsx");

type RouteEntry = { file: string; path?: string; index?: boolean };
const ROUTE_TABLE = (routes as RouteEntry[]).map((r) => ({
  file: r.file,
  path: r.index ? "" : (r.path ?? ""),
}));

function moduleFor(path: string): () => Promise<RouteModule> {
  const entry = ROUTE_TABLE.find((r) => r.path === path);
  if (!entry) throw new Error(`The table names ${path}, which app/routes.ts does not have`);
  const load = modules[`../../app/${entry.file}`];
  if (!load) throw new Error(`No module for ${entry.file}`);
  return load;
}

/** Newham's organisation id, known once the database is seeded. */
const NEWHAM_ID = { value: 0 };

let ids: PageIds & {
  boroughId: number;
  periodId: number;
  officerId: number;
  assignedReviewerId: number;
};

beforeAll(async () => {
  const user = (email: string) =>
    db().selectFrom("users").selectAll().where("email", "=", email).executeTakeFirstOrThrow();
  const officer = await user(EMAILS.officer);
  const endorser = await user(EMAILS.cspEndorser);
  // The demo has no CSP member without the endorse permission; this one is the endorser without it.
  await db()
    .insertInto("users")
    .values({
      ...endorser,
      id: undefined,
      email: EMAILS.cspMember,
      name: "CSP member who may not endorse",
      can_endorse: 0,
    })
    .execute();
  const demo = await db()
    .selectFrom("proposals")
    .select("funding_period_id")
    .where("lead_organisation_id", "=", officer.organisation_id)
    .executeTakeFirstOrThrow();
  const freePeriod = await db()
    .selectFrom("funding_periods")
    .select("id")
    .where("id", "!=", demo.funding_period_id)
    .orderBy("id")
    .executeTakeFirstOrThrow();
  // A period can be started only once MOPAC has set the borough's allocation for its years (app/domain/period-allocation.ts).
  const otherOfficer = await user(EMAILS.otherBoroughOfficer);
  const freeYears = await db()
    .selectFrom("financial_years")
    .select("id")
    .where("funding_period_id", "=", freePeriod.id)
    .execute();
  const stamp = new Date().toISOString();
  for (const organisationId of [officer.organisation_id, otherOfficer.organisation_id]) {
    for (const year of freeYears) {
      await db()
        .insertInto("allocations")
        .values({
          organisation_id: organisationId,
          financial_year_id: year.id,
          amount_pence: 10_000_000,
          uplift_pence: null,
          is_demo_figure: 1,
          source: null,
          created_at: stamp,
          updated_at: stamp,
        })
        .onConflict((oc) => oc.doNothing())
        .execute();
    }
  }
  const priority = await db().selectFrom("priorities").select("id").orderBy("id").executeTakeFirstOrThrow();
  NEWHAM_ID.value = otherOfficer.organisation_id;
  // Someone invited who has not yet answered: the person page's subject.
  const invited = await db()
    .insertInto("users")
    .values({
      ...otherOfficer,
      id: undefined,
      email: "route-access-invited@newham.test",
      name: "Invited, not yet answered",
      password_hash: "",
      password_set_at: null,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const admin = await adminFixtures();
  const triBorough = await db()
    .selectFrom("partnerships")
    .select("id")
    .where("name", "=", "Tri-borough")
    .executeTakeFirstOrThrow();
  const triMembers = await db()
    .selectFrom("partnership_members")
    .select("organisation_id")
    .where("partnership_id", "=", triBorough.id)
    .execute();
  ids = {
    triBorough: { id: triBorough.id, memberIds: triMembers.map((m) => m.organisation_id) },
    invitedUserId: invited.id,
    admin,
    allPriorityIds: (await db().selectFrom("priorities").select("id").execute()).map((p) => String(p.id)),
    allMeasureIds: (await db().selectFrom("measures").select("id").execute()).map((m) => String(m.id)),
    boroughId: officer.organisation_id,
    periodId: demo.funding_period_id,
    freePeriodId: freePeriod.id,
    officerId: officer.id,
    priorityId: priority.id,
    assignedReviewerId: (await user(EMAILS.assignedReviewer)).id,
    otherReviewerId: (await user(EMAILS.otherReviewer)).id,
  };
});

/** A round of the admin pages' own (so the demo's is untouched), and an upload for it waiting for confirmation. */
async function adminFixtures(): Promise<AdminIds> {
  const stamp = new Date().toISOString();
  const { id: roundId } = await db()
    .insertInto("funding_rounds")
    .values({
      name: ADMIN_ROUND_NAME,
      co_commissioned_percent: 30,
      split_from_year_position: 2,
      proposal_deadline: null,
      feedback_deadline: null,
      created_at: stamp,
      updated_at: stamp,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const { id: periodId } = await db()
    .insertInto("funding_periods")
    .values({
      funding_round_id: roundId,
      number: 1,
      name: "Period 1 (2030/31 and 2031/32)",
      created_at: stamp,
      updated_at: stamp,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const yearIds: number[] = [];
  for (const [index, label] of ["2030/31", "2031/32"].entries()) {
    const { id } = await db()
      .insertInto("financial_years")
      .values({
        funding_round_id: roundId,
        funding_period_id: periodId,
        position: index + 1,
        label,
        starts_on: `${2030 + index}-04-01`,
        ends_on: `${2031 + index}-03-31`,
        created_at: stamp,
        updated_at: stamp,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    yearIds.push(id);
  }
  const adminUser = await db()
    .selectFrom("users")
    .select("id")
    .where("email", "=", EMAILS.admin)
    .executeTakeFirstOrThrow();
  const checked = await checkImportFile(db(), roundId, "Organisation,Year,Amount\nNewham,2030/31,100000\n");
  if (!checked.ok) throw new Error(checked.message);
  const importId = await savePendingImport(db(), {
    roundId,
    userId: adminUser.id,
    fileName: "route-access.csv",
    rows: checked.rows,
  });
  return { roundId, yearId: yearIds[0]!, otherYearId: yearIds[1]!, importId };
}

const REACHED_MOPAC: ReadonlySet<State> = new Set([
  "submitted",
  "in_review",
  "changes_requested",
  "approved",
  "rejected",
]);
/** Submitted means waiting to be routed, so no reviewer yet; from in review on, the borough's lead reviewer has it. */
const HAS_REVIEWER: ReadonlySet<State> = new Set(["in_review", "changes_requested", "approved", "rejected"]);

/** A Barking and Dagenham proposal of one unfinished project, put straight into the wanted state. */
async function proposalIn(state: State): Promise<{ proposalId: string; projectId: string }> {
  const now = new Date().toISOString();
  const { id } = await db()
    .insertInto("proposals")
    .values({
      funding_period_id: ids.periodId,
      lead_organisation_id: ids.boroughId,
      status: state,
      version: 1,
      assigned_reviewer_id: HAS_REVIEWER.has(state) ? ids.assignedReviewerId : null,
      first_submitted_at: REACHED_MOPAC.has(state) ? now : null,
      last_submitted_at: REACHED_MOPAC.has(state) ? now : null,
      created_by: ids.officerId,
      updated_by: ids.officerId,
      created_at: now,
      updated_at: now,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  // Not holding the borough's place for the period (active 0) lets many fixtures share the demo's period;
  // who may see a proposal does not depend on it.
  await db()
    .insertInto("proposal_boroughs")
    .values({
      proposal_id: id,
      organisation_id: ids.boroughId,
      funding_period_id: ids.periodId,
      active: 0,
      created_at: now,
    })
    .execute();
  const project = await db()
    .insertInto("projects")
    .values({
      proposal_id: id,
      title: "Youth diversion",
      position: 1,
      created_at: now,
      updated_at: now,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return { proposalId: String(id), projectId: String(project.id) };
}

function answerOf(outcome: { thrown: boolean; value: unknown }): string {
  const value = outcome.value as { status?: number; init?: { status?: number } | null } | undefined;
  if (value instanceof Response) {
    if (value.status >= 300 && value.status < 400)
      return value.headers.get("Location")?.startsWith("/sign-in") ? "sign" : "302";
    return String(value.status);
  }
  if (outcome.thrown && !(value && typeof value === "object" && "init" in value)) throw outcome.value;
  return String(value?.init?.status ?? 200);
}

async function call(
  path: string,
  kind: "loader" | "action",
  person: Person,
  params: Record<string, string>,
  body: Record<string, string | string[]>,
): Promise<string> {
  const module = await moduleFor(path)();
  const handler = module[kind];
  if (!handler) return kind === "action" ? "405" : "200";
  // A session of its own for every call: signing out, for one, ends the session it is sent with.
  const cookie = person === "anonymous" ? undefined : await cookieFor(EMAILS[person]);
  const url = `/${path.replace(/:(\w+)/g, (_, name: string) => params[name] ?? "x").replace(/^\*$/, "nowhere")}`;
  const request = kind === "loader" ? getRequest(url, cookie) : formRequest(url, body, cookie);
  return answerOf(await settle(() => handler({ request, params, context: {} })));
}

describe("the route-access table", () => {
  it("has a row for every route in app/routes.ts", () => {
    const covered = new Set([...PROPOSAL_ROUTES.map((r) => r.path), ...OTHER_ROUTES.map((r) => r.path)]);
    const missing = ROUTE_TABLE.filter((r) => !covered.has(r.path)).map((r) => `${r.path} (${r.file})`);
    expect(missing).toEqual([]);
  });
});

describe.each(OTHER_ROUTES)("/$path", (route) => {
  for (const kind of ["loader", "action"] as const) {
    it(`${kind}: each person gets the answer the table gives`, async () => {
      const actual: Record<string, string> = {};
      for (const person of PEOPLE) {
        actual[person] = await call(route.path, kind, person, route.params?.(ids) ?? {}, route.body?.(ids) ?? {});
      }
      expect(actual).toEqual(route[kind]);
    });
  }
});

const proposalCases = PROPOSAL_ROUTES.flatMap((route) =>
  (["loader", "action"] as const)
    .filter((kind) => route[kind] !== null)
    .flatMap((kind) =>
      STATES.map((state, column) => ({
        route,
        kind,
        state,
        column,
        name: `${route.path}${route.variant ? ` (${route.variant})` : ""} ${kind}, ${state}`,
      })),
    ),
);

describe("proposal pages, in every state", () => {
  for (const { route, kind, state, column, name } of proposalCases)
    it(name, async () => {
      const expected: Record<string, string> = {};
      const actual: Record<string, string> = {};
      for (const person of PEOPLE) {
        expected[person] = route[kind]![person].split(/\s+/)[column]!;
        // Each person meets a proposal of their own, so one person's successful step cannot change what the next one sees.
        const fixture = await proposalIn(state);
        const params = {
          ...fixture,
          section: route.variant ?? "details",
          step: route.step ?? "withdraw",
        };
        actual[person] = await call(route.path, kind, person, params, route.body?.(ids) ?? {});
      }
      expect(actual).toEqual(expected);
    });
});

describe("what the borough home shows each person", () => {
  it("lists the proposal awaiting endorsement only for a CSP member who may endorse", async () => {
    // The borough's one live proposal for the period (the demo's), put where the CSP must endorse it.
    const live = await db()
      .selectFrom("proposal_boroughs")
      .select("proposal_id")
      .where("organisation_id", "=", ids.boroughId)
      .where("funding_period_id", "=", ids.periodId)
      .where("active", "=", 1)
      .executeTakeFirstOrThrow();
    await db().updateTable("proposals").set({ status: "awaiting_csp" }).where("id", "=", live.proposal_id).execute();
    const { loader } = await moduleFor("borough")();
    const homeFor = async (person: Exclude<Person, "anonymous">) => {
      const request = getRequest("/borough", await cookieFor(EMAILS[person]));
      const data = (await loader!({ request, params: {}, context: {} })) as {
        awaitingEndorsement: { proposalId: number | null }[] | null;
        canStart: boolean;
      };
      return { awaiting: data.awaitingEndorsement?.map((p) => p.proposalId) ?? "not shown", canStart: data.canStart };
    };
    expect(await homeFor("cspEndorser")).toEqual({ awaiting: [live.proposal_id], canStart: false });
    expect(await homeFor("cspMember")).toEqual({ awaiting: "not shown", canStart: false });
    expect(await homeFor("officer")).toEqual({ awaiting: "not shown", canStart: true });
    expect(await homeFor("otherBoroughOfficer")).toEqual({ awaiting: "not shown", canStart: true });
  });
});
