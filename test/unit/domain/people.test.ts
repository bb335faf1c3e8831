import { describe, expect, it } from "vitest";
import { tokenExpiry, tokenState } from "~/domain/account-tokens";
import {
  accountStatus,
  boroughTeam,
  checkInviteRows,
  endorsePermission,
  mayChangeAccount,
  rolesFor,
  type OrganisationRef,
} from "~/domain/people";

const ORGANISATIONS: OrganisationRef[] = [
  { id: 1, name: "MOPAC", gssCode: null, kind: "mopac" },
  { id: 2, name: "Barking and Dagenham", gssCode: "E09000002", kind: "borough" },
  { id: 3, name: "Newham", gssCode: "E09000025", kind: "borough" },
];

const records = (lines: string[][]) => lines.map((cells, index) => ({ line: index + 1, cells }));
const HEADER = ["email", "name", "organisation", "role", "may endorse"];

describe("invitation files", () => {
  it("reads a good file: organisations by name or GSS code, roles by name or code", () => {
    const result = checkInviteRows(
      records([
        HEADER,
        ["Ana.Cruz@Newham.test", "Ana Cruz", "E09000025", "Borough officer", ""],
        ["ben@barking-dagenham.test", "Ben Osei", "barking and dagenham", "csp_member", "yes"],
        ["cat@mopac.test", "Cat Ng", "MOPAC", "MOPAC reviewer", "no"],
      ]),
      ORGANISATIONS,
      new Set(),
    );
    expect(result.ok).toBe(true);
    expect(result.rows.map((r) => r.row)).toEqual([
      { email: "ana.cruz@newham.test", name: "Ana Cruz", organisationId: 3, role: "borough_officer", canEndorse: 0 },
      { email: "ben@barking-dagenham.test", name: "Ben Osei", organisationId: 2, role: "csp_member", canEndorse: 1 },
      { email: "cat@mopac.test", name: "Cat Ng", organisationId: 1, role: "mopac_reviewer", canEndorse: 0 },
    ]);
  });

  it("lists every problem of a file full of mistakes, each with its line", () => {
    const result = checkInviteRows(
      records([
        HEADER,
        ["not-an-email", "", "Narnia", "Chief", "maybe"],
        ["officer@newham.test", "Taken Already", "Newham", "Borough officer", "no"],
        ["dup@newham.test", "First", "Newham", "Borough officer", "no"],
        ["DUP@newham.test", "Second", "Newham", "Borough officer", "no"],
        ["admin2@newham.test", "Wrong Place", "Newham", "MOPAC admin", "no"],
        ["officer2@newham.test", "Not CSP", "Newham", "Borough officer", "yes"],
        ["short@newham.test", "Too few columns"],
      ]),
      ORGANISATIONS,
      new Set(["officer@newham.test"]),
    );
    expect(result.ok).toBe(false);
    expect(result.rows.map((r) => [r.line, r.problems])).toEqual([
      [
        2,
        [
          "“not-an-email” is not an email address",
          "has no name",
          "“Narnia” is not a borough’s name or GSS code, nor MOPAC",
          "“Chief” is not a role: use Borough officer, CSP member, MOPAC reviewer, MOPAC admin",
          "“may endorse” must be yes or no, not “maybe”",
        ],
      ],
      [3, ["officer@newham.test already has an account"]],
      [4, []],
      [5, ["dup@newham.test is on an earlier line too"]],
      [6, ["A borough’s people are borough officers or CSP members"]],
      [7, ["only a CSP member may endorse"]],
      [
        8,
        [
          "has 2 columns, not 5",
          "“” is not a borough’s name or GSS code, nor MOPAC",
          "“” is not a role: use Borough officer, CSP member, MOPAC reviewer, MOPAC admin",
        ],
      ],
    ]);
  });

  it("refuses a file without the header, or with no one in it", () => {
    expect(
      checkInviteRows(records([["a@b.test", "A", "MOPAC", "MOPAC admin", "no"]]), ORGANISATIONS, new Set()),
    ).toMatchObject({
      ok: false,
      headerProblem: "The first line must be the header: email, name, organisation, role, may endorse",
    });
    expect(checkInviteRows(records([HEADER]), ORGANISATIONS, new Set())).toMatchObject({
      ok: false,
      headerProblem: "The file has no one to invite",
    });
  });
});

