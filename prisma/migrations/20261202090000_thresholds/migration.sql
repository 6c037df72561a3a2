-- Eligibility thresholds read from the criteria (contract v1.1, shared/spec/screening.md).
-- Trials imported before this migration have none until they are imported again.
CREATE TABLE "Threshold" (
    "trialId" TEXT NOT NULL,
    "ordinal" INTEGER NOT NULL,
    "list" TEXT NOT NULL,
    "criterion" INTEGER NOT NULL,
    "group" INTEGER NOT NULL,
    "analyte" TEXT NOT NULL,
    "op" TEXT NOT NULL,
    "value" REAL NOT NULL,
    "max" REAL,
    "unit" TEXT,
    "relativeTo" TEXT,
    "text" TEXT NOT NULL,
    "start" INTEGER NOT NULL,
    "end" INTEGER NOT NULL,

    PRIMARY KEY ("trialId", "ordinal"),
    CONSTRAINT "Threshold_trialId_fkey" FOREIGN KEY ("trialId") REFERENCES "Trial" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "Threshold_analyte_idx" ON "Threshold"("analyte");
