-- View rows are derived data (lib/db/trial-views.ts): emptied so that the new required
-- columns can be added; the rows are written again from the trials' stored rows.
DELETE FROM "TrialView";

-- AlterTable
ALTER TABLE "TrialView" ADD COLUMN     "facet" TEXT NOT NULL,
ADD COLUMN     "facetFormat" INTEGER NOT NULL,
ADD COLUMN     "facetHash" TEXT NOT NULL;
