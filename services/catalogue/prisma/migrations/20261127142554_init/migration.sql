-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateTable
CREATE TABLE "Occupation" (
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "category" INTEGER NOT NULL,
    "skillType" BOOLEAN NOT NULL,
    "levels" INTEGER[],
    "standard" TEXT,
    "sources" TEXT[],
    "verified" BOOLEAN NOT NULL DEFAULT false,
    "note" TEXT,
    "version" TEXT NOT NULL,
    "pinyin" TEXT NOT NULL,
    "pinyinInitials" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Occupation_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "SpecialAbilityProject" (
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "industry" TEXT,
    "regionCode" TEXT,
    "description" TEXT,
    "sources" TEXT[],
    "verified" BOOLEAN NOT NULL DEFAULT false,
    "note" TEXT,
    "version" TEXT NOT NULL,
    "pinyin" TEXT NOT NULL,
    "pinyinInitials" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SpecialAbilityProject_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "Major" (
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "educationLevel" TEXT NOT NULL,
    "verified" BOOLEAN NOT NULL DEFAULT false,
    "note" TEXT,
    "version" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Major_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "MajorOccupation" (
    "majorCode" TEXT NOT NULL,
    "occupationCode" TEXT NOT NULL,

    CONSTRAINT "MajorOccupation_pkey" PRIMARY KEY ("majorCode","occupationCode")
);

-- CreateTable
CREATE TABLE "CatalogueImport" (
    "id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "version" TEXT NOT NULL,
    "checksum" TEXT NOT NULL,
    "rowCount" INTEGER NOT NULL,
    "created" INTEGER NOT NULL,
    "updated" INTEGER NOT NULL,
    "unchanged" INTEGER NOT NULL,
    "importedBy" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CatalogueImport_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Occupation_category_idx" ON "Occupation"("category");

-- CreateIndex
CREATE INDEX "Occupation_pinyinInitials_idx" ON "Occupation"("pinyinInitials");

-- CreateIndex
CREATE INDEX "MajorOccupation_occupationCode_idx" ON "MajorOccupation"("occupationCode");

-- CreateIndex
CREATE INDEX "CatalogueImport_kind_createdAt_idx" ON "CatalogueImport"("kind", "createdAt");

-- AddForeignKey
ALTER TABLE "MajorOccupation" ADD CONSTRAINT "MajorOccupation_majorCode_fkey" FOREIGN KEY ("majorCode") REFERENCES "Major"("code") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MajorOccupation" ADD CONSTRAINT "MajorOccupation_occupationCode_fkey" FOREIGN KEY ("occupationCode") REFERENCES "Occupation"("code") ON DELETE RESTRICT ON UPDATE CASCADE;
