//! Record readers' shared parts (JSON, CSV): the field mapping both use and
//! the values it maps (dates, author lists).

use chrono::{DateTime, NaiveDate, NaiveDateTime};

/// Candidate names for each article field, first present wins (dotted paths
/// reach into nested JSON objects).
pub trait FieldMap {
    fn id(&self) -> &[String];
    fn url(&self) -> &[String];
    fn title(&self) -> &[String];
    fn text(&self) -> &[String];
    fn published(&self) -> &[String];
    fn outlet(&self) -> &[String];
    fn authors(&self) -> &[String];
}

/// Parse a metadata date or date-time: RFC 3339, RFC 2822, ISO forms with a
/// space or "T", dates alone ("2025-12-24", "2025/12/24"), or Unix seconds or
/// milliseconds. Zoned values are converted to UTC.
pub fn parse_datetime(s: &str) -> Option<NaiveDateTime> {
    let s = s.trim();
    if s.is_empty() {
        return None;
    }
    if let Ok(d) = DateTime::parse_from_rfc3339(s) {
        return Some(d.naive_utc());
    }
    if let Ok(d) = DateTime::parse_from_rfc2822(s) {
        return Some(d.naive_utc());
    }
    for f in [
        "%Y-%m-%dT%H:%M:%S%.f%z",
        "%Y-%m-%d %H:%M:%S%.f%z",
        "%Y-%m-%dT%H:%M%z",
    ] {
        if let Ok(d) = DateTime::parse_from_str(s, f) {
            return Some(d.naive_utc());
        }
    }
    for f in [
        "%Y-%m-%dT%H:%M:%S%.f",
        "%Y-%m-%d %H:%M:%S%.f",
        "%Y-%m-%dT%H:%M",
        "%Y-%m-%d %H:%M",
    ] {
        if let Ok(d) = NaiveDateTime::parse_from_str(s.trim_end_matches('Z'), f) {
            return Some(d);
        }
    }
    for f in [
        "%Y-%m-%d",
        "%Y/%m/%d",
        "%Y%m%d",
        "%d %B %Y",
        "%B %d, %Y",
        "%b %d, %Y",
    ] {
        if let Ok(d) = NaiveDate::parse_from_str(s, f) {
            return d.and_hms_opt(0, 0, 0);
        }
    }
    if s.bytes().all(|b| b.is_ascii_digit()) && (9..=13).contains(&s.len()) {
        let n: i64 = s.parse().ok()?;
        return epoch(n);
    }
    None
}

/// Unix seconds, or milliseconds when the number is too large for seconds.
pub fn epoch(n: i64) -> Option<NaiveDateTime> {
    let secs = if n.abs() > 100_000_000_000 { n / 1000 } else { n };
    DateTime::from_timestamp(secs, 0).map(|d| d.naive_utc())
}

/// Authors from one string: separated by ";", "|", " and " or ",".
pub fn split_authors(s: &str) -> Vec<String> {
    let s = s.trim();
    let s = s
        .strip_prefix("By ")
        .or_else(|| s.strip_prefix("by "))
        .unwrap_or(s);
    s.split([';', '|', ','])
        .flat_map(|p| p.split(" and "))
        .map(|p| p.trim().to_string())
        .filter(|p| !p.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_in_common_forms() {
        let want = NaiveDate::from_ymd_opt(2025, 12, 24)
            .unwrap()
            .and_hms_opt(9, 30, 0)
            .unwrap();
        assert_eq!(parse_datetime("2025-12-24T09:30:00Z"), Some(want));
        assert_eq!(parse_datetime("2025-12-24T18:30:00+09:00"), Some(want));
        assert_eq!(parse_datetime("2025-12-24 09:30:00"), Some(want));
        assert_eq!(parse_datetime("Wed, 24 Dec 2025 09:30:00 GMT"), Some(want));
        assert_eq!(parse_datetime("1766568600"), Some(want));
        assert_eq!(parse_datetime("1766568600000"), Some(want));
        let day = NaiveDate::from_ymd_opt(2025, 12, 24)
            .unwrap()
            .and_hms_opt(0, 0, 0);
        assert_eq!(parse_datetime("2025-12-24"), day);
        assert_eq!(parse_datetime("December 24, 2025"), day);
        assert_eq!(parse_datetime("yesterday"), None);
    }

    #[test]
    fn author_lists() {
        assert_eq!(split_authors("By Ann Lee and Bo Kim"), ["Ann Lee", "Bo Kim"]);
        assert_eq!(split_authors("Ann Lee; Bo Kim"), ["Ann Lee", "Bo Kim"]);
    }
}
