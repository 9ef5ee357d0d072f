-- CreateEnum
CREATE TYPE "InspectionViolation" AS ENUM ('OUTSOURCING', 'ASSESSMENT_IRREGULARITY', 'RECORDS', 'OTHER');

-- CreateEnum
CREATE TYPE "ViolationSeverity" AS ENUM ('MINOR', 'SERIOUS', 'GRAVE');

-- CreateEnum
CREATE TYPE "ViolationDelivery" AS ENUM ('NONE', 'PENDING', 'DELIVERED');

-- AlterTable
ALTER TABLE "AssessmentSession" ADD COLUMN     "requestKey" TEXT;

-- CreateTable
CREATE TABLE "Inspection" (
    "id" TEXT NOT NULL,
    "planId" TEXT NOT NULL,
    "sessionId" TEXT,
    "agencyId" TEXT NOT NULL,
    "regionCode" TEXT NOT NULL,
    "findings" TEXT NOT NULL,
    "actualOperator" TEXT,
    "violationType" "InspectionViolation",
    "severity" "ViolationSeverity",
    "deadline" TIMESTAMP(3),
    "violationStatus" "ViolationDelivery" NOT NULL DEFAULT 'NONE',
    "violationId" TEXT,
    "deliveryAttempts" INTEGER NOT NULL DEFAULT 0,
    "lastDeliveryError" TEXT,
    "recordedBy" TEXT NOT NULL,
    "recordedAs" TEXT NOT NULL,
    "recordedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "requestKey" TEXT,

    CONSTRAINT "Inspection_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Inspection_planId_idx" ON "Inspection"("planId");

-- CreateIndex
CREATE INDEX "Inspection_regionCode_recordedAt_idx" ON "Inspection"("regionCode", "recordedAt");

-- CreateIndex
CREATE INDEX "Inspection_violationStatus_idx" ON "Inspection"("violationStatus");

-- CreateIndex
CREATE UNIQUE INDEX "Inspection_recordedBy_requestKey_key" ON "Inspection"("recordedBy", "requestKey");

-- CreateIndex
CREATE UNIQUE INDEX "AssessmentSession_planId_requestKey_key" ON "AssessmentSession"("planId", "requestKey");

-- AddForeignKey
ALTER TABLE "Inspection" ADD CONSTRAINT "Inspection_planId_fkey" FOREIGN KEY ("planId") REFERENCES "AssessmentPlan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Inspection" ADD CONSTRAINT "Inspection_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "AssessmentSession"("id") ON DELETE SET NULL ON UPDATE CASCADE;
