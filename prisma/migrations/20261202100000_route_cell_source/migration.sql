-- Written by hand (see 20261202070000_drop_unread_columns): each arm's route of
-- administration, cell source and autologous/allogeneic, read from its words, with them.
ALTER TABLE "Arm" ADD COLUMN "route" TEXT;
ALTER TABLE "Arm" ADD COLUMN "routeText" TEXT;
ALTER TABLE "Arm" ADD COLUMN "cellSource" TEXT;
ALTER TABLE "Arm" ADD COLUMN "cellSourceText" TEXT;
ALTER TABLE "Arm" ADD COLUMN "cellOrigin" TEXT;
ALTER TABLE "Arm" ADD COLUMN "cellOriginText" TEXT;
