-- DropIndex
DROP INDEX "ReviewItem_campaignId_state_idx";

-- DropIndex
DROP INDEX "ReviewItem_revokeRequestId_idx";
