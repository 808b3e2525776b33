-- DermDesk schema, version 6: patient education (issue 6): the clinic's own education documents
-- (pre-care, aftercare, FAQ, ...) as editable rich-text templates with versions, and the log of every
-- handout printed for a patient. Instants are UTC Unix seconds. The built-in guide is not stored here:
-- it ships verbatim inside the program.

-- A clinic-editable education document. body_html is rich text (the subset QTextDocument reads) that may
-- hold fields in braces: {patient_name}, {practitioner}, {next_appointment}, {clinic_name}, {clinic_phone},
-- {clinic_address}, {clinic_email}, {expected_downtime}, {today}.
--   kind          'pre_care' (before the next session), 'aftercare' (after the last one), 'faq', 'other'
--   version       raised by one on every saved change, each version's text is kept in education_template_version
--   downtime_from_hours .. downtime_to_hours
--                 aftercare only: the expected downtime this aftercare is written for, in hours (inclusive). The
--                 handout prints the active aftercare whose range holds the longest downtime (downtime_band.max_hours,
--                 version 5) expected after the patient's last session
--   default_text  1 while the text is the one DermDesk shipped: the clinic has not reviewed it yet
CREATE TABLE education_template (
    id                 INTEGER PRIMARY KEY,
    code               TEXT    NOT NULL UNIQUE CHECK (length(trim(code)) > 0),
    kind               TEXT    NOT NULL CHECK (kind IN ('pre_care', 'aftercare', 'faq', 'other')),
    title              TEXT    NOT NULL CHECK (length(trim(title)) > 0),
    body_html          TEXT    NOT NULL DEFAULT '',
    version            INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
    downtime_from_hours  INTEGER CHECK (downtime_from_hours IS NULL OR downtime_from_hours BETWEEN 0 AND 720),
    downtime_to_hours    INTEGER CHECK (downtime_to_hours IS NULL OR downtime_to_hours BETWEEN 0 AND 720),
    default_text       INTEGER NOT NULL DEFAULT 0 CHECK (default_text IN (0, 1)),
    active             INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    sort_order         INTEGER NOT NULL DEFAULT 0,
    updated_at         INTEGER NOT NULL,
    updated_by         TEXT    NOT NULL DEFAULT '',
    CHECK ((downtime_from_hours IS NULL AND downtime_to_hours IS NULL) OR
           (kind = 'aftercare' AND downtime_from_hours IS NOT NULL AND downtime_to_hours IS NOT NULL
            AND downtime_to_hours >= downtime_from_hours))
);
CREATE INDEX education_template_kind ON education_template (kind, active, sort_order);

-- Every version of every template as it was saved, so a logged handout can be reprinted word for word.
-- Append-only.
CREATE TABLE education_template_version (
    template_id  INTEGER NOT NULL REFERENCES education_template (id),
    version      INTEGER NOT NULL CHECK (version >= 1),
    title        TEXT    NOT NULL,
    body_html    TEXT    NOT NULL,
    saved_at     INTEGER NOT NULL,
    saved_by     TEXT    NOT NULL DEFAULT '',
    PRIMARY KEY (template_id, version)
);

CREATE TRIGGER education_template_version_no_update BEFORE UPDATE ON education_template_version
BEGIN
    SELECT RAISE(ABORT, 'education_template_version_append_only');
END;
CREATE TRIGGER education_template_version_no_delete BEFORE DELETE ON education_template_version
BEGIN
    SELECT RAISE(ABORT, 'education_template_version_append_only');
END;

-- One document printed (or saved as PDF) for a patient.
--   document        'handout' or 'appointment_card'
--   appointment_id  the appointment a card was printed for (NULL for a handout)
--   guide_sections  the headings of the guide sections it held, one per line ('' when none)
--   guide_date      the guide's date line, which identifies its edition
--   output          'print' (sent to a printer) or 'pdf' (saved as a file)
-- Append-only, like audit_log.
CREATE TABLE handout_log (
    id              INTEGER PRIMARY KEY,
    patient_id      INTEGER NOT NULL REFERENCES patient (id),
    document        TEXT    NOT NULL CHECK (document IN ('handout', 'appointment_card')),
    appointment_id  INTEGER REFERENCES appointment (id),
    guide_sections  TEXT    NOT NULL DEFAULT '',
    guide_date      TEXT    NOT NULL DEFAULT '',
    output          TEXT    NOT NULL CHECK (output IN ('print', 'pdf')),
    printed_at      INTEGER NOT NULL,
    printed_by      TEXT    NOT NULL,
    workstation     TEXT    NOT NULL DEFAULT ''
);
CREATE INDEX handout_log_patient ON handout_log (patient_id, printed_at);

