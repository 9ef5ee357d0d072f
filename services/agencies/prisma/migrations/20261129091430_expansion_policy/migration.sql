-- CreateTable
CREATE TABLE "ExpansionPolicy" (
    "cityCode" TEXT NOT NULL,
    "minEvaluations" INTEGER NOT NULL,
    "setBy" TEXT NOT NULL,
    "setAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "reason" TEXT,

    CONSTRAINT "ExpansionPolicy_pkey" PRIMARY KEY ("cityCode")
);
