-- Written by hand (`prisma migrate diff` fails here): each trial's view row also keeps the
-- list's facet row (lib/db/trial-views.ts), so the search's facet index is built from one
-- scan of one table. The table is made again, empty: preparing the database writes every
-- trial's row, all three parts from its stored rows (lib/db/migrate.ts, backfillTrialViews).
DROP TABLE "TrialView";
CREATE TABLE "TrialView" (
    "trialId" TEXT NOT NULL PRIMARY KEY,
    "landscape" TEXT NOT NULL,
    "screen" TEXT NOT NULL,
    "facet" TEXT NOT NULL,
    "facetHash" TEXT NOT NULL,
    "facetFormat" INTEGER NOT NULL,
    CONSTRAINT "TrialView_trialId_fkey" FOREIGN KEY ("trialId") REFERENCES "Trial" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
