import type { ReactNode } from "react";
import { AppLink } from "~/ui/parts";

export interface BackLinkProps {
  href: string;
  children?: ReactNode;
}

export function BackLink({ href, children = "Back" }: BackLinkProps) {
  return (
    <AppLink href={href} className="govuk-back-link">
      {children}
    </AppLink>
  );
}
