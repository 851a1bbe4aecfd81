-- A period's results DPI has published: from then on the public sees the
-- indicator values of that period's accepted reports.
CREATE TABLE period_publications (
    period_id    BIGINT PRIMARY KEY REFERENCES reporting_periods(id),
    published_at BIGINT NOT NULL,
    published_by BIGINT REFERENCES users(id)
);
