-- Written by hand (`prisma migrate diff` fails here): each site's postal code, country code,
-- status, contacts and coordinates (from the record, or the gazetteer's, or why none); the
-- record's publications; its results status.
ALTER TABLE "Location" ADD COLUMN "postalCode" TEXT;
ALTER TABLE "Location" ADD COLUMN "countryCode" TEXT;
ALTER TABLE "Location" ADD COLUMN "status" TEXT;
ALTER TABLE "Location" ADD COLUMN "contacts" TEXT;
ALTER TABLE "Location" ADD COLUMN "geoStatus" TEXT;
ALTER TABLE "Location" ADD COLUMN "lat" REAL;
ALTER TABLE "Location" ADD COLUMN "lon" REAL;
ALTER TABLE "Location" ADD COLUMN "geoSource" TEXT;
ALTER TABLE "Location" ADD COLUMN "geoApproximate" BOOLEAN;
ALTER TABLE "Location" ADD COLUMN "geoCandidates" INTEGER;
CREATE INDEX "Location_countryCode_idx" ON "Location"("countryCode");

ALTER TABLE "Trial" ADD COLUMN "resultsPosted" BOOLEAN;
ALTER TABLE "Trial" ADD COLUMN "resultsFirstPosted" TEXT;
ALTER TABLE "Trial" ADD COLUMN "referencesListed" BOOLEAN;

CREATE TABLE "Reference" (
    "trialId" TEXT NOT NULL,
    "ordinal" INTEGER NOT NULL,
    "pmid" TEXT,
    "citation" TEXT,
    "type" TEXT,

    PRIMARY KEY ("trialId", "ordinal"),
    CONSTRAINT "Reference_trialId_fkey" FOREIGN KEY ("trialId") REFERENCES "Trial" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE INDEX "Reference_pmid_idx" ON "Reference"("pmid");
