-- Written by hand (`prisma migrate diff` fails here): one row per trial holding what the
-- dose landscape and the patient screen read of it (lib/db/trial-views.ts). The rows of
-- trials stored before are written when the database is prepared (lib/db/migrate.ts).
CREATE TABLE "TrialView" (
    "trialId" TEXT NOT NULL PRIMARY KEY,
    "landscape" TEXT NOT NULL,
    "screen" TEXT NOT NULL,
    CONSTRAINT "TrialView_trialId_fkey" FOREIGN KEY ("trialId") REFERENCES "Trial" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
