//! Dates as the plans write them: "1 April 2008", "April 2008",
//! "01/04/2008" or "2008-04-01". The date picker reads what is there (to
//! open on that month) and writes "1 April 2008" or "April 2008"; the
//! field still takes anything typed.

pub const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// A date, or a month when `day` is `None`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Date {
    pub year: i32,
    /// 1–12.
    pub month: u32,
    pub day: Option<u32>,
}

fn month_number(word: &str) -> Option<u32> {
    let word = word.trim_end_matches('.').to_lowercase();
    if word.len() < 3 {
        return None;
    }
    MONTHS
        .iter()
        .position(|m| m.to_lowercase().starts_with(&word))
        .map(|i| i as u32 + 1)
}

fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

pub fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// 0 for Monday … 6 for Sunday (Sakamoto's method).
pub fn weekday(year: i32, month: u32, day: u32) -> u32 {
    const T: [i32; 12] = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4];
    let y = if month < 3 { year - 1 } else { year };
    let sunday_first = (y + y / 4 - y / 100 + y / 400 + T[month as usize - 1] + day as i32) % 7;
    ((sunday_first + 6) % 7) as u32
}

impl Date {
    /// Reads the forms the plans use; `None` for anything else (which
    /// the field keeps as typed).
    pub fn parse(text: &str) -> Option<Date> {
        let text = text.trim().trim_end_matches('.');
        let numbers: Vec<&str> = text.split(['/', '-', '.']).collect();
        if numbers.len() == 3
            && numbers
                .iter()
                .all(|n| n.chars().all(|c| c.is_ascii_digit()))
        {
            let n: Vec<i32> = numbers.iter().filter_map(|n| n.parse().ok()).collect();
            // 2008-04-01, else the British 01/04/2008.
            let (year, month, day) = if numbers[0].len() == 4 {
                (n[0], n[1], n[2])
            } else {
                (n[2], n[1], n[0])
            };
            return Date::checked(year, month as u32, Some(day as u32));
        }
        let words: Vec<&str> = text.split_whitespace().collect();
        match words.as_slice() {
            [month, year] => Date::checked(year.parse().ok()?, month_number(month)?, None),
            [day, month, year] => {
                let day = day.trim_end_matches(|c: char| c.is_alphabetic());
                Date::checked(
                    year.parse().ok()?,
                    month_number(month)?,
                    Some(day.parse().ok()?),
                )
            }
            _ => None,
        }
    }

    fn checked(year: i32, month: u32, day: Option<u32>) -> Option<Date> {
        let valid_day = day.is_none_or(|d| d >= 1 && d <= days_in_month(year, month.clamp(1, 12)));
        ((1000..=9999).contains(&year) && (1..=12).contains(&month) && valid_day).then_some(Date {
            year,
            month,
            day,
        })
    }

    /// "1 April 2008", or "April 2008" for a month.
    pub fn format(&self) -> String {
        let month = MONTHS[self.month as usize - 1];
        match self.day {
            Some(day) => format!("{day} {month} {}", self.year),
            None => format!("{month} {}", self.year),
        }
    }

    /// Today's date (UTC), from the system clock.
    pub fn today() -> Date {
        let seconds = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs());
        Date::from_days((seconds / 86_400) as i64)
    }

    /// The date `days` days after 1 January 1970 (Hinnant's
    /// civil-from-days).
    fn from_days(days: i64) -> Date {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z.rem_euclid(146_097);
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Date {
            year,
            month,
            day: Some(day),
        }
    }

    /// The month before (-1) or after (1).
    pub fn add_months(&self, delta: i32) -> Date {
        let index = self.year * 12 + self.month as i32 - 1 + delta;
        Date {
            year: index.div_euclid(12),
            month: index.rem_euclid(12) as u32 + 1,
            day: None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(year: i32, month: u32, day: Option<u32>) -> Option<Date> {
        Some(Date { year, month, day })
    }

    #[test]
    fn reads_what_the_real_plans_write() {
        assert_eq!(Date::parse("April 2008"), date(2008, 4, None));
        assert_eq!(Date::parse("1 April 2008"), date(2008, 4, Some(1)));
        assert_eq!(Date::parse("1st Apr 2008"), date(2008, 4, Some(1)));
        assert_eq!(Date::parse("01/04/2008"), date(2008, 4, Some(1)));
        assert_eq!(Date::parse("2008-04-01"), date(2008, 4, Some(1)));
        assert_eq!(Date::parse("Sept. 2018"), date(2018, 9, None));
        for other in [
            "",
            "tbc",
            "Spring 2008",
            "31/02/2008",
            "13/13/2008",
            "Ma 2008",
        ] {
            assert_eq!(Date::parse(other), None, "{other}");
        }
    }

    #[test]
    fn writes_dates_and_months_the_british_way() {
        assert_eq!(date(2008, 4, Some(1)).unwrap().format(), "1 April 2008");
        assert_eq!(date(2008, 4, None).unwrap().format(), "April 2008");
        let d = Date::parse("1 April 2008").unwrap();
        assert_eq!(Date::parse(&d.format()), Some(d));
    }

    #[test]
    fn calendar_arithmetic() {
        assert_eq!(weekday(2008, 4, 1), 1, "1 April 2008 was a Tuesday");
        assert_eq!(weekday(2026, 12, 1), 1, "1 December 2026 is a Tuesday");
        assert_eq!(weekday(2000, 1, 1), 5, "a Saturday");
        assert_eq!(Date::from_days(0), date(1970, 1, Some(1)).unwrap());
        assert_eq!(Date::from_days(13_970), date(2008, 4, Some(1)).unwrap());
        assert_eq!(Date::from_days(11_016), date(2000, 2, Some(29)).unwrap());
        assert_eq!(days_in_month(2008, 2), 29);
        assert_eq!(days_in_month(1900, 2), 28);
        assert_eq!(days_in_month(2000, 2), 29);
        let jan = date(2008, 1, None).unwrap();
        assert_eq!(jan.add_months(-1), date(2007, 12, None).unwrap());
        assert_eq!(jan.add_months(13), date(2009, 2, None).unwrap());
    }
}
