-- CreateEnum
CREATE TYPE "RemapState" AS ENUM ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED', 'SUPERSEDED');

-- CreateTable
CREATE TABLE "AccountRemap" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "appId" UUID NOT NULL,
    "mode" "AccountMappingMode" NOT NULL,
    "reason" TEXT NOT NULL,
    "requestedById" UUID,
    "state" "RemapState" NOT NULL DEFAULT 'QUEUED',
    "total" INTEGER NOT NULL DEFAULT 0,
    "done" INTEGER NOT NULL DEFAULT 0,
    "cursor" UUID,
    "matched" INTEGER NOT NULL DEFAULT 0,
    "matchedByName" INTEGER NOT NULL DEFAULT 0,
    "ambiguous" INTEGER NOT NULL DEFAULT 0,
    "changed" INTEGER NOT NULL DEFAULT 0,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "runAfter" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lockedBy" UUID,
    "lockedAt" TIMESTAMP(3),
    "startedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AccountRemap_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "AccountRemap_state_runAfter_idx" ON "AccountRemap"("state", "runAfter");

-- CreateIndex
CREATE INDEX "AccountRemap_appId_createdAt_idx" ON "AccountRemap"("appId", "createdAt");

-- AddForeignKey
ALTER TABLE "AccountRemap" ADD CONSTRAINT "AccountRemap_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AccountRemap" ADD CONSTRAINT "AccountRemap_appId_fkey" FOREIGN KEY ("appId") REFERENCES "App"("id") ON DELETE CASCADE ON UPDATE CASCADE;
