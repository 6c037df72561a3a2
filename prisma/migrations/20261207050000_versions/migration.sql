-- Written by hand (`prisma migrate diff --from-migrations` fails here): the registry's own
-- dates on each trial, and every version of a trial kept in an append-only table.
ALTER TABLE "Trial" ADD COLUMN "firstPosted" TEXT;
ALTER TABLE "Trial" ADD COLUMN "lastUpdatePosted" TEXT;
ALTER TABLE "Trial" ADD COLUMN "statusVerified" TEXT;

-- CreateTable
CREATE TABLE "TrialVersion" (
    "trialId" TEXT NOT NULL,
    "n" INTEGER NOT NULL,
    "record" TEXT NOT NULL,
    "sourceFile" TEXT NOT NULL,
    "sourceHash" TEXT,
    "importedAt" DATETIME NOT NULL,
    "firstPosted" TEXT,
    "lastUpdatePosted" TEXT,
    "statusVerified" TEXT,

    PRIMARY KEY ("trialId", "n")
);

-- CreateIndex
CREATE INDEX "TrialVersion_importedAt_idx" ON "TrialVersion"("importedAt");
