-- AlterTable
ALTER TABLE "Violation" ADD COLUMN     "sourceRef" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "Violation_sourceRef_key" ON "Violation"("sourceRef");
