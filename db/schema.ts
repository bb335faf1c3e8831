import type { ColumnType, Generated, Insertable, Selectable, Updateable } from "kysely";

/** ISO-8601 timestamp text, written by the application. */
type Timestamp = string;
/** SQLite stores booleans as 0 / 1. */
type Flag = number;

import type { OrganisationKind, Role as UserRole } from "../app/domain/roles";
import type { ReminderKind } from "../app/domain/reminders";
import type { State as ProposalStatus } from "../app/domain/workflow";

export type { OrganisationKind, UserRole, ProposalStatus };

export interface OrganisationTable {
  id: Generated<number>;
  kind: OrganisationKind;
  name: string;
  /** GSS code for boroughs (E09000002 ... E09000033); null for MOPAC. */
  gss_code: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface PartnershipTable {
  id: Generated<number>;
  name: string;
  /** Whose CSP endorsers endorse the joint proposal: null for any member borough's. */
  endorsing_organisation_id: ColumnType<number | null, number | null | undefined, number | null>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface PartnershipMemberTable {
  partnership_id: number;
  organisation_id: number;
  created_at: Timestamp;
}

/** What MOPAC allocates to the partnership itself for a year. */
export interface PartnershipAllocationTable {
  id: Generated<number>;
  partnership_id: number;
  financial_year_id: number;
  amount_pence: number;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** A member borough's share that MOPAC moves into the partnership for a year. */
export interface PartnershipShareTable {
  id: Generated<number>;
  partnership_id: number;
  organisation_id: number;
  financial_year_id: number;
  amount_pence: number;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** One of a borough's two to four local priorities agreed with MOPAC, the council and the police. */
export interface LocalPriorityTable {
  id: Generated<number>;
  organisation_id: number;
  name: string;
  position: number;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ProjectLocalPriorityTable {
  project_id: number;
  local_priority_id: number;
  created_at: Timestamp;
}

export interface UserTable {
  id: Generated<number>;
  email: string;
  name: string;
  password_hash: string;
  organisation_id: number;
  role: UserRole;
  /** Only meaningful for CSP members: may record the CSP's endorsement. */
  can_endorse: Flag;
  active: Flag;
  /** When the password was last set; null while an invitation has not been answered (no password yet). */
  password_set_at: ColumnType<Timestamp | null, Timestamp | null | undefined, Timestamp | null>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface SessionTable {
  /** SHA-256 of the session token, hex. The token itself is never stored. */
  id: string;
  user_id: number;
  /** The idle expiry, moved forward with use; the absolute end is worked out from created_at. */
  expires_at: Timestamp;
  created_at: Timestamp;
}

export interface SignInFailureTable {
  id: Generated<number>;
  /** The client address the attempt came from, as the server was told by its trusted proxy. */
  client_address: string;
  /** SHA-256 (hex) of the normalised email typed, whether or not an account has it. */
  email_hash: string;
  failed_at: Timestamp;
  created_at: Timestamp;
}

export interface FundingRoundTable {
  id: Generated<number>;
  name: string;
  /** Percentage of a year's allocation top-sliced for co-commissioned services. */
  co_commissioned_percent: number;
  /** 1-based position of the first financial year in which the split applies. */
  split_from_year_position: number;
  proposal_deadline: string | null;
  feedback_deadline: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface FundingPeriodTable {
  id: Generated<number>;
  funding_round_id: number;
  number: number;
  name: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface FinancialYearTable {
  id: Generated<number>;
  funding_round_id: number;
  funding_period_id: number;
  /** 1-based position within the round. */
  position: number;
  label: string;
  starts_on: string;
  ends_on: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface AllocationTable {
  id: Generated<number>;
  organisation_id: number;
  financial_year_id: number;
  amount_pence: number;
  uplift_pence: number | null;
  /** 1 when the figure is invented for demonstration and must be shown as such. */
  is_demo_figure: Flag;
  source: string | null;
  /** MOPAC's note on the figure, e.g. "indicative until the needs assessment". */
  note: string | null;
  /** 1 while the figure is indicative, until MOPAC confirms it. */
  indicative: Generated<Flag>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export type AllocationChangeMethod = "form" | "import" | "command";

/** Append-only: every change to an allocation, with the figures before and after. */
export interface AllocationHistoryTable {
  id: Generated<number>;
  organisation_id: number;
  financial_year_id: number;
  /** Null when the change came from the command line, which has no signed-in person. */
  changed_by: number | null;
  method: AllocationChangeMethod;
  old_amount_pence: number | null;
  new_amount_pence: number;
  old_uplift_pence: number | null;
  new_uplift_pence: number | null;
  old_indicative: Flag | null;
  new_indicative: Flag;
  old_note: string | null;
  new_note: string | null;
  created_at: Timestamp;
}

/** An uploaded allocations file waiting for the admin's confirmation. */
export interface PendingAllocationImportTable {
  id: Generated<number>;
  funding_round_id: number;
  created_by: number;
  file_name: string;
  /** JSON of the checked rows (AllocationImportRow[]). */
  rows_json: string;
  applied_at: Timestamp | null;
  created_at: Timestamp;
}

/** The priorities a round uses; none means the standard five. */
export interface RoundPriorityTable {
  funding_round_id: number;
  priority_id: number;
  created_at: Timestamp;
}

/** The measures of success a round uses; none means the standard list. */
export interface RoundMeasureTable {
  funding_round_id: number;
  measure_id: number;
  created_at: Timestamp;
}

export interface PriorityTable {
  id: Generated<number>;
  code: string;
  name: string;
  position: number;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface MeasureTable {
  id: Generated<number>;
  code: string;
  group_name: string;
  name: string;
  mandatory: Flag;
  position: number;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ReviewerLeadTable {
  organisation_id: number;
  reviewer_id: number;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export type DeliveryType = "in_house" | "commissioned" | "contribution";

export interface ProposalTable {
  id: Generated<number>;
  funding_period_id: number;
  lead_organisation_id: number;
  partnership_id: number | null;
  status: ProposalStatus;
  version: number;
  transition_plan: string | null;
  authority_confirmed: Generated<Flag>;
  minimum_standards_confirmed: Generated<Flag>;
  compliance_accepted: Generated<Flag>;
  data_protection_confirmed: Generated<Flag>;
  data_processing_summary: string | null;
  privacy_notice_url: string | null;
  data_protection_policy_url: string | null;
  assigned_reviewer_id: number | null;
  first_submitted_at: Timestamp | null;
  last_submitted_at: Timestamp | null;
  created_by: number;
  updated_by: number;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ProposalBoroughTable {
  proposal_id: number;
  organisation_id: number;
  funding_period_id: number;
  active: Flag;
  created_at: Timestamp;
}

export interface ProjectTable {
  id: Generated<number>;
  proposal_id: number;
  title: string;
  primary_priority_id: number | null;
  secondary_priority_id: number | null;
  description: string | null;
  aims: string | null;
  outcomes: string | null;
  works_with_other_authorities: Flag | null;
  other_authorities: string | null;
  la_in_kind: string | null;
  delivery_type: DeliveryType | null;
  provider: string | null;
  service_total_cost_pence: number | null;
  co_commissioning_candidate: Generated<Flag>;
  procurement_completed_on: string | null;
  start_on: string | null;
  completion_on: string | null;
  evaluation_completed_on: string | null;
  planning_permission_on: string | null;
  position: number;
  /** Bumped by every save of the project; a save made from an older one is a conflict. */
  version: Generated<number>;
  updated_by: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ProjectCostTable {
  project_id: number;
  financial_year_id: number;
  lcpf_pence: number;
  la_cash_pence: Generated<number>;
  is_demo_figure: Generated<Flag>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ProjectCategoryTable {
  project_id: number;
  category: string;
  created_at: Timestamp;
}

export interface ProjectMeasureTable {
  project_id: number;
  measure_id: number;
  created_at: Timestamp;
}

export interface ProjectContributorTable {
  id: Generated<number>;
  project_id: number;
  kind: "partner" | "vcs";
  name: string;
  in_kind: string | null;
  position: number;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ProjectContributorAmountTable {
  contributor_id: number;
  financial_year_id: number;
  amount_pence: number;
  created_at: Timestamp;
}

export interface ProposalEventTable {
  id: Generated<number>;
  proposal_id: number;
  actor_user_id: number | null;
  action: string;
  from_status: ProposalStatus;
  to_status: ProposalStatus;
  comment: string | null;
  project_id: number | null;
  project_title: string | null;
  meeting_date: string | null;
  assigned_reviewer_id: number | null;
  proposal_version: number;
  created_at: Timestamp;
}

export interface ProposalSnapshotTable {
  id: Generated<number>;
  proposal_id: number;
  event_id: number;
  /** JSON of the proposal's projects and answers as submitted. */
  snapshot: string;
  created_at: Timestamp;
}

export interface ProjectRevisionTable {
  id: Generated<number>;
  project_id: number;
  version: number;
  /** JSON of the project (as loadProjects returns it) at this version. */
  snapshot: string;
  created_at: Timestamp;
}

export interface NotificationTable {
  id: Generated<number>;
  user_id: number;
  proposal_id: number | null;
  message: string;
  link: string | null;
  read_at: Timestamp | null;
  created_at: Timestamp;
}

export interface EmailOutboxTable {
  id: Generated<number>;
  to_address: string;
  subject: string;
  body_text: string;
  attempts: Generated<number>;
  last_error: string | null;
  next_attempt_at: Timestamp;
  sent_at: Timestamp | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export type AccountTokenPurpose = "invitation" | "password_reset";

export interface AccountTokenTable {
  id: Generated<number>;
  user_id: number;
  purpose: AccountTokenPurpose;
  /** SHA-256 of the token, hex. The token itself is only ever in the email. */
  token_hash: string;
  expires_at: Timestamp;
  used_at: Timestamp | null;
  created_by: number | null;
  created_at: Timestamp;
}

export interface PasswordResetRequestTable {
  id: Generated<number>;
  /** SHA-256 (hex) of the normalised email typed, whether or not an account has it. */
  email_hash: string;
  client_address: string;
  requested_at: Timestamp;
  created_at: Timestamp;
}

export type UserEventAction =
  | "invited"
  | "invitation_resent"
  | "role_changed"
  | "deactivated"
  | "reactivated"
  | "password_set"
  | "password_reset"
  | "password_changed";

export interface UserEventTable {
  id: Generated<number>;
  user_id: number;
  /** Null when the person acted through an emailed link, or the command line made the change. */
  actor_user_id: number | null;
  action: UserEventAction;
  detail: string | null;
  created_at: Timestamp;
}

/** One reminder sent to one person; the unique (kind, subject, occasion, recipient) is the claim. */
export interface ReminderTable {
  id: Generated<number>;
  kind: ReminderKind;
  subject: string;
  occasion: string;
  recipient_user_id: number;
  proposal_id: number | null;
  message: string;
  created_at: Timestamp;
}

export interface Database {
  organisations: OrganisationTable;
  partnerships: PartnershipTable;
  partnership_members: PartnershipMemberTable;
  partnership_allocations: PartnershipAllocationTable;
  partnership_shares: PartnershipShareTable;
  local_priorities: LocalPriorityTable;
  project_local_priorities: ProjectLocalPriorityTable;
  users: UserTable;
  sessions: SessionTable;
  sign_in_failures: SignInFailureTable;
  funding_rounds: FundingRoundTable;
  funding_periods: FundingPeriodTable;
  financial_years: FinancialYearTable;
  allocations: AllocationTable;
  allocation_history: AllocationHistoryTable;
  pending_allocation_imports: PendingAllocationImportTable;
  round_priorities: RoundPriorityTable;
  round_measures: RoundMeasureTable;
  priorities: PriorityTable;
  measures: MeasureTable;
  reviewer_leads: ReviewerLeadTable;
  proposals: ProposalTable;
  proposal_boroughs: ProposalBoroughTable;
  projects: ProjectTable;
  project_costs: ProjectCostTable;
  project_categories: ProjectCategoryTable;
  project_measures: ProjectMeasureTable;
  project_contributors: ProjectContributorTable;
  project_contributor_amounts: ProjectContributorAmountTable;
  proposal_events: ProposalEventTable;
  proposal_snapshots: ProposalSnapshotTable;
  project_revisions: ProjectRevisionTable;
  notifications: NotificationTable;
  email_outbox: EmailOutboxTable;
  account_tokens: AccountTokenTable;
  password_reset_requests: PasswordResetRequestTable;
  user_events: UserEventTable;
  reminders: ReminderTable;
}

export type User = Selectable<UserTable>;
export type NewUser = Insertable<UserTable>;
export type UserUpdate = Updateable<UserTable>;
export type Organisation = Selectable<OrganisationTable>;
export type Proposal = Selectable<ProposalTable>;
export type Project = Selectable<ProjectTable>;
export type { ColumnType };
