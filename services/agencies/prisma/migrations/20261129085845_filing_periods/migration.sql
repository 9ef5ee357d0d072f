-- CreateEnum
CREATE TYPE "FilingPeriodReason" AS ENUM ('INITIAL', 'RENEWAL');

-- CreateTable
CREATE TABLE "FilingPeriod" (
    "id" TEXT NOT NULL,
    "agencyId" TEXT NOT NULL,
    "validFrom" TIMESTAMP(3) NOT NULL,
    "validUntil" TIMESTAMP(3) NOT NULL,
    "reason" "FilingPeriodReason" NOT NULL,
    "filingId" TEXT,

    CONSTRAINT "FilingPeriod_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "FilingPeriod_agencyId_validFrom_idx" ON "FilingPeriod"("agencyId", "validFrom");

-- AddForeignKey
ALTER TABLE "FilingPeriod" ADD CONSTRAINT "FilingPeriod_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Backfill: every agency that was filed gets its first period from validFrom, and each renewal approved so far
-- (an AGENCY_RENEWED event) a period from its approval. A period ends where the next begins, the last at the
-- agency's validUntil. Before this migration only validUntil moved on renewal, so the approval time is the
-- best record of when a renewed period began.
INSERT INTO "FilingPeriod" ("id", "agencyId", "validFrom", "validUntil", "reason", "filingId")
SELECT gen_random_uuid()::text, p."agencyId", p."validFrom",
       COALESCE(lead(p."validFrom") OVER (PARTITION BY p."agencyId" ORDER BY p."validFrom"), a."validUntil"),
       p."reason", p."filingId"
FROM (
    SELECT "id" AS "agencyId", "validFrom", 'INITIAL'::"FilingPeriodReason" AS "reason", NULL::text AS "filingId"
    FROM "Agency"
    WHERE "validFrom" IS NOT NULL AND "validUntil" IS NOT NULL
    UNION ALL
    SELECT e."agencyId", e."at", 'RENEWAL'::"FilingPeriodReason", e."filingId"
    FROM "AgencyEvent" e
    JOIN "Agency" g ON g."id" = e."agencyId" AND g."validFrom" IS NOT NULL AND g."validUntil" IS NOT NULL
    WHERE e."type" = 'AGENCY_RENEWED'
) AS p
JOIN "Agency" a ON a."id" = p."agencyId";
