import type { Migration } from "kysely";
import * as m0001 from "./0001_foundation";
import * as m0002 from "./0002_proposals";
import * as m0003 from "./0003_workflow";
import * as m0004 from "./0004_session_limits";
import * as m0005 from "./0005_project_versions";
import * as m0006 from "./0006_rounds_admin";
import * as m0007 from "./0007_people";
import * as m0008 from "./0008_partnerships";
import * as m0009 from "./0009_reminders";
import * as m0010 from "./0010_contributor_index";
import * as m0011 from "./0011_snapshot_index";

/** Every migration, in order. Listed statically so the bundled server can run them too. */
export const migrations: Record<string, Migration> = {
  "0001_foundation": m0001,
  "0002_proposals": m0002,
  "0003_workflow": m0003,
  "0004_session_limits": m0004,
  "0005_project_versions": m0005,
  "0006_rounds_admin": m0006,
  "0007_people": m0007,
  "0008_partnerships": m0008,
  "0009_reminders": m0009,
  "0010_contributor_index": m0010,
  "0011_snapshot_index": m0011,
};
