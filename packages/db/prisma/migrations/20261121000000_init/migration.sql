-- CreateEnum
CREATE TYPE "UserStatus" AS ENUM ('ACTIVE', 'SUSPENDED', 'DEPROVISIONED');

-- CreateEnum
CREATE TYPE "UserRole" AS ENUM ('SUPER_ADMIN', 'MEMBER');

-- CreateEnum
CREATE TYPE "AppStatus" AS ENUM ('MANAGED', 'DISCOVERED', 'IGNORED');

-- CreateEnum
CREATE TYPE "AccountMappingMode" AS ENUM ('NARROW', 'BROAD');

-- CreateEnum
CREATE TYPE "AppMemberRole" AS ENUM ('OWNER', 'PROVISIONER', 'DEPROVISIONER');

-- CreateEnum
CREATE TYPE "AccountStatus" AS ENUM ('ACTIVE', 'DISABLED', 'DELETED');

-- CreateEnum
CREATE TYPE "AccountType" AS ENUM ('USER', 'SERVICE', 'SYSTEM');

-- CreateEnum
CREATE TYPE "ValueSource" AS ENUM ('INGESTED', 'MANUAL');

-- CreateEnum
CREATE TYPE "OwnerSource" AS ENUM ('MATCHED', 'MANUAL', 'CLEARED');

-- CreateEnum
CREATE TYPE "MatchRule" AS ENUM ('EMAIL', 'NAME');

-- CreateEnum
CREATE TYPE "Strategy" AS ENUM ('MANUAL', 'CONNECTOR');

-- CreateEnum
CREATE TYPE "GrantSource" AS ENUM ('INGESTED', 'REQUEST', 'MANUAL');

-- CreateEnum
CREATE TYPE "PolicyStepKind" AS ENUM ('APPROVAL', 'PROVISION');

-- CreateEnum
CREATE TYPE "ApproverKind" AS ENUM ('MANAGER', 'APP_OWNERS', 'ENTITLEMENT_OWNERS', 'USERS');

-- CreateEnum
CREATE TYPE "RequestKind" AS ENUM ('GRANT', 'REVOKE');

