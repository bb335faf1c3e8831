import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  belongsToProposalBorough,
  canViewProposal,
  isBoroughStaff,
  isMopacStaff,
  mayOpenReviewPages,
  mayStartProposal,
  seesEveryReview,
} from "~/domain/access";
import {
  ROLE_LABELS,
  ROLE_ORGANISATION_KIND,
  ROLES,
  SYSTEM_ACTOR,
  actorFromUser,
  isRole,
  isSystemActor,
  roleLabel,
  type OrganisationKind,
  type Role,
  type UserActor,
} from "~/domain/roles";

// Organisation ids as the database would hand them out; the names are the real boroughs.
const BARKING_AND_DAGENHAM = 1;
const BROMLEY = 4;
const HAMMERSMITH_AND_FULHAM = 12;
const KENSINGTON_AND_CHELSEA = 19;
const WESTMINSTER = 32;
const MOPAC = 100;

/** DOMAIN.md's joint bid: Tri-borough is Hammersmith & Fulham, Kensington & Chelsea, Westminster. */
const TRI_BOROUGH = [HAMMERSMITH_AND_FULHAM, KENSINGTON_AND_CHELSEA, WESTMINSTER];

function user(role: Role, organisationId: number, overrides: Partial<UserActor> = {}): UserActor {
  return {
    role,
    canEndorse: false,
    organisationKind: ROLE_ORGANISATION_KIND[role],
    organisationId,
    userId: 7,
    ...overrides,
  };
}

describe("roles", () => {
  it("labels every role in the users' words", () => {
    expect(ROLE_LABELS).toEqual({
      borough_officer: "Borough officer",
      csp_member: "CSP member",
      mopac_reviewer: "MOPAC reviewer",
      mopac_admin: "MOPAC admin",
    });
    expect(roleLabel("csp_member")).toBe("CSP member");
  });

  it("lists exactly the four roles, each in the right kind of organisation", () => {
    expect([...ROLES].sort()).toEqual(["borough_officer", "csp_member", "mopac_admin", "mopac_reviewer"]);
    expect(ROLE_ORGANISATION_KIND).toEqual({
      borough_officer: "borough",
      csp_member: "borough",
      mopac_reviewer: "mopac",
      mopac_admin: "mopac",
    });
  });

  it("recognises roles and nothing else", () => {
    for (const role of ROLES) expect(isRole(role)).toBe(true);
    for (const value of ["admin", "Borough officer", "", "MOPAC_ADMIN", null, undefined, 3]) {
      expect(isRole(value)).toBe(false);
    }
  });

  it("turns a signed-in user record into an actor, reading SQLite's 0/1 endorse flag", () => {
    const record = {
      id: 42,
      role: "csp_member" as const,
      can_endorse: 1,
      organisation_id: BARKING_AND_DAGENHAM,
      organisation_kind: "borough" as const,
    };
    expect(actorFromUser(record)).toEqual({
      kind: "user",
      role: "csp_member",
      canEndorse: true,
      organisationKind: "borough",
      organisationId: BARKING_AND_DAGENHAM,
      userId: 42,
    });
    expect(actorFromUser({ ...record, can_endorse: 0 }).canEndorse).toBe(false);
    expect(actorFromUser({ ...record, can_endorse: false }).canEndorse).toBe(false);
    expect(actorFromUser({ ...record, can_endorse: true }).canEndorse).toBe(true);
  });

  it("tells the portal itself apart from people", () => {
    expect(isSystemActor(SYSTEM_ACTOR)).toBe(true);
    expect(isSystemActor(user("mopac_admin", MOPAC))).toBe(false);
  });
});

