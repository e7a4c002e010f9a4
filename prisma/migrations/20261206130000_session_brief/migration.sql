-- AlterTable
ALTER TABLE "SessionParticipant" ADD COLUMN     "brief" JSONB,
ADD COLUMN     "briefRevision" INTEGER NOT NULL DEFAULT 0;
