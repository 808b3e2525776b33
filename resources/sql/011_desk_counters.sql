-- DermDesk schema, version 11. A clinic file has nothing to change: SQLite counts changes itself (data_version). On a
-- clinic server this version spreads the change counter over slots so that desks writing at once do not wait on one
-- row (resources/sql/postgresql/011_desk_counters.sql); the number stays the same on both engines.
SELECT 1;
