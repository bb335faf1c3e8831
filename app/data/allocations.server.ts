import type { Transaction } from "kysely";
import { type DB, inTransaction } from "../../db/connection";
import type { AllocationChangeMethod, Database } from "../../db/schema";
import {
  checkAllocationImport,
  type AllocationImport,
  type AllocationImportRow,
  type ImportBorough,
  type ImportYear,
} from "~/domain/allocation-import";

/**
 * Borough allocations per financial year, as MOPAC's admins set them: by the table's form, by a CSV
 * import in the portal or from the command line. Every way in goes through applyAllocations, which
 * writes the change and its history row in the caller's transaction.
 */

const stamp = () => new Date().toISOString();

export type AllocationInput = {
  organisationId: number;
  financialYearId: number;
  amountPence: number;
  upliftPence: number | null;
  note: string | null;
  indicative: boolean;
};

export type ApplyResult = { created: number; changed: number; unchanged: number };

/**
 * Saves allocations and writes a history row for each one that changed (who, how, before and after).
 * Unchanged figures write nothing. One read for all the current figures, then a write per change.
 */
export async function applyAllocations(
  tx: Transaction<Database>,
  inputs: readonly AllocationInput[],
  who: { userId: number | null; method: AllocationChangeMethod },
): Promise<ApplyResult> {
  const result: ApplyResult = { created: 0, changed: 0, unchanged: 0 };
  if (inputs.length === 0) return result;
  const yearIds = [...new Set(inputs.map((i) => i.financialYearId))];
  const current = await tx
    .selectFrom("allocations")
    .select(["organisation_id", "financial_year_id", "amount_pence", "uplift_pence", "note", "indicative"])
    .where("financial_year_id", "in", yearIds)
    .execute();
  const byKey = new Map(current.map((row) => [`${row.organisation_id}:${row.financial_year_id}`, row]));
  const now = stamp();
  for (const input of inputs) {
    const before = byKey.get(`${input.organisationId}:${input.financialYearId}`);
    const indicative = input.indicative ? 1 : 0;
    if (
      before &&
      before.amount_pence === input.amountPence &&
      before.uplift_pence === input.upliftPence &&
      (before.note ?? null) === input.note &&
      before.indicative === indicative
    ) {
      result.unchanged++;
      continue;
    }
    await tx
      .insertInto("allocations")
      .values({
        organisation_id: input.organisationId,
        financial_year_id: input.financialYearId,
        amount_pence: input.amountPence,
        uplift_pence: input.upliftPence,
        note: input.note,
        indicative,
        // A figure MOPAC sets is a real one, whatever stood there before.
        is_demo_figure: 0,
        source: null,
        created_at: now,
        updated_at: now,
      })
      .onConflict((oc) =>
        oc.columns(["organisation_id", "financial_year_id"]).doUpdateSet({
          amount_pence: input.amountPence,
          uplift_pence: input.upliftPence,
          note: input.note,
          indicative,
          is_demo_figure: 0,
          source: null,
          updated_at: now,
        }),
      )
      .execute();
    await tx
      .insertInto("allocation_history")
      .values({
        organisation_id: input.organisationId,
        financial_year_id: input.financialYearId,
        changed_by: who.userId,
        method: who.method,
        old_amount_pence: before?.amount_pence ?? null,
        new_amount_pence: input.amountPence,
        old_uplift_pence: before?.uplift_pence ?? null,
        new_uplift_pence: input.upliftPence,
        old_indicative: before ? before.indicative : null,
        new_indicative: indicative,
        old_note: before?.note ?? null,
        new_note: input.note,
        created_at: now,
      })
      .execute();
    if (before) result.changed++;
    else result.created++;
  }
  return result;
}

export type AllocationCell = {
  amountPence: number;
  upliftPence: number | null;
  note: string | null;
  indicative: boolean;
  isDemoFigure: boolean;
};

export type HistoryEntry = {
  id: number;
  boroughName: string;
  yearLabel: string;
  changedBy: string | null;
  method: AllocationChangeMethod;
  oldAmountPence: number | null;
  newAmountPence: number;
  oldUpliftPence: number | null;
  newUpliftPence: number | null;
  oldIndicative: boolean | null;
  newIndicative: boolean;
  oldNote: string | null;
  newNote: string | null;
  createdAt: string;
};

