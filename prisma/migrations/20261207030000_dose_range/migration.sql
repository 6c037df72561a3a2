-- Written by hand (`prisma migrate diff --from-migrations` fails here): a dose stated as a
-- range keeps both ends, and why a value is not given as one number, and the phases of a
-- schedule that changes frequency.
ALTER TABLE "Dose" ADD COLUMN "rangeMin" REAL;
ALTER TABLE "Dose" ADD COLUMN "rangeMax" REAL;
ALTER TABLE "Dose" ADD COLUMN "rangeUnit" TEXT;
ALTER TABLE "Dose" ADD COLUMN "unstated" TEXT;
ALTER TABLE "Dose" ADD COLUMN "schedulePhases" TEXT;
