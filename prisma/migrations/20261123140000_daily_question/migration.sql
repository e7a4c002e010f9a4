-- CreateEnum
CREATE TYPE "PromptPurpose" AS ENUM ('SOLO', 'SESSION');

-- CreateTable
CREATE TABLE "DailyQuestionSettings" (
    "workspaceId" UUID NOT NULL,
    "enabled" BOOLEAN NOT NULL,
    "channelId" TEXT NOT NULL,
    "localTime" TEXT NOT NULL,
    "timezone" TEXT NOT NULL,
    "weekdays" TEXT[],
    "interviewTypes" TEXT[],
    "activeSince" TIMESTAMP(3) NOT NULL,
    "updatedBySlackUserId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DailyQuestionSettings_pkey" PRIMARY KEY ("workspaceId")
);

-- CreateTable
CREATE TABLE "DailyQuestionPost" (
    "id" UUID NOT NULL,
    "workspaceId" UUID NOT NULL,
    "localDate" TEXT NOT NULL,
    "questionId" UUID NOT NULL,
    "interviewType" TEXT NOT NULL,
    "channelId" TEXT NOT NULL,
    "ts" TEXT,
    "claimedAt" TIMESTAMP(3),
    "postedAt" TIMESTAMP(3),
    "failedWith" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DailyQuestionPost_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PromptServed" (
    "id" UUID NOT NULL,
    "memberId" UUID NOT NULL,
    "questionId" UUID NOT NULL,
    "purpose" "PromptPurpose" NOT NULL,
    "servedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PromptServed_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "DailyQuestionPost_workspaceId_channelId_interviewType_idx" ON "DailyQuestionPost"("workspaceId", "channelId", "interviewType");

-- CreateIndex
CREATE UNIQUE INDEX "DailyQuestionPost_workspaceId_localDate_key" ON "DailyQuestionPost"("workspaceId", "localDate");

-- CreateIndex
CREATE INDEX "PromptServed_memberId_servedAt_idx" ON "PromptServed"("memberId", "servedAt");

-- AddForeignKey
ALTER TABLE "DailyQuestionSettings" ADD CONSTRAINT "DailyQuestionSettings_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DailyQuestionPost" ADD CONSTRAINT "DailyQuestionPost_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DailyQuestionPost" ADD CONSTRAINT "DailyQuestionPost_questionId_fkey" FOREIGN KEY ("questionId") REFERENCES "Question"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PromptServed" ADD CONSTRAINT "PromptServed_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PromptServed" ADD CONSTRAINT "PromptServed_questionId_fkey" FOREIGN KEY ("questionId") REFERENCES "Question"("id") ON DELETE CASCADE ON UPDATE CASCADE;
