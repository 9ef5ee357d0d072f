-- AlterTable
ALTER TABLE "Certificate" ADD COLUMN     "statusList" TEXT,
ADD COLUMN     "statusListIndex" INTEGER;

-- CreateTable
CREATE TABLE "IssuerSigningKey" (
    "kid" TEXT NOT NULL,
    "issuerId" TEXT NOT NULL,
    "publicJwk" JSONB NOT NULL,
    "sealedKey" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "IssuerSigningKey_pkey" PRIMARY KEY ("kid")
);

-- CreateIndex
CREATE UNIQUE INDEX "IssuerSigningKey_issuerId_key" ON "IssuerSigningKey"("issuerId");

-- CreateIndex
CREATE UNIQUE INDEX "Certificate_statusList_statusListIndex_key" ON "Certificate"("statusList", "statusListIndex");
