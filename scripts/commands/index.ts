import importAllocations from "./import-allocations";

/** Every command of the portal's command line (scripts/cli.ts runs them by name). */
export const commands = [importAllocations];
