-- AlterEnum
ALTER TYPE "AgencyEventType" ADD VALUE 'CASE_RECORDED';

-- AlterTable
ALTER TABLE "Agency" ADD COLUMN     "designatedUnit" TEXT,
ADD COLUMN     "managementRules" TEXT,
ADD COLUMN     "noOutsourcingCommittedAt" TIMESTAMP(3),
ADD COLUMN     "noOutsourcingCommittedBy" TEXT;

-- CreateTable
CREATE TABLE "AccountabilityCase" (
    "id" TEXT NOT NULL,
    "agencyId" TEXT NOT NULL,
    "problem" TEXT NOT NULL,
    "responsibility" TEXT NOT NULL,
    "measures" TEXT NOT NULL,
    "occurredOn" TIMESTAMP(3) NOT NULL,
    "recordedBy" TEXT NOT NULL,
    "recordedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "requestKey" TEXT,

    CONSTRAINT "AccountabilityCase_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "AccountabilityCase_agencyId_recordedAt_idx" ON "AccountabilityCase"("agencyId", "recordedAt");

-- CreateIndex
CREATE UNIQUE INDEX "AccountabilityCase_agencyId_requestKey_key" ON "AccountabilityCase"("agencyId", "requestKey");

-- AddForeignKey
ALTER TABLE "AccountabilityCase" ADD CONSTRAINT "AccountabilityCase_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency"("id") ON DELETE CASCADE ON UPDATE CASCADE;
