/**
 * A trial's id, as the record contract has it: letters, digits and hyphens, starting with a
 * letter or digit (`NCT04822922`, `ChiCTR2000029990`, `CTRI-2009-091-000527`). The one
 * definition: the record's schema, the importer and every URL's id list test against it.
 */
export const TRIAL_ID = /^[A-Za-z0-9][A-Za-z0-9-]*$/;
