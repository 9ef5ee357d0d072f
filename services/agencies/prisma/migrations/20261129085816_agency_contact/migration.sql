-- AlterEnum
ALTER TYPE "AgencyEventType" ADD VALUE 'CONTACT_UPDATED';

-- AlterTable
ALTER TABLE "Agency" ADD COLUMN     "address" TEXT,
ADD COLUMN     "contactPhone" TEXT;
