-- Plans as imported: documents, plan versions and their trees, agencies.
-- Numbered alike in migrations/postgres; append-only: never edit a
-- migration that has shipped, add the next number.

CREATE TABLE agencies (
    id          INTEGER PRIMARY KEY,
    name        TEXT    NOT NULL UNIQUE,
    kind        TEXT    NOT NULL,
    folded      TEXT    NOT NULL,
    merged_into INTEGER REFERENCES agencies(id),
    created_at  INTEGER NOT NULL
);

CREATE TABLE agency_aliases (
    id        INTEGER PRIMARY KEY,
    agency_id INTEGER NOT NULL REFERENCES agencies(id),
    alias     TEXT    NOT NULL,
    folded    TEXT    NOT NULL UNIQUE
);
CREATE INDEX agency_aliases_agency ON agency_aliases(agency_id);

CREATE TABLE agency_successions (
    id             INTEGER PRIMARY KEY,
    predecessor_id INTEGER NOT NULL REFERENCES agencies(id),
    successor_id   INTEGER NOT NULL REFERENCES agencies(id),
    effective_on   TEXT    NOT NULL,
    note           TEXT    NOT NULL DEFAULT '',
    UNIQUE (predecessor_id, successor_id)
);

CREATE TABLE documents (
    id                   INTEGER PRIMARY KEY,
    sha256               TEXT    NOT NULL UNIQUE,
    file_name            TEXT    NOT NULL,
    bytes                INTEGER NOT NULL,
    layout               TEXT    NOT NULL,
    kind                 TEXT,
    number               TEXT,
    issued_on            TEXT,
    issuer               TEXT,
    place                TEXT,
    signer               TEXT,
    title                TEXT,
    legal_bases          TEXT    NOT NULL,
    source_text          TEXT    NOT NULL,
    invalid_before       INTEGER NOT NULL,
    invalid_after        INTEGER NOT NULL,
    repaired             INTEGER NOT NULL,
    imported_at          INTEGER NOT NULL
);

CREATE TABLE plans (
    id         INTEGER PRIMARY KEY,
    identity   TEXT    NOT NULL UNIQUE,
    title      TEXT    NOT NULL,
    published  INTEGER NOT NULL DEFAULT 1,
    created_at INTEGER NOT NULL
);

CREATE TABLE plan_versions (
    id           INTEGER PRIMARY KEY,
    plan_id      INTEGER NOT NULL REFERENCES plans(id),
    document_id  INTEGER NOT NULL REFERENCES documents(id),
    version      INTEGER NOT NULL,
    horizon_from INTEGER,
    horizon_to   INTEGER,
    phases       TEXT    NOT NULL,
    imported_at  INTEGER NOT NULL,
    imported_by  INTEGER,
    UNIQUE (plan_id, version)
);

CREATE TABLE goals (
    id         INTEGER PRIMARY KEY,
    version_id INTEGER NOT NULL REFERENCES plan_versions(id),
    position   INTEGER NOT NULL,
    code       TEXT    NOT NULL,
    title      TEXT    NOT NULL,
    line       INTEGER NOT NULL
);
CREATE INDEX goals_version ON goals(version_id);

CREATE TABLE targets (
    id          INTEGER PRIMARY KEY,
    version_id  INTEGER NOT NULL REFERENCES plan_versions(id),
    goal_id     INTEGER NOT NULL REFERENCES goals(id),
    position    INTEGER NOT NULL,
    code        TEXT    NOT NULL,
    parent_code TEXT,
    text        TEXT    NOT NULL,
    class       TEXT,
    line        INTEGER NOT NULL
);
CREATE INDEX targets_version ON targets(version_id);
CREATE INDEX targets_code ON targets(code);

CREATE TABLE tasks (
    id               INTEGER PRIMARY KEY,
    version_id       INTEGER NOT NULL REFERENCES plan_versions(id),
    target_id        INTEGER REFERENCES targets(id),
    position         INTEGER NOT NULL,
    identity         TEXT    NOT NULL,
    code             TEXT,
    text             TEXT    NOT NULL,
    line             INTEGER NOT NULL,
    period           TEXT,
    periods          TEXT    NOT NULL,
    inherited        TEXT    NOT NULL,
    lead_raw         TEXT,
    coordinating_raw TEXT
);
CREATE INDEX tasks_version ON tasks(version_id);
CREATE INDEX tasks_target ON tasks(target_id);

