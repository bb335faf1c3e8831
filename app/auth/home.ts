import type { Role as UserRole } from "~/domain/roles";

/** Where each role lands after signing in. */
export function homePathFor(role: UserRole): string {
  switch (role) {
    case "borough_officer":
    case "csp_member":
      return "/borough";
    case "mopac_reviewer":
      return "/review";
    case "mopac_admin":
      return "/admin";
  }
}

export type NavigationItem = { href: string; text: string };

export function navigationFor(role: UserRole): NavigationItem[] {
  const home = { href: homePathFor(role), text: "Home" };
  const london = { href: "/london", text: "London" };
  const decisionTable = { href: "/decision-table", text: "Decision table" };
  if (role === "mopac_admin") return [home, { href: "/review", text: "Proposals" }, london, decisionTable];
  if (role === "mopac_reviewer") return [home, london, decisionTable];
  // A borough's people read what their CSP endorsed, and MOPAC's answer, on one page.
  return [home, { href: "/programmes", text: "Endorsed programmes" }];
}
