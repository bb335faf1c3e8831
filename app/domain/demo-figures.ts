/**
 * The portal must never present an invented figure as real. A figure is a demo figure when it
 * was invented for the demonstration (the seed marks those), and also when it is computed from
 * one: a pot cut from a demo allocation, a total that adds a demo amount, what is left of a demo
 * envelope. These helpers carry that mark through arithmetic so no caller forgets it.
 */

/** An amount in pence with its mark. */
export type MarkedPence = { pence: number; isDemoFigure: boolean };

/** A figure computed from others is a demo figure when any one of them is. */
export function derivedFromDemo(...sources: readonly (boolean | null | undefined)[]): boolean {
  return sources.some((source) => source === true);
}

/** The sum of marked amounts, marked when any of the amounts is. */
export function sumMarked(figures: readonly MarkedPence[]): MarkedPence {
  let pence = 0;
  let isDemoFigure = false;
  for (const figure of figures) {
    pence += figure.pence;
    isDemoFigure ||= figure.isDemoFigure;
  }
  return { pence, isDemoFigure };
}

/** The words used wherever the mark is shown: on screen, in print and in exports. */
export const DEMO_FIGURE_LABEL = "Demo figure";
export const DEMO_FIGURE_EXPLANATION =
  "A demo figure is invented for the demonstration, or computed from one; it is not a real allocation or cost.";