describe("accounts", () => {
  it("offers each kind of organisation its own roles", () => {
    expect(rolesFor("borough")).toEqual(["borough_officer", "csp_member"]);
    expect(rolesFor("mopac")).toEqual(["mopac_reviewer", "mopac_admin"]);
  });

  it("keeps the endorse permission only for CSP members", () => {
    expect(endorsePermission("csp_member", true)).toBe(1);
    expect(endorsePermission("borough_officer", true)).toBe(0);
    expect(endorsePermission("csp_member", false)).toBe(0);
  });

  it("calls an account invited until its password is set, and deactivated whatever else", () => {
    expect(accountStatus({ active: 1, passwordSetAt: null })).toBe("invited");
    expect(accountStatus({ active: 1, passwordSetAt: "2017-01-01T00:00:00.000Z" })).toBe("active");
    expect(accountStatus({ active: 0, passwordSetAt: null })).toBe("deactivated");
  });

  it("never lets an admin change their own role or deactivate themselves", () => {
    const self = { id: 7, active: 1, passwordSetAt: "2017-01-01T00:00:00.000Z" };
    expect(mayChangeAccount("role", 7, self)).toMatchObject({ ok: false });
    expect(mayChangeAccount("deactivate", 7, self)).toMatchObject({ ok: false });
    expect(mayChangeAccount("deactivate", 8, self)).toEqual({ ok: true });
    expect(mayChangeAccount("role", 8, self)).toEqual({ ok: true });
  });

  it("sends an invitation again only to someone who has not set a password", () => {
    expect(mayChangeAccount("resend", 1, { id: 2, active: 1, passwordSetAt: null })).toEqual({ ok: true });
    expect(mayChangeAccount("resend", 1, { id: 2, active: 1, passwordSetAt: "2017-01-01" })).toMatchObject({
      ok: false,
    });
    expect(mayChangeAccount("resend", 1, { id: 2, active: 0, passwordSetAt: null })).toMatchObject({ ok: false });
  });

  it("reactivates only a deactivated account, deactivates only an active one", () => {
    expect(mayChangeAccount("reactivate", 1, { id: 2, active: 1, passwordSetAt: null })).toMatchObject({ ok: false });
    expect(mayChangeAccount("reactivate", 1, { id: 2, active: 0, passwordSetAt: null })).toEqual({ ok: true });
    expect(mayChangeAccount("deactivate", 1, { id: 2, active: 0, passwordSetAt: null })).toMatchObject({ ok: false });
  });
});

describe("one-time links", () => {
  const issued = new Date("2017-02-01T09:00:00.000Z");

  it("an invitation works for 7 days, a reset for 1 hour", () => {
    expect(tokenExpiry("invitation", issued).toISOString()).toBe("2017-02-08T09:00:00.000Z");
    expect(tokenExpiry("password_reset", issued).toISOString()).toBe("2017-02-01T10:00:00.000Z");
  });

  it("is valid until its expiry, then expired; once used, used", () => {
    const expiresAt = tokenExpiry("password_reset", issued).toISOString();
    const at = (iso: string) => new Date(iso);
    expect(tokenState({ expiresAt, usedAt: null, userActive: true }, at("2017-02-01T09:59:59.999Z"))).toBe("valid");
    expect(tokenState({ expiresAt, usedAt: null, userActive: true }, at("2017-02-01T10:00:00.000Z"))).toBe("expired");
    expect(
      tokenState({ expiresAt, usedAt: "2017-02-01T09:10:00.000Z", userActive: true }, at("2017-02-01T11:00:00.000Z")),
    ).toBe("used");
    expect(tokenState({ expiresAt, usedAt: null, userActive: false }, at("2017-02-01T09:30:00.000Z"))).toBe(
      "account-closed",
    );
  });
});

describe("boroughTeam", () => {
  const person = (
    id: number,
    role: "borough_officer" | "csp_member",
    canEndorse: number,
    passwordSetAt: string | null,
  ) => ({
    id,
    name: `Person ${id}`,
    email: `p${id}@example.gov.uk`,
    role,
    canEndorse,
    active: 1,
    passwordSetAt,
  });

  it("lists officers and CSP members apart; only a CSP member may endorse, and an unanswered invitation shows", () => {
    const team = boroughTeam([
      person(1, "borough_officer", 1, "2017-01-01T00:00:00Z"),
      person(2, "csp_member", 1, "2017-01-01T00:00:00Z"),
      person(3, "csp_member", 0, null),
    ]);
    expect(team.officers).toEqual([
      { id: 1, name: "Person 1", email: "p1@example.gov.uk", mayEndorse: false, invited: false },
    ]);
    expect(team.cspMembers.map((m) => [m.id, m.mayEndorse, m.invited])).toEqual([
      [2, true, false],
      [3, false, true],
    ]);
  });
});
