import { isBoroughStaff } from "~/domain/access";
import { actorFromUser } from "~/domain/roles";
import { notAllowed, requireUser, type SessionUser } from "./guard.server";

/** A borough's own pages (its people, its endorsed programmes): its officers and CSP members. */
export async function requireBoroughStaff(request: Request): Promise<SessionUser> {
  const user = await requireUser(request);
  if (!isBoroughStaff(actorFromUser(user))) throw notAllowed();
  return user;
}
