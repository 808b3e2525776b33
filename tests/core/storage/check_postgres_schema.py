#!/usr/bin/env python3
"""Checks that the PostgreSQL migrations bring a database to the state the SQLite migrations bring a file to.

Usage: check_postgres_schema.py SOURCE_DIR

The server is the one DERMDESK_TEST_SERVER names (a postgresql:// URI of a role that may create databases, on
database "postgres"); the check works in a scratch database of its own and drops it. Each PostgreSQL script is
split into statements on ';' outside quotes, comments and dollar-quoted bodies (as the program splits it) and run
in one transaction. Then:
  - the same tables, with the same columns in the same order, the same NOT NULL and defaults (patient_search has
    its key `id` first and its GIN document `terms` last), the same views with the same columns, the same
    indexes and triggers by name (the overlap triggers are exclusion constraints of the same names);
  - the same rows in the tables the migrations fill (questions, rules, concerns, areas, downtimes, templates);
  - what the schema itself refuses or does: an overlapping appointment (SQLSTATE 23P01, the constraint named),
    a cancelled one that does not block, the booking trigger's plans kept per connection, the append-only audit log
    (the SQLite message), the change
    notification and stamp, the patient search index (accents, phone digits, email parts).
Exits 77 (skipped, said on stdout) when DERMDESK_TEST_SERVER is not set.
"""

import hashlib
import os
import re
import sqlite3
import subprocess
import sys
import urllib.parse

SEP = "\x1f"


def split_statements(script):
    """The statements of `script`: split on ';' outside quotes, comments and $tag$ bodies."""
    statements, current, i, n = [], [], 0, len(script)
    while i < n:
        if script.startswith("--", i):
            end = script.find("\n", i)
            i = n if end < 0 else end
            continue
        if script.startswith("/*", i):
            end = script.find("*/", i + 2)
            i = n if end < 0 else end + 2
            continue
        c = script[i]
        if c in "'\"":
            j = i + 1
            while j < n:
                if script[j] == c:
                    if j + 1 < n and script[j + 1] == c:
                        j += 2
                        continue
                    break
                j += 1
            current.append(script[i:j + 1])
            i = j + 1
            continue
        if c == "$":
            tag = re.match(r"\$([A-Za-z_][A-Za-z0-9_]*)?\$", script[i:])
            if tag:
                end = script.find(tag.group(0), i + len(tag.group(0)))
                end = n if end < 0 else end + len(tag.group(0))
                current.append(script[i:end])
                i = end
                continue
        if c == ";":
            statement = "".join(current).strip()
            if statement:
                statements.append(statement)
            current = []
            i += 1
            continue
        current.append(c)
        i += 1
    statement = "".join(current).strip()
    if statement:
        statements.append(statement)
    return statements


def with_database(uri, database):
    parts = urllib.parse.urlsplit(uri)
    return urllib.parse.urlunsplit((parts.scheme, parts.netloc, "/" + database, parts.query, parts.fragment))


class Server:
    def __init__(self, uri):
        self.uri = uri

    def run(self, *commands, check=True):
        args = ["psql", "-X", "-q", "-A", "-t", "-F", SEP, "-v", "ON_ERROR_STOP=1", "-d", self.uri]
        for command in commands:
            args += ["-c", command]
        result = subprocess.run(args, capture_output=True, text=True)
        if check and result.returncode != 0:
            raise RuntimeError(f"psql failed: {result.stderr.strip()}\n{commands[0][:300]}")
        return result

    def rows(self, sql):
        out = self.run(sql).stdout
        return [line.split(SEP) for line in out.splitlines() if line != ""]

    def error(self, *commands):
        """The error psql prints for `commands` (verbose: SQLSTATE and constraint), '' when they succeed."""
        args = ["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-v", "VERBOSITY=verbose", "-d", self.uri]
        for command in commands:
            args += ["-c", command]
        result = subprocess.run(args, capture_output=True, text=True)
        return result.stderr if result.returncode != 0 else ""


class Checks:
    def __init__(self):
        self.failures = []

    def equal(self, what, got, expected):
        if got != expected:
            self.failures.append(f"{what}:\n    PostgreSQL: {got!r}\n    SQLite:     {expected!r}")

    def true(self, what, condition, detail=""):
        if not condition:
            self.failures.append(f"{what} {detail}".strip())


