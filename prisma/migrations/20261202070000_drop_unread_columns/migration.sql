-- Written by hand (`prisma migrate diff --from-migrations` needs a shadow database,
-- which the offline JavaScript engine cannot provide here): the two columns were written
-- by every import and read by nothing.
ALTER TABLE "Trial" DROP COLUMN "minCellsPerKg";
ALTER TABLE "Trial" DROP COLUMN "maxInfusions";
