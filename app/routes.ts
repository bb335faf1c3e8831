import { type RouteConfig, index, route } from "@react-router/dev/routes";

export default [
  index("routes/home.tsx"),
  route("sign-in", "routes/sign-in.tsx"),
  route("sign-out", "routes/sign-out.tsx"),
  route("session/keep-alive", "routes/session-keep-alive.tsx"),
  route("accessibility", "routes/accessibility.tsx"),
  route("borough", "routes/borough-home.tsx"),
  route("review", "routes/review-home.tsx"),
  route("admin", "routes/admin-home.tsx"),
  route("notifications", "routes/notifications.tsx"),
  route("proposals/:proposalId", "routes/proposal.tsx"),
  route("proposals/:proposalId/compliance", "routes/proposal-compliance.tsx"),
  route("proposals/:proposalId/check", "routes/proposal-check.tsx"),
  route("proposals/:proposalId/review", "routes/proposal-review.tsx"),
  route("proposals/:proposalId/review/decision", "routes/proposal-decision.tsx"),
  route("proposals/:proposalId/:step", "routes/proposal-step.tsx"),
  route("proposals/:proposalId/projects/new", "routes/project-new.tsx"),
  route("proposals/:proposalId/projects/:projectId", "routes/project.tsx"),
  route("proposals/:proposalId/projects/:projectId/remove", "routes/project-remove.tsx"),
  route("proposals/:proposalId/projects/:projectId/:section", "routes/project-section.tsx"),
  route("*", "routes/not-found.tsx"),
] satisfies RouteConfig;