/** How many history rows the allocations page lists; the rest stay in the table. */
export const HISTORY_SHOWN = 200;

/** Every borough, every year of the round, the allocations set, and the latest history: four queries. */
export async function allocationTable(db: DB, roundId: number) {
  const [boroughs, years, allocations, history] = await Promise.all([
    boroughsForImport(db),
    yearsOfRound(db, roundId),
    db
      .selectFrom("allocations as a")
      .innerJoin("financial_years as y", "y.id", "a.financial_year_id")
      .select(["a.organisation_id", "a.financial_year_id", "a.amount_pence", "a.uplift_pence", "a.note", "a.indicative", "a.is_demo_figure"])
      .where("y.funding_round_id", "=", roundId)
      .execute(),
    db
      .selectFrom("allocation_history as h")
      .innerJoin("financial_years as y", "y.id", "h.financial_year_id")
      .innerJoin("organisations as o", "o.id", "h.organisation_id")
      .leftJoin("users as u", "u.id", "h.changed_by")
      .select([
        "h.id",
        "o.name as boroughName",
        "y.label as yearLabel",
        "u.name as changedBy",
        "h.method",
        "h.old_amount_pence",
        "h.new_amount_pence",
        "h.old_uplift_pence",
        "h.new_uplift_pence",
        "h.old_indicative",
        "h.new_indicative",
        "h.old_note",
        "h.new_note",
        "h.created_at",
      ])
      .where("y.funding_round_id", "=", roundId)
      .orderBy("h.id", "desc")
      .limit(HISTORY_SHOWN)
      .execute(),
  ]);
  const cells: Record<string, AllocationCell> = {};
  for (const a of allocations) {
    cells[`${a.organisation_id}:${a.financial_year_id}`] = {
      amountPence: a.amount_pence,
      upliftPence: a.uplift_pence,
      note: a.note,
      indicative: a.indicative === 1,
      isDemoFigure: a.is_demo_figure === 1,
    };
  }
  return {
    boroughs,
    years,
    cells,
    history: history.map(
      (h): HistoryEntry => ({
        id: h.id,
        boroughName: h.boroughName,
        yearLabel: h.yearLabel,
        changedBy: h.changedBy,
        method: h.method,
        oldAmountPence: h.old_amount_pence,
        newAmountPence: h.new_amount_pence,
        oldUpliftPence: h.old_uplift_pence,
        newUpliftPence: h.new_uplift_pence,
        oldIndicative: h.old_indicative === null ? null : h.old_indicative === 1,
        newIndicative: h.new_indicative === 1,
        oldNote: h.old_note,
        newNote: h.new_note,
        createdAt: h.created_at,
      }),
    ),
  };
}

export async function boroughsForImport(db: DB): Promise<ImportBorough[]> {
  const rows = await db
    .selectFrom("organisations")
    .select(["id", "name", "gss_code"])
    .where("kind", "=", "borough")
    .orderBy("name")
    .execute();
  return rows.map((r) => ({ id: r.id, name: r.name, gssCode: r.gss_code }));
}

export async function yearsOfRound(db: DB, roundId: number): Promise<(ImportYear & { position: number })[]> {
  return db
    .selectFrom("financial_years")
    .select(["id", "label", "position"])
    .where("funding_round_id", "=", roundId)
    .orderBy("position")
    .execute();
}

/** A file checked against the round's boroughs and years; nothing is saved. */
export async function checkImportFile(db: DB, roundId: number, text: string): Promise<AllocationImport> {
  const [boroughs, years] = await Promise.all([boroughsForImport(db), yearsOfRound(db, roundId)]);
  return checkAllocationImport(text, boroughs, years);
}

const toInputs = (rows: readonly AllocationImportRow[]): AllocationInput[] =>
  rows.map((row) => ({
    organisationId: row.organisationId!,
    financialYearId: row.financialYearId!,
    amountPence: row.amountPence!,
    upliftPence: row.upliftPence,
    note: row.note || null,
    indicative: row.indicative,
  }));

export type ImportOutcome =
  | { ok: true; result: ApplyResult }
  | { ok: false; message: string; line?: number | undefined };

/**
 * Applies checked rows in one transaction: all of them, or (if any has a problem, or the round's
 * years changed since they were checked) none.
 */
