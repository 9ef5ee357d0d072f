-- CreateTable
CREATE TABLE "Counter" (
    "scope" TEXT NOT NULL,
    "value" INTEGER NOT NULL,

    CONSTRAINT "Counter_pkey" PRIMARY KEY ("scope")
);

-- Continue each city's and year's filing numbers after those already given (they used to be counted).
INSERT INTO "Counter" ("scope", "value")
SELECT 'filing-number:' || m[1] || ':' || m[2], max(m[3]::integer)
FROM (
    SELECT regexp_match("filingNumber", '^FJ-(\d{6})-(\d{4})-(\d+)$') AS m
    FROM "Agency"
    WHERE "filingNumber" IS NOT NULL
) AS numbered
WHERE m IS NOT NULL
GROUP BY m[1], m[2];
