-- AlterTable
ALTER TABLE "Session" ADD COLUMN     "undeliveredAt" TIMESTAMP(3),
ADD COLUMN     "undeliveredJob" TEXT;

-- CreateTable
CREATE TABLE "OutboxEntry" (
    "id" BIGSERIAL NOT NULL,
    "action" TEXT NOT NULL,
    "jobName" TEXT NOT NULL,
    "jobId" TEXT NOT NULL,
    "payload" JSONB,
    "runAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "relayedAt" TIMESTAMP(3),
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,

    CONSTRAINT "OutboxEntry_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "OutboxEntry_relayedAt_id_idx" ON "OutboxEntry"("relayedAt", "id");
