import { hasChanges, type FieldChange, type ProposalChanges } from "~/domain/changes";
import { NotificationBanner } from "./notification-banner";

function FieldChangeText({ change }: { change: FieldChange }) {
  return (
    <>
      <strong>{change.label}</strong> was <del>{change.before || "blank"}</del>, now{" "}
      <ins>{change.after || "blank"}</ins>
    </>
  );
}

/** What the borough changed since MOPAC last saw the proposal. */
export function ChangesSinceLastSubmission({ changes }: { changes: ProposalChanges }) {
  return (
    <div data-testid="changes">
      <NotificationBanner title="Changed since the last submission" titleId="changes-title">
        {!hasChanges(changes) ? (
          <p className="govuk-body">Nothing has changed since MOPAC last saw the proposal.</p>
        ) : null}
        {changes.added.length ? (
          <p className="govuk-body">
            <strong>Projects added:</strong> {changes.added.map((p) => p.title).join(", ")}
          </p>
        ) : null}
        {changes.removed.length ? (
          <p className="govuk-body">
            <strong>Projects removed:</strong> {changes.removed.map((p) => p.title).join(", ")}
          </p>
        ) : null}
        {changes.changed.map((project) => (
          <div key={project.id}>
            <h3 className="govuk-heading-s">{project.title}</h3>
            <ul className="govuk-list govuk-list--bullet">
              {project.changes.map((change) => (
                <li key={change.field}>
                  <FieldChangeText change={change} />
                </li>
              ))}
            </ul>
          </div>
        ))}
        {changes.answers.length ? (
          <>
            <h3 className="govuk-heading-s">Compliance answers</h3>
            <ul className="govuk-list govuk-list--bullet">
              {changes.answers.map((change) => (
                <li key={change.field}>
                  <FieldChangeText change={change} />
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </NotificationBanner>
    </div>
  );
}
