import { readSnapshot, snapshotKeyLabel } from "./snapshot";

/**
 * What changed in a proposal between two submissions to MOPAC, for the reviewer: projects added and
 * removed, and for the others each field and each year's spend that differs.
 */
export type SnapshotProject = {
  id: number;
  title: string;
  /** Field id (see snapshot.ts) -> value as a person reads it ("Victim care, Hate crime", "£40,000.00"). */
  fields: Record<string, string>;
};

export type Snapshot = { projects: SnapshotProject[]; answers: Record<string, string> };

/** `field` is the snapshot key; `label` is what the reviewer reads, from today's catalogue. */
export type FieldChange = { field: string; label: string; before: string; after: string };

export type ProposalChanges = {
  added: { id: number; title: string }[];
  removed: { id: number; title: string }[];
  changed: { id: number; title: string; changes: FieldChange[] }[];
  answers: FieldChange[];
};

function diffFields(before: Record<string, string>, after: Record<string, string>): FieldChange[] {
  const names = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  return names
    .filter((name) => (before[name] ?? "") !== (after[name] ?? ""))
    .map((name) => ({
      field: name,
      label: snapshotKeyLabel(name),
      before: before[name] ?? "",
      after: after[name] ?? "",
    }));
}

/** Either snapshot may have been stored before fields were keyed by id; both are read as ids. */
export function compareSnapshots(storedBefore: Snapshot, storedAfter: Snapshot): ProposalChanges {
  const before = readSnapshot(storedBefore);
  const after = readSnapshot(storedAfter);
  const beforeById = new Map(before.projects.map((p) => [p.id, p]));
  const afterById = new Map(after.projects.map((p) => [p.id, p]));
  return {
    added: after.projects.filter((p) => !beforeById.has(p.id)).map(({ id, title }) => ({ id, title })),
    removed: before.projects.filter((p) => !afterById.has(p.id)).map(({ id, title }) => ({ id, title })),
    changed: after.projects
      .filter((p) => beforeById.has(p.id))
      .map((p) => ({ id: p.id, title: p.title, changes: diffFields(beforeById.get(p.id)!.fields, p.fields) }))
      .filter((p) => p.changes.length > 0),
    answers: diffFields(before.answers, after.answers),
  };
}

export function hasChanges(changes: ProposalChanges): boolean {
  return changes.added.length + changes.removed.length + changes.changed.length + changes.answers.length > 0;
}
