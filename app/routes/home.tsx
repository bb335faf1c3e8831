import { redirect } from "react-router";
import { requireUser } from "~/auth/guard.server";
import { homePathFor } from "~/auth/home";
import type { Route } from "./+types/home";

export async function loader({ request }: Route.LoaderArgs) {
  const user = await requireUser(request);
  throw redirect(homePathFor(user.role));
}
