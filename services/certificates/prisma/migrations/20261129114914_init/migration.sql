-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "CertificateKind" AS ENUM ('VOCATIONAL_QUALIFICATION', 'SKILL_LEVEL', 'SPECIAL_ABILITY');

-- CreateEnum
CREATE TYPE "CertificateStatus" AS ENUM ('VALID', 'REVOKED');

-- CreateEnum
CREATE TYPE "IssuerKind" AS ENUM ('AGENCY', 'HR_BUREAU', 'NAMED_DEPARTMENT');

-- CreateEnum
CREATE TYPE "RevocationStatus" AS ENUM ('PENDING', 'APPROVED', 'REJECTED');

-- CreateEnum
CREATE TYPE "CertificateEventType" AS ENUM ('ISSUED', 'REVOCATION_REQUESTED', 'REVOCATION_REJECTED', 'REVOKED');

-- CreateTable
CREATE TABLE "Issuer" (
    "id" TEXT NOT NULL,
    "kind" "IssuerKind" NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "regionCode" TEXT NOT NULL,
    "agencyId" TEXT,
    "institutionCode" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Issuer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Certificate" (
    "number" TEXT NOT NULL,
    "kind" "CertificateKind" NOT NULL,
    "status" "CertificateStatus" NOT NULL DEFAULT 'VALID',
    "holderName" TEXT NOT NULL,
    "idNumber" TEXT NOT NULL,
    "candidateId" TEXT,
    "holderAccountId" TEXT,
    "holderInstitutionCode" TEXT,
    "holderGraduationYear" INTEGER,
    "occupationCode" TEXT NOT NULL,
    "level" INTEGER,
    "issuerId" TEXT NOT NULL,
    "issuerName" TEXT NOT NULL,
    "agencyId" TEXT,
    "agencyName" TEXT,
    "institutionCode" TEXT,
    "regionCode" TEXT NOT NULL,
    "resultId" TEXT,
    "planId" TEXT,
    "theory" DECIMAL(5,1),
    "practical" DECIMAL(5,1),
    "assessedOn" TIMESTAMP(3),
    "issuedAt" TIMESTAMP(3) NOT NULL,
    "issuedBy" TEXT,
    "batchId" TEXT,
    "revokedAt" TIMESTAMP(3),
    "revokedBy" TEXT,
    "revocationReason" TEXT,

    CONSTRAINT "Certificate_pkey" PRIMARY KEY ("number")
);

-- CreateTable
CREATE TABLE "IssuanceBatch" (
    "id" TEXT NOT NULL,
    "actorId" TEXT NOT NULL,
    "requestKey" TEXT NOT NULL,
    "requested" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "IssuanceBatch_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CertificateEvent" (
    "id" TEXT NOT NULL,
    "certificateNumber" TEXT NOT NULL,
    "type" "CertificateEventType" NOT NULL,
    "actorId" TEXT,
    "reason" TEXT,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CertificateEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RevocationRequest" (
    "id" TEXT NOT NULL,
    "certificateNumber" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "status" "RevocationStatus" NOT NULL DEFAULT 'PENDING',
    "requestedBy" TEXT NOT NULL,
    "requestedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decidedBy" TEXT,
    "decidedAt" TIMESTAMP(3),
    "decision" TEXT,

    CONSTRAINT "RevocationRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Counter" (
    "scope" TEXT NOT NULL,
    "value" INTEGER NOT NULL,

    CONSTRAINT "Counter_pkey" PRIMARY KEY ("scope")
);

-- CreateTable
CREATE TABLE "AuditLog" (
    "id" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" TEXT,
    "action" TEXT NOT NULL,
    "subject" TEXT,
    "reason" TEXT,

    CONSTRAINT "AuditLog_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Issuer_code_key" ON "Issuer"("code");

-- CreateIndex
CREATE UNIQUE INDEX "Issuer_agencyId_key" ON "Issuer"("agencyId");

-- CreateIndex
CREATE UNIQUE INDEX "Certificate_resultId_key" ON "Certificate"("resultId");

-- CreateIndex
CREATE INDEX "Certificate_holderAccountId_idx" ON "Certificate"("holderAccountId");

-- CreateIndex
CREATE INDEX "Certificate_idNumber_idx" ON "Certificate"("idNumber");

-- CreateIndex
CREATE INDEX "Certificate_institutionCode_issuedAt_idx" ON "Certificate"("institutionCode", "issuedAt");

-- CreateIndex
CREATE INDEX "Certificate_regionCode_issuedAt_idx" ON "Certificate"("regionCode", "issuedAt");

-- CreateIndex
CREATE INDEX "Certificate_holderInstitutionCode_holderGraduationYear_idx" ON "Certificate"("holderInstitutionCode", "holderGraduationYear");

-- CreateIndex
CREATE UNIQUE INDEX "IssuanceBatch_actorId_requestKey_key" ON "IssuanceBatch"("actorId", "requestKey");

-- CreateIndex
CREATE INDEX "CertificateEvent_certificateNumber_at_idx" ON "CertificateEvent"("certificateNumber", "at");

-- CreateIndex
CREATE INDEX "RevocationRequest_certificateNumber_status_idx" ON "RevocationRequest"("certificateNumber", "status");

-- CreateIndex
CREATE INDEX "AuditLog_action_at_idx" ON "AuditLog"("action", "at");

-- AddForeignKey
ALTER TABLE "Certificate" ADD CONSTRAINT "Certificate_issuerId_fkey" FOREIGN KEY ("issuerId") REFERENCES "Issuer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Certificate" ADD CONSTRAINT "Certificate_batchId_fkey" FOREIGN KEY ("batchId") REFERENCES "IssuanceBatch"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CertificateEvent" ADD CONSTRAINT "CertificateEvent_certificateNumber_fkey" FOREIGN KEY ("certificateNumber") REFERENCES "Certificate"("number") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RevocationRequest" ADD CONSTRAINT "RevocationRequest_certificateNumber_fkey" FOREIGN KEY ("certificateNumber") REFERENCES "Certificate"("number") ON DELETE RESTRICT ON UPDATE CASCADE;
