import { useLocation, useRouteLoaderData } from "react-router";
import type { loader as rootLoader } from "~/root";
import { NotificationBanner } from "./notification-banner";

/**
 * The success banner after an action ("Compliance answers saved"). The sentence is the server's, read
 * once from a signed cookie by the root loader; it shows only on the page the action led to, so moving
 * on to another page does not carry it along.
 */
export function FlashBanner() {
  const flash = useRouteLoaderData<typeof rootLoader>("root")?.flash;
  const { pathname } = useLocation();
  if (!flash || flash.path !== pathname) return null;
  return <NotificationBanner type="success" heading={flash.message} />;
}
