-- DropForeignKey
ALTER TABLE "ReviewAssignment" DROP CONSTRAINT "ReviewAssignment_campaignId_fkey";

-- DropForeignKey
ALTER TABLE "ReviewAssignment" DROP CONSTRAINT "ReviewAssignment_itemId_fkey";

-- DropForeignKey
ALTER TABLE "ReviewAssignment" DROP CONSTRAINT "ReviewAssignment_organizationId_fkey";

-- DropForeignKey
ALTER TABLE "ReviewAssignment" DROP CONSTRAINT "ReviewAssignment_userId_fkey";

-- DropForeignKey
ALTER TABLE "ReviewItem" DROP CONSTRAINT "ReviewItem_campaignId_fkey";

-- DropForeignKey
ALTER TABLE "ReviewItem" DROP CONSTRAINT "ReviewItem_grantId_fkey";

-- DropForeignKey
ALTER TABLE "ReviewItem" DROP CONSTRAINT "ReviewItem_organizationId_fkey";

-- DropForeignKey
ALTER TABLE "ReviewItem" DROP CONSTRAINT "ReviewItem_revokeRequestId_fkey";

-- DropIndex
DROP INDEX "ReviewItem_grantId_idx";

-- Items and assignments have no foreign keys (a key is a look-up per row written; a start
-- writes a million): deleting campaigns — directly, or through their organization's cascade —
-- deletes their items and assignments here, one statement per deleting statement.
CREATE FUNCTION review_campaign_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "ReviewAssignment" WHERE "campaignId" IN (SELECT id FROM gone);
  DELETE FROM "ReviewItem" WHERE "campaignId" IN (SELECT id FROM gone);
  RETURN NULL;
END
$$;

CREATE TRIGGER review_campaign_deleted
  AFTER DELETE ON "ReviewCampaign"
  REFERENCING OLD TABLE AS gone
  FOR EACH STATEMENT EXECUTE FUNCTION review_campaign_deleted();
