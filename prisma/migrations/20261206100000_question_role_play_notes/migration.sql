-- AlterTable
ALTER TABLE "Question" ADD COLUMN     "rolePlayNotes" TEXT[] DEFAULT ARRAY[]::TEXT[];
