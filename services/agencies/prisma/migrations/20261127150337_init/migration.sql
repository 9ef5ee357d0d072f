-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateTable
CREATE TABLE "Region" (
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "parentCode" TEXT,

    CONSTRAINT "Region_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "Institution" (
    "creditCode" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "schoolType" TEXT NOT NULL,
    "regionCode" TEXT NOT NULL,
    "demo" BOOLEAN NOT NULL DEFAULT false,
    "majors" TEXT[],
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Institution_pkey" PRIMARY KEY ("creditCode")
);

-- CreateTable
CREATE TABLE "Agency" (
    "id" TEXT NOT NULL,
    "institutionCode" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "regionCode" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'APPLYING',
    "filingNumber" TEXT,
    "validFrom" TIMESTAMP(3),
    "validUntil" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Agency_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ScopeItem" (
    "agencyId" TEXT NOT NULL,
    "occupationCode" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "levels" INTEGER[],
    "addedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ScopeItem_pkey" PRIMARY KEY ("agencyId","occupationCode")
);

-- CreateTable
CREATE TABLE "Filing" (
    "id" TEXT NOT NULL,
    "agencyId" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "requestedScope" JSONB NOT NULL,
    "regionCode" TEXT NOT NULL,
    "countyOpinion" TEXT,
    "countyAgrees" BOOLEAN,
    "decisionReason" TEXT,
    "submittedBy" TEXT NOT NULL,
    "submittedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decidedAt" TIMESTAMP(3),
    "requestKey" TEXT,

    CONSTRAINT "Filing_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AgencyEvent" (
    "id" TEXT NOT NULL,
    "agencyId" TEXT NOT NULL,
    "filingId" TEXT,
    "type" TEXT NOT NULL,
    "fromStatus" TEXT,
    "toStatus" TEXT,
    "actorId" TEXT,
    "actorRole" TEXT,
    "reason" TEXT,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AgencyEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Assessor" (
    "id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "idNumber" TEXT NOT NULL,
    "phone" TEXT,
    "agencyId" TEXT,
    "qualifications" JSONB NOT NULL,
    "conflicts" JSONB NOT NULL DEFAULT '[]',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Assessor_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Violation" (
    "id" TEXT NOT NULL,
    "agencyId" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "severity" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "foundAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "foundBy" TEXT NOT NULL,
    "deadline" TIMESTAMP(3) NOT NULL,
    "closedAt" TIMESTAMP(3),
    "closedBy" TEXT,
    "closingNote" TEXT,
    "consequence" TEXT NOT NULL DEFAULT 'NONE',

    CONSTRAINT "Violation_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Region_parentCode_idx" ON "Region"("parentCode");

-- CreateIndex
CREATE INDEX "Institution_regionCode_idx" ON "Institution"("regionCode");

-- CreateIndex
CREATE UNIQUE INDEX "Agency_filingNumber_key" ON "Agency"("filingNumber");

-- CreateIndex
CREATE INDEX "Agency_regionCode_status_idx" ON "Agency"("regionCode", "status");

-- CreateIndex
CREATE UNIQUE INDEX "Agency_institutionCode_kind_key" ON "Agency"("institutionCode", "kind");

-- CreateIndex
CREATE INDEX "ScopeItem_occupationCode_idx" ON "ScopeItem"("occupationCode");

-- CreateIndex
CREATE UNIQUE INDEX "Filing_requestKey_key" ON "Filing"("requestKey");

-- CreateIndex
CREATE INDEX "Filing_regionCode_status_idx" ON "Filing"("regionCode", "status");

-- CreateIndex
CREATE INDEX "Filing_agencyId_idx" ON "Filing"("agencyId");

-- CreateIndex
CREATE INDEX "AgencyEvent_agencyId_at_idx" ON "AgencyEvent"("agencyId", "at");

-- CreateIndex
CREATE UNIQUE INDEX "Assessor_kind_idNumber_key" ON "Assessor"("kind", "idNumber");

-- CreateIndex
CREATE INDEX "Violation_agencyId_closedAt_idx" ON "Violation"("agencyId", "closedAt");

-- AddForeignKey
ALTER TABLE "Agency" ADD CONSTRAINT "Agency_institutionCode_fkey" FOREIGN KEY ("institutionCode") REFERENCES "Institution"("creditCode") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScopeItem" ADD CONSTRAINT "ScopeItem_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Filing" ADD CONSTRAINT "Filing_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AgencyEvent" ADD CONSTRAINT "AgencyEvent_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Assessor" ADD CONSTRAINT "Assessor_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Violation" ADD CONSTRAINT "Violation_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency"("id") ON DELETE CASCADE ON UPDATE CASCADE;
