import { DemoMark } from "./proposal-figures";

export type Blocker = { message: string; href: string | null; isDemoFigure: boolean };

/**
 * What stops the proposal being sent to the CSP, each linked to where it is put right. Not an error
 * summary: nobody has submitted anything yet; this is what is left to do.
 */
export function BlockerList({ blockers, headingLevel }: { blockers: readonly Blocker[]; headingLevel: 2 | 3 }) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <div className="govuk-inset-text" data-testid="blockers">
      <Heading className="govuk-heading-s">Before you can send this proposal to the CSP</Heading>
      <ul className="govuk-list govuk-list--bullet">
        {blockers.map((b) => (
          <li key={b.message}>
            {b.href ? (
              <a className="govuk-link" href={b.href}>
                {b.message}
              </a>
            ) : (
              b.message
            )}
            <DemoMark show={b.isDemoFigure} />
          </li>
        ))}
      </ul>
    </div>
  );
}
