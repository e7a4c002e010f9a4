-- AlterTable
ALTER TABLE "Session" ADD COLUMN     "cancelledById" UUID,
ADD COLUMN     "confirmedAt" TIMESTAMP(3),
ADD COLUMN     "endedAt" TIMESTAMP(3),
ADD COLUMN     "introTs" TEXT,
ADD COLUMN     "proposedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "proposedSlots" TIMESTAMP(3)[],
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "SessionParticipant" ADD COLUMN     "confirmedAt" TIMESTAMP(3),
ADD COLUMN     "lateCancel" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "noShow" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "SentMessage" (
    "key" TEXT NOT NULL,
    "channelId" TEXT NOT NULL,
    "ts" TEXT,
    "failedWith" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SentMessage_pkey" PRIMARY KEY ("key")
);
