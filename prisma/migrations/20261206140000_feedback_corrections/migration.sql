-- AlterTable
ALTER TABLE "Feedback" ADD COLUMN     "editedAt" TIMESTAMP(3);
