-- The reporting chain: periods generated from a plan's reporting rules,
-- agency reports with one entry per task, coordinating inputs kept apart,
-- indicator values with every revision, reminders and notifications.
-- Dates are 'YYYY-MM-DD' text, times Unix seconds.

CREATE TABLE reporting_periods (
    id                   INTEGER PRIMARY KEY,
    plan_id              INTEGER NOT NULL REFERENCES plans(id),
    kind                 TEXT    NOT NULL,
    year                 INTEGER NOT NULL,
    part                 INTEGER NOT NULL,
    label                TEXT    NOT NULL,
    starts_on            TEXT    NOT NULL,
    ends_on              TEXT    NOT NULL,
    inputs_due_on        TEXT    NOT NULL,
    agency_due_on        TEXT    NOT NULL,
    consolidation_due_on TEXT    NOT NULL,
    state                TEXT    NOT NULL,
    rule_line            INTEGER,
    created_at           INTEGER NOT NULL,
    UNIQUE (plan_id, kind, year, part)
);

CREATE TABLE agency_reports (
    id           INTEGER PRIMARY KEY,
    period_id    INTEGER NOT NULL REFERENCES reporting_periods(id),
    agency_id    INTEGER NOT NULL REFERENCES agencies(id),
    state        TEXT    NOT NULL,
    submitted_at INTEGER,
    on_time      INTEGER,
    returned_at  INTEGER,
    accepted_at  INTEGER,
    locked       INTEGER NOT NULL DEFAULT 0,
    version      INTEGER NOT NULL DEFAULT 1,
    created_at   INTEGER NOT NULL,
    UNIQUE (period_id, agency_id)
);

CREATE TABLE evidence_files (
    id           INTEGER PRIMARY KEY,
    report_id    INTEGER NOT NULL REFERENCES agency_reports(id),
    sha256       TEXT    NOT NULL,
    name         TEXT    NOT NULL,
    content_type TEXT    NOT NULL,
    bytes        BLOB    NOT NULL,
    size         INTEGER NOT NULL,
    uploaded_at  INTEGER NOT NULL,
    uploaded_by  INTEGER REFERENCES users(id)
);
CREATE INDEX evidence_files_report ON evidence_files(report_id);

CREATE TABLE report_entries (
    id               INTEGER PRIMARY KEY,
    report_id        INTEGER NOT NULL REFERENCES agency_reports(id),
    task_id          INTEGER NOT NULL REFERENCES tasks(id),
    status           TEXT,
    results          TEXT    NOT NULL DEFAULT '',
    difficulties     TEXT    NOT NULL DEFAULT '',
    recommendations  TEXT    NOT NULL DEFAULT '',
    evidence_number  TEXT    NOT NULL DEFAULT '',
    evidence_date    TEXT,
    evidence_file_id INTEGER REFERENCES evidence_files(id),
    review_comment   TEXT    NOT NULL DEFAULT '',
    version          INTEGER NOT NULL DEFAULT 1,
    updated_at       INTEGER NOT NULL,
    updated_by       INTEGER REFERENCES users(id),
    UNIQUE (report_id, task_id)
);

CREATE TABLE entry_funds (
    id       INTEGER PRIMARY KEY,
    entry_id INTEGER NOT NULL REFERENCES report_entries(id),
    source   TEXT    NOT NULL,
    amount   REAL    NOT NULL
);
CREATE INDEX entry_funds_entry ON entry_funds(entry_id);

CREATE TABLE contributions (
    id           INTEGER PRIMARY KEY,
    period_id    INTEGER NOT NULL REFERENCES reporting_periods(id),
    task_id      INTEGER NOT NULL REFERENCES tasks(id),
    agency_id    INTEGER NOT NULL REFERENCES agencies(id),
    text         TEXT    NOT NULL,
    version      INTEGER NOT NULL DEFAULT 1,
    updated_at   INTEGER NOT NULL,
    updated_by   INTEGER REFERENCES users(id),
    submitted_at INTEGER,
    UNIQUE (period_id, task_id, agency_id)
);

-- Insert-only: a correction is a new revision; the highest one is current.
CREATE TABLE indicator_reports (
    id           INTEGER PRIMARY KEY,
    period_id    INTEGER NOT NULL REFERENCES reporting_periods(id),
    indicator_id INTEGER NOT NULL REFERENCES indicators(id),
    agency_id    INTEGER NOT NULL REFERENCES agencies(id),
    year         INTEGER NOT NULL,
    value        REAL,
    text         TEXT    NOT NULL,
    status       TEXT    NOT NULL,
    revision     INTEGER NOT NULL,
    recorded_at  INTEGER NOT NULL,
    recorded_by  INTEGER REFERENCES users(id),
    UNIQUE (period_id, indicator_id, agency_id, year, revision)
);

CREATE TABLE reminders (
    id        INTEGER PRIMARY KEY,
    period_id INTEGER NOT NULL REFERENCES reporting_periods(id),
    agency_id INTEGER NOT NULL REFERENCES agencies(id),
    kind      TEXT    NOT NULL,
    channel   TEXT    NOT NULL,
    sent_at   INTEGER NOT NULL,
    sent_by   INTEGER REFERENCES users(id)
);
CREATE INDEX reminders_period ON reminders(period_id, agency_id);

CREATE TABLE notifications (
    id         INTEGER PRIMARY KEY,
    agency_id  INTEGER REFERENCES agencies(id),
    user_id    INTEGER REFERENCES users(id),
    text       TEXT    NOT NULL,
    created_at INTEGER NOT NULL,
    read_at    INTEGER
);
CREATE INDEX notifications_agency ON notifications(agency_id);
