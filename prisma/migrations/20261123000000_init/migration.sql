-- CreateTable
CREATE TABLE "Trial" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "nctId" TEXT,
    "sourceFile" TEXT NOT NULL,
    "sourceFormat" TEXT NOT NULL,
    "title" TEXT,
    "officialTitle" TEXT,
    "acronym" TEXT,
    "sponsor" TEXT,
    "overallStatus" TEXT,
    "studyType" TEXT,
    "primaryPurpose" TEXT,
    "allocation" TEXT,
    "interventionModel" TEXT,
    "masking" TEXT,
    "enrollmentCount" INTEGER,
    "enrollmentType" TEXT,
    "startDate" TEXT,
    "primaryCompletionDate" TEXT,
    "completionDate" TEXT,
    "minAgeYears" REAL,
    "maxAgeYears" REAL,
    "sex" TEXT,
    "healthyVolunteers" BOOLEAN,
    "briefSummary" TEXT,
    "description" TEXT,
    "cellSource" TEXT,
    "keywords" TEXT NOT NULL DEFAULT '[]',
    "interventions" TEXT NOT NULL DEFAULT '[]',
    "referenceWeightKg" REAL NOT NULL,
    "minCellsPerKg" REAL,
    "maxCellsPerKg" REAL,
    "maxInfusions" INTEGER,
    "importedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "TrialPhase" (
    "trialId" TEXT NOT NULL,
    "phase" TEXT NOT NULL,

    PRIMARY KEY ("trialId", "phase"),
    CONSTRAINT "TrialPhase_trialId_fkey" FOREIGN KEY ("trialId") REFERENCES "Trial" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Condition" (
    "trialId" TEXT NOT NULL,
    "ordinal" INTEGER NOT NULL,
    "name" TEXT NOT NULL,

    PRIMARY KEY ("trialId", "ordinal"),
    CONSTRAINT "Condition_trialId_fkey" FOREIGN KEY ("trialId") REFERENCES "Trial" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "OtherId" (
    "trialId" TEXT NOT NULL,
    "ordinal" INTEGER NOT NULL,
    "value" TEXT NOT NULL,

    PRIMARY KEY ("trialId", "ordinal"),
    CONSTRAINT "OtherId_trialId_fkey" FOREIGN KEY ("trialId") REFERENCES "Trial" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Arm" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "trialId" TEXT NOT NULL,
    "ordinal" INTEGER NOT NULL,
    "label" TEXT NOT NULL,
    "type" TEXT,
    "description" TEXT,
    "cellsPerKgPerInfusion" REAL,
    "estimated" BOOLEAN NOT NULL DEFAULT false,
    "activeInfusions" INTEGER,
    "cumulativeCellsPerKg" REAL,
    CONSTRAINT "Arm_trialId_fkey" FOREIGN KEY ("trialId") REFERENCES "Trial" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Dose" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "armId" INTEGER NOT NULL,
    "ordinal" INTEGER NOT NULL,
    "product" TEXT NOT NULL,
    "cellsPerKg" REAL,
    "cellsPerInfusion" REAL,
    "infusions" INTEGER,
    "dayOffsets" TEXT,
    "text" TEXT NOT NULL,
    CONSTRAINT "Dose_armId_fkey" FOREIGN KEY ("armId") REFERENCES "Arm" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Criterion" (
    "trialId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "ordinal" INTEGER NOT NULL,
    "text" TEXT NOT NULL,

    PRIMARY KEY ("trialId", "kind", "ordinal"),
    CONSTRAINT "Criterion_trialId_fkey" FOREIGN KEY ("trialId") REFERENCES "Trial" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Outcome" (
    "trialId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "ordinal" INTEGER NOT NULL,
    "measure" TEXT NOT NULL,
    "timeFrame" TEXT,
    "description" TEXT,

    PRIMARY KEY ("trialId", "kind", "ordinal"),
    CONSTRAINT "Outcome_trialId_fkey" FOREIGN KEY ("trialId") REFERENCES "Trial" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Contact" (
    "trialId" TEXT NOT NULL,
    "ordinal" INTEGER NOT NULL,
    "role" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "phone" TEXT,
    "email" TEXT,
    "affiliation" TEXT,

    PRIMARY KEY ("trialId", "ordinal"),
    CONSTRAINT "Contact_trialId_fkey" FOREIGN KEY ("trialId") REFERENCES "Trial" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Location" (
    "trialId" TEXT NOT NULL,
    "ordinal" INTEGER NOT NULL,
    "facility" TEXT,
    "city" TEXT,
    "region" TEXT,
    "country" TEXT,

    PRIMARY KEY ("trialId", "ordinal"),
    CONSTRAINT "Location_trialId_fkey" FOREIGN KEY ("trialId") REFERENCES "Trial" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Stage" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "trialId" TEXT NOT NULL,
    "ordinal" INTEGER NOT NULL,
    "label" TEXT NOT NULL,
    "description" TEXT,
    "text" TEXT NOT NULL,
    CONSTRAINT "Stage_trialId_fkey" FOREIGN KEY ("trialId") REFERENCES "Trial" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "StageGroup" (
    "stageId" INTEGER NOT NULL,
    "ordinal" INTEGER NOT NULL,
    "label" TEXT NOT NULL,
    "ratio" REAL,
    "count" INTEGER,
    "armOrdinals" TEXT NOT NULL,
    "fromGroup" TEXT,

    PRIMARY KEY ("stageId", "ordinal"),
    CONSTRAINT "StageGroup_stageId_fkey" FOREIGN KEY ("stageId") REFERENCES "Stage" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "FieldEvidence" (
    "trialId" TEXT NOT NULL,
    "path" TEXT NOT NULL,
    "origin" TEXT NOT NULL,
    "text" TEXT,

    PRIMARY KEY ("trialId", "path"),
    CONSTRAINT "FieldEvidence_trialId_fkey" FOREIGN KEY ("trialId") REFERENCES "Trial" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "Trial_nctId_key" ON "Trial"("nctId");

-- CreateIndex
CREATE UNIQUE INDEX "Trial_sourceFile_key" ON "Trial"("sourceFile");

-- CreateIndex
CREATE INDEX "Trial_overallStatus_idx" ON "Trial"("overallStatus");

-- CreateIndex
CREATE INDEX "Trial_startDate_idx" ON "Trial"("startDate");

-- CreateIndex
CREATE INDEX "Trial_enrollmentCount_idx" ON "Trial"("enrollmentCount");

-- CreateIndex
CREATE INDEX "Trial_maxCellsPerKg_idx" ON "Trial"("maxCellsPerKg");

-- CreateIndex
CREATE INDEX "TrialPhase_phase_idx" ON "TrialPhase"("phase");

-- CreateIndex
CREATE INDEX "Condition_name_idx" ON "Condition"("name");

-- CreateIndex
CREATE UNIQUE INDEX "Arm_trialId_ordinal_key" ON "Arm"("trialId", "ordinal");

-- CreateIndex
CREATE UNIQUE INDEX "Dose_armId_ordinal_key" ON "Dose"("armId", "ordinal");

-- CreateIndex
CREATE UNIQUE INDEX "Stage_trialId_ordinal_key" ON "Stage"("trialId", "ordinal");

