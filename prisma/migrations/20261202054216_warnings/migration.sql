-- AlterTable
ALTER TABLE "Trial" ADD COLUMN "warnings" TEXT NOT NULL DEFAULT '[]';
