-- Written by hand (PostgreSQL only): the full-text index, the counterpart of SQLite's FTS5
-- table trial_fts (lib/db/search-index.ts), which Prisma cannot describe. One row per
-- trial, written by the importer in the trial's own transaction (lib/db/postgres/fts.ts
-- builds the vector: the same tokens as FTS5's unicode61 tokenizer, each field weighted
-- by its tier in lib/record/search-fields.ts: A title and identifiers, B conditions, arms,
-- sponsor, C criteria and prose), gone with the trial (ON DELETE CASCADE). `rowid` is the
-- integer key search results are joined on, as the Trial rowid is on SQLite.
CREATE TABLE "trial_fts" (
    "rowid" INTEGER GENERATED ALWAYS AS IDENTITY NOT NULL,
    "trial_id" TEXT NOT NULL,
    "document" TSVECTOR NOT NULL,

    CONSTRAINT "trial_fts_pkey" PRIMARY KEY ("trial_id"),
    CONSTRAINT "trial_fts_trial_id_fkey" FOREIGN KEY ("trial_id") REFERENCES "Trial"("id") ON DELETE CASCADE ON UPDATE CASCADE
);

CREATE UNIQUE INDEX "trial_fts_rowid_key" ON "trial_fts"("rowid");
CREATE INDEX "trial_fts_document_idx" ON "trial_fts" USING GIN ("document");
