-- CreateTable
CREATE TABLE "InterviewerRating" (
    "id" UUID NOT NULL,
    "sessionId" UUID NOT NULL,
    "raterId" UUID NOT NULL,
    "interviewerId" UUID NOT NULL,
    "questionQuality" INTEGER NOT NULL,
    "feedbackQuality" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "InterviewerRating_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "InterviewerRating_interviewerId_idx" ON "InterviewerRating"("interviewerId");

-- CreateIndex
CREATE UNIQUE INDEX "InterviewerRating_sessionId_raterId_key" ON "InterviewerRating"("sessionId", "raterId");

-- AddForeignKey
ALTER TABLE "InterviewerRating" ADD CONSTRAINT "InterviewerRating_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "Session"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InterviewerRating" ADD CONSTRAINT "InterviewerRating_raterId_fkey" FOREIGN KEY ("raterId") REFERENCES "Member"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InterviewerRating" ADD CONSTRAINT "InterviewerRating_interviewerId_fkey" FOREIGN KEY ("interviewerId") REFERENCES "Member"("id") ON DELETE CASCADE ON UPDATE CASCADE;
