-- DropIndex
DROP INDEX "Agency_institutionCode_kind_key";

-- CreateIndex
CREATE INDEX "Agency_institutionCode_kind_idx" ON "Agency"("institutionCode", "kind");

-- One live agency per college and kind (申请中, 已备案, 暂停): a college whose agency was cancelled (注销) or
-- lapsed (到期) may file a new one, which gets its own row, filing number and history, and the old row stays.
CREATE UNIQUE INDEX "Agency_one_live_per_institution_kind" ON "Agency"("institutionCode", "kind")
WHERE "status" NOT IN ('CANCELLED', 'EXPIRED');