-- Which template versions a logged handout held.
CREATE TABLE handout_log_template (
    handout_id        INTEGER NOT NULL REFERENCES handout_log (id),
    template_id       INTEGER NOT NULL REFERENCES education_template (id),
    template_version  INTEGER NOT NULL CHECK (template_version >= 1),
    PRIMARY KEY (handout_id, template_id)
);

CREATE TRIGGER handout_log_no_update BEFORE UPDATE ON handout_log
BEGIN
    SELECT RAISE(ABORT, 'handout_log_append_only');
END;
CREATE TRIGGER handout_log_no_delete BEFORE DELETE ON handout_log
BEGIN
    SELECT RAISE(ABORT, 'handout_log_append_only');
END;
CREATE TRIGGER handout_log_template_no_update BEFORE UPDATE ON handout_log_template
BEGIN
    SELECT RAISE(ABORT, 'handout_log_append_only');
END;
CREATE TRIGGER handout_log_template_no_delete BEFORE DELETE ON handout_log_template
BEGIN
    SELECT RAISE(ABORT, 'handout_log_append_only');
END;

-- Default texts, written plainly and conservatively. They are the clinic's to edit (default_text = 1 until
-- the clinic saves its own version): each clinic reviews them with its medical director before use.
INSERT INTO education_template (id, code, kind, title, body_html, downtime_from_hours, downtime_to_hours,
                                default_text, sort_order, updated_at, updated_by) VALUES
(1, 'pre_care', 'pre_care', 'Before your treatment',
'<p>Your next appointment: <b>{next_appointment}</b> with {practitioner}.</p>
<p>A few simple steps help your skin heal well and keep the treatment safe.</p>
<h3>In the two weeks before</h3>
<ul>
<li>Protect your skin from the sun. Avoid sunburn, sunbeds and self-tanning products.</li>
<li>Please tell us before your visit if you have had a laser treatment, a chemical peel, wrinkle-relaxing injections or fillers in the treated area in the last month.</li>
<li>Avoid waxing, threading or hair-removal creams on the treatment area.</li>
</ul>
<h3>In the week before</h3>
<ul>
<li>Stop retinoid creams (such as tretinoin or retinol), exfoliating acids and scrubs on the treatment area, seven days before your appointment.</li>
<li>Tell us about any new medicine, especially blood thinners, or if you are pregnant or breastfeeding.</li>
<li>If you have taken isotretinoin (for example Roaccutane) in the last six months, please call us before your visit.</li>
</ul>
<h3>On the day</h3>
<ul>
<li>Come with clean skin and no make-up on the treatment area.</li>
<li>If you have a cold sore, a skin infection or a flare of acne in the area, please call us. We may need to move your appointment.</li>
<li>If you are prone to cold sores, ask us or your doctor whether you need preventive medicine before treatment.</li>
</ul>
<p>Questions? Call {clinic_name} on {clinic_phone}.</p>',
NULL, NULL, 1, 10, CAST(strftime('%s', 'now') AS INTEGER), 'DermDesk'),

(2, 'aftercare_light', 'aftercare', 'Aftercare (light treatment)',
'<p>Expected downtime: <b>{expected_downtime}</b>. Your skin may look pink and feel warm or tight, like mild sunburn, for a few hours up to a day. This is normal.</p>
<h3>The first 24 hours</h3>
<ul>
<li>Keep your hands off the treated skin. Wait at least six hours before washing it.</li>
<li>Wash gently with lukewarm water and a mild, fragrance-free cleanser. Pat dry with a clean towel.</li>
<li>No make-up, and no heavy exercise, sauna, steam room or swimming pool.</li>
</ul>
<h3>The following week</h3>
<ul>
<li>Use a gentle, fragrance-free moisturiser, or the products we gave you.</li>
<li>Protect your skin from the sun: use a broad-spectrum sunscreen (SPF 30 or higher) every day and wear a hat outdoors.</li>
<li>Wait five to seven days before using retinoids, exfoliating acids or scrubs again.</li>
</ul>
<p><b>Call us</b> on {clinic_phone} if redness or swelling gets worse after the first day, or if you notice blisters, pus, increasing pain, a cold sore or a fever.</p>',
0, 24, 1, 20, CAST(strftime('%s', 'now') AS INTEGER), 'DermDesk'),

