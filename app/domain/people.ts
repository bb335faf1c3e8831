import { isRole, ROLE_LABELS, ROLE_ORGANISATION_KIND, ROLES, type OrganisationKind, type Role } from "./roles";

/**
 * The rules for managing people: which roles fit which organisation, what an account's state is
 * called, and what an admin may not do to their own account.
 */

/** The roles a person of this kind of organisation can hold. */
export function rolesFor(kind: OrganisationKind): Role[] {
  return ROLES.filter((role) => ROLE_ORGANISATION_KIND[role] === kind);
}

export function roleFitsOrganisation(role: Role, kind: OrganisationKind): boolean {
  return ROLE_ORGANISATION_KIND[role] === kind;
}

export const ROLE_MISFIT: Readonly<Record<OrganisationKind, string>> = {
  borough: "A borough’s people are borough officers or CSP members",
  mopac: "MOPAC’s people are reviewers or admins",
};

/** Only a CSP member may endorse; the permission is dropped for every other role. */
export function endorsePermission(role: Role, mayEndorse: boolean): 0 | 1 {
  return role === "csp_member" && mayEndorse ? 1 : 0;
}

export type AccountStatus = "active" | "invited" | "deactivated";

export function accountStatus(account: { active: number | boolean; passwordSetAt: string | null }): AccountStatus {
  if (!account.active) return "deactivated";
  return account.passwordSetAt === null ? "invited" : "active";
}

export const ACCOUNT_STATUS_LABELS: Readonly<Record<AccountStatus, string>> = {
  active: "Active",
  invited: "Invitation sent",
  deactivated: "Deactivated",
};

/** A role and its endorse permission in the words the pages use: "CSP member (may endorse)". */
export function roleDescription(role: Role, canEndorse: number | boolean): string {
  return endorsePermission(role, Boolean(canEndorse)) ? `${ROLE_LABELS[role]} (may endorse)` : ROLE_LABELS[role];
}

export type TeamMember = { id: number; name: string; email: string; mayEndorse: boolean; invited: boolean };

/** A borough's people as its own page lists them: the officers, then the CSP's members and who may endorse. */
export function boroughTeam(
  people: readonly {
    id: number;
    name: string;
    email: string;
    role: Role;
    canEndorse: number | boolean;
    active: number | boolean;
    passwordSetAt: string | null;
  }[],
): { officers: TeamMember[]; cspMembers: TeamMember[] } {
  const member = (p: (typeof people)[number]): TeamMember => ({
    id: p.id,
    name: p.name,
    email: p.email,
    mayEndorse: endorsePermission(p.role, Boolean(p.canEndorse)) === 1,
    invited: accountStatus(p) === "invited",
  });
  return {
    officers: people.filter((p) => p.role === "borough_officer").map(member),
    cspMembers: people.filter((p) => p.role === "csp_member").map(member),
  };
}

export type AccountChange = "role" | "deactivate" | "reactivate" | "resend";

/**
 * What an admin may do to an account. Nobody changes their own role or deactivates themselves, so
 * MOPAC cannot lose its last admin by a slip; another admin can. An invitation is sent again only to
 * someone who has not yet set a password.
 */
export function mayChangeAccount(
  change: AccountChange,
  actorUserId: number,
  account: { id: number; active: number | boolean; passwordSetAt: string | null },
): { ok: true } | { ok: false; message: string } {
  const status = accountStatus(account);
  if ((change === "role" || change === "deactivate") && account.id === actorUserId)
    return {
      ok: false,
      message:
        change === "role"
          ? "You cannot change your own role: ask another admin"
          : "You cannot deactivate your own account: ask another admin",
    };
  if (change === "deactivate" && status === "deactivated")
    return { ok: false, message: "This account is already deactivated" };
  if (change === "reactivate" && status !== "deactivated")
    return { ok: false, message: "This account is already active" };
  if (change === "resend" && status !== "invited")
    return {
      ok: false,
      message:
        status === "deactivated"
          ? "Reactivate the account before sending an invitation"
          : "This person has already set a password: they can reset it from the sign-in page",
    };
  return { ok: true };
}

/** An email address as the portal keeps it: trimmed and in lower case, so one person has one account. */
export function normaliseEmailAddress(email: string): string {
  return email.trim().toLowerCase();
}

/** A plain check that catches typing slips; the emailed link proves the address works. */
export function looksLikeEmail(email: string): boolean {
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email);
}

export const MAX_NAME_LENGTH = 200;

