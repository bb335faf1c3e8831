import { randomBytes } from "node:crypto";
import { createCookieSessionStorage, redirect } from "react-router";
import { config } from "~/config.server";

/**
 * The message a page shows once after an action ("Compliance answers saved"): built by the server,
 * carried to the next page in a short-lived signed cookie, and cleared when shown. Nothing a person
 * puts in the address bar can become one.
 */

// Without SESSION_SECRET each server process signs with its own random key: a message in flight
// when the server restarts (or lands on another instance) is then dropped, never forged.
let processSecret: string | undefined;
function secrets(): string[] {
  const configured = config.sessionSecrets;
  if (configured.length > 0) return configured;
  processSecret ??= randomBytes(32).toString("base64url");
  return [processSecret];
}

/** The sentence, and the page it is for: only that page shows it. */
export type Flash = { message: string; path: string };
export const FLASH_COOKIE = "lcpf_flash";

type FlashData = { flash: Flash };

let storage: ReturnType<typeof createCookieSessionStorage<object, FlashData>> | undefined;
function flashStorage() {
  storage ??= createCookieSessionStorage<object, FlashData>({
    cookie: {
      name: FLASH_COOKIE,
      httpOnly: true,
      sameSite: "lax",
      path: "/",
      // The same rule as the session cookie: Secure whenever the public address is https.
      secure: publicAddressIsHttps(),
      secrets: secrets(),
      // Long enough to survive the redirect, short enough that a stale message does not turn up later.
      maxAge: 60,
    },
  });
  return storage;
}

function publicAddressIsHttps(): boolean {
  try {
    return new URL(config.appUrl).protocol === "https:";
  } catch {
    return false;
  }
}

/** Longest message kept: they are our own sentences, but some quote a project's title. */
const MAX_MESSAGE = 300;

/** The Set-Cookie header that makes the page at `path` show `message` in a success banner. */
export async function flashMessage(request: Request, path: string, message: string): Promise<string> {
  const store = flashStorage();
  const session = await store.getSession(request.headers.get("Cookie"));
  session.flash("flash", {
    message: message.length > MAX_MESSAGE ? `${message.slice(0, MAX_MESSAGE - 1)}…` : message,
    path: path.replace(/[?#].*$/, ""),
  });
  return store.commitSession(session);
}

/** A redirect that carries a success message to the page it leads to. */
export async function redirectWithMessage(request: Request, to: string, message: string): Promise<Response> {
  return redirect(to, { headers: { "Set-Cookie": await flashMessage(request, to, message) } });
}

/**
 * The message waiting for this page, if any, and the header that clears it. Pages add the header only
 * when there was a message, so ordinary responses set no cookie.
 */
export async function takeMessage(
  request: Request,
): Promise<{ flash: Flash | null; headers: HeadersInit | undefined }> {
  const cookie = request.headers.get("Cookie");
  if (!cookie?.includes(`${FLASH_COOKIE}=`)) return { flash: null, headers: undefined };
  const store = flashStorage();
  // A cookie that fails its signature reads as empty, and is cleared like any other.
  const session = await store.getSession(cookie);
  const flash = session.get("flash");
  const valid = flash && typeof flash.message === "string" && typeof flash.path === "string";
  return {
    flash: valid ? { message: flash.message, path: flash.path } : null,
    headers: { "Set-Cookie": await store.destroySession(session) },
  };
}
