//! Timestamps as milliseconds since the Unix epoch (UTC), read from and written to the text
//! forms AWS uses: ISO 8601 / RFC 3339 (credential expirations), the HTTP `Date` header
//! (RFC 7231 IMF-fixdate) and the SigV4 basic format (`20261122T015849Z`).
//!
//! Pure: nothing here reads the clock. The browser edge reads it (`js_sys::Date::now()`) and
//! passes it in, because `SystemTime::now()` panics on `wasm32-unknown-unknown`.

/// Milliseconds since 1970-01-01T00:00:00Z.
pub type Millis = i64;

pub const MS_PER_DAY: i64 = 86_400_000;

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's `days_from_civil`).
pub fn days_from_civil(year: i64, month: u32, day: u32) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(month);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The date (year, month 1–12, day 1–31) of a day count since 1970-01-01.
pub fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

fn days_in_month(year: i64, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        _ if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        _ => 28,
    }
}

/// Milliseconds of a UTC date and time, or `None` when a part is out of range (a leap second,
/// 60, is accepted and counted as the next second, as RFC 3339 allows).
fn from_parts(
    year: i64,
    month: u32,
    day: u32,
    hour: u32,
    minute: u32,
    second: u32,
) -> Option<Millis> {
    if !(1..=12).contains(&month)
        || day == 0
        || day > days_in_month(year, month)
        || hour > 23
        || minute > 59
        || second > 60
    {
        return None;
    }
    let seconds = i64::from(hour) * 3600 + i64::from(minute) * 60 + i64::from(second);
    Some(days_from_civil(year, month, day) * MS_PER_DAY + seconds * 1000)
}

