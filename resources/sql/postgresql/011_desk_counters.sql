-- DermDesk schema, version 11, on PostgreSQL: the change counter is spread over 1,024 slots, one per connection
-- (its backend's process id modulo 1,024), and the change stamp is their sum. With one row, every writing desk held
-- that row's lock from its first write to its commit, so desks took turns even when they booked for different
-- people; now they wait on each other only when their connections share a slot. The sum still moves with the
-- transaction: a desk never sees a value whose changes it cannot read yet.
--
-- The triggers also count the writes of the transaction in the setting dermdesk.writes (local to the transaction),
-- so that a desk knows by how much its own commit moves the stamp, and never takes another desk's commit for its own.

ALTER TABLE dermdesk_change ADD COLUMN slot integer NOT NULL DEFAULT 0;
ALTER TABLE dermdesk_change ADD PRIMARY KEY (slot);
ALTER TABLE dermdesk_change ALTER COLUMN slot DROP DEFAULT;
INSERT INTO dermdesk_change (slot, n) SELECT s, 0 FROM generate_series(1, 1023) AS s;

CREATE OR REPLACE FUNCTION dermdesk_notify_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE dermdesk_change SET n = n + 1 WHERE slot = pg_backend_pid() % 1024;
    PERFORM set_config('dermdesk.writes',
                       (coalesce(nullif(current_setting('dermdesk.writes', true), ''), '0')::bigint + 1)::text, true);
    PERFORM pg_notify('dermdesk_changes', '');
    RETURN NULL;
END;
$$;
