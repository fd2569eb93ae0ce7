//! Reading one cell of an import file: lists, whole numbers, dates and yes/no. An
//! empty cell is no value; a cell that cannot be read is `Err(())`, which the caller
//! reports with its line, its column and a message key.

use chrono::NaiveDate;

/// Separates the values of a list cell (`sectors`, `target_groups`, …).
pub const LIST_SEPARATOR: char = '|';

/// `a|b | c` → `["a", "b", "c"]` (empty pieces dropped).
pub fn list(value: &str) -> Vec<String> {
    value.split(LIST_SEPARATOR).map(str::trim).filter(|c| !c.is_empty()).map(str::to_string).collect()
}

/// A whole number.
pub fn whole(value: &str) -> Result<Option<i32>, ()> {
    let value = value.trim();
    if value.is_empty() {
        return Ok(None);
    }
    value.parse::<i32>().map(Some).map_err(|_| ())
}

/// A whole number, optionally followed by `%`.
pub fn percentage(value: &str) -> Result<Option<i32>, ()> {
    whole(value.trim().strip_suffix('%').unwrap_or(value))
}

/// A date as `YYYY-MM-DD`.
pub fn date(value: &str) -> Result<Option<NaiveDate>, ()> {
    let value = value.trim();
    if value.is_empty() {
        return Ok(None);
    }
    NaiveDate::parse_from_str(value, "%Y-%m-%d").map(Some).map_err(|_| ())
}

/// `yes`/`no` (also `ja`/`nee`, `true`/`false`, `1`/`0`; any case).
pub fn yes_no(value: &str) -> Result<Option<bool>, ()> {
    match value.trim().to_ascii_lowercase().as_str() {
        "" => Ok(None),
        "yes" | "ja" | "true" | "1" => Ok(Some(true)),
        "no" | "nee" | "false" | "0" => Ok(Some(false)),
        _ => Err(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_are_read_or_refused() {
        assert_eq!(list(" a| b ||c "), ["a", "b", "c"]);
        assert_eq!(whole(" 2016 "), Ok(Some(2016)));
        assert_eq!(whole("20 16"), Err(()));
        assert_eq!(percentage(""), Ok(None));
        assert_eq!(percentage("45 %"), Ok(Some(45)));
        assert_eq!(percentage("4.5"), Err(()));
        assert_eq!(date("2027-02-28"), Ok(NaiveDate::from_ymd_opt(2027, 2, 28)));
        assert_eq!(date("28-02-2027"), Err(()));
        assert_eq!(yes_no("Ja"), Ok(Some(true)));
        assert_eq!(yes_no("no"), Ok(Some(false)));
        assert_eq!(yes_no("misschien"), Err(()));
    }
}
