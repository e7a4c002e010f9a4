-- CreateEnum
CREATE TYPE "QuestionSource" AS ENUM ('BUILT_IN', 'WORKSPACE');

-- CreateTable
CREATE TABLE "Question" (
    "id" UUID NOT NULL,
    "workspaceId" UUID,
    "slug" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "topic" TEXT NOT NULL,
    "levels" TEXT[],
    "text" TEXT NOT NULL,
    "followUps" TEXT[],
    "rubricHints" TEXT[],
    "hint" TEXT NOT NULL,
    "source" "QuestionSource" NOT NULL,
    "retiredAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Question_pkey" PRIMARY KEY ("id"),
    -- Hand-written (Prisma does not manage CHECK constraints): a built-in belongs to no workspace,
    -- and a workspace question always to one.
    CONSTRAINT "Question_source_workspace_check" CHECK (("workspaceId" IS NULL) = ("source" = 'BUILT_IN'))
);

-- CreateIndex
CREATE INDEX "Question_type_idx" ON "Question"("type");

-- CreateIndex
-- Hand-edited: NULLS NOT DISTINCT (PostgreSQL 15+) so that built-ins, whose workspaceId is null,
-- cannot share a slug; Prisma's schema language cannot express the clause (see schema.prisma).
CREATE UNIQUE INDEX "Question_workspaceId_slug_key" ON "Question"("workspaceId", "slug") NULLS NOT DISTINCT;

-- AddForeignKey
ALTER TABLE "Question" ADD CONSTRAINT "Question_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;
