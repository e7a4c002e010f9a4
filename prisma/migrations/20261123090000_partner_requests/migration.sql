-- CreateEnum
CREATE TYPE "PracticeRole" AS ENUM ('INTERVIEWER', 'INTERVIEWEE', 'BOTH');

-- CreateEnum
CREATE TYPE "RequestStatus" AS ENUM ('OPEN', 'MATCHED', 'CANCELLED', 'EXPIRED');

-- CreateEnum
CREATE TYPE "SessionStatus" AS ENUM ('PROPOSED', 'CONFIRMED', 'COMPLETED', 'CANCELLED', 'RELEASED');

-- AlterTable
ALTER TABLE "Member" ADD COLUMN     "pausedAt" TIMESTAMP(3),
ADD COLUMN     "snoozedUntil" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "PartnerRequest" (
    "id" UUID NOT NULL,
    "workspaceId" UUID NOT NULL,
    "memberId" UUID NOT NULL,
    "openForMemberId" UUID,
    "status" "RequestStatus" NOT NULL DEFAULT 'OPEN',
    "interviewTypes" TEXT[],
    "level" TEXT NOT NULL,
    "role" "PracticeRole" NOT NULL,
    "durationMinutes" INTEGER NOT NULL,
    "availability" JSONB NOT NULL,
    "timezone" TEXT NOT NULL,
    "note" TEXT,
    "priority" BOOLEAN NOT NULL DEFAULT false,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "closedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PartnerRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Session" (
    "id" UUID NOT NULL,
    "workspaceId" UUID NOT NULL,
    "matchRunId" UUID,
    "interviewType" TEXT NOT NULL,
    "status" "SessionStatus" NOT NULL DEFAULT 'PROPOSED',
    "startsAt" TIMESTAMP(3) NOT NULL,
    "durationMinutes" INTEGER NOT NULL,
    "channelId" TEXT,
    "reason" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SessionParticipant" (
    "id" UUID NOT NULL,
    "sessionId" UUID NOT NULL,
    "memberId" UUID NOT NULL,
    "requestId" UUID NOT NULL,
    "interviewsFirst" BOOLEAN NOT NULL,

    CONSTRAINT "SessionParticipant_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MatchRun" (
    "id" UUID NOT NULL,
    "workspaceId" UUID NOT NULL,
    "trigger" TEXT NOT NULL,
    "seed" INTEGER NOT NULL,
    "input" JSONB NOT NULL,
    "pairs" INTEGER NOT NULL,
    "unmatched" INTEGER NOT NULL,
    "durationMs" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MatchRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MemberBlock" (
    "memberId" UUID NOT NULL,
    "blockedMemberId" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MemberBlock_pkey" PRIMARY KEY ("memberId","blockedMemberId")
);

-- CreateIndex
CREATE UNIQUE INDEX "PartnerRequest_openForMemberId_key" ON "PartnerRequest"("openForMemberId");

-- CreateIndex
CREATE INDEX "PartnerRequest_workspaceId_status_idx" ON "PartnerRequest"("workspaceId", "status");

-- CreateIndex
CREATE INDEX "Session_workspaceId_startsAt_idx" ON "Session"("workspaceId", "startsAt");

-- CreateIndex
CREATE UNIQUE INDEX "SessionParticipant_requestId_key" ON "SessionParticipant"("requestId");

-- CreateIndex
CREATE INDEX "SessionParticipant_memberId_idx" ON "SessionParticipant"("memberId");

-- CreateIndex
CREATE UNIQUE INDEX "SessionParticipant_sessionId_memberId_key" ON "SessionParticipant"("sessionId", "memberId");

-- CreateIndex
CREATE INDEX "MatchRun_workspaceId_createdAt_idx" ON "MatchRun"("workspaceId", "createdAt");

-- AddForeignKey
ALTER TABLE "PartnerRequest" ADD CONSTRAINT "PartnerRequest_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PartnerRequest" ADD CONSTRAINT "PartnerRequest_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Session" ADD CONSTRAINT "Session_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Session" ADD CONSTRAINT "Session_matchRunId_fkey" FOREIGN KEY ("matchRunId") REFERENCES "MatchRun"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SessionParticipant" ADD CONSTRAINT "SessionParticipant_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "Session"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SessionParticipant" ADD CONSTRAINT "SessionParticipant_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SessionParticipant" ADD CONSTRAINT "SessionParticipant_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "PartnerRequest"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MatchRun" ADD CONSTRAINT "MatchRun_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MemberBlock" ADD CONSTRAINT "MemberBlock_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MemberBlock" ADD CONSTRAINT "MemberBlock_blockedMemberId_fkey" FOREIGN KEY ("blockedMemberId") REFERENCES "Member"("id") ON DELETE CASCADE ON UPDATE CASCADE;
