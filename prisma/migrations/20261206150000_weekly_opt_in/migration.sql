-- AlterTable
ALTER TABLE "Member" ADD COLUMN     "weeklyEnteredWeek" TEXT,
ADD COLUMN     "weeklyRequest" JSONB,
ADD COLUMN     "weeklyRequestId" UUID,
ADD COLUMN     "weeklySkippedWeek" TEXT;
