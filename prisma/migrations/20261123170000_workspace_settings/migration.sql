-- CreateTable
CREATE TABLE "WorkspaceSettings" (
    "workspaceId" UUID NOT NULL,
    "organizerSlackIds" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "maxLevelDistance" INTEGER,
    "cooldownDays" INTEGER,
    "sweepIntervalMinutes" INTEGER,
    "horizonDays" INTEGER,
    "defaultDurationMinutes" INTEGER,
    "reminderOffsetsMinutes" INTEGER[] DEFAULT ARRAY[]::INTEGER[],
    "confirmNudgeHours" INTEGER,
    "releaseHours" INTEGER,
    "updatedBySlackUserId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "WorkspaceSettings_pkey" PRIMARY KEY ("workspaceId")
);

-- AddForeignKey
ALTER TABLE "WorkspaceSettings" ADD CONSTRAINT "WorkspaceSettings_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;
