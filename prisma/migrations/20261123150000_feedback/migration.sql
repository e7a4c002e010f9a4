-- CreateEnum
CREATE TYPE "HireSignal" AS ENUM ('STRONG_NO', 'NO', 'YES', 'STRONG_YES');

-- CreateTable
CREATE TABLE "Feedback" (
    "id" UUID NOT NULL,
    "sessionId" UUID NOT NULL,
    "authorId" UUID NOT NULL,
    "recipientId" UUID NOT NULL,
    "ratings" JSONB NOT NULL,
    "selfRatings" JSONB NOT NULL,
    "hireSignal" "HireSignal" NOT NULL,
    "strengths" TEXT NOT NULL,
    "improvement" TEXT NOT NULL,
    "communication" TEXT,
    "organizerNote" TEXT,
    "submittedAt" TIMESTAMP(3) NOT NULL,
    "revealedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Feedback_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Feedback_recipientId_revealedAt_idx" ON "Feedback"("recipientId", "revealedAt");

-- CreateIndex
CREATE INDEX "Feedback_authorId_idx" ON "Feedback"("authorId");

-- CreateIndex
CREATE UNIQUE INDEX "Feedback_sessionId_authorId_key" ON "Feedback"("sessionId", "authorId");

-- AddForeignKey
ALTER TABLE "Feedback" ADD CONSTRAINT "Feedback_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "Session"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Feedback" ADD CONSTRAINT "Feedback_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "Member"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Feedback" ADD CONSTRAINT "Feedback_recipientId_fkey" FOREIGN KEY ("recipientId") REFERENCES "Member"("id") ON DELETE CASCADE ON UPDATE CASCADE;
