-- CreateEnum
CREATE TYPE "RegionKind" AS ENUM ('PROVINCE', 'CITY', 'COUNTY', 'FUNCTIONAL_ZONE');

-- CreateEnum
CREATE TYPE "SchoolType" AS ENUM ('SECONDARY_VOCATIONAL', 'TECHNICAL_SCHOOL', 'HIGHER_VOCATIONAL', 'JUNIOR_COLLEGE', 'VOCATIONAL_UNDERGRADUATE', 'UNDERGRADUATE');

-- CreateEnum
CREATE TYPE "AgencyKind" AS ENUM ('SKILL_LEVEL_AGENCY', 'APPRAISAL_AGENCY', 'THIRD_PARTY_ORGANISATION');

-- CreateEnum
CREATE TYPE "AgencyStatus" AS ENUM ('APPLYING', 'FILED', 'SUSPENDED', 'CANCELLED', 'EXPIRED');

-- CreateEnum
CREATE TYPE "ScopeItemKind" AS ENUM ('OCCUPATION', 'SPECIAL_ABILITY');

-- CreateEnum
CREATE TYPE "FilingKind" AS ENUM ('INITIAL', 'SCOPE_CHANGE', 'RENEWAL');

-- CreateEnum
CREATE TYPE "FilingStatus" AS ENUM ('SUBMITTED', 'COUNTY_REVIEWED', 'APPROVED', 'RETURNED', 'REJECTED', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "AgencyEventType" AS ENUM ('FILING_SUBMITTED', 'SCOPE_CHANGE_SUBMITTED', 'RENEWAL_SUBMITTED', 'FILING_COUNTY_OPINION', 'FILING_APPROVE', 'FILING_RETURN', 'FILING_REJECT', 'FILING_RESUBMIT', 'FILING_WITHDRAW', 'AGENCY_FILED', 'SCOPE_EXTENDED', 'AGENCY_RENEWED', 'AGENCY_EXPIRED', 'AGENCY_SUSPENDED', 'AGENCY_CANCELLED', 'AGENCY_RESTORED', 'VIOLATION_RECORDED', 'VIOLATION_CLOSED', 'ASSESSOR_REGISTERED', 'ASSESSOR_UPDATED');

-- CreateEnum
CREATE TYPE "AssessorKind" AS ENUM ('ASSESSOR', 'SUPERVISOR');

-- CreateEnum
CREATE TYPE "ViolationType" AS ENUM ('OUTSOURCING', 'RECORDS', 'ASSESSMENT_IRREGULARITY', 'CERTIFICATE_IRREGULARITY', 'OTHER');

-- CreateEnum
CREATE TYPE "ViolationSeverity" AS ENUM ('MINOR', 'SERIOUS', 'GRAVE');

-- CreateEnum
CREATE TYPE "ViolationConsequence" AS ENUM ('NONE', 'SUSPENSION', 'CANCELLATION');

-- Convert the columns in place (the diff of the schema engine drops and re-adds them, which would lose the data), and a value
-- outside its enum fails the migration rather than being lost. The indexes on these columns are rebuilt by the
-- type change itself.
ALTER TABLE "Region" ALTER COLUMN "kind" TYPE "RegionKind" USING ("kind"::"RegionKind");
ALTER TABLE "Institution" ALTER COLUMN "schoolType" TYPE "SchoolType" USING ("schoolType"::"SchoolType");
ALTER TABLE "Agency" ALTER COLUMN "kind" TYPE "AgencyKind" USING ("kind"::"AgencyKind");
ALTER TABLE "Agency" ALTER COLUMN "status" DROP DEFAULT;
ALTER TABLE "Agency" ALTER COLUMN "status" TYPE "AgencyStatus" USING ("status"::"AgencyStatus");
ALTER TABLE "Agency" ALTER COLUMN "status" SET DEFAULT 'APPLYING';
ALTER TABLE "ScopeItem" ALTER COLUMN "kind" TYPE "ScopeItemKind" USING ("kind"::"ScopeItemKind");
ALTER TABLE "Filing" ALTER COLUMN "type" TYPE "FilingKind" USING ("type"::"FilingKind");
ALTER TABLE "Filing" ALTER COLUMN "status" TYPE "FilingStatus" USING ("status"::"FilingStatus");
ALTER TABLE "AgencyEvent" ALTER COLUMN "type" TYPE "AgencyEventType" USING ("type"::"AgencyEventType");
ALTER TABLE "Assessor" ALTER COLUMN "kind" TYPE "AssessorKind" USING ("kind"::"AssessorKind");
ALTER TABLE "Violation" ALTER COLUMN "type" TYPE "ViolationType" USING ("type"::"ViolationType");
ALTER TABLE "Violation" ALTER COLUMN "severity" TYPE "ViolationSeverity" USING ("severity"::"ViolationSeverity");
ALTER TABLE "Violation" ALTER COLUMN "consequence" DROP DEFAULT;
ALTER TABLE "Violation" ALTER COLUMN "consequence" TYPE "ViolationConsequence" USING ("consequence"::"ViolationConsequence");
ALTER TABLE "Violation" ALTER COLUMN "consequence" SET DEFAULT 'NONE';
