-- DermDesk schema, version 3, on PostgreSQL: patient search (resources/sql/003_patients.sql on SQLite).

-- The patient search index: one row per patient (id = patient.id), archived patients included. On SQLite it is
-- an FTS5 table with the tokenizer unicode61 remove_diacritics 2; here an ordinary table whose text columns hold
-- the same tokens, folded the same way, separated by single spaces:
--   names   given, family and preferred names ("Müller" is stored "muller", so "mull" finds it)
--   phones  the digits of the mobile and home numbers, each also without a country code when longer than 10
--   birth   the birth date as YYYYMMDD
--   email   the email address, split at '@' and '.' as FTS5 splits it
-- and `terms`, the document the GIN index serves: each token as the lexeme 'column.token' at its position in
-- its column, so a query names its columns in the lexemes themselves (PostgresTextSearch builds the queries).
-- The database's LC_CTYPE must be a UTF-8 locale (C.UTF-8, en_US.UTF-8, ...) for letters beyond ASCII to count
-- as letters.

-- `value` split into words as FTS5's unicode61 tokenizer with remove_diacritics 2 splits and folds them: the
-- diacritics of Latin letters dropped ("Müller" -> "Muller"; other scripts keep theirs, and letters without a
-- decomposition such as ß, ø and æ stay), lower case, split at every character that is not a letter or a digit;
-- the words joined by single spaces.
CREATE FUNCTION dermdesk_text_tokens(value text) RETURNS text LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
BEGIN
    RETURN btrim(regexp_replace(
        lower(normalize(regexp_replace(normalize(coalesce(value, '') COLLATE "default", NFD),
                                       '([A-Za-z\u00c0-\u024f\u1e00-\u1eff])[\u0300-\u036f]+', '\1', 'g'),
                        NFC)),
        '[^[:alnum:]]+', ' ', 'g'));
END;
$$;

-- `lexeme` quoted for a tsvector literal.
CREATE FUNCTION dermdesk_text_lexeme(lexeme text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT '''' || replace(replace(lexeme, '\', '\\'), '''', '''''') || ''''
$$;

-- The lexemes of one column for the text index: each word of `tokens` (dermdesk_text_tokens) as
-- 'column.word' at its position, and its first one, two and three letters as 'column.w*', 'column.wo*',
-- 'column.wor*' at the same position: a query for a word start of up to three letters looks for one lexeme (as
-- FTS5's prefix = '1 2 3' index does), which the planner can count. Words longer than 255 characters are left out
-- (a lexeme has a size limit).
-- PL/pgSQL, as dermdesk_text_tokens: a session keeps its plans, and the per-row triggers call both for every
-- patient.
CREATE FUNCTION dermdesk_text_terms(column_name text, tokens text) RETURNS tsvector LANGUAGE plpgsql IMMUTABLE
PARALLEL SAFE AS $$
BEGIN
    RETURN (SELECT coalesce(string_agg(
                       dermdesk_text_lexeme(column_name || '.' || token) || at
                       || ' ' || dermdesk_text_lexeme(column_name || '.' || left(token, 1) || '*') || at
                       || CASE WHEN length(token) > 1
                               THEN ' ' || dermdesk_text_lexeme(column_name || '.' || left(token, 2) || '*') || at
                               ELSE '' END
                       || CASE WHEN length(token) > 2
                               THEN ' ' || dermdesk_text_lexeme(column_name || '.' || left(token, 3) || '*') || at
                               ELSE '' END, ' '), '')::tsvector
            FROM (SELECT token, ':' || least(position, 16383) AS at
                  FROM unnest(string_to_array(tokens, ' ')) WITH ORDINALITY AS words (token, position)
                  WHERE token <> '' AND length(token) <= 255) AS words);
END;
$$;

CREATE TABLE patient_search (
    id      bigint PRIMARY KEY,
    names   text COLLATE "C" NOT NULL DEFAULT '',
    phones  text COLLATE "C" NOT NULL DEFAULT '',
    birth   text COLLATE "C" NOT NULL DEFAULT '',
    email   text COLLATE "C" NOT NULL DEFAULT '',
    terms   tsvector GENERATED ALWAYS AS (dermdesk_text_terms('names', names) || dermdesk_text_terms('phones', phones)
                                          || dermdesk_text_terms('birth', birth)
                                          || dermdesk_text_terms('email', email)) STORED
);
CREATE INDEX patient_search_terms ON patient_search USING gin (terms);

-- Whoever writes a document (the triggers below, a rebuild), its text is stored as tokens.
CREATE FUNCTION patient_search_fold() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.names := dermdesk_text_tokens(NEW.names);
    NEW.phones := dermdesk_text_tokens(NEW.phones);
    NEW.birth := dermdesk_text_tokens(NEW.birth);
    NEW.email := dermdesk_text_tokens(NEW.email);
    RETURN NEW;
END;
$$;
CREATE TRIGGER patient_search_fold BEFORE INSERT OR UPDATE ON patient_search
    FOR EACH ROW EXECUTE FUNCTION patient_search_fold();

-- What patient_search holds for each patient, spelled once for the triggers and for rebuilds.
CREATE VIEW patient_search_source AS
SELECT id,
       trim(given_name || ' ' || family_name || ' ' || preferred_name) AS names,
       trim(mobile || ' ' || (CASE WHEN length(mobile) > 10 THEN right(mobile, 10) ELSE '' END) || ' ' ||
            home || ' ' || (CASE WHEN length(home) > 10 THEN right(home, 10) ELSE '' END)) AS phones,
       replace(coalesce(birth_date, ''), '-', '') AS birth,
       email
FROM (SELECT id, given_name, family_name, preferred_name, birth_date, email,
             replace(replace(replace(replace(replace(replace(replace(phone, ' ', ''), '-', ''), '(', ''), ')', ''),
                     '.', ''), '/', ''), '+', '') AS mobile,
             replace(replace(replace(replace(replace(replace(replace(phone_home, ' ', ''), '-', ''), '(', ''), ')', ''),
                     '.', ''), '/', ''), '+', '') AS home
      FROM patient) AS p;

-- Kept in step with every writer of the database, the program's repositories, bulk imports and psql alike.
CREATE FUNCTION patient_search_after_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO patient_search (id, names, phones, birth, email)
    SELECT id, names, phones, birth, email FROM patient_search_source WHERE id = NEW.id;
    RETURN NULL;
END;
$$;
CREATE TRIGGER patient_search_after_insert AFTER INSERT ON patient
    FOR EACH ROW EXECUTE FUNCTION patient_search_after_insert();

CREATE FUNCTION patient_search_after_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM patient_search WHERE id = OLD.id;
    INSERT INTO patient_search (id, names, phones, birth, email)
    SELECT id, names, phones, birth, email FROM patient_search_source WHERE id = NEW.id;
    RETURN NULL;
END;
$$;
CREATE TRIGGER patient_search_after_update
AFTER UPDATE OF id, given_name, family_name, preferred_name, birth_date, phone, phone_home, email ON patient
    FOR EACH ROW EXECUTE FUNCTION patient_search_after_update();

CREATE FUNCTION patient_search_after_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM patient_search WHERE id = OLD.id;
    RETURN NULL;
END;
$$;
CREATE TRIGGER patient_search_after_delete AFTER DELETE ON patient
    FOR EACH ROW EXECUTE FUNCTION patient_search_after_delete();

-- Patients stored before version 3.
INSERT INTO patient_search (id, names, phones, birth, email)
SELECT id, names, phones, birth, email FROM patient_search_source;
