-- Written by hand (`prisma migrate diff` fails here): records of one trial in several
-- registries. Each record keeps its rows; these tables say which records are the same trial.
CREATE TABLE "RegistryKey" (
    "trialId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "own" BOOLEAN NOT NULL,
    "text" TEXT NOT NULL,

    PRIMARY KEY ("trialId", "key"),
    CONSTRAINT "RegistryKey_trialId_fkey" FOREIGN KEY ("trialId") REFERENCES "Trial" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE INDEX "RegistryKey_key_idx" ON "RegistryKey"("key");

CREATE TABLE "TrialGroup" (
    "trialId" TEXT NOT NULL PRIMARY KEY,
    "groupId" TEXT NOT NULL,
    CONSTRAINT "TrialGroup_trialId_fkey" FOREIGN KEY ("trialId") REFERENCES "Trial" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE INDEX "TrialGroup_groupId_idx" ON "TrialGroup"("groupId");
