-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "CandidateCategory" AS ENUM ('STUDENT', 'VETERAN', 'MIGRANT_WORKER', 'RURAL_TALENT', 'PARTNER_EMPLOYEE', 'OTHER_SOCIAL');

-- CreateEnum
CREATE TYPE "SchoolType" AS ENUM ('SECONDARY_VOCATIONAL', 'TECHNICAL_SCHOOL', 'HIGHER_VOCATIONAL', 'JUNIOR_COLLEGE', 'VOCATIONAL_UNDERGRADUATE', 'UNDERGRADUATE');

-- CreateEnum
CREATE TYPE "AgencyKind" AS ENUM ('SKILL_LEVEL_AGENCY', 'APPRAISAL_AGENCY', 'THIRD_PARTY_ORGANISATION');

-- CreateEnum
CREATE TYPE "PlanKind" AS ENUM ('OCCUPATION', 'SPECIAL_ABILITY');

-- CreateEnum
CREATE TYPE "PlanStatus" AS ENUM ('OPEN', 'CLOSED', 'PUBLISHED', 'FINALIZED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "SessionKind" AS ENUM ('THEORY', 'PRACTICAL');

-- CreateEnum
CREATE TYPE "StaffRole" AS ENUM ('ASSESSOR', 'SUPERVISOR');

-- CreateEnum
CREATE TYPE "RegistrationStatus" AS ENUM ('REGISTERED', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "ScoreMark" AS ENUM ('PRESENT', 'ABSENT', 'CHEATING');

-- CreateEnum
CREATE TYPE "TheorySource" AS ENUM ('EXAM', 'COURSE_SUBSTITUTION');

-- CreateEnum
CREATE TYPE "ObjectionStatus" AS ENUM ('OPEN', 'UPHELD', 'DISMISSED');

-- CreateEnum
CREATE TYPE "ImportKind" AS ENUM ('ROSTER', 'SCORES');

-- CreateTable
CREATE TABLE "Candidate" (
    "id" TEXT NOT NULL,
    "category" "CandidateCategory" NOT NULL,
    "name" TEXT NOT NULL,
    "idNumber" TEXT NOT NULL,
    "phone" TEXT,
    "accountId" TEXT,
    "institutionCode" TEXT,
    "schoolType" "SchoolType",
    "majorCode" TEXT,
    "majorName" TEXT,
    "className" TEXT,
    "enrolmentYear" INTEGER,
    "graduationYear" INTEGER,
    "priorCertificates" JSONB NOT NULL DEFAULT '[]',
    "workYears" INTEGER,
    "regionCode" TEXT NOT NULL,
    "createdBy" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Candidate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AssessmentPlan" (
    "id" TEXT NOT NULL,
    "number" TEXT NOT NULL,
    "agencyId" TEXT NOT NULL,
    "agencyName" TEXT NOT NULL,
    "agencyKind" "AgencyKind" NOT NULL,
    "institutionCode" TEXT NOT NULL,
    "regionCode" TEXT NOT NULL,
    "kind" "PlanKind" NOT NULL,
    "occupationCode" TEXT NOT NULL,
    "level" INTEGER,
    "title" TEXT NOT NULL,
    "majorCodes" TEXT[],
    "standardCode" TEXT,
    "assessmentDate" TIMESTAMP(3) NOT NULL,
    "registrationClosesAt" TIMESTAMP(3) NOT NULL,
    "sites" TEXT[],
    "capacity" INTEGER NOT NULL,
    "registeredCount" INTEGER NOT NULL DEFAULT 0,
    "theoryPassMark" INTEGER NOT NULL DEFAULT 60,
    "practicalPassMark" INTEGER NOT NULL DEFAULT 60,
    "allowCourseSubstitution" BOOLEAN NOT NULL DEFAULT false,
    "candidatesPerAssessor" INTEGER NOT NULL DEFAULT 5,
    "minAssessorsPerStation" INTEGER NOT NULL DEFAULT 3,
    "status" "PlanStatus" NOT NULL DEFAULT 'OPEN',
    "publishedAt" TIMESTAMP(3),
    "publicationEndsAt" TIMESTAMP(3),
    "finalizedAt" TIMESTAMP(3),
    "createdBy" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "requestKey" TEXT,

    CONSTRAINT "AssessmentPlan_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AssessmentSession" (
    "id" TEXT NOT NULL,
    "planId" TEXT NOT NULL,
    "kind" "SessionKind" NOT NULL,
    "name" TEXT NOT NULL,
    "site" TEXT NOT NULL,
    "startsAt" TIMESTAMP(3) NOT NULL,
    "endsAt" TIMESTAMP(3) NOT NULL,
    "ownOperation" BOOLEAN NOT NULL DEFAULT true,
    "operatorName" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AssessmentSession_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SessionStaff" (
    "id" TEXT NOT NULL,
    "sessionId" TEXT NOT NULL,
    "role" "StaffRole" NOT NULL,
    "name" TEXT NOT NULL,
    "idNumber" TEXT NOT NULL,
    "assessorId" TEXT,
    "conflicts" JSONB NOT NULL DEFAULT '[]',
    "assignedBy" TEXT,
    "assignedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SessionStaff_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Registration" (
    "id" TEXT NOT NULL,
    "planId" TEXT NOT NULL,
    "candidateId" TEXT NOT NULL,
    "status" "RegistrationStatus" NOT NULL DEFAULT 'REGISTERED',
    "createdBy" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Registration_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Score" (
    "registrationId" TEXT NOT NULL,
    "theory" DECIMAL(5,1),
    "theoryMark" "ScoreMark" NOT NULL DEFAULT 'PRESENT',
    "theorySource" "TheorySource" NOT NULL DEFAULT 'EXAM',
    "courseRecordId" TEXT,
    "practical" DECIMAL(5,1),
    "practicalMark" "ScoreMark" NOT NULL DEFAULT 'PRESENT',
    "updatedBy" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Score_pkey" PRIMARY KEY ("registrationId")
);

-- CreateTable
CREATE TABLE "CourseRecord" (
    "id" TEXT NOT NULL,
    "candidateId" TEXT NOT NULL,
    "majorCode" TEXT NOT NULL,
    "courseName" TEXT NOT NULL,
    "term" TEXT NOT NULL,
    "score" DECIMAL(5,1) NOT NULL,
    "source" TEXT NOT NULL,
    "attestedBy" TEXT NOT NULL,
    "createdBy" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CourseRecord_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ScoreChange" (
    "id" TEXT NOT NULL,
    "registrationId" TEXT NOT NULL,
    "planId" TEXT NOT NULL,
    "field" TEXT NOT NULL,
    "oldValue" TEXT,
    "newValue" TEXT,
    "actorId" TEXT,
    "reason" TEXT NOT NULL,
    "via" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ScoreChange_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Objection" (
    "id" TEXT NOT NULL,
    "registrationId" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "status" "ObjectionStatus" NOT NULL DEFAULT 'OPEN',
    "raisedBy" TEXT,
    "raisedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decision" TEXT,
    "decidedBy" TEXT,
    "decidedAt" TIMESTAMP(3),
    "requestKey" TEXT,

    CONSTRAINT "Objection_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FinalResult" (
    "id" TEXT NOT NULL,
    "registrationId" TEXT NOT NULL,
    "planId" TEXT NOT NULL,
    "agencyId" TEXT NOT NULL,
    "candidateId" TEXT NOT NULL,
    "kind" "PlanKind" NOT NULL,
    "occupationCode" TEXT NOT NULL,
    "level" INTEGER,
    "theory" DECIMAL(5,1),
    "practical" DECIMAL(5,1),
    "passed" BOOLEAN NOT NULL,
    "finalizedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FinalResult_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ImportBatch" (
    "id" TEXT NOT NULL,
    "planId" TEXT,
    "kind" "ImportKind" NOT NULL,
    "fileName" TEXT NOT NULL,
    "rows" INTEGER NOT NULL,
    "actorId" TEXT,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ImportBatch_pkey" PRIMARY KEY ("id")
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

-- CreateTable
CREATE TABLE "Counter" (
    "scope" TEXT NOT NULL,
    "value" INTEGER NOT NULL,

    CONSTRAINT "Counter_pkey" PRIMARY KEY ("scope")
);

-- CreateIndex
CREATE UNIQUE INDEX "Candidate_idNumber_key" ON "Candidate"("idNumber");

-- CreateIndex
CREATE UNIQUE INDEX "Candidate_accountId_key" ON "Candidate"("accountId");

-- CreateIndex
CREATE INDEX "Candidate_institutionCode_idx" ON "Candidate"("institutionCode");

-- CreateIndex
CREATE INDEX "Candidate_regionCode_idx" ON "Candidate"("regionCode");

-- CreateIndex
CREATE UNIQUE INDEX "AssessmentPlan_number_key" ON "AssessmentPlan"("number");

-- CreateIndex
CREATE INDEX "AssessmentPlan_agencyId_idx" ON "AssessmentPlan"("agencyId");

-- CreateIndex
CREATE INDEX "AssessmentPlan_regionCode_status_idx" ON "AssessmentPlan"("regionCode", "status");

-- CreateIndex
CREATE INDEX "AssessmentPlan_status_assessmentDate_idx" ON "AssessmentPlan"("status", "assessmentDate");

-- CreateIndex
CREATE UNIQUE INDEX "AssessmentPlan_institutionCode_requestKey_key" ON "AssessmentPlan"("institutionCode", "requestKey");

-- CreateIndex
CREATE INDEX "AssessmentSession_planId_idx" ON "AssessmentSession"("planId");

-- CreateIndex
CREATE UNIQUE INDEX "SessionStaff_sessionId_idNumber_key" ON "SessionStaff"("sessionId", "idNumber");

-- CreateIndex
CREATE INDEX "Registration_candidateId_idx" ON "Registration"("candidateId");

-- CreateIndex
CREATE UNIQUE INDEX "Registration_planId_candidateId_key" ON "Registration"("planId", "candidateId");

-- CreateIndex
CREATE UNIQUE INDEX "CourseRecord_candidateId_majorCode_courseName_term_key" ON "CourseRecord"("candidateId", "majorCode", "courseName", "term");

-- CreateIndex
CREATE INDEX "ScoreChange_registrationId_at_idx" ON "ScoreChange"("registrationId", "at");

-- CreateIndex
CREATE INDEX "ScoreChange_planId_at_idx" ON "ScoreChange"("planId", "at");

-- CreateIndex
CREATE INDEX "Objection_registrationId_status_idx" ON "Objection"("registrationId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "Objection_registrationId_requestKey_key" ON "Objection"("registrationId", "requestKey");

-- CreateIndex
CREATE UNIQUE INDEX "FinalResult_registrationId_key" ON "FinalResult"("registrationId");

-- CreateIndex
CREATE INDEX "FinalResult_agencyId_finalizedAt_idx" ON "FinalResult"("agencyId", "finalizedAt");

-- CreateIndex
CREATE INDEX "FinalResult_candidateId_idx" ON "FinalResult"("candidateId");

-- CreateIndex
CREATE INDEX "AuditLog_action_at_idx" ON "AuditLog"("action", "at");

-- AddForeignKey
ALTER TABLE "AssessmentSession" ADD CONSTRAINT "AssessmentSession_planId_fkey" FOREIGN KEY ("planId") REFERENCES "AssessmentPlan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SessionStaff" ADD CONSTRAINT "SessionStaff_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "AssessmentSession"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Registration" ADD CONSTRAINT "Registration_planId_fkey" FOREIGN KEY ("planId") REFERENCES "AssessmentPlan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Registration" ADD CONSTRAINT "Registration_candidateId_fkey" FOREIGN KEY ("candidateId") REFERENCES "Candidate"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Score" ADD CONSTRAINT "Score_registrationId_fkey" FOREIGN KEY ("registrationId") REFERENCES "Registration"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CourseRecord" ADD CONSTRAINT "CourseRecord_candidateId_fkey" FOREIGN KEY ("candidateId") REFERENCES "Candidate"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Objection" ADD CONSTRAINT "Objection_registrationId_fkey" FOREIGN KEY ("registrationId") REFERENCES "Registration"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FinalResult" ADD CONSTRAINT "FinalResult_registrationId_fkey" FOREIGN KEY ("registrationId") REFERENCES "Registration"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
