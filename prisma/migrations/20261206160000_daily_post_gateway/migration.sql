-- AlterTable
ALTER TABLE "DailyQuestionPost" DROP COLUMN "claimedAt";
