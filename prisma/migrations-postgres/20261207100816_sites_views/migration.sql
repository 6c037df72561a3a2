-- AlterTable
ALTER TABLE "Trial" ADD COLUMN     "referencesListed" BOOLEAN,
ADD COLUMN     "resultsFirstPosted" TEXT,
ADD COLUMN     "resultsPosted" BOOLEAN;

-- AlterTable
ALTER TABLE "Location" ADD COLUMN     "contacts" TEXT,
ADD COLUMN     "countryCode" TEXT,
ADD COLUMN     "geoApproximate" BOOLEAN,
ADD COLUMN     "geoCandidates" INTEGER,
ADD COLUMN     "geoSource" TEXT,
ADD COLUMN     "geoStatus" TEXT,
ADD COLUMN     "lat" DOUBLE PRECISION,
ADD COLUMN     "lon" DOUBLE PRECISION,
ADD COLUMN     "postalCode" TEXT,
ADD COLUMN     "status" TEXT;

-- CreateTable
CREATE TABLE "Reference" (
    "trialId" TEXT NOT NULL,
    "ordinal" INTEGER NOT NULL,
    "pmid" TEXT,
    "citation" TEXT,
    "type" TEXT,

    CONSTRAINT "Reference_pkey" PRIMARY KEY ("trialId","ordinal")
);

-- CreateTable
CREATE TABLE "TrialView" (
    "trialId" TEXT NOT NULL,
    "landscape" TEXT NOT NULL,
    "screen" TEXT NOT NULL,

    CONSTRAINT "TrialView_pkey" PRIMARY KEY ("trialId")
);

-- CreateIndex
CREATE INDEX "Reference_pmid_idx" ON "Reference"("pmid");

-- CreateIndex
CREATE INDEX "Location_countryCode_idx" ON "Location"("countryCode");

-- AddForeignKey
ALTER TABLE "Reference" ADD CONSTRAINT "Reference_trialId_fkey" FOREIGN KEY ("trialId") REFERENCES "Trial"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TrialView" ADD CONSTRAINT "TrialView_trialId_fkey" FOREIGN KEY ("trialId") REFERENCES "Trial"("id") ON DELETE CASCADE ON UPDATE CASCADE;