(3, 'aftercare_standard', 'aftercare', 'Aftercare',
'<p>Expected downtime: <b>{expected_downtime}</b>. Redness, slight swelling and a feeling like sunburn are normal for the first days. Your skin may then feel dry and flake a little.</p>
<h3>The first 24 hours</h3>
<ul>
<li>Keep your hands off the treated skin. Wait at least six hours before washing it.</li>
<li>Wash gently with lukewarm water and a mild, fragrance-free cleanser. Pat dry with a clean towel.</li>
<li>No make-up for 24 hours.</li>
<li>Sleep on a fresh, clean pillowcase.</li>
</ul>
<h3>The first three days</h3>
<ul>
<li>No heavy exercise, sauna, steam room or swimming pool for 48 hours.</li>
<li>Use a gentle, fragrance-free moisturiser, or the products we gave you.</li>
<li>Do not pick or scratch dry or flaking skin: let it come away by itself.</li>
</ul>
<h3>The following two weeks</h3>
<ul>
<li>Protect your skin from the sun: use a broad-spectrum sunscreen (SPF 30 or higher) every day and wear a hat outdoors.</li>
<li>Wait seven days before using retinoids, exfoliating acids or scrubs again.</li>
</ul>
<p><b>Call us</b> on {clinic_phone} if redness or swelling gets worse after the third day, or if you notice blisters, pus, increasing pain, a cold sore or a fever.</p>',
25, 96, 1, 30, CAST(strftime('%s', 'now') AS INTEGER), 'DermDesk'),

(4, 'aftercare_extended', 'aftercare', 'Aftercare (deeper treatment)',
'<p>Expected downtime: <b>{expected_downtime}</b>. After a deeper treatment your skin will be red and may be swollen for several days, and pinpoint bleeding or light bruising can occur. It will then feel dry and flake. Plan for a few quiet days.</p>
<h3>The first 24 hours</h3>
<ul>
<li>Keep your hands off the treated skin. Wait at least six hours before washing it.</li>
<li>Wash gently with lukewarm water and a mild, fragrance-free cleanser. Pat dry with a clean towel.</li>
<li>Sleep with your head slightly raised, on a fresh, clean pillowcase.</li>
</ul>
<h3>The first week</h3>
<ul>
<li>No make-up for 48 hours.</li>
<li>No heavy exercise, sauna, steam room or swimming pool for 72 hours.</li>
<li>Use a gentle, fragrance-free moisturiser, or the products we gave you.</li>
<li>Do not pick or scratch dry or flaking skin: let it come away by itself.</li>
</ul>
<h3>The following two weeks</h3>
<ul>
<li>Stay out of strong sun. Use a broad-spectrum sunscreen (SPF 30 or higher) every day and wear a hat outdoors.</li>
<li>Wait at least seven days, or until your skin has fully settled, before using retinoids, exfoliating acids or scrubs again.</li>
</ul>
<p><b>Call us</b> on {clinic_phone} if redness or swelling gets worse after the third day, or if you notice blisters, pus, increasing pain, a cold sore or a fever.</p>',
97, 720, 1, 40, CAST(strftime('%s', 'now') AS INTEGER), 'DermDesk'),

(5, 'faq', 'faq', 'Questions patients often ask',
'<h3>How many sessions will I need?</h3>
<p>Most people have a course of three to six sessions, four to six weeks apart. Your practitioner will suggest a plan for your skin.</p>
<h3>Does it hurt?</h3>
<p>We apply a numbing cream first. Most people feel pressure and a mild prickling.</p>
<h3>When will I see results?</h3>
<p>Most people notice smoother skin within a few weeks. Collagen keeps building for months after a course.</p>
<h3>Who should not have microneedling?</h3>
<p>It may not be suitable during pregnancy, with an active skin infection, or with some medical conditions and medicines. We ask about these before every course.</p>
<p>More questions? Call {clinic_name} on {clinic_phone}.</p>',
NULL, NULL, 1, 50, CAST(strftime('%s', 'now') AS INTEGER), 'DermDesk');

INSERT INTO education_template_version (template_id, version, title, body_html, saved_at, saved_by)
SELECT id, version, title, body_html, updated_at, updated_by FROM education_template;