/// A fixed-width run of ASCII digits.
fn digits(s: &str, width: usize) -> Option<u32> {
    if s.len() != width || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

/// Reads an RFC 3339 / ISO 8601 timestamp such as `2026-11-22T13:00:00Z`,
/// `2026-11-22T13:00:00+00:00` or `2026-11-22 13:00:00.123456-05:30` (the forms the AWS CLI and
/// SDKs print for `Expiration`). A missing offset is read as UTC.
pub fn parse_iso8601(text: &str) -> Option<Millis> {
    let s = text.trim();
    let (date, rest) = (s.get(..10)?, s.get(10..)?);
    let sep = rest.chars().next()?;
    if !matches!(sep, 'T' | 't' | ' ') {
        return None;
    }
    let rest = &rest[1..];
    let year = i64::from(digits(date.get(..4)?, 4)?);
    if date.get(4..5)? != "-" || date.get(7..8)? != "-" {
        return None;
    }
    let month = digits(date.get(5..7)?, 2)?;
    let day = digits(date.get(8..10)?, 2)?;
    let clock = rest.get(..8)?;
    if clock.get(2..3)? != ":" || clock.get(5..6)? != ":" {
        return None;
    }
    let hour = digits(clock.get(..2)?, 2)?;
    let minute = digits(clock.get(3..5)?, 2)?;
    let second = digits(clock.get(6..8)?, 2)?;
    let mut rest = rest.get(8..)?;
    let mut millis = 0i64;
    if let Some(fraction) = rest.strip_prefix('.') {
        let end = fraction
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(fraction.len());
        if end == 0 {
            return None;
        }
        let first3: String = fraction[..end]
            .chars()
            .chain("00".chars())
            .take(3)
            .collect();
        millis = i64::from(digits(&first3, 3)?);
        rest = &fraction[end..];
    }
    let offset_minutes: i64 = match rest {
        "" | "Z" | "z" => 0,
        _ => {
            let sign = match rest.get(..1)? {
                "+" => 1,
                "-" => -1,
                _ => return None,
            };
            let body = &rest[1..];
            let (h, m) = match body.len() {
                5 if body.get(2..3)? == ":" => (body.get(..2)?, body.get(3..)?),
                4 => (body.get(..2)?, body.get(2..)?),
                2 => (body, "00"),
                _ => return None,
            };
            let (h, m) = (digits(h, 2)?, digits(m, 2)?);
            if h > 23 || m > 59 {
                return None;
            }
            sign * (i64::from(h) * 60 + i64::from(m))
        }
    };
    let local = from_parts(year, month, day, hour, minute, second)?;
    Some(local + millis - offset_minutes * 60_000)
}

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// Reads an HTTP `Date` header in the IMF-fixdate form every current server sends:
/// `Sun, 22 Nov 2026 02:04:49 GMT`. The weekday is not checked.
pub fn parse_http_date(text: &str) -> Option<Millis> {
    let s = text.trim();
    let (_, rest) = s.split_once(", ")?;
    let mut parts = rest.split(' ');
    let day = parts.next()?;
    let day = digits(day, day.len().clamp(1, 2))?;
    let month = MONTHS
        .iter()
        .position(|m| Some(*m) == parts.clone().next())? as u32
        + 1;
    parts.next();
    let year = i64::from(digits(parts.next()?, 4)?);
    let clock = parts.next()?;
    if parts.next()? != "GMT" || parts.next().is_some() || clock.len() != 8 {
        return None;
    }
    if clock.get(2..3)? != ":" || clock.get(5..6)? != ":" {
        return None;
    }
    let hour = digits(clock.get(..2)?, 2)?;
    let minute = digits(clock.get(3..5)?, 2)?;
    let second = digits(clock.get(6..8)?, 2)?;
    from_parts(year, month, day, hour, minute, second)
}

/// Reads the SigV4 basic form `YYYYMMDDTHHMMSSZ` (`X-Amz-Date`, and the times quoted in a
/// "Signature expired" message).
pub fn parse_amz_date(text: &str) -> Option<Millis> {
    let s = text.trim();
    if s.len() != 16 || s.get(8..9)? != "T" || s.get(15..16)? != "Z" {
        return None;
    }
    from_parts(
        i64::from(digits(s.get(..4)?, 4)?),
        digits(s.get(4..6)?, 2)?,
        digits(s.get(6..8)?, 2)?,
        digits(s.get(9..11)?, 2)?,
        digits(s.get(11..13)?, 2)?,
        digits(s.get(13..15)?, 2)?,
    )
}

/// The parts of a timestamp: (year, month, day, hour, minute, second, millisecond).
fn split(ms: Millis) -> (i64, u32, u32, u32, u32, u32, u32) {
    let days = ms.div_euclid(MS_PER_DAY);
    let in_day = ms.rem_euclid(MS_PER_DAY);
    let (y, mo, d) = civil_from_days(days);
    let secs = (in_day / 1000) as u32;
    (
        y,
        mo,
        d,
        secs / 3600,
        secs / 60 % 60,
        secs % 60,
        (in_day % 1000) as u32,
    )
}

/// `2026-11-22T13:00:00Z`: a timestamp as admins read it, to the second, in UTC.
pub fn format_iso8601(ms: Millis) -> String {
    let (y, mo, d, h, mi, s, _) = split(ms);
    format!("{y:04}-{mo:02}-{d:02}T{h:02}:{mi:02}:{s:02}Z")
}

/// `20261122T130000Z`, the SigV4 basic form.
pub fn format_amz_date(ms: Millis) -> String {
    let (y, mo, d, h, mi, s, _) = split(ms);
    format!("{y:04}{mo:02}{d:02}T{h:02}{mi:02}{s:02}Z")
}

/// A duration as an admin reads it on a countdown: `59 min 12 s`, `2 h 05 min`, `45 s`.
/// Negative durations read as `0 s`.
pub fn format_remaining(ms: Millis) -> String {
    let secs = ms.max(0) / 1000;
    let (h, m, s) = (secs / 3600, secs / 60 % 60, secs % 60);
    if h > 0 {
        format!("{h} h {m:02} min")
    } else if m > 0 {
        format!("{m} min {s:02} s")
    } else {
        format!("{s} s")
    }
}
