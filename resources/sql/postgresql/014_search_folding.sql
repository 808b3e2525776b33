-- DermDesk schema, version 14, on PostgreSQL: the patient search index is kept in step at less cost per patient. The
-- tokens and lexemes stored stay exactly those of version 3 for every text; only the work of computing them changes:
--   dermdesk_text_tokens  text of ASCII characters alone skips the Unicode normalization, which changes nothing there
--   dermdesk_text_terms   builds the lexemes in one pass over the words instead of a query per column
--   patient_search        filled once per INSERT statement on patient (from the rows it inserted), not once per row
-- (resources/sql/014_search_folding.sql on SQLite, where the index is FTS5's.)

CREATE OR REPLACE FUNCTION dermdesk_text_tokens(value text) RETURNS text LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
BEGIN
    IF value IS NULL THEN
        RETURN '';
    END IF;
    -- Only ASCII characters (as many bytes as characters in UTF-8): no diacritics to drop, normalization is the
    -- identity.
    IF octet_length(value) = length(value) THEN
        RETURN btrim(regexp_replace(lower(value COLLATE "default"), '[^[:alnum:]]+', ' ', 'g'));
    END IF;
    RETURN btrim(regexp_replace(
        lower(normalize(regexp_replace(normalize(value COLLATE "default", NFD),
                                       '([A-Za-z\u00c0-\u024f\u1e00-\u1eff])[\u0300-\u036f]+', '\1', 'g'),
                        NFC)),
        '[^[:alnum:]]+', ' ', 'g'));
END;
$$;

-- One pass over the words, each word's lexemes written out at once, the literal read once. Lexemes are quoted with
-- dermdesk_text_lexeme() only when a quote or backslash needs escaping; otherwise enclosing them in quotes suffices.
CREATE OR REPLACE FUNCTION dermdesk_text_terms(column_name text, tokens text) RETURNS tsvector LANGUAGE plpgsql
IMMUTABLE PARALLEL SAFE AS $$
DECLARE
    escaped boolean;
    head text;
    word text;
    letters integer;
    place text;
    ordinal integer := 0;
    lexemes text[] := '{}';
BEGIN
    IF column_name IS NULL OR tokens IS NULL OR tokens = '' THEN
        RETURN ''::tsvector;
    END IF;
    escaped := strpos(column_name || tokens, '''') > 0 OR strpos(column_name || tokens, '\') > 0;
    head := '''' || column_name || '.';
    FOREACH word IN ARRAY string_to_array(tokens, ' ') LOOP
        ordinal := ordinal + 1;
        letters := length(word);
        CONTINUE WHEN letters = 0 OR letters > 255;
        place := ':' || least(ordinal, 16383);
        IF escaped THEN
            lexemes := array_append(lexemes,
                dermdesk_text_lexeme(column_name || '.' || word) || place
                || ' ' || dermdesk_text_lexeme(column_name || '.' || left(word, 1) || '*') || place
                || CASE WHEN letters > 1
                        THEN ' ' || dermdesk_text_lexeme(column_name || '.' || left(word, 2) || '*') || place
                        ELSE '' END
                || CASE WHEN letters > 2
                        THEN ' ' || dermdesk_text_lexeme(column_name || '.' || left(word, 3) || '*') || place
                        ELSE '' END);
        ELSE
            lexemes := array_append(lexemes,
                head || word || '''' || place || ' ' || head || left(word, 1) || '*''' || place
                || CASE WHEN letters > 1 THEN ' ' || head || left(word, 2) || '*''' || place ELSE '' END
                || CASE WHEN letters > 2 THEN ' ' || head || left(word, 3) || '*''' || place ELSE '' END);
        END IF;
    END LOOP;
    RETURN array_to_string(lexemes, ' ')::tsvector;
END;
$$;

-- The patients one INSERT statement added, indexed together. The index's new entries wait in its pending list and are
-- merged into it in memory: with more memory than the default 4 MB, thousands of patients are merged in one pass.
CREATE FUNCTION patient_search_after_insert_rows() RETURNS trigger LANGUAGE plpgsql SET work_mem = '64MB' AS $$
BEGIN
    INSERT INTO patient_search (id, names, phones, birth, email, sort_name, archived)
    SELECT id, names, phones, birth, email, sort_name, archived FROM patient_search_source
    WHERE id IN (SELECT id FROM inserted_patients);
    RETURN NULL;
END;
$$;
DROP TRIGGER patient_search_after_insert ON patient;
DROP FUNCTION patient_search_after_insert();
CREATE TRIGGER patient_search_after_insert AFTER INSERT ON patient REFERENCING NEW TABLE AS inserted_patients
    FOR EACH STATEMENT EXECUTE FUNCTION patient_search_after_insert_rows();
