-- CreateEnum
CREATE TYPE "ComplaintStatus" AS ENUM ('OPEN', 'HANDLED');

-- AlterEnum
ALTER TYPE "AgencyEventType" ADD VALUE 'FINDING_RECORDED';

-- CreateTable
CREATE TABLE "SupervisionFinding" (
    "id" TEXT NOT NULL,
    "agencyId" TEXT NOT NULL,
    "finding" TEXT NOT NULL,
    "recordedBy" TEXT NOT NULL,
    "recordedAs" TEXT NOT NULL,
    "recordedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "requestKey" TEXT,

    CONSTRAINT "SupervisionFinding_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Complaint" (
    "id" TEXT NOT NULL,
    "agencyId" TEXT NOT NULL,
    "regionCode" TEXT NOT NULL,
    "content" TEXT NOT NULL,
    "contact" TEXT,
    "submittedBy" TEXT,
    "submittedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "status" "ComplaintStatus" NOT NULL DEFAULT 'OPEN',
    "handledBy" TEXT,
    "handledAt" TIMESTAMP(3),
    "handlingNote" TEXT,

    CONSTRAINT "Complaint_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "SupervisionFinding_agencyId_recordedAt_idx" ON "SupervisionFinding"("agencyId", "recordedAt");

-- CreateIndex
CREATE UNIQUE INDEX "SupervisionFinding_agencyId_requestKey_key" ON "SupervisionFinding"("agencyId", "requestKey");

-- CreateIndex
CREATE INDEX "Complaint_regionCode_status_submittedAt_idx" ON "Complaint"("regionCode", "status", "submittedAt");

-- CreateIndex
CREATE INDEX "Complaint_agencyId_submittedAt_idx" ON "Complaint"("agencyId", "submittedAt");

-- AddForeignKey
ALTER TABLE "SupervisionFinding" ADD CONSTRAINT "SupervisionFinding_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Complaint" ADD CONSTRAINT "Complaint_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency"("id") ON DELETE CASCADE ON UPDATE CASCADE;