def normalized_default(value):
    if value is None or value == "":
        return None
    value = re.sub(r"::[a-z ]+$", "", value.strip())
    if value.startswith("(") and value.endswith(")"):
        value = value[1:-1]
    return value


def sqlite_file(sql_dir, path):
    db = sqlite3.connect(path)
    scripts = sorted(f for f in os.listdir(sql_dir) if re.match(r"^\d{3}_[a-z0-9_]+\.sql$", f))
    for number, name in enumerate(scripts, 1):
        with open(os.path.join(sql_dir, name), encoding="utf-8") as f:
            db.executescript(f.read())
        db.execute(f"PRAGMA user_version = {number}")
    return db, scripts


def compare_structure(checks, lite, server):
    lite_tables = sorted(r[0] for r in lite.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
        "AND name NOT LIKE 'patient_search_%'"))
    pg_tables = sorted(r[0] for r in server.rows(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() "
        "AND table_type = 'BASE TABLE' AND table_name NOT IN ('dermdesk_schema', 'dermdesk_change')"))
    checks.equal("tables", pg_tables, lite_tables)

    pg_columns = {}
    for table, column, nullable, default in server.rows(
            "SELECT table_name, column_name, is_nullable, coalesce(column_default, '') FROM information_schema.columns "
            "WHERE table_schema = current_schema() ORDER BY table_name, ordinal_position"):
        pg_columns.setdefault(table, []).append((column, nullable == "NO", normalized_default(default)))
    for table in lite_tables:
        if table == "patient_search":
            expected = ["id"] + [r[1] for r in lite.execute(f"PRAGMA table_info({table})")] + ["terms"]
            checks.equal("columns of patient_search", [c[0] for c in pg_columns.get(table, [])], expected)
            continue
        expected = [(r[1], bool(r[3]) or r[5] > 0, normalized_default(r[4]))
                    for r in lite.execute(f"PRAGMA table_info({table})")]
        got = pg_columns.get(table, [])
        checks.equal(f"columns of {table}", [c[0] for c in got], [c[0] for c in expected])
        checks.equal(f"NOT NULL and defaults of {table}",
                     [c for c in got if not (c[0] == "id" and c[2] is None)],
                     [c for c in expected if not (c[0] == "id" and c[2] is None)])

    lite_views = sorted(r[0] for r in lite.execute("SELECT name FROM sqlite_master WHERE type = 'view'"))
    pg_views = sorted(r[0] for r in server.rows(
        "SELECT table_name FROM information_schema.views WHERE table_schema = current_schema()"))
    checks.equal("views", pg_views, lite_views)
    for view in lite_views:
        expected = [r[1] for r in lite.execute(f"PRAGMA table_info({view})")]
        checks.equal(f"columns of view {view}", [c[0] for c in pg_columns.get(view, [])], expected)

    lite_indexes = {r[0] for r in lite.execute(
        "SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL")}
    pg_indexes = {r[0] for r in server.rows("SELECT indexname FROM pg_indexes WHERE schemaname = current_schema()")}
    checks.equal("indexes missing on PostgreSQL", sorted(lite_indexes - pg_indexes), [])

    overlap = {"appointment_no_overlap_insert", "appointment_no_overlap_update"}
    lite_triggers = {r[0] for r in lite.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")}
    pg_triggers = {r[0] for r in server.rows("SELECT tgname FROM pg_trigger WHERE NOT tgisinternal")}
    checks.equal("triggers missing on PostgreSQL", sorted(lite_triggers - overlap - pg_triggers), [])
    constraints = sorted(r[0] for r in server.rows(
        "SELECT conname FROM pg_constraint WHERE contype = 'x' AND conrelid = 'appointment'::regclass"))
    checks.equal("exclusion constraints of appointment", constraints,
                 ["appointment_overlap_patient", "appointment_overlap_practitioner", "appointment_overlap_room"])


def compare_seeded_rows(checks, lite, server):
    tables = {
        "screening_question": "id, code, question, asks_date, sort_order, active",
        "contraindication_rule": "id, question_id, name, kind, coalesce(lookback_days, -1), active",
        "treatment_concern": "id, name, from_guide, active, sort_order",
        "treatment_area_option": "id, name, coalesce(default_depth_mm, -1), active, sort_order",
        "downtime_band": "id, max_depth_mm, min_hours, max_hours, label",
        "education_template": "id, code, kind, title, body_html, version, coalesce(downtime_from_hours, -1), "
                              "coalesce(downtime_to_hours, -1), default_text, active, sort_order, updated_by",
        "education_template_version": "template_id, version, title, body_html, saved_by",
    }
    for table, columns in tables.items():
        # Texts of several lines are compared by their MD5 (psql prints one row per line).
        expected = [[hashlib.md5(v.encode()).hexdigest() if isinstance(v, str) and "\n" in v else str(v) for v in row]
                    for row in lite.execute(f"SELECT {columns} FROM {table} ORDER BY 1, 2")]
        got = server.rows(f"SELECT {columns.replace('body_html', 'md5(body_html)')} FROM {table} ORDER BY 1, 2")
        got = [[re.sub(r"^(-?\d+)\.0$", r"\1", v) if re.match(r"^-?\d+(\.\d+)?$", v) else v for v in row]
               for row in got]
        expected = [[re.sub(r"^(-?\d+)\.0$", r"\1", v) for v in row] for row in expected]
        checks.equal(f"rows of {table}", got, expected)
    stamped = server.rows("SELECT max(updated_at) > 1700000000, max(updated_at) < 4000000000 FROM education_template")
    checks.equal("education templates stamped with the time of the migration", stamped, [["t", "t"]])


def check_behaviour(checks, server, scripts):
    checks.equal("schema stamp", server.rows("SELECT application_id, version FROM dermdesk_schema"),
                 [["1146244420", str(len(scripts))]])
    server.run(
        "INSERT INTO practitioner (id, display_name) VALUES (1, 'Dr A'), (2, 'Dr B')",
        "INSERT INTO room (id, name) VALUES (1, 'Room 1'), (2, 'Room 2')",
        "INSERT INTO appointment_type (id, name, duration_min, cleanup_min) VALUES (1, 'Microneedling', 60, 15)",
        "INSERT INTO patient (id, given_name, family_name, birth_date, phone, phone_home, email, created_at, "
        "updated_at) VALUES (1, 'Anna', 'Müller', '1980-02-03', '+41 79 123 45 67', '', 'anna.mueller@example.com', "
        "0, 0), (2, 'José', 'García', NULL, '(555) 123-4567', '0044 20 7946 0958', 'jg@mail.es', 0, 0)",
        # 10:00-11:00 with 15 minutes of cleanup: practitioner 1 and room 1 are busy until 11:15.
        "INSERT INTO appointment (id, patient_id, practitioner_id, room_id, type_id, starts_at, ends_at, cleanup_min, "
        "created_at, updated_at) VALUES (1, 1, 1, 1, 1, 36000, 39600, 15, 0, 0)",
        "SELECT dermdesk_reset_identities()")
    checks.equal("a new id continues after copied ids",
                 server.rows("INSERT INTO room (name) VALUES ('Room 3') RETURNING id"), [["3"]])

    def insert(patient, practitioner, room, starts, ends, status="booked"):
        reason = "'ill'" if status == "cancelled" else "''"
        return (f"INSERT INTO appointment (patient_id, practitioner_id, room_id, type_id, starts_at, ends_at, status, "
                f"cancel_reason, created_at, updated_at) VALUES ({patient}, {practitioner}, {room}, 1, {starts}, "
                f"{ends}, '{status}', {reason}, 0, 0)")

    for what, statement, constraint in [
        ("the practitioner's cleanup", insert(2, 1, 2, 39600, 40000), "appointment_overlap_practitioner"),
        ("the room's cleanup", insert(2, 2, 1, 40000, 41000), "appointment_overlap_room"),
        ("the patient's visit", insert(1, 2, "NULL", 38000, 39000), "appointment_overlap_patient"),
    ]:
        error = server.error(statement)
        checks.true(f"an overlap in {what} is refused with 23P01 and {constraint}",
                    "23P01" in error and constraint in error, error)
    checks.equal("back to back after the cleanup is allowed", server.error(insert(2, 2, 1, 40500, 41000)), "")
    checks.equal("the patient is free during the cleanup", server.error(insert(1, 2, 2, 39600, 40000)), "")
    checks.equal("a cancelled appointment does not block",
                 server.error(insert(2, 1, 1, 36000, 39600, "cancelled")), "")
    error = server.error("UPDATE appointment SET status = 'booked' WHERE status = 'cancelled'")
    checks.true("restoring a cancelled appointment into a taken slot is refused",
                "23P01" in error and "appointment_overlap_practitioner" in error, error)

    # Several desks booking at once must not spend their server's time planning the same lookup again.
    checks.equal("the booking trigger plans its lookups once per connection",
                 server.rows("SELECT array_to_string(proconfig, ',') FROM pg_proc "
                             "WHERE proname = 'appointment_patient_facts'"),
                 [["plan_cache_mode=force_generic_plan"]])

    server.run("INSERT INTO audit_log (at, actor, action, entity) VALUES (1, 'test', 'create', 'patient')")
    for statement in ["UPDATE audit_log SET actor = 'x'", "DELETE FROM audit_log", "TRUNCATE audit_log"]:
        error = server.error(statement)
        checks.true(f"the audit log refuses {statement.split()[0]} with its SQLite message",
                    "audit_log_append_only" in error, error)

    # The change stamp: the sum of the connections' counters.
    stamp = "SELECT sum(n) FROM dermdesk_change"
    before = int(server.rows(stamp)[0][0])
    listened = subprocess.run(["psql", "-X", "-d", server.uri, "-c", "LISTEN dermdesk_changes",
                               "-c", "UPDATE room SET sort_order = 1", "-c", "SELECT 1"],
                              capture_output=True, text=True)
    checks.true("a change notifies the desks on dermdesk_changes",
                'notification "dermdesk_changes" received' in listened.stdout + listened.stderr,
                listened.stdout + listened.stderr)
    after = int(server.rows(stamp)[0][0])
    checks.true("a change moves the change stamp on", after > before, f"{before} -> {after}")

    def found(tsquery):
        escaped = tsquery.replace("'", "''")
        return [r[0] for r in server.rows(
            f"SELECT id FROM patient_search WHERE terms @@ CAST('{escaped}' AS tsquery) ORDER BY id")]

    checks.equal("'mull' finds Müller", found("'names.mull':*"), ["1"])
    checks.equal("a mobile's digits with the country code", found("'phones.41791234567'"), ["1"])
    checks.equal("a mobile's digits without the country code", found("'phones.1791234567'"), ["1"])
    checks.equal("a home number without its country code", found("'phones.2079460958'"), ["2"])
    checks.equal("a birth date as YYYYMMDD", found("'birth.19800203'"), ["1"])
    checks.equal("an email part", found("'email.mueller' <-> 'email.exa':*"), ["1"])
    server.run("UPDATE patient SET family_name = 'Meier', archived = 1 WHERE id = 1")
    checks.equal("the index follows a changed patient",
                 server.rows("SELECT names, sort_name, archived FROM patient_search WHERE id = 1"),
                 [["anna meier", "meier anna", "1"]])


def main():
    source = sys.argv[1]
    uri = os.environ.get("DERMDESK_TEST_SERVER", "")
    if not uri:
        print("SKIPPED: DERMDESK_TEST_SERVER is not set: no PostgreSQL server to check the schema on "
              "(packaging/dev.sh test starts one)")
        return 77
    admin = Server(uri)
    scratch = f"dermdesk_schema_check_{os.getpid()}"
    admin.run(f"DROP DATABASE IF EXISTS {scratch}")
    admin.run(f"CREATE DATABASE {scratch}")
    try:
        server = Server(with_database(uri, scratch))
        pg_dir = os.path.join(source, "resources", "sql", "postgresql")
        lite_dir = os.path.join(source, "resources", "sql")
        lite, scripts = sqlite_file(lite_dir, ":memory:")
        pg_scripts = sorted(f for f in os.listdir(pg_dir) if f.endswith(".sql"))
        checks = Checks()
        checks.equal("PostgreSQL scripts (the same numbers and names as SQLite's)", pg_scripts, scripts)
        for number, name in enumerate(pg_scripts, 1):
            with open(os.path.join(pg_dir, name), encoding="utf-8") as f:
                statements = split_statements(f.read())
            result = server.run("BEGIN", *statements, f"UPDATE dermdesk_schema SET version = {number}", "COMMIT",
                                check=False)
            if result.returncode != 0:
                print(f"{name} failed on PostgreSQL: {result.stderr.strip()}")
                return 1
        compare_structure(checks, lite, server)
        compare_seeded_rows(checks, lite, server)
        check_behaviour(checks, server, scripts)
    finally:
        admin.run(f"DROP DATABASE IF EXISTS {scratch}", check=False)
    if checks.failures:
        print("\n".join(checks.failures))
        return 1
    print(f"PostgreSQL schema matches SQLite's ({len(scripts)} migrations)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