describe("canViewProposal", () => {
  const barkingDraft = { boroughIds: [BARKING_AND_DAGENHAM], everSubmitted: false };
  const barkingSubmitted = { boroughIds: [BARKING_AND_DAGENHAM], everSubmitted: true };

  /**
   * Written out by hand: [role, organisation kind, of the proposal's borough?, sees before
   * submission, sees once submitted]. Mismatched role/organisation pairs see nothing.
   */
  const EXPECTED: ReadonlyArray<readonly [Role, OrganisationKind, boolean, boolean, boolean]> = [
    ["borough_officer", "borough", true, true, true],
    ["borough_officer", "borough", false, false, false],
    ["csp_member", "borough", true, true, true],
    ["csp_member", "borough", false, false, false],
    ["mopac_reviewer", "mopac", true, false, true],
    ["mopac_reviewer", "mopac", false, false, true],
    ["mopac_admin", "mopac", true, false, true],
    ["mopac_admin", "mopac", false, false, true],
    ["borough_officer", "mopac", true, false, false],
    ["borough_officer", "mopac", false, false, false],
    ["csp_member", "mopac", true, false, false],
    ["csp_member", "mopac", false, false, false],
    ["mopac_reviewer", "borough", true, false, false],
    ["mopac_reviewer", "borough", false, false, false],
    ["mopac_admin", "borough", true, false, false],
    ["mopac_admin", "borough", false, false, false],
  ];

  it("covers every role, organisation kind and borough membership", () => {
    expect(EXPECTED).toHaveLength(ROLES.length * 2 * 2);
  });

  for (const [role, organisationKind, ofBorough, beforeSubmission, onceSubmitted] of EXPECTED) {
    for (const canEndorse of [false, true]) {
      const who = `${role} in a ${organisationKind} organisation${ofBorough ? " (the proposal's)" : " (another)"}${canEndorse ? " with endorse" : ""}`;
      it(`${who}: ${beforeSubmission ? "sees" : "does not see"} a draft, ${onceSubmitted ? "sees" : "does not see"} it once submitted`, () => {
        const actor = user(role, ofBorough ? BARKING_AND_DAGENHAM : BROMLEY, { organisationKind, canEndorse });
        expect(canViewProposal(actor, barkingDraft)).toBe(beforeSubmission);
        expect(canViewProposal(actor, barkingSubmitted)).toBe(onceSubmitted);
      });
    }
  }

  it("Tri-borough joint proposal: officers and CSP members of each member borough see it, Barking and Dagenham's do not", () => {
    const triBorough = { boroughIds: TRI_BOROUGH, everSubmitted: false };
    for (const borough of TRI_BOROUGH) {
      expect(canViewProposal(user("borough_officer", borough), triBorough)).toBe(true);
      expect(canViewProposal(user("csp_member", borough), triBorough)).toBe(true);
    }
    expect(canViewProposal(user("borough_officer", BARKING_AND_DAGENHAM), triBorough)).toBe(false);
    expect(canViewProposal(user("csp_member", BARKING_AND_DAGENHAM, { canEndorse: true }), triBorough)).toBe(false);
  });

  it("a proposal with no boroughs is seen by no borough user", () => {
    const orphan = { boroughIds: [], everSubmitted: false };
    expect(canViewProposal(user("borough_officer", BARKING_AND_DAGENHAM), orphan)).toBe(false);
    expect(canViewProposal(user("csp_member", BARKING_AND_DAGENHAM, { canEndorse: true }), orphan)).toBe(false);
  });

  it("the portal itself reaches every proposal, so it can route submissions", () => {
    expect(canViewProposal(SYSTEM_ACTOR, barkingDraft)).toBe(true);
  });

  it("property: MOPAC staff see exactly the proposals that have been submitted at least once", () => {
    fc.assert(
      fc.property(
        fc.constantFrom<Role>("mopac_reviewer", "mopac_admin"),
        fc.array(fc.integer({ min: 1, max: 40 }), { maxLength: 4 }),
        fc.boolean(),
        (role, boroughIds, everSubmitted) => {
          expect(canViewProposal(user(role, MOPAC), { boroughIds, everSubmitted })).toBe(everSubmitted);
        },
      ),
    );
  });

  it("property: borough users see a proposal exactly when their borough is one of its boroughs", () => {
    fc.assert(
      fc.property(
        fc.constantFrom<Role>("borough_officer", "csp_member"),
        fc.integer({ min: 1, max: 40 }),
        fc.array(fc.integer({ min: 1, max: 40 }), { maxLength: 4 }),
        fc.boolean(),
        (role, borough, boroughIds, everSubmitted) => {
          expect(canViewProposal(user(role, borough), { boroughIds, everSubmitted })).toBe(
            boroughIds.includes(borough),
          );
        },
      ),
    );
  });
});

