import { type RouteConfig, index, route } from "@react-router/dev/routes";

export default [
  index("routes/home.tsx"),
  route("sign-in", "routes/sign-in.tsx"),
  route("sign-out", "routes/sign-out.tsx"),
  route("accessibility", "routes/accessibility.tsx"),
  route("borough", "routes/borough-home.tsx"),
  route("review", "routes/review-home.tsx"),
  route("admin", "routes/admin-home.tsx"),
  route("*", "routes/not-found.tsx"),
] satisfies RouteConfig;
