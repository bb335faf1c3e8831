import type { ReactNode } from "react";
import { Details } from "./content";

export type ContentsItem = { href: string; text: string; children?: readonly ContentsItem[] };

/** GOV.UK's contents list: links to the parts of a long page, so nobody has to scroll to find them. */
export function ContentsList({ items, label = "Contents" }: { items: readonly ContentsItem[]; label?: string }) {
  return (
    <nav className="gem-c-contents-list govuk-!-margin-bottom-6" aria-label={label} data-testid="contents">
      <h2 className="govuk-heading-s govuk-!-margin-bottom-2">{label}</h2>
      <ol className="govuk-list govuk-list--number">
        {items.map((item) => (
          <li key={item.href}>
            <a className="govuk-link" href={item.href}>
              {item.text}
            </a>
            {item.children && item.children.length > 0 ? (
              <ul className="govuk-list govuk-list--bullet govuk-!-margin-top-1">
                {item.children.map((child) => (
                  <li key={child.href}>
                    <a className="govuk-link" href={child.href}>
                      {child.text}
                    </a>
                  </li>
                ))}
              </ul>
            ) : null}
          </li>
        ))}
      </ol>
    </nav>
  );
}

/** One project's full answers folded away, opened by the reader (a native details element, so no script is needed). */
export function CollapsibleProject({ title, children }: { title: string; children: ReactNode }) {
  return <Details summary={`Show all answers for ${title}`}>{children}</Details>;
}
