-- DPI's decision on a quantity read from a target statement: confirmed as
-- read, corrected (the reading below replaces it) or rejected. Keyed by the
-- plan, the target's code and the phrase, so a decision holds for later
-- versions of the plan as long as the phrase is printed the same.
CREATE TABLE quantity_reviews (
    id          INTEGER PRIMARY KEY,
    plan_id     INTEGER NOT NULL REFERENCES plans(id),
    target_code TEXT    NOT NULL,
    phrase      TEXT    NOT NULL,
    decision    TEXT    NOT NULL,
    value       REAL,
    comparator  TEXT,
    year        INTEGER,
    direction   TEXT,
    decided_at  INTEGER NOT NULL,
    decided_by  INTEGER REFERENCES users(id),
    UNIQUE (plan_id, target_code, phrase)
);
