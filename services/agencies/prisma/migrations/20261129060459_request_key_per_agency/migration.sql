-- DropIndex
DROP INDEX "Filing_requestKey_key";

-- CreateIndex
CREATE UNIQUE INDEX "Filing_agencyId_requestKey_key" ON "Filing"("agencyId", "requestKey");
