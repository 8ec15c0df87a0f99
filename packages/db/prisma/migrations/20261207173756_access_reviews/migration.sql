-- CreateEnum
CREATE TYPE "ReviewCampaignState" AS ENUM ('DRAFT', 'RUNNING', 'CLOSED');

-- CreateEnum
CREATE TYPE "ReviewItemState" AS ENUM ('PENDING', 'KEPT', 'REVOKED', 'NOT_REVIEWED');

-- AlterEnum
ALTER TYPE "UserRole" ADD VALUE 'AUDITOR';

-- CreateTable
CREATE TABLE "ReviewCampaign" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "dueAt" TIMESTAMP(3) NOT NULL,
    "state" "ReviewCampaignState" NOT NULL DEFAULT 'DRAFT',
    "scope" JSONB NOT NULL,
    "reviewerPlan" JSONB NOT NULL,
    "hasSecondLevel" BOOLEAN NOT NULL DEFAULT false,
    "itemCount" INTEGER NOT NULL DEFAULT 0,
    "createdById" UUID NOT NULL,
    "startedAt" TIMESTAMP(3),
    "closedAt" TIMESTAMP(3),
    "closedById" UUID,
    "remindedAt" TIMESTAMP(3),
    "escalatedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ReviewCampaign_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReviewItem" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "campaignId" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "grantId" UUID NOT NULL,
    "accountId" UUID NOT NULL,
    "appId" UUID NOT NULL,
    "entitlementId" UUID NOT NULL,
    "appName" TEXT NOT NULL,
    "entitlementName" TEXT NOT NULL,
    "accountLabel" TEXT NOT NULL,
    "accountType" "AccountType" NOT NULL,
    "ownerId" UUID,
    "ownerName" TEXT,
    "ownerEmail" TEXT,
    "ownerStatus" "UserStatus",
    "ownerSource" "OwnerSource" NOT NULL,
    "matchRule" "MatchRule",
    "matchValue" TEXT,
    "matchAmbiguous" BOOLEAN NOT NULL DEFAULT false,
    "grantedAt" TIMESTAMP(3) NOT NULL,
    "lastLoginAt" TIMESTAMP(3),
    "flags" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "state" "ReviewItemState" NOT NULL DEFAULT 'PENDING',
    "level" INTEGER NOT NULL DEFAULT 1,
    "routingNote" TEXT,
    "secondRoutingNote" TEXT,
    "firstDecidedById" UUID,
    "firstDecidedAt" TIMESTAMP(3),
    "firstReason" TEXT,
    "decidedById" UUID,
    "decidedAt" TIMESTAMP(3),
    "reason" TEXT,
    "revokeRequestId" UUID,
    "version" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "ReviewItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReviewAssignment" (
    "itemId" UUID NOT NULL,
    "level" INTEGER NOT NULL,
    "userId" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "campaignId" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "active" BOOLEAN NOT NULL,
    "assignedAt" TIMESTAMP(3) NOT NULL,
    "assignedById" UUID,
    "unassignedAt" TIMESTAMP(3),
    "unassignedReason" TEXT,

    CONSTRAINT "ReviewAssignment_pkey" PRIMARY KEY ("itemId","level","userId")
);

-- CreateIndex
CREATE INDEX "ReviewCampaign_organizationId_state_dueAt_idx" ON "ReviewCampaign"("organizationId", "state", "dueAt");

-- CreateIndex
CREATE INDEX "ReviewCampaign_organizationId_createdAt_idx" ON "ReviewCampaign"("organizationId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "ReviewCampaign_organizationId_name_key" ON "ReviewCampaign"("organizationId", "name");

-- CreateIndex
CREATE INDEX "ReviewItem_campaignId_state_idx" ON "ReviewItem"("campaignId", "state");

-- CreateIndex
CREATE INDEX "ReviewItem_grantId_idx" ON "ReviewItem"("grantId");

-- CreateIndex
CREATE INDEX "ReviewItem_revokeRequestId_idx" ON "ReviewItem"("revokeRequestId");

-- CreateIndex
CREATE UNIQUE INDEX "ReviewItem_campaignId_position_key" ON "ReviewItem"("campaignId", "position");

-- CreateIndex
CREATE INDEX "ReviewAssignment_userId_active_campaignId_position_idx" ON "ReviewAssignment"("userId", "active", "campaignId", "position");

-- CreateIndex
CREATE INDEX "ReviewAssignment_campaignId_userId_idx" ON "ReviewAssignment"("campaignId", "userId");

-- AddForeignKey
ALTER TABLE "ReviewCampaign" ADD CONSTRAINT "ReviewCampaign_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewCampaign" ADD CONSTRAINT "ReviewCampaign_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE NO ACTION ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewCampaign" ADD CONSTRAINT "ReviewCampaign_closedById_fkey" FOREIGN KEY ("closedById") REFERENCES "User"("id") ON DELETE NO ACTION ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewItem" ADD CONSTRAINT "ReviewItem_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewItem" ADD CONSTRAINT "ReviewItem_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "ReviewCampaign"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewItem" ADD CONSTRAINT "ReviewItem_grantId_fkey" FOREIGN KEY ("grantId") REFERENCES "Grant"("id") ON DELETE NO ACTION ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewItem" ADD CONSTRAINT "ReviewItem_revokeRequestId_fkey" FOREIGN KEY ("revokeRequestId") REFERENCES "Request"("id") ON DELETE NO ACTION ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewAssignment" ADD CONSTRAINT "ReviewAssignment_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "ReviewItem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewAssignment" ADD CONSTRAINT "ReviewAssignment_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "ReviewCampaign"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewAssignment" ADD CONSTRAINT "ReviewAssignment_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE NO ACTION ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewAssignment" ADD CONSTRAINT "ReviewAssignment_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;
