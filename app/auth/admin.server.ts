import { findRound, type RoundDetail } from "~/data/rounds-admin.server";
import { db } from "~/db.server";
import { parseId } from "~/server/ids";
import { notFound, requireUser, type SessionUser } from "./guard.server";

/** The admin area is MOPAC admins' alone: anyone else is refused (403), nobody signed out gets in. */
export function requireAdmin(request: Request): Promise<SessionUser> {
  return requireUser(request, ["mopac_admin"]);
}

/** A funding round for an admin's page: the person is checked first, then the round must exist. */
export async function requireRound(
  request: Request,
  roundIdParam: string | undefined,
): Promise<{ user: SessionUser; round: RoundDetail }> {
  const user = await requireAdmin(request);
  const roundId = parseId(roundIdParam);
  const round = roundId === null ? undefined : await findRound(db(), roundId);
  if (!round) throw notFound();
  return { user, round };
}
