-- AlterTable
ALTER TABLE "Filing" ADD COLUMN     "studentServiceJudgement" TEXT;