-- role is 'lead' or 'coordinating'; position keeps the plan's order.
CREATE TABLE task_agencies (
    task_id   INTEGER NOT NULL REFERENCES tasks(id),
    agency_id INTEGER NOT NULL REFERENCES agencies(id),
    role      TEXT    NOT NULL,
    position  INTEGER NOT NULL,
    PRIMARY KEY (task_id, role, agency_id)
);
CREATE INDEX task_agencies_agency ON task_agencies(agency_id);

CREATE TABLE target_agencies (
    target_id INTEGER NOT NULL REFERENCES targets(id),
    agency_id INTEGER NOT NULL REFERENCES agencies(id),
    role      TEXT    NOT NULL,
    position  INTEGER NOT NULL,
    PRIMARY KEY (target_id, role, agency_id)
);

CREATE TABLE indicators (
    id          INTEGER PRIMARY KEY,
    version_id  INTEGER NOT NULL REFERENCES plan_versions(id),
    parent_id   INTEGER REFERENCES indicators(id),
    position    INTEGER NOT NULL,
    code        TEXT,
    target_code TEXT,
    name        TEXT    NOT NULL,
    unit        TEXT,
    line        INTEGER NOT NULL
);
CREATE INDEX indicators_version ON indicators(version_id);

CREATE TABLE indicator_reporters (
    indicator_id INTEGER NOT NULL REFERENCES indicators(id),
    agency_id    INTEGER NOT NULL REFERENCES agencies(id),
    PRIMARY KEY (indicator_id, agency_id)
);

CREATE TABLE indicator_values (
    id           INTEGER PRIMARY KEY,
    indicator_id INTEGER NOT NULL REFERENCES indicators(id),
    position     INTEGER NOT NULL,
    year         INTEGER,
    text         TEXT    NOT NULL,
    value        REAL,
    max          REAL,
    comparator   TEXT
);
CREATE INDEX indicator_values_indicator ON indicator_values(indicator_id);

CREATE TABLE reporting_rules (
    id           INTEGER PRIMARY KEY,
    version_id   INTEGER NOT NULL REFERENCES plan_versions(id),
    position     INTEGER NOT NULL,
    reporter     TEXT    NOT NULL,
    recipient    TEXT    NOT NULL,
    recurrence   TEXT    NOT NULL,
    due_day      INTEGER,
    due_month    INTEGER,
    due_relative TEXT,
    year         INTEGER,
    line         INTEGER NOT NULL,
    text         TEXT    NOT NULL
);

CREATE TABLE diagnostics (
    id         INTEGER PRIMARY KEY,
    version_id INTEGER NOT NULL REFERENCES plan_versions(id),
    position   INTEGER NOT NULL,
    severity   TEXT    NOT NULL,
    code       TEXT    NOT NULL,
    message    TEXT    NOT NULL,
    line       INTEGER,
    before     TEXT,
    after      TEXT
);
CREATE INDEX diagnostics_version ON diagnostics(version_id);

-- One row per searchable item, its text folded (no diacritics, lower case)
-- so that a query typed without diacritics finds it.
CREATE TABLE search_entries (
    id         INTEGER PRIMARY KEY,
    version_id INTEGER REFERENCES plan_versions(id),
    kind       TEXT    NOT NULL,
    ref_id     INTEGER NOT NULL,
    label      TEXT    NOT NULL,
    text       TEXT    NOT NULL,
    folded     TEXT    NOT NULL
);
CREATE INDEX search_entries_version ON search_entries(version_id);

-- The newest version of every plan: what pages show unless asked otherwise.
CREATE VIEW latest_versions AS
    SELECT v.id, v.plan_id FROM plan_versions v
    WHERE v.version = (SELECT MAX(w.version) FROM plan_versions w WHERE w.plan_id = v.plan_id);
