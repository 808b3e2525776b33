-- DermDesk schema, version 3: patient search and medical screening (issue 4).

-- Search index over the patient fields a receptionist types (SQLite FTS5; a PostgreSQL path would use its
-- own full-text search in place of this table). rowid = patient.id; archived patients stay indexed.
--   names   given, family and preferred names; the tokenizer folds case and accents ("Müller" ~ "mull")
--   phones  the digits of the mobile and home numbers, each also without a country code when longer than 10
--   birth   the birth date as YYYYMMDD
--   email   the email address (tokenized at '@' and '.')
CREATE VIRTUAL TABLE patient_search USING fts5(
    names, phones, birth, email,
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '1 2 3'
);

-- What patient_search holds for each patient, spelled once for the triggers and for rebuilds.
CREATE VIEW patient_search_source AS
SELECT id,
       trim(given_name || ' ' || family_name || ' ' || preferred_name) AS names,
       trim(mobile || ' ' || (CASE WHEN length(mobile) > 10 THEN substr(mobile, -10) ELSE '' END) || ' ' ||
            home || ' ' || (CASE WHEN length(home) > 10 THEN substr(home, -10) ELSE '' END)) AS phones,
       replace(coalesce(birth_date, ''), '-', '') AS birth,
       email
FROM (SELECT id, given_name, family_name, preferred_name, birth_date, email,
             replace(replace(replace(replace(replace(replace(replace(phone, ' ', ''), '-', ''), '(', ''), ')', ''),
                     '.', ''), '/', ''), '+', '') AS mobile,
             replace(replace(replace(replace(replace(replace(replace(phone_home, ' ', ''), '-', ''), '(', ''), ')', ''),
                     '.', ''), '/', ''), '+', '') AS home
      FROM patient);

-- Kept in step with every writer of the file, the program's repositories and bulk imports alike.
CREATE TRIGGER patient_search_after_insert AFTER INSERT ON patient
BEGIN
    INSERT INTO patient_search (rowid, names, phones, birth, email)
    SELECT id, names, phones, birth, email FROM patient_search_source WHERE id = NEW.id;
END;

CREATE TRIGGER patient_search_after_update
AFTER UPDATE OF id, given_name, family_name, preferred_name, birth_date, phone, phone_home, email ON patient
BEGIN
    DELETE FROM patient_search WHERE rowid = OLD.id;
    INSERT INTO patient_search (rowid, names, phones, birth, email)
    SELECT id, names, phones, birth, email FROM patient_search_source WHERE id = NEW.id;
END;

CREATE TRIGGER patient_search_after_delete AFTER DELETE ON patient
BEGIN
    DELETE FROM patient_search WHERE rowid = OLD.id;
END;

-- Patients stored before version 3.
INSERT INTO patient_search (rowid, names, phones, birth, email)
SELECT id, names, phones, birth, email FROM patient_search_source;
