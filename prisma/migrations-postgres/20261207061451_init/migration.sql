-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateTable
CREATE TABLE "Trial" (
    "id" TEXT NOT NULL,
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
    "minAgeYears" DOUBLE PRECISION,
    "maxAgeYears" DOUBLE PRECISION,
    "sex" TEXT,
    "healthyVolunteers" BOOLEAN,
    "briefSummary" TEXT,
    "description" TEXT,
    "cellSource" TEXT,
    "keywords" TEXT NOT NULL DEFAULT '[]',
    "interventions" TEXT NOT NULL DEFAULT '[]',
    "warnings" TEXT NOT NULL DEFAULT '[]',
    "referenceWeightKg" DOUBLE PRECISION NOT NULL,
    "maxCellsPerKg" DOUBLE PRECISION,
    "importedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "firstPosted" TEXT,
    "lastUpdatePosted" TEXT,
    "statusVerified" TEXT,

    CONSTRAINT "Trial_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TrialPhase" (
    "trialId" TEXT NOT NULL,
    "phase" TEXT NOT NULL,

    CONSTRAINT "TrialPhase_pkey" PRIMARY KEY ("trialId","phase")
);

-- CreateTable
CREATE TABLE "Condition" (
    "trialId" TEXT NOT NULL,
    "ordinal" INTEGER NOT NULL,
    "name" TEXT NOT NULL,

    CONSTRAINT "Condition_pkey" PRIMARY KEY ("trialId","ordinal")
);

-- CreateTable
CREATE TABLE "OtherId" (
    "trialId" TEXT NOT NULL,
    "ordinal" INTEGER NOT NULL,
    "value" TEXT NOT NULL,

    CONSTRAINT "OtherId_pkey" PRIMARY KEY ("trialId","ordinal")
);

-- CreateTable
CREATE TABLE "Arm" (
    "id" SERIAL NOT NULL,
    "trialId" TEXT NOT NULL,
    "ordinal" INTEGER NOT NULL,
    "label" TEXT NOT NULL,
    "type" TEXT,
    "description" TEXT,
    "cellsPerKgPerInfusion" DOUBLE PRECISION,
    "estimated" BOOLEAN NOT NULL DEFAULT false,
    "activeInfusions" INTEGER,
    "cumulativeCellsPerKg" DOUBLE PRECISION,
    "route" TEXT,
    "routeText" TEXT,
    "cellSource" TEXT,
    "cellSourceText" TEXT,
    "cellOrigin" TEXT,
    "cellOriginText" TEXT,

    CONSTRAINT "Arm_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Dose" (
    "id" SERIAL NOT NULL,
    "armId" INTEGER NOT NULL,
    "ordinal" INTEGER NOT NULL,
    "product" TEXT NOT NULL,
    "cellsPerKg" DOUBLE PRECISION,
    "cellsPerInfusion" DOUBLE PRECISION,
    "infusions" INTEGER,
    "dayOffsets" TEXT,
    "text" TEXT NOT NULL,
    "rangeMin" DOUBLE PRECISION,
    "rangeMax" DOUBLE PRECISION,
    "rangeUnit" TEXT,
    "unstated" TEXT,
    "schedulePhases" TEXT,

    CONSTRAINT "Dose_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Criterion" (
    "trialId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "ordinal" INTEGER NOT NULL,
    "text" TEXT NOT NULL,

    CONSTRAINT "Criterion_pkey" PRIMARY KEY ("trialId","kind","ordinal")
);

-- CreateTable
CREATE TABLE "Outcome" (
    "trialId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "ordinal" INTEGER NOT NULL,
    "measure" TEXT NOT NULL,
    "timeFrame" TEXT,
    "description" TEXT,

    CONSTRAINT "Outcome_pkey" PRIMARY KEY ("trialId","kind","ordinal")
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

    CONSTRAINT "Contact_pkey" PRIMARY KEY ("trialId","ordinal")
);

-- CreateTable
CREATE TABLE "Location" (
    "trialId" TEXT NOT NULL,
    "ordinal" INTEGER NOT NULL,
    "facility" TEXT,
    "city" TEXT,
    "region" TEXT,
    "country" TEXT,

    CONSTRAINT "Location_pkey" PRIMARY KEY ("trialId","ordinal")
);

-- CreateTable
CREATE TABLE "Stage" (
    "id" SERIAL NOT NULL,
    "trialId" TEXT NOT NULL,
    "ordinal" INTEGER NOT NULL,
    "label" TEXT NOT NULL,
    "description" TEXT,
    "text" TEXT NOT NULL,

    CONSTRAINT "Stage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StageGroup" (
    "stageId" INTEGER NOT NULL,
    "ordinal" INTEGER NOT NULL,
    "label" TEXT NOT NULL,
    "ratio" DOUBLE PRECISION,
    "count" INTEGER,
    "armOrdinals" TEXT NOT NULL,
    "fromGroup" TEXT,

    CONSTRAINT "StageGroup_pkey" PRIMARY KEY ("stageId","ordinal")
);

-- CreateTable
CREATE TABLE "FieldEvidence" (
    "trialId" TEXT NOT NULL,
    "path" TEXT NOT NULL,
    "origin" TEXT NOT NULL,
    "text" TEXT,

    CONSTRAINT "FieldEvidence_pkey" PRIMARY KEY ("trialId","path")
);

-- CreateTable
CREATE TABLE "Threshold" (
    "trialId" TEXT NOT NULL,
    "ordinal" INTEGER NOT NULL,
    "list" TEXT NOT NULL,
    "criterion" INTEGER NOT NULL,
    "group" INTEGER NOT NULL,
    "analyte" TEXT NOT NULL,
    "op" TEXT NOT NULL,
    "value" DOUBLE PRECISION NOT NULL,
    "max" DOUBLE PRECISION,
    "unit" TEXT,
    "relativeTo" TEXT,
    "text" TEXT NOT NULL,
    "start" INTEGER NOT NULL,
    "end" INTEGER NOT NULL,

    CONSTRAINT "Threshold_pkey" PRIMARY KEY ("trialId","ordinal")
);

-- CreateTable
CREATE TABLE "TrialVersion" (
    "trialId" TEXT NOT NULL,
    "n" INTEGER NOT NULL,
    "record" TEXT NOT NULL,
    "sourceFile" TEXT NOT NULL,
    "sourceHash" TEXT,
    "importedAt" TIMESTAMP(3) NOT NULL,
    "firstPosted" TEXT,
    "lastUpdatePosted" TEXT,
    "statusVerified" TEXT,

    CONSTRAINT "TrialVersion_pkey" PRIMARY KEY ("trialId","n")
);

-- CreateTable
CREATE TABLE "RegistryKey" (
    "trialId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "own" BOOLEAN NOT NULL,
    "text" TEXT NOT NULL,

    CONSTRAINT "RegistryKey_pkey" PRIMARY KEY ("trialId","key")
);

-- CreateTable
CREATE TABLE "TrialGroup" (
    "trialId" TEXT NOT NULL,
    "groupId" TEXT NOT NULL,

    CONSTRAINT "TrialGroup_pkey" PRIMARY KEY ("trialId")
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

-- CreateIndex
CREATE INDEX "Threshold_analyte_idx" ON "Threshold"("analyte");

-- CreateIndex
CREATE INDEX "TrialVersion_importedAt_idx" ON "TrialVersion"("importedAt");

-- CreateIndex
CREATE INDEX "RegistryKey_key_idx" ON "RegistryKey"("key");

-- CreateIndex
CREATE INDEX "TrialGroup_groupId_idx" ON "TrialGroup"("groupId");

-- AddForeignKey
ALTER TABLE "TrialPhase" ADD CONSTRAINT "TrialPhase_trialId_fkey" FOREIGN KEY ("trialId") REFERENCES "Trial"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Condition" ADD CONSTRAINT "Condition_trialId_fkey" FOREIGN KEY ("trialId") REFERENCES "Trial"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OtherId" ADD CONSTRAINT "OtherId_trialId_fkey" FOREIGN KEY ("trialId") REFERENCES "Trial"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Arm" ADD CONSTRAINT "Arm_trialId_fkey" FOREIGN KEY ("trialId") REFERENCES "Trial"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Dose" ADD CONSTRAINT "Dose_armId_fkey" FOREIGN KEY ("armId") REFERENCES "Arm"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Criterion" ADD CONSTRAINT "Criterion_trialId_fkey" FOREIGN KEY ("trialId") REFERENCES "Trial"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Outcome" ADD CONSTRAINT "Outcome_trialId_fkey" FOREIGN KEY ("trialId") REFERENCES "Trial"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Contact" ADD CONSTRAINT "Contact_trialId_fkey" FOREIGN KEY ("trialId") REFERENCES "Trial"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Location" ADD CONSTRAINT "Location_trialId_fkey" FOREIGN KEY ("trialId") REFERENCES "Trial"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Stage" ADD CONSTRAINT "Stage_trialId_fkey" FOREIGN KEY ("trialId") REFERENCES "Trial"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StageGroup" ADD CONSTRAINT "StageGroup_stageId_fkey" FOREIGN KEY ("stageId") REFERENCES "Stage"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FieldEvidence" ADD CONSTRAINT "FieldEvidence_trialId_fkey" FOREIGN KEY ("trialId") REFERENCES "Trial"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Threshold" ADD CONSTRAINT "Threshold_trialId_fkey" FOREIGN KEY ("trialId") REFERENCES "Trial"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RegistryKey" ADD CONSTRAINT "RegistryKey_trialId_fkey" FOREIGN KEY ("trialId") REFERENCES "Trial"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TrialGroup" ADD CONSTRAINT "TrialGroup_trialId_fkey" FOREIGN KEY ("trialId") REFERENCES "Trial"("id") ON DELETE CASCADE ON UPDATE CASCADE;

