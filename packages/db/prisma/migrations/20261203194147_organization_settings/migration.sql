-- AlterTable
ALTER TABLE "Organization" ADD COLUMN     "emailNotificationsDefault" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "slackNotificationsDefault" BOOLEAN NOT NULL DEFAULT true;

-- CreateIndex
CREATE INDEX "Event_organizationId_action_at_idx" ON "Event"("organizationId", "action", "at");
