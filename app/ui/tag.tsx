import type { ReactNode } from "react";
import { cx } from "~/ui/parts";

/**
 * GOV.UK Frontend 6 draws blue as the plain tag, renamed turquoise to teal and pink to magenta,
 * and no longer has a light blue: the older names are accepted and drawn with their v6
 * equivalents ("light-blue" as the plain blue, so it no longer differs from "blue").
 */
export type TagColour =
  | "grey"
  | "green"
  | "teal"
  | "turquoise"
  | "blue"
  | "light-blue"
  | "purple"
  | "magenta"
  | "pink"
  | "red"
  | "orange"
  | "yellow";

const modifier: Record<TagColour, string | undefined> = {
  grey: "govuk-tag--grey",
  green: "govuk-tag--green",
  teal: "govuk-tag--teal",
  turquoise: "govuk-tag--teal",
  // No style of its own in v6 (blue is the default), but GOV.UK's own examples still add it.
  blue: "govuk-tag--blue",
  "light-blue": undefined,
  purple: "govuk-tag--purple",
  magenta: "govuk-tag--magenta",
  pink: "govuk-tag--magenta",
  red: "govuk-tag--red",
  orange: "govuk-tag--orange",
  yellow: "govuk-tag--yellow",
};

export interface TagProps {
  colour?: TagColour;
  className?: string;
  children: ReactNode;
}

/** Without a colour the tag is GOV.UK's plain (blue) tag. */
export function Tag({ colour, className, children }: TagProps) {
  return <strong className={cx("govuk-tag", colour && modifier[colour], className)}>{children}</strong>;
}
