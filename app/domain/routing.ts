export type ReviewerLoad = { id: number; name: string; active: boolean; openReviews: number };

/**
 * Who receives a submission: the borough's lead reviewer when there is an active one; otherwise the
 * active reviewer with the fewest open reviews (ties go to the one named first, then the lower id, so
 * the choice is the same every time). Null when MOPAC has no active reviewer at all.
 */
export function chooseReviewer(leadReviewerId: number | null, reviewers: readonly ReviewerLoad[]): number | null {
  const active = reviewers.filter((r) => r.active);
  if (leadReviewerId !== null && active.some((r) => r.id === leadReviewerId)) return leadReviewerId;
  const [first] = [...active].sort(
    (a, b) => a.openReviews - b.openReviews || a.name.localeCompare(b.name) || a.id - b.id,
  );
  return first?.id ?? null;
}

/** A review is due by the round's feedback deadline; past it, and still open, it is overdue. */
export function isOverdue(feedbackDeadline: string | null, today: string, open: boolean): boolean {
  return open && feedbackDeadline !== null && today > feedbackDeadline;
}
