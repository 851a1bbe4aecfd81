use time::OffsetDateTime;

/// Seconds since the Unix epoch: stored times are integers on both backends.
pub fn now() -> i64 {
    OffsetDateTime::now_utc().unix_timestamp()
}

/// Today's date as YYYY-MM-DD (UTC), for comparing with succession dates.
pub fn today() -> String {
    date_of(now())
}

/// The UTC calendar date of a Unix time, as YYYY-MM-DD.
pub fn date_of(unix: i64) -> String {
    let date = OffsetDateTime::from_unix_timestamp(unix)
        .unwrap_or(OffsetDateTime::UNIX_EPOCH)
        .date();
    format!(
        "{:04}-{:02}-{:02}",
        date.year(),
        u8::from(date.month()),
        date.day()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_of_known_instants() {
        assert_eq!(date_of(0), "1970-01-01");
        assert_eq!(date_of(951_782_400), "2000-02-29");
        assert_eq!(date_of(1_751_328_000), "2025-07-01");
    }
}
