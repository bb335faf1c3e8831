import { data, redirect } from "react-router";
import type { Role as UserRole } from "~/domain/roles";
import { db } from "../db.server";
import { readSessionToken, validateSessionToken, type SessionUser, type ValidSession } from "./session.server";

export type { SessionUser };

type SessionLookup = { session: ValidSession; user: SessionUser } | null;

// React Router hands every loader of one request the same Request object (the action gets its own;
// the loaders that follow an action share a fresh one), so a lookup kept against the Request is shared
// by the root loader and the page's loaders, and never outlives the request. test/integration/
// session-per-request.test.ts checks this against React Router itself.
const lookups = new WeakMap<Request, Promise<SessionLookup>>();

/** The signed-in session and person for this request, looked up (and its idle expiry moved) once. */
export function getSession(request: Request): Promise<SessionLookup> {
  let lookup = lookups.get(request);
  if (!lookup) {
    const token = readSessionToken(request);
    lookup = token ? validateSessionToken(db(), token) : Promise.resolve(null);
    lookups.set(request, lookup);
  }
  return lookup;
}

/** Who is signed in, or null. */
export async function getUser(request: Request): Promise<SessionUser | null> {
  return (await getSession(request))?.user ?? null;
}

/**
 * The address of the page a request is for. Loaders see the Request as it came in, so a client-side
 * navigation's data request still has React Router's parts: `/borough.data` (`/_root.data` for `/`),
 * and `_routes` and a bare `index` in the query.
 */
function pageAddress(request: Request): URL {
  const url = new URL(request.url);
  if (url.pathname.endsWith(".data")) {
    url.pathname = url.pathname === "/_root.data" ? "/" : url.pathname.slice(0, -".data".length);
  }
  url.searchParams.delete("_routes");
  if (url.searchParams.get("index") === "") url.searchParams.delete("index");
  return url;
}

export function signInUrl(request: Request): string {
  const url = pageAddress(request);
  const target = url.pathname + url.search;
  return target === "/" ? "/sign-in" : `/sign-in?redirectTo=${encodeURIComponent(target)}`;
}

/**
 * The one gate for every loader and action: not signed in -> the sign-in page (and back here after);
 * signed in without one of the allowed roles -> 403, rendered as the "not allowed" page.
 */
export async function requireUser(request: Request, allowed?: readonly UserRole[]): Promise<SessionUser> {
  const user = await getUser(request);
  if (!user) throw redirect(signInUrl(request));
  if (allowed && !allowed.includes(user.role)) throw notAllowed();
  return user;
}

export function notAllowed(message = "You do not have permission to see this page.") {
  return data({ message }, { status: 403 });
}

/** A refusal the error page shows with its reason (403 not allowed, 409 not in this state, ...). */
export function refused(status: number, message: string) {
  return data({ message }, { status });
}

export function notFound() {
  return data({ message: "Page not found" }, { status: 404 });
}

const REDIRECT_BASE = "http://x.invalid";

/**
 * Only a path on this site survives, judged the way a browser will read it: browsers drop tabs and
 * newlines and treat a backslash as a slash, so "/\t/evil.example" and "/\\evil" lead off-site. Those
 * characters (and their percent-encodings, and encoded slashes) are refused outright; what remains must
 * resolve against a placeholder origin to that same origin. The path is returned as the URL parser
 * normalised it.
 */
export function safeRedirectTarget(target: FormDataEntryValue | string | null | undefined, fallback: string): string {
  if (typeof target !== "string" || target.length === 0 || target.length > 2000) return fallback;
  if (!target.startsWith("/") || target.startsWith("//")) return fallback;
  if (/[\u0000-\u0020\u007f\\]/.test(target)) return fallback;
  if (/%(?:[01][0-9a-f]|7f|2f|5c|25)/i.test(target)) return fallback;
  let url: URL;
  try {
    url = new URL(target, REDIRECT_BASE);
  } catch {
    return fallback;
  }
  if (url.origin !== REDIRECT_BASE) return fallback;
  return url.pathname + url.search + url.hash;
}
