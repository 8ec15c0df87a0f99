-- AlterEnum
ALTER TYPE "NotificationState" ADD VALUE 'SKIPPED';

-- AlterTable
ALTER TABLE "DevEmail" ADD COLUMN     "from" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "idempotencyKey" TEXT;

-- AlterTable
ALTER TABLE "Notification" ADD COLUMN     "failedAt" TIMESTAMP(3),
ADD COLUMN     "lastAttemptAt" TIMESTAMP(3),
ADD COLUMN     "queuedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Task" ADD COLUMN     "lastRemindedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "slackLookupAt" TIMESTAMP(3);

-- CreateIndex
CREATE UNIQUE INDEX "DevEmail_idempotencyKey_key" ON "DevEmail"("idempotencyKey");

-- CreateIndex
CREATE INDEX "Notification_organizationId_state_createdAt_idx" ON "Notification"("organizationId", "state", "createdAt");