-- CreateEnum
CREATE TYPE "RequestState" AS ENUM ('PENDING_APPROVAL', 'APPROVED', 'PROVISIONING', 'COMPLETED', 'ERRORED', 'DENIED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "TaskKind" AS ENUM ('APPROVAL', 'PROVISION', 'DEPROVISION');

-- CreateEnum
CREATE TYPE "TaskState" AS ENUM ('OPEN', 'DONE', 'ERRORED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "TaskOutcome" AS ENUM ('APPROVED', 'DENIED', 'PROVISIONED', 'DEPROVISIONED', 'ERRORED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "NotificationChannel" AS ENUM ('EMAIL', 'SLACK');

-- CreateEnum
CREATE TYPE "NotificationState" AS ENUM ('PENDING', 'SENT', 'FAILED');

-- CreateTable
CREATE TABLE "Organization" (
    "id" UUID NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "publicUrl" TEXT,
    "defaultRequestPolicyId" UUID,
    "defaultRevocationPolicyId" UUID,
    "taskNumberSeq" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Organization_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "User" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "emailNormalized" TEXT NOT NULL,
    "givenName" TEXT NOT NULL,
    "familyName" TEXT NOT NULL,
    "displayName" TEXT NOT NULL,
    "title" TEXT,
    "department" TEXT,
    "managerId" UUID,
    "status" "UserStatus" NOT NULL DEFAULT 'ACTIVE',
    "role" "UserRole" NOT NULL DEFAULT 'MEMBER',
    "slackUserId" TEXT,
    "emailNotifications" BOOLEAN NOT NULL DEFAULT true,
    "slackNotifications" BOOLEAN NOT NULL DEFAULT true,
    "lastSignInAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "App" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "iconUrl" TEXT,
    "status" "AppStatus" NOT NULL DEFAULT 'MANAGED',
    "accountMappingMode" "AccountMappingMode" NOT NULL DEFAULT 'NARROW',
    "provisioningInstructions" TEXT NOT NULL DEFAULT '',
    "deprovisioningInstructions" TEXT NOT NULL DEFAULT '',
    "defaultRequestPolicyId" UUID,
    "defaultRevocationPolicyId" UUID,
    "discoveredUserCount" INTEGER NOT NULL DEFAULT 0,
    "firstSeenAt" TIMESTAMP(3),
    "lastSeenAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "App_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AppMember" (
    "appId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "role" "AppMemberRole" NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AppMember_pkey" PRIMARY KEY ("appId","role","userId")
);

-- CreateTable
CREATE TABLE "Account" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "appId" UUID NOT NULL,
    "externalId" TEXT NOT NULL,
    "login" TEXT,
    "emails" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "givenName" TEXT,
    "familyName" TEXT,
    "displayName" TEXT,
    "status" "AccountStatus" NOT NULL DEFAULT 'ACTIVE',
    "type" "AccountType" NOT NULL DEFAULT 'USER',
    "typeSource" "ValueSource" NOT NULL DEFAULT 'INGESTED',
    "lastLoginAt" TIMESTAMP(3),
    "profile" JSONB NOT NULL DEFAULT '{}',
    "matchedOwnerId" UUID,
    "matchRule" "MatchRule",
    "matchValue" TEXT,
    "matchAmbiguous" BOOLEAN NOT NULL DEFAULT false,
    "ownerId" UUID,
    "ownerSource" "OwnerSource" NOT NULL DEFAULT 'MATCHED',
    "ownerSetById" UUID,
    "ownerSetAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "deletedAt" TIMESTAMP(3),

    CONSTRAINT "Account_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Entitlement" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "appId" UUID NOT NULL,
    "slug" TEXT NOT NULL,
    "displayName" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "provisioningStrategy" "Strategy" NOT NULL DEFAULT 'MANUAL',
    "deprovisioningStrategy" "Strategy" NOT NULL DEFAULT 'MANUAL',
    "requestPolicyId" UUID,
    "revocationPolicyId" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Entitlement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EntitlementOwner" (
    "entitlementId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EntitlementOwner_pkey" PRIMARY KEY ("entitlementId","userId")
);

-- CreateTable
CREATE TABLE "Grant" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "accountId" UUID NOT NULL,
    "entitlementId" UUID NOT NULL,
    "source" "GrantSource" NOT NULL,
    "grantedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),
    "requestId" UUID,
    "revokeRequestId" UUID,

    CONSTRAINT "Grant_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Policy" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "allowReassignment" BOOLEAN NOT NULL DEFAULT true,
    "restrictReassignees" BOOLEAN NOT NULL DEFAULT false,
    "allowSelfApproval" BOOLEAN NOT NULL DEFAULT false,
    "requireDistinctApprovers" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Policy_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PolicyStep" (
    "id" UUID NOT NULL,
    "policyId" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "kind" "PolicyStepKind" NOT NULL,
    "approverKind" "ApproverKind",

    CONSTRAINT "PolicyStep_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PolicyStepApprover" (
    "stepId" UUID NOT NULL,
    "userId" UUID NOT NULL,

    CONSTRAINT "PolicyStepApprover_pkey" PRIMARY KEY ("stepId","userId")
);

-- CreateTable
CREATE TABLE "PolicyReassignee" (
    "policyId" UUID NOT NULL,
    "userId" UUID NOT NULL,

    CONSTRAINT "PolicyReassignee_pkey" PRIMARY KEY ("policyId","userId")
);

-- CreateTable
CREATE TABLE "Request" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "kind" "RequestKind" NOT NULL,
    "requesterId" UUID NOT NULL,
    "accountId" UUID,
    "targetUserId" UUID,
    "appId" UUID NOT NULL,
    "entitlementId" UUID NOT NULL,
    "grantId" UUID,
    "reason" TEXT NOT NULL,
    "durationDays" INTEGER,
    "state" "RequestState" NOT NULL DEFAULT 'PENDING_APPROVAL',
    "policyId" UUID,
    "policyName" TEXT NOT NULL,
    "policySnapshot" JSONB NOT NULL,
    "currentStep" INTEGER NOT NULL DEFAULT 0,
    "completedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Request_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Task" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "number" INTEGER NOT NULL,
    "requestId" UUID NOT NULL,
    "appId" UUID NOT NULL,
    "kind" "TaskKind" NOT NULL,
    "state" "TaskState" NOT NULL DEFAULT 'OPEN',
    "stepIndex" INTEGER NOT NULL,
    "outcome" "TaskOutcome",
    "outcomeNote" TEXT,
    "completedById" UUID,
    "completedAt" TIMESTAMP(3),
    "dueAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Task_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TaskAssignee" (
    "id" UUID NOT NULL,
    "taskId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "kind" "TaskKind" NOT NULL,
    "taskOpen" BOOLEAN NOT NULL DEFAULT true,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "assignedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "assignedById" UUID,
    "unassignedAt" TIMESTAMP(3),
    "unassignedReason" TEXT,

    CONSTRAINT "TaskAssignee_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Comment" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "taskId" UUID NOT NULL,
    "authorId" UUID NOT NULL,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Comment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Event" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "actorId" UUID,
    "action" TEXT NOT NULL,
    "targetType" TEXT NOT NULL,
    "targetId" TEXT NOT NULL,
    "before" JSONB,
    "after" JSONB,
    "reason" TEXT,
    "requestId" UUID,
    "taskId" UUID,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Event_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Notification" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "recipientId" UUID NOT NULL,
    "channel" "NotificationChannel" NOT NULL,
    "template" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "idempotencyKey" TEXT NOT NULL,
    "state" "NotificationState" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "nextAttemptAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "providerMessageId" TEXT,
    "sentAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "VerificationToken" (
    "identifier" TEXT NOT NULL,
    "token" TEXT NOT NULL,
    "expires" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "VerificationToken_pkey" PRIMARY KEY ("identifier","token")
);

-- CreateTable
CREATE TABLE "DevEmail" (
    "id" UUID NOT NULL,
    "to" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "html" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DevEmail_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Organization_slug_key" ON "Organization"("slug");

-- CreateIndex
CREATE INDEX "User_organizationId_displayName_id_idx" ON "User"("organizationId", "displayName", "id");

-- CreateIndex
CREATE INDEX "User_organizationId_status_idx" ON "User"("organizationId", "status");

-- CreateIndex
CREATE INDEX "User_managerId_idx" ON "User"("managerId");

-- CreateIndex
CREATE INDEX "User_emailNormalized_idx" ON "User"("emailNormalized");

-- CreateIndex
CREATE UNIQUE INDEX "User_organizationId_emailNormalized_key" ON "User"("organizationId", "emailNormalized");

-- CreateIndex
CREATE UNIQUE INDEX "User_organizationId_id_key" ON "User"("organizationId", "id");

-- CreateIndex
CREATE INDEX "App_organizationId_status_name_id_idx" ON "App"("organizationId", "status", "name", "id");

-- CreateIndex
CREATE UNIQUE INDEX "App_organizationId_name_key" ON "App"("organizationId", "name");

-- CreateIndex
CREATE INDEX "AppMember_userId_role_idx" ON "AppMember"("userId", "role");

-- CreateIndex
CREATE INDEX "Account_appId_id_idx" ON "Account"("appId", "id");

-- CreateIndex
CREATE INDEX "Account_appId_status_id_idx" ON "Account"("appId", "status", "id");

-- CreateIndex
CREATE INDEX "Account_appId_type_id_idx" ON "Account"("appId", "type", "id");

-- CreateIndex
CREATE INDEX "Account_appId_ownerId_idx" ON "Account"("appId", "ownerId");

-- CreateIndex
CREATE INDEX "Account_appId_login_idx" ON "Account"("appId", "login");

-- CreateIndex
CREATE INDEX "Account_organizationId_ownerId_idx" ON "Account"("organizationId", "ownerId");

-- CreateIndex
CREATE INDEX "Account_matchedOwnerId_idx" ON "Account"("matchedOwnerId");

-- CreateIndex
CREATE UNIQUE INDEX "Account_appId_externalId_key" ON "Account"("appId", "externalId");

-- CreateIndex
CREATE INDEX "Entitlement_appId_displayName_id_idx" ON "Entitlement"("appId", "displayName", "id");

-- CreateIndex
CREATE UNIQUE INDEX "Entitlement_appId_slug_key" ON "Entitlement"("appId", "slug");

-- CreateIndex
CREATE INDEX "EntitlementOwner_userId_idx" ON "EntitlementOwner"("userId");

-- CreateIndex
CREATE INDEX "Grant_entitlementId_revokedAt_id_idx" ON "Grant"("entitlementId", "revokedAt", "id");

-- CreateIndex
CREATE INDEX "Grant_accountId_revokedAt_idx" ON "Grant"("accountId", "revokedAt");

-- CreateIndex
CREATE INDEX "Grant_requestId_idx" ON "Grant"("requestId");

-- CreateIndex
CREATE INDEX "Grant_revokeRequestId_idx" ON "Grant"("revokeRequestId");

-- CreateIndex
CREATE UNIQUE INDEX "Policy_organizationId_name_key" ON "Policy"("organizationId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "PolicyStep_policyId_position_key" ON "PolicyStep"("policyId", "position");

-- CreateIndex
CREATE INDEX "Request_organizationId_requesterId_createdAt_idx" ON "Request"("organizationId", "requesterId", "createdAt");

-- CreateIndex
CREATE INDEX "Request_organizationId_state_createdAt_idx" ON "Request"("organizationId", "state", "createdAt");

-- CreateIndex
CREATE INDEX "Request_grantId_state_idx" ON "Request"("grantId", "state");

-- CreateIndex
CREATE INDEX "Request_accountId_idx" ON "Request"("accountId");

-- CreateIndex
CREATE INDEX "Request_targetUserId_idx" ON "Request"("targetUserId");

-- CreateIndex
CREATE INDEX "Task_requestId_idx" ON "Task"("requestId");

-- CreateIndex
CREATE INDEX "Task_completedById_completedAt_idx" ON "Task"("completedById", "completedAt");

-- CreateIndex
CREATE INDEX "Task_organizationId_state_kind_createdAt_idx" ON "Task"("organizationId", "state", "kind", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Task_organizationId_number_key" ON "Task"("organizationId", "number");

-- CreateIndex
CREATE INDEX "TaskAssignee_taskId_userId_idx" ON "TaskAssignee"("taskId", "userId");

-- CreateIndex
CREATE INDEX "TaskAssignee_userId_kind_taskOpen_active_assignedAt_idx" ON "TaskAssignee"("userId", "kind", "taskOpen", "active", "assignedAt");

-- CreateIndex
CREATE INDEX "TaskAssignee_organizationId_userId_idx" ON "TaskAssignee"("organizationId", "userId");

-- CreateIndex
CREATE INDEX "Comment_taskId_createdAt_idx" ON "Comment"("taskId", "createdAt");

-- CreateIndex
CREATE INDEX "Event_organizationId_at_idx" ON "Event"("organizationId", "at");

-- CreateIndex
CREATE INDEX "Event_organizationId_targetType_targetId_at_idx" ON "Event"("organizationId", "targetType", "targetId", "at");

-- CreateIndex
CREATE INDEX "Event_organizationId_actorId_at_idx" ON "Event"("organizationId", "actorId", "at");

-- CreateIndex
CREATE INDEX "Event_requestId_at_idx" ON "Event"("requestId", "at");

-- CreateIndex
CREATE INDEX "Event_taskId_at_idx" ON "Event"("taskId", "at");

-- CreateIndex
CREATE UNIQUE INDEX "Notification_idempotencyKey_key" ON "Notification"("idempotencyKey");

-- CreateIndex
CREATE INDEX "Notification_state_nextAttemptAt_idx" ON "Notification"("state", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "Notification_organizationId_recipientId_createdAt_idx" ON "Notification"("organizationId", "recipientId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "VerificationToken_token_key" ON "VerificationToken"("token");

-- CreateIndex
CREATE INDEX "DevEmail_to_createdAt_idx" ON "DevEmail"("to", "createdAt");

-- AddForeignKey
ALTER TABLE "Organization" ADD CONSTRAINT "Organization_defaultRequestPolicyId_fkey" FOREIGN KEY ("defaultRequestPolicyId") REFERENCES "Policy"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Organization" ADD CONSTRAINT "Organization_defaultRevocationPolicyId_fkey" FOREIGN KEY ("defaultRevocationPolicyId") REFERENCES "Policy"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_managerId_fkey" FOREIGN KEY ("managerId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "App" ADD CONSTRAINT "App_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "App" ADD CONSTRAINT "App_defaultRequestPolicyId_fkey" FOREIGN KEY ("defaultRequestPolicyId") REFERENCES "Policy"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "App" ADD CONSTRAINT "App_defaultRevocationPolicyId_fkey" FOREIGN KEY ("defaultRevocationPolicyId") REFERENCES "Policy"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AppMember" ADD CONSTRAINT "AppMember_appId_fkey" FOREIGN KEY ("appId") REFERENCES "App"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AppMember" ADD CONSTRAINT "AppMember_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Account" ADD CONSTRAINT "Account_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Account" ADD CONSTRAINT "Account_appId_fkey" FOREIGN KEY ("appId") REFERENCES "App"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Account" ADD CONSTRAINT "Account_matchedOwnerId_fkey" FOREIGN KEY ("matchedOwnerId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Account" ADD CONSTRAINT "Account_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Account" ADD CONSTRAINT "Account_ownerSetById_fkey" FOREIGN KEY ("ownerSetById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Entitlement" ADD CONSTRAINT "Entitlement_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Entitlement" ADD CONSTRAINT "Entitlement_appId_fkey" FOREIGN KEY ("appId") REFERENCES "App"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Entitlement" ADD CONSTRAINT "Entitlement_requestPolicyId_fkey" FOREIGN KEY ("requestPolicyId") REFERENCES "Policy"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Entitlement" ADD CONSTRAINT "Entitlement_revocationPolicyId_fkey" FOREIGN KEY ("revocationPolicyId") REFERENCES "Policy"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EntitlementOwner" ADD CONSTRAINT "EntitlementOwner_entitlementId_fkey" FOREIGN KEY ("entitlementId") REFERENCES "Entitlement"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EntitlementOwner" ADD CONSTRAINT "EntitlementOwner_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Grant" ADD CONSTRAINT "Grant_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Grant" ADD CONSTRAINT "Grant_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Grant" ADD CONSTRAINT "Grant_entitlementId_fkey" FOREIGN KEY ("entitlementId") REFERENCES "Entitlement"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Grant" ADD CONSTRAINT "Grant_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "Request"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Grant" ADD CONSTRAINT "Grant_revokeRequestId_fkey" FOREIGN KEY ("revokeRequestId") REFERENCES "Request"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Policy" ADD CONSTRAINT "Policy_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PolicyStep" ADD CONSTRAINT "PolicyStep_policyId_fkey" FOREIGN KEY ("policyId") REFERENCES "Policy"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PolicyStepApprover" ADD CONSTRAINT "PolicyStepApprover_stepId_fkey" FOREIGN KEY ("stepId") REFERENCES "PolicyStep"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PolicyStepApprover" ADD CONSTRAINT "PolicyStepApprover_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PolicyReassignee" ADD CONSTRAINT "PolicyReassignee_policyId_fkey" FOREIGN KEY ("policyId") REFERENCES "Policy"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PolicyReassignee" ADD CONSTRAINT "PolicyReassignee_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Request" ADD CONSTRAINT "Request_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Request" ADD CONSTRAINT "Request_requesterId_fkey" FOREIGN KEY ("requesterId") REFERENCES "User"("id") ON DELETE NO ACTION ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Request" ADD CONSTRAINT "Request_targetUserId_fkey" FOREIGN KEY ("targetUserId") REFERENCES "User"("id") ON DELETE NO ACTION ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Request" ADD CONSTRAINT "Request_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE NO ACTION ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Request" ADD CONSTRAINT "Request_appId_fkey" FOREIGN KEY ("appId") REFERENCES "App"("id") ON DELETE NO ACTION ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Request" ADD CONSTRAINT "Request_entitlementId_fkey" FOREIGN KEY ("entitlementId") REFERENCES "Entitlement"("id") ON DELETE NO ACTION ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Request" ADD CONSTRAINT "Request_grantId_fkey" FOREIGN KEY ("grantId") REFERENCES "Grant"("id") ON DELETE NO ACTION ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Request" ADD CONSTRAINT "Request_policyId_fkey" FOREIGN KEY ("policyId") REFERENCES "Policy"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Task" ADD CONSTRAINT "Task_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Task" ADD CONSTRAINT "Task_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "Request"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Task" ADD CONSTRAINT "Task_appId_fkey" FOREIGN KEY ("appId") REFERENCES "App"("id") ON DELETE NO ACTION ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Task" ADD CONSTRAINT "Task_completedById_fkey" FOREIGN KEY ("completedById") REFERENCES "User"("id") ON DELETE NO ACTION ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TaskAssignee" ADD CONSTRAINT "TaskAssignee_taskId_fkey" FOREIGN KEY ("taskId") REFERENCES "Task"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TaskAssignee" ADD CONSTRAINT "TaskAssignee_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE NO ACTION ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TaskAssignee" ADD CONSTRAINT "TaskAssignee_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Comment" ADD CONSTRAINT "Comment_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Comment" ADD CONSTRAINT "Comment_taskId_fkey" FOREIGN KEY ("taskId") REFERENCES "Task"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Comment" ADD CONSTRAINT "Comment_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE NO ACTION ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Event" ADD CONSTRAINT "Event_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Event" ADD CONSTRAINT "Event_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE NO ACTION ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Event" ADD CONSTRAINT "Event_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "Request"("id") ON DELETE NO ACTION ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Event" ADD CONSTRAINT "Event_taskId_fkey" FOREIGN KEY ("taskId") REFERENCES "Task"("id") ON DELETE NO ACTION ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_recipientId_fkey" FOREIGN KEY ("recipientId") REFERENCES "User"("id") ON DELETE NO ACTION ON UPDATE CASCADE;

-- ─── Written by hand: what Prisma's schema language cannot express ───
-- (listed in MANUAL_OBJECTS, src/migrations/files.ts, so `db:migration:new` keeps them)

-- At most one live grant per (account, entitlement) (SPEC §1).
CREATE UNIQUE INDEX "Grant_live_key" ON "Grant"("accountId", "entitlementId") WHERE "revokedAt" IS NULL;

-- A person is assigned to a task at most once at a time; after being reassigned away
-- they may be assigned again (a new row).
CREATE UNIQUE INDEX "TaskAssignee_active_key" ON "TaskAssignee"("taskId", "userId") WHERE "active";

-- An APPROVAL step names who approves; the PROVISION step does not.
ALTER TABLE "PolicyStep" ADD CONSTRAINT "PolicyStep_approver_check"
  CHECK (("kind" = 'APPROVAL') = ("approverKind" IS NOT NULL));

-- Events are append-only (SPEC §1): never updated, never deleted — except together with
-- their whole organization.
CREATE FUNCTION "lantern_event_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    RAISE EXCEPTION 'Events are append-only: they cannot be updated';
  END IF;
  IF EXISTS (SELECT 1 FROM "Organization" WHERE "id" = OLD."organizationId") THEN
    RAISE EXCEPTION 'Events are append-only: they are deleted only with their organization';
  END IF;
  RETURN OLD;
END $$;
CREATE TRIGGER "Event_append_only" BEFORE UPDATE OR DELETE ON "Event"
  FOR EACH ROW EXECUTE FUNCTION "lantern_event_append_only"();
