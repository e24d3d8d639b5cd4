-- The first schema: unit profile, legal references, plans with their item tree,
-- the activity ledger and reports with the clerk's edited texts.
PRAGMA application_id = 1447253337;  -- 'VBYT' marks a database of this app

CREATE TABLE unit (
    id          INTEGER PRIMARY KEY CHECK (id = 1),
    name        TEXT NOT NULL,
    abbr        TEXT NOT NULL,
    place       TEXT NOT NULL,
    parent_body TEXT NOT NULL DEFAULT ''
);

CREATE TABLE departments (
    id       INTEGER PRIMARY KEY,
    name     TEXT NOT NULL,
    abbr     TEXT NOT NULL,
    position INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE signers (
    id        INTEGER PRIMARY KEY,
    authority TEXT NOT NULL,
    position  TEXT NOT NULL DEFAULT '',
    full_name TEXT NOT NULL,
    sort      INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE unit_recipients (
    id       INTEGER PRIMARY KEY,
    text     TEXT NOT NULL,
    position INTEGER NOT NULL
);

CREATE TABLE legal_refs (
    id      INTEGER PRIMARY KEY,
    key     TEXT UNIQUE,
    kind    TEXT NOT NULL,
    number  TEXT NOT NULL,
    issued  TEXT,
    issuer  TEXT NOT NULL DEFAULT '',
    summary TEXT NOT NULL DEFAULT ''
);

CREATE TABLE superior_docs (
    id        INTEGER PRIMARY KEY,
    ref_id    INTEGER NOT NULL REFERENCES legal_refs(id),
    addressee TEXT NOT NULL DEFAULT '',
    deadline  TEXT
);

CREATE TABLE plans (
    id              INTEGER PRIMARY KEY,
    title           TEXT NOT NULL,
    number          INTEGER,
    doc_year        INTEGER NOT NULL,
    doc_month       INTEGER,
    doc_day         INTEGER,
    superior_id     INTEGER REFERENCES superior_docs(id) ON DELETE SET NULL,
    intro           TEXT NOT NULL DEFAULT '',
    lead_sentence   TEXT NOT NULL DEFAULT '',
    closing         TEXT NOT NULL DEFAULT '',
    period_start    TEXT,
    period_end      TEXT,
    signer_id       INTEGER REFERENCES signers(id) ON DELETE SET NULL,
    archive_dept_id INTEGER REFERENCES departments(id) ON DELETE SET NULL,
    created_at      TEXT NOT NULL DEFAULT (datetime('now'))
);

CREATE TABLE plan_basis (
    plan_id  INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
    ref_id   INTEGER NOT NULL REFERENCES legal_refs(id),
    position INTEGER NOT NULL,
    PRIMARY KEY (plan_id, ref_id)
);

CREATE TABLE plan_recipients (
    plan_id  INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    text     TEXT NOT NULL,
    PRIMARY KEY (plan_id, position)
);

CREATE TABLE plan_items (
    id           INTEGER PRIMARY KEY,
    plan_id      INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
    parent_id    INTEGER REFERENCES plan_items(id) ON DELETE CASCADE,
    position     INTEGER NOT NULL,
    kind         TEXT NOT NULL CHECK (kind IN ('section', 'bullet', 'text')),
    text         TEXT NOT NULL,
    is_task      INTEGER NOT NULL DEFAULT 0,
    lead_dept_id INTEGER REFERENCES departments(id) ON DELETE SET NULL,
    time_frame   TEXT NOT NULL DEFAULT ''
);
CREATE INDEX plan_items_plan ON plan_items(plan_id, parent_id, position);

CREATE TABLE item_coord_depts (
    item_id INTEGER NOT NULL REFERENCES plan_items(id) ON DELETE CASCADE,
    dept_id INTEGER NOT NULL REFERENCES departments(id) ON DELETE CASCADE,
    PRIMARY KEY (item_id, dept_id)
);

CREATE TABLE item_targets (
    id         INTEGER PRIMARY KEY,
    item_id    INTEGER NOT NULL REFERENCES plan_items(id) ON DELETE CASCADE,
    form_code  TEXT NOT NULL,
    quantity   INTEGER NOT NULL CHECK (quantity >= 0),
    unit_label TEXT NOT NULL DEFAULT '',
    position   INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE activities (
    id           INTEGER PRIMARY KEY,
    start_date   TEXT NOT NULL,
    end_date     TEXT,
    dept_id      INTEGER REFERENCES departments(id) ON DELETE SET NULL,
    task_id      INTEGER REFERENCES plan_items(id) ON DELETE SET NULL,
    form_code    TEXT NOT NULL,
    title        TEXT NOT NULL,
    quantity     INTEGER NOT NULL DEFAULT 1 CHECK (quantity >= 0),
    unit_label   TEXT NOT NULL DEFAULT '',
    participants INTEGER CHECK (participants >= 0),
    cost         INTEGER NOT NULL DEFAULT 0 CHECK (cost >= 0),
    evidence     TEXT NOT NULL DEFAULT '',
    notes        TEXT NOT NULL DEFAULT ''
);
CREATE INDEX activities_start ON activities(start_date);
CREATE INDEX activities_task ON activities(task_id);
CREATE INDEX activities_dept ON activities(dept_id);

CREATE TABLE reports (
    id           INTEGER PRIMARY KEY,
    plan_id      INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
    number       INTEGER,
    doc_year     INTEGER NOT NULL,
    doc_month    INTEGER,
    doc_day      INTEGER,
    period_start TEXT NOT NULL,
    period_end   TEXT NOT NULL,
    addressee    TEXT NOT NULL DEFAULT '',
    signer_id    INTEGER REFERENCES signers(id) ON DELETE SET NULL
);

CREATE TABLE report_recipients (
    report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
    position  INTEGER NOT NULL,
    text      TEXT NOT NULL,
    PRIMARY KEY (report_id, position)
);

CREATE TABLE report_texts (
    report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
    key       TEXT NOT NULL,
    text      TEXT NOT NULL,
    PRIMARY KEY (report_id, key)
);
