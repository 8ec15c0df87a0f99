-- AlterTable
ALTER TABLE "App" ADD COLUMN     "connectorKind" TEXT,
ADD COLUMN     "connectorSecrets" JSONB NOT NULL DEFAULT '{}',
ADD COLUMN     "connectorSettings" JSONB NOT NULL DEFAULT '{}';
