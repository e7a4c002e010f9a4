-- AlterTable
ALTER TABLE "WorkspaceSettings" ADD COLUMN "welcomeNewMembers" BOOLEAN NOT NULL DEFAULT true;
