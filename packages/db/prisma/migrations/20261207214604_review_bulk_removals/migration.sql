-- AlterTable
ALTER TABLE "ReviewItem" ADD COLUMN     "removalProblem" TEXT;

-- The queue of a bulk Revoke's removals (QUEUES.reviewRemovals), made here so that the first
-- bulk Revoke can enqueue its job before any worker has started.
SELECT pgboss.create_queue('lantern-review-removals', '{"policy":"standard","retryLimit":5,"retryDelay":30,"retryBackoff":true,"expireInSeconds":600}'::json)
WHERE NOT EXISTS (SELECT 1 FROM pgboss.queue WHERE name = 'lantern-review-removals');
