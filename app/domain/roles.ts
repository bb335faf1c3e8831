/**
 * Who uses the portal, in the users' words. The workflow (workflow.ts) and the visibility rule
 * (access.ts) decide what each of them may do; this module only says who they are.
 */

export const ROLES = ["borough_officer", "csp_member", "mopac_reviewer", "mopac_admin"] as const;

export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Readonly<Record<Role, string>> = {
  borough_officer: "Borough officer",
  csp_member: "CSP member",
  mopac_reviewer: "MOPAC reviewer",
  mopac_admin: "MOPAC admin",
};

export type OrganisationKind = "borough" | "mopac";

/** The kind of organisation each role belongs to; a user whose pair disagrees is refused everything. */
export const ROLE_ORGANISATION_KIND: Readonly<Record<Role, OrganisationKind>> = {
  borough_officer: "borough",
  csp_member: "borough",
  mopac_reviewer: "mopac",
  mopac_admin: "mopac",
};

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}

export function roleLabel(role: Role): string {
  return ROLE_LABELS[role];
}

/** A signed-in person. */
export type UserActor = {
  /** Optional so a plain user record of the shape below is accepted as it is. */
  kind?: "user";
  role: Role;
  /** Only a CSP member's endorse permission means anything; it is ignored for other roles. */
  canEndorse: boolean;
  organisationKind: OrganisationKind;
  /** The borough's organisation id for borough users; MOPAC's organisation id for MOPAC users. */
  organisationId: number;
  userId: number;
};

/** The portal itself, e.g. routing a submission to a reviewer. It is not a person and signs nobody in. */
export type SystemActor = { kind: "system" };

export type Actor = UserActor | SystemActor;

export const SYSTEM_ACTOR: SystemActor = { kind: "system" };

export function isSystemActor(actor: Actor): actor is SystemActor {
  return actor.kind === "system";
}

/**
 * The one bridge from the signed-in user record (database column names, SQLite 0/1 flags) to the
 * domain's actor, so no route converts it differently.
 */
export function actorFromUser(user: {
  id: number;
  role: Role;
  can_endorse: number | boolean;
  organisation_id: number;
  organisation_kind: OrganisationKind;
}): UserActor {
  return {
    kind: "user",
    role: user.role,
    canEndorse: user.can_endorse === true || user.can_endorse === 1,
    organisationKind: user.organisation_kind,
    organisationId: user.organisation_id,
    userId: user.id,
  };
}
