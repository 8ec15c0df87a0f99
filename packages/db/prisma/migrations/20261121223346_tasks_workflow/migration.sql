-- CreateEnum
CREATE TYPE "ConnectorAction" AS ENUM ('GRANT', 'REVOKE');

-- CreateEnum
CREATE TYPE "JobState" AS ENUM ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED');

-- AlterTable
ALTER TABLE "Task" ADD COLUMN     "routingNote" TEXT;

-- CreateTable
CREATE TABLE "ConnectorJob" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "requestId" UUID NOT NULL,
    "appId" UUID NOT NULL,
    "action" "ConnectorAction" NOT NULL,
    "state" "JobState" NOT NULL DEFAULT 'QUEUED',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "maxAttempts" INTEGER NOT NULL DEFAULT 5,
    "lastError" TEXT,
    "runAfter" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lockedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ConnectorJob_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ConnectorJob_state_runAfter_idx" ON "ConnectorJob"("state", "runAfter");

-- CreateIndex
CREATE INDEX "ConnectorJob_requestId_idx" ON "ConnectorJob"("requestId");

-- AddForeignKey
ALTER TABLE "ConnectorJob" ADD CONSTRAINT "ConnectorJob_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConnectorJob" ADD CONSTRAINT "ConnectorJob_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "Request"("id") ON DELETE CASCADE ON UPDATE CASCADE;
