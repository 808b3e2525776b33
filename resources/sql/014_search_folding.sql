-- DermDesk schema, version 14. A clinic file has nothing to change: FTS5 folds and splits words itself. On a clinic
-- server this version makes keeping the patient search index in step cheaper, with the same words stored
-- (resources/sql/postgresql/014_search_folding.sql); the number stays the same on both engines.
SELECT 1;