/** One person to invite, as the command line's CSV file gives them. */
export type InviteRow = {
  email: string;
  name: string;
  organisationId: number;
  role: Role;
  canEndorse: 0 | 1;
};

export type OrganisationRef = { id: number; name: string; gssCode: string | null; kind: OrganisationKind };

export type InviteRowResult = { line: number; row: InviteRow | null; problems: string[] };

/** The words a CSV file may use for a role: its name in the portal, or its code. */
function roleFromText(text: string): Role | null {
  const wanted = text
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, "_");
  if (isRole(wanted)) return wanted;
  const byLabel = ROLES.find((role) => ROLE_LABELS[role].toLowerCase().replace(/\s+/g, "_") === wanted);
  return byLabel ?? null;
}

function yesNoFromText(text: string): boolean | null {
  const value = text.trim().toLowerCase();
  if (["", "no", "n", "false", "0"].includes(value)) return false;
  if (["yes", "y", "true", "1"].includes(value)) return true;
  return null;
}

export const INVITE_COLUMNS = ["email", "name", "organisation", "role", "may endorse"] as const;

/**
 * Checks every row of an invitation file (header first: email, name, organisation name or GSS code,
 * role, may endorse) against the organisations and the accounts that exist. Each row gets all its
 * problems, with its line in the file, so one run of the command shows everything to fix.
 */
export function checkInviteRows(
  records: readonly { line: number; cells: readonly string[] }[],
  organisations: readonly OrganisationRef[],
  existingEmails: ReadonlySet<string>,
): { ok: boolean; rows: InviteRowResult[]; headerProblem: string | null } {
  const [header, ...body] = records;
  const expected = INVITE_COLUMNS.join(",");
  const headerText = header?.cells.map((cell) => cell.trim().toLowerCase().replace(/[_-]/g, " ")).join(",");
  if (!header || headerText !== expected)
    return { ok: false, rows: [], headerProblem: `The first line must be the header: ${INVITE_COLUMNS.join(", ")}` };
  if (body.length === 0) return { ok: false, rows: [], headerProblem: "The file has no one to invite" };

  const seen = new Set<string>();
  const byName = new Map(organisations.map((o) => [o.name.toLowerCase(), o]));
  const byGss = new Map(organisations.filter((o) => o.gssCode).map((o) => [o.gssCode!.toUpperCase(), o]));
  const rows = body.map(({ line, cells }): InviteRowResult => {
    const problems: string[] = [];
    if (cells.length !== INVITE_COLUMNS.length)
      problems.push(`has ${cells.length} columns, not ${INVITE_COLUMNS.length}`);
    const [emailText = "", nameText = "", organisationText = "", roleText = "", endorseText = ""] = cells;
    const email = normaliseEmailAddress(emailText);
    if (!looksLikeEmail(email) || email.length > 254) problems.push(`“${emailText.trim()}” is not an email address`);
    else if (existingEmails.has(email)) problems.push(`${email} already has an account`);
    else if (seen.has(email)) problems.push(`${email} is on an earlier line too`);
    seen.add(email);
    const name = nameText.trim();
    if (name === "") problems.push("has no name");
    else if (name.length > MAX_NAME_LENGTH) problems.push(`has a name longer than ${MAX_NAME_LENGTH} characters`);
    const organisation =
      byName.get(organisationText.trim().toLowerCase()) ?? byGss.get(organisationText.trim().toUpperCase());
    if (!organisation) problems.push(`“${organisationText.trim()}” is not a borough’s name or GSS code, nor MOPAC`);
    const role = roleFromText(roleText);
    if (!role) problems.push(`“${roleText.trim()}” is not a role: use ${ROLES.map((r) => ROLE_LABELS[r]).join(", ")}`);
    else if (organisation && !roleFitsOrganisation(role, organisation.kind))
      problems.push(ROLE_MISFIT[organisation.kind]);
    const mayEndorse = yesNoFromText(endorseText);
    if (mayEndorse === null) problems.push(`“may endorse” must be yes or no, not “${endorseText.trim()}”`);
    else if (mayEndorse && role && role !== "csp_member") problems.push("only a CSP member may endorse");
    const row =
      problems.length === 0 && organisation && role
        ? {
            email,
            name,
            organisationId: organisation.id,
            role,
            canEndorse: endorsePermission(role, mayEndorse === true),
          }
        : null;
    return { line, row, problems };
  });
  return { ok: rows.every((r) => r.problems.length === 0), rows, headerProblem: null };
}
