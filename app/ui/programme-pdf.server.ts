import PDFDocument from "pdfkit";
import type { Programme } from "~/data/programmes.server";
import { formatDate, formatDateTime } from "~/domain/dates";
import { formatPounds } from "~/domain/money";
import { stateLabel } from "~/domain/workflow";

// PDF's built-in Helvetica speaks Windows-1252: anything it cannot draw is shown as "?" rather than as garbage.
const WINDOWS_1252_EXTRAS = new Set("€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ");
function printable(text: string): string {
  return Array.from(text.normalize("NFC"), (ch) => {
    const code = ch.codePointAt(0)!;
    if (ch === "\n") return ch;
    if (code < 32) return " ";
    return code < 256 || WINDOWS_1252_EXTRAS.has(ch) ? ch : "?";
  }).join("");
}

const DEMO = " (demo figure)";

/**
 * The programme as an A4 PDF for the CSP meeting: the same figures as the print view, from the same
 * loaded programme, laid out by PDFKit in the request (no browser).
 */
export function programmePdf(programme: Programme, printedOn: string): Promise<Buffer> {
  const boroughs = programme.boroughNames.join(", ");
  const title = `LCPF endorsed programme, ${programme.periodName}, ${boroughs}`;
  const doc = new PDFDocument({
    size: "A4",
    margin: 50,
    lang: "en-GB",
    displayTitle: true,
    info: {
      Title: printable(title),
      Author: "Mayor's Office for Policing and Crime",
      CreationDate: new Date(`${printedOn}T12:00:00Z`),
    },
  });
  const chunks: Uint8Array[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("data", (chunk) => chunks.push(chunk));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });

  const heading = (text: string, size = 14) =>
    doc.moveDown(0.6).font("Helvetica-Bold").fontSize(size).text(printable(text)).font("Helvetica").fontSize(10);
  const line = (text: string) => doc.font("Helvetica").fontSize(10).text(printable(text), { paragraphGap: 2 });
  const labelled = (label: string, text: string | null) => {
    doc
      .font("Helvetica-Bold")
      .fontSize(10)
      .text(printable(`${label}: `), { continued: true });
    doc.font("Helvetica").text(printable(text && text.trim() !== "" ? text : "Not given"), { paragraphGap: 4 });
  };
  const demoYears = new Set(programme.years.filter((y) => y.hasDemoFigure).map((y) => y.financialYearId));

  doc
    .font("Helvetica-Bold")
    .fontSize(18)
    .text(printable(`LCPF endorsed programme, ${programme.periodName}`));
  doc.font("Helvetica").fontSize(14).text(printable(boroughs));
  doc.moveDown(0.3);
  line(`Printed on ${formatDate(printedOn)}`);
  line(`MOPAC status: ${stateLabel(programme.status)}`);
  if (programme.endorsement) {
    line(
      `Endorsed by the CSP${programme.endorsement.meetingDate ? ` at its meeting of ${formatDate(programme.endorsement.meetingDate)}` : ` on ${formatDateTime(programme.endorsement.at)}`}`,
    );
  }
  line(
    programme.decision
      ? `Decision: ${programme.decision.approved ? "approved" : "rejected"} by ${programme.decision.by ?? "MOPAC"} on ${formatDateTime(programme.decision.at)}${programme.decision.comment ? `. ${programme.decision.comment}` : ""}`
      : "Decision: not decided yet",
  );

  heading("Funding and planned spend for each year");
  for (const y of programme.summary.years) {
    const demo = demoYears.has(y.financialYearId) ? DEMO : "";
    const money = (pence: number | null) => (pence === null ? "not set yet" : `${formatPounds(pence)}${demo}`);
    line(
      `${y.label}: allocation ${money(y.allocationPence)}; direct borough funding ${money(y.directPence)}; co-commissioned services ${money(y.coCommissionedPence)}; planned spend ${formatPounds(y.plannedPence)}; ${
        !y.assessable
          ? "cannot check until the allocation is set"
          : y.overByPence > 0
            ? `over by ${formatPounds(y.overByPence)}${demo}`
            : `${formatPounds(y.remainingPence)} remaining${demo}`
      }`,
    );
  }

  heading("Planned spend by Police and Crime Plan priority");
  line("Each project counts once, under its primary priority.");
  for (const group of programme.groups) {
    const perYear = group.total.perYear
      .map(
        (cell) =>
          `${programme.summary.years.find((y) => y.financialYearId === cell.financialYearId)?.label ?? ""} ${formatPounds(cell.pence)}`,
      )
      .join(", ");
    line(`${group.name}: ${formatPounds(group.total.totalPence)}${group.hasDemoFigure ? DEMO : ""} (${perYear})`);
  }
  const anyDemo = programme.groups.some((g) => g.hasDemoFigure);
  doc.font("Helvetica-Bold");
  line(
    `Total planned spend, all priorities: ${formatPounds(programme.summary.totalPlannedPence)}${anyDemo ? DEMO : ""}`,
  );

  heading("MOPAC's feedback on the programme");
  if (programme.overallFeedback.length === 0) line("MOPAC has not given feedback on the programme as a whole.");
  for (const item of programme.overallFeedback)
    line(`${item.by ?? "MOPAC"}, ${formatDateTime(item.at)}: ${item.comment ?? ""}`);

  // Each priority on a page of its own, as in the print view.
  for (const group of programme.groups) {
    doc.addPage();
    heading(group.name, 16);
    line(
      `${group.projects.length} project${group.projects.length === 1 ? "" : "s"}, planned spend ${formatPounds(group.total.totalPence)}${group.hasDemoFigure ? DEMO : ""}`,
    );
    for (const project of group.projects) {
      heading(project.title, 12);
      if (project.secondaryPriorityName) labelled("Secondary priority", project.secondaryPriorityName);
      labelled(
        "LCPF spend",
        programme.summary.years
          .map((y) => {
            const cost = project.costs.find((c) => c.financialYearId === y.financialYearId);
            return `${y.label} ${formatPounds(cost?.lcpfPence ?? 0)}${cost?.isDemoFigure ? DEMO : ""}`;
          })
          .join(", "),
      );
      labelled("Description", project.description);
      labelled("Aims", project.aims);
      labelled("Outcomes", project.outcomes);
      for (const item of project.feedback)
        labelled(`MOPAC feedback (${item.by ?? "MOPAC"}, ${formatDateTime(item.at)})`, item.comment);
    }
  }

  doc.end();
  return done;
}
