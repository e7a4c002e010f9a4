-- AlterTable
ALTER TABLE "PromptServed" ADD COLUMN     "sessionId" UUID;

-- CreateIndex
CREATE UNIQUE INDEX "PromptServed_sessionId_memberId_key" ON "PromptServed"("sessionId", "memberId");
