-- AlterTable
ALTER TABLE "Member" ADD COLUMN     "usualAvailability" JSONB,
ADD COLUMN     "usualTimes" TEXT;