describe("belongsToProposalBorough and isMopacStaff", () => {
  it("only borough roles belong to a borough, and only through their own organisation", () => {
    expect(belongsToProposalBorough(user("borough_officer", WESTMINSTER), TRI_BOROUGH)).toBe(true);
    expect(belongsToProposalBorough(user("csp_member", WESTMINSTER), TRI_BOROUGH)).toBe(true);
    expect(belongsToProposalBorough(user("borough_officer", BROMLEY), TRI_BOROUGH)).toBe(false);
    expect(belongsToProposalBorough(user("mopac_reviewer", WESTMINSTER), TRI_BOROUGH)).toBe(false);
    expect(
      belongsToProposalBorough(user("borough_officer", WESTMINSTER, { organisationKind: "mopac" }), TRI_BOROUGH),
    ).toBe(false);
  });

  it("only reviewers and admins at MOPAC are MOPAC staff", () => {
    expect(isMopacStaff(user("mopac_reviewer", MOPAC))).toBe(true);
    expect(isMopacStaff(user("mopac_admin", MOPAC))).toBe(true);
    expect(isMopacStaff(user("mopac_admin", MOPAC, { organisationKind: "borough" }))).toBe(false);
    expect(isMopacStaff(user("borough_officer", BARKING_AND_DAGENHAM))).toBe(false);
    expect(isMopacStaff(user("csp_member", BARKING_AND_DAGENHAM, { canEndorse: true }))).toBe(false);
  });

  it("only officers and CSP members of a borough are a borough's staff", () => {
    expect(isBoroughStaff(user("borough_officer", BARKING_AND_DAGENHAM))).toBe(true);
    expect(isBoroughStaff(user("csp_member", BARKING_AND_DAGENHAM))).toBe(true);
    expect(isBoroughStaff(user("borough_officer", BARKING_AND_DAGENHAM, { organisationKind: "mopac" }))).toBe(false);
    expect(isBoroughStaff(user("mopac_reviewer", MOPAC))).toBe(false);
    expect(isBoroughStaff(user("mopac_admin", MOPAC))).toBe(false);
  });
});

describe("the questions home pages ask", () => {
  // Written out per role, so a rule that starts trusting the role alone (without its organisation) fails here.
  const people: [string, UserActor, { start: boolean; review: boolean; everything: boolean }][] = [
    [
      "borough officer",
      user("borough_officer", BARKING_AND_DAGENHAM),
      { start: true, review: false, everything: false },
    ],
    ["CSP member", user("csp_member", BARKING_AND_DAGENHAM), { start: false, review: false, everything: false }],
    [
      "CSP member who may endorse",
      user("csp_member", BARKING_AND_DAGENHAM, { canEndorse: true }),
      { start: false, review: false, everything: false },
    ],
    ["MOPAC reviewer", user("mopac_reviewer", MOPAC), { start: false, review: true, everything: false }],
    ["MOPAC admin", user("mopac_admin", MOPAC), { start: false, review: true, everything: true }],
    [
      "officer role held at MOPAC (a data error)",
      user("borough_officer", MOPAC, { organisationKind: "mopac" }),
      { start: false, review: false, everything: false },
    ],
    [
      "admin role held in a borough (a data error)",
      user("mopac_admin", BROMLEY, { organisationKind: "borough" }),
      { start: false, review: false, everything: false },
    ],
  ];
  for (const [who, actor, expected] of people) {
    it(`${who}: may ${expected.start ? "" : "not "}start a proposal, ${expected.review ? "opens" : "does not open"} review pages, ${expected.everything ? "sees" : "does not see"} every review`, () => {
      expect({
        start: mayStartProposal(actor),
        review: mayOpenReviewPages(actor),
        everything: seesEveryReview(actor),
      }).toEqual(expected);
    });
  }
});