export async function importCheckedRows(
  db: DB,
  roundId: number,
  rows: readonly AllocationImportRow[],
  who: { userId: number | null; method: AllocationChangeMethod },
): Promise<ImportOutcome> {
  const bad = rows.find((r) => r.problems.length > 0);
  if (bad) return { ok: false, line: bad.line, message: `Line ${bad.line}: ${bad.problems.join("; ")}` };
  return inTransaction(db, async (tx) => {
    const years = new Set((await yearsOfRound(tx, roundId)).map((y) => y.id));
    const stale = rows.find((r) => r.financialYearId === null || !years.has(r.financialYearId));
    if (stale)
      return { ok: false, line: stale.line, message: "The round’s years have changed since the file was checked: upload it again" };
    return { ok: true, result: await applyAllocations(tx, toInputs(rows), who) };
  });
}

/** Keeps a checked file until the admin confirms it (or leaves it), so the preview needs no JavaScript. */
export async function savePendingImport(
  db: DB,
  values: { roundId: number; userId: number; fileName: string; rows: readonly AllocationImportRow[] },
): Promise<number> {
  const { id } = await db
    .insertInto("pending_allocation_imports")
    .values({
      funding_round_id: values.roundId,
      created_by: values.userId,
      file_name: values.fileName,
      rows_json: JSON.stringify(values.rows),
      applied_at: null,
      created_at: stamp(),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return id;
}

/** How long an uploaded file waits for confirmation. */
export const PENDING_IMPORT_HOURS = 24;

export type PendingImport = {
  id: number;
  fileName: string;
  rows: AllocationImportRow[];
  appliedAt: string | null;
  createdAt: string;
};

/** A waiting import of this round uploaded by this admin, or undefined (someone else's, or expired). */
export async function findPendingImport(
  db: DB,
  importId: number,
  roundId: number,
  userId: number,
  now: Date = new Date(),
): Promise<PendingImport | undefined> {
  const row = await db
    .selectFrom("pending_allocation_imports")
    .selectAll()
    .where("id", "=", importId)
    .where("funding_round_id", "=", roundId)
    .where("created_by", "=", userId)
    .executeTakeFirst();
  if (!row) return undefined;
  const expires = new Date(new Date(row.created_at).getTime() + PENDING_IMPORT_HOURS * 3600_000);
  if (row.applied_at === null && expires < now) return undefined;
  return {
    id: row.id,
    fileName: row.file_name,
    rows: JSON.parse(row.rows_json) as AllocationImportRow[],
    appliedAt: row.applied_at,
    createdAt: row.created_at,
  };
}

/**
 * Confirms a waiting import: applies its rows and marks it applied in the same transaction, so a
 * second press of the button (or a second tab) applies nothing twice.
 */
export async function confirmPendingImport(
  db: DB,
  pending: PendingImport,
  roundId: number,
  userId: number,
): Promise<ImportOutcome> {
  const bad = pending.rows.find((r) => r.problems.length > 0);
  if (bad) return { ok: false, line: bad.line, message: `Line ${bad.line}: ${bad.problems.join("; ")}` };
  return inTransaction(db, async (tx): Promise<ImportOutcome> => {
    const claimed = await tx
      .updateTable("pending_allocation_imports")
      .set({ applied_at: stamp() })
      .where("id", "=", pending.id)
      .where("applied_at", "is", null)
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) !== 1) return { ok: false, message: "This file has already been imported" };
    const years = new Set((await yearsOfRound(tx, roundId)).map((y) => y.id));
    const stale = pending.rows.find((r) => r.financialYearId === null || !years.has(r.financialYearId));
    if (stale) throw new StaleImport();
    return { ok: true, result: await applyAllocations(tx, toInputs(pending.rows), { userId, method: "import" }) };
  }).catch((error: unknown) => {
    if (error instanceof StaleImport)
      return { ok: false, message: "The round’s years have changed since the file was checked: upload it again" };
    throw error;
  });
}

class StaleImport extends Error {}

/** Saves the table's form for one year: the same path as an import, recorded as a change by form. */
export async function saveYearAllocations(db: DB, inputs: readonly AllocationInput[], userId: number): Promise<ApplyResult> {
  return inTransaction(db, (tx) => applyAllocations(tx, inputs, { userId, method: "form" }));
}
