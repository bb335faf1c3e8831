/** Links to a proposal's programme as files: one row per project per year, with the demo-figure column. */
export function ProgrammeDownloads({ base }: { base: string }) {
  return (
    <p className="govuk-body app-no-print">
      Download the programme, one row per project per year:{" "}
      <a className="govuk-link" href={`${base}/projects.csv`} download>
        CSV
      </a>{" "}
      or{" "}
      <a className="govuk-link" href={`${base}/projects.xlsx`} download>
        Excel workbook
      </a>
    </p>
  );
}

/** MOPAC's exports of every project across London. */
export function LondonDownloads() {
  return (
    <>
      <h2 className="govuk-heading-m">All London projects</h2>
      <p className="govuk-body">
        Every project of every proposal that has reached MOPAC, one row per project per year, with a column marking demo
        figures:{" "}
        <a className="govuk-link" href="/exports/london-projects.csv" download>
          CSV
        </a>{" "}
        or{" "}
        <a className="govuk-link" href="/exports/london-projects.xlsx" download>
          Excel workbook
        </a>
        .
      </p>
    </>
  );
}
