-- Written by hand (PostgreSQL only): the data version readers key their per-version caches
-- on (Reader.dataVersion; on SQLite, PRAGMA data_version). One row, whose counter every
-- write transaction bumps (lib/db/postgres/write-trial.ts): it moves exactly when an
-- import commits, on every instance reading the database, and a REPEATABLE READ snapshot
-- reads the count of the writes it sees. (max(TrialVersion) would miss a re-import that
-- adds no version but rewrites rows, e.g. the same facts from a file of another name.)
CREATE TABLE "registry_version" (
    "one" BOOLEAN PRIMARY KEY DEFAULT true CHECK ("one"),
    "n" BIGINT NOT NULL
);

INSERT INTO "registry_version" ("one", "n") VALUES (true, 0);
