//! Figures as written: `1,530.8`, `-250.0`, `6473*`. Parsed exactly (no
//! floating point) for checks only; the written text is what is kept.

use std::fmt;

/// An exact decimal: `mantissa / 10^scale`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Decimal {
    mantissa: i128,
    scale: u32,
}

impl Decimal {
    pub const ZERO: Decimal = Decimal {
        mantissa: 0,
        scale: 0,
    };

    fn rescaled(self, scale: u32) -> i128 {
        self.mantissa * 10i128.pow(scale - self.scale)
    }

    /// Compares values, whatever their number of decimal places.
    pub fn same_value(self, other: Decimal) -> bool {
        let scale = self.scale.max(other.scale);
        self.rescaled(scale) == other.rescaled(scale)
    }

    pub fn is_zero(self) -> bool {
        self.mantissa == 0
    }
}

impl std::ops::Add for Decimal {
    type Output = Decimal;
    fn add(self, other: Decimal) -> Decimal {
        let scale = self.scale.max(other.scale);
        Decimal {
            mantissa: self.rescaled(scale) + other.rescaled(scale),
            scale,
        }
    }
}

impl std::ops::Sub for Decimal {
    type Output = Decimal;
    fn sub(self, other: Decimal) -> Decimal {
        self + Decimal {
            mantissa: -other.mantissa,
            scale: other.scale,
        }
    }
}

impl std::iter::Sum for Decimal {
    fn sum<I: Iterator<Item = Decimal>>(iter: I) -> Decimal {
        iter.fold(Decimal::ZERO, |a, b| a + b)
    }
}

impl fmt::Display for Decimal {
    /// With thousands separators and the decimal places it carries:
    /// `-13,450.0`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let negative = self.mantissa < 0;
        let digits = self.mantissa.unsigned_abs().to_string();
        let scale = self.scale as usize;
        let digits = format!("{digits:0>width$}", width = scale + 1);
        let (whole, frac) = digits.split_at(digits.len() - scale);
        let mut grouped = String::new();
        for (i, c) in whole.chars().enumerate() {
            if i > 0 && (whole.len() - i) % 3 == 0 {
                grouped.push(',');
            }
            grouped.push(c);
        }
        if negative {
            f.write_str("-")?;
        }
        f.write_str(&grouped)?;
        if scale > 0 {
            write!(f, ".{frac}")?;
        }
        Ok(())
    }
}

/// What a written value is, for checking.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Written {
    Blank,
    /// `N/A`, `~`, `-`: deliberately not a figure.
    NotApplicable,
    Figure(Decimal),
    /// Words (`To be provided`) or something malformed (`12a`).
    Words,
}

/// The marks plans use for "no figure here".
const NOT_APPLICABLE: [&str; 8] = ["N/A", "NA", "n/a", "~", "-", "–", "—", "N/a"];

/// Reads a written value. A trailing footnote mark (`6473*`) and a leading
/// `£` are allowed; thousands separators must be in threes.
pub fn read(text: &str) -> Written {
    let t = text.trim();
    if t.is_empty() {
        return Written::Blank;
    }
    if NOT_APPLICABLE.contains(&t) {
        return Written::NotApplicable;
    }
    parse(t).map_or(Written::Words, Written::Figure)
}

/// The figure in `text`, if it is one.
pub fn parse_figure(text: &str) -> Option<Decimal> {
    match read(text) {
        Written::Figure(d) => Some(d),
        _ => None,
    }
}

fn parse(t: &str) -> Option<Decimal> {
    let t = t.trim_end_matches('*').trim_end();
    let (negative, t) = match t.chars().next()? {
        '-' | '−' => (true, &t[t.chars().next()?.len_utf8()..]),
        '+' => (false, &t[1..]),
        _ => (false, t),
    };
    let t = t.strip_prefix('£').unwrap_or(t);
    let (whole, frac) = match t.split_once('.') {
        Some((w, f)) => (w, Some(f)),
        None => (t, None),
    };
    if whole.is_empty() && frac.is_none() {
        return None;
    }
    let groups: Vec<&str> = whole.split(',').collect();
    let groups_ok = groups.iter().enumerate().all(|(i, g)| {
        g.chars().all(|c| c.is_ascii_digit())
            && if i == 0 {
                // `.5` has no whole part; `1,234` starts with one to three digits.
                (!g.is_empty() || (groups.len() == 1 && frac.is_some()))
                    && (groups.len() == 1 || g.len() <= 3)
            } else {
                g.len() == 3
            }
    });
    if !groups_ok {
        return None;
    }
    let frac = frac.unwrap_or("");
    if !frac.chars().all(|c| c.is_ascii_digit()) || frac.len() > 12 || whole.len() > 24 {
        return None;
    }
    let digits: String = groups.concat() + frac;
    let mantissa: i128 = digits.parse().ok()?;
    Some(Decimal {
        mantissa: if negative { -mantissa } else { mantissa },
        scale: frac.len() as u32,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_figures_as_written() {
        assert_eq!(parse_figure("1,530.8").unwrap().to_string(), "1,530.8");
        assert_eq!(parse_figure("-13,450.0").unwrap().to_string(), "-13,450.0");
        assert_eq!(parse_figure("6473*").unwrap().to_string(), "6,473");
        assert_eq!(parse_figure("0.0").unwrap().to_string(), "0.0");
        assert_eq!(parse_figure(".5").unwrap().to_string(), "0.5");
        assert_eq!(read(""), Written::Blank);
        assert_eq!(read(" N/A "), Written::NotApplicable);
        assert_eq!(read("~"), Written::NotApplicable);
        assert_eq!(read("2,668,2"), Written::Words);
        assert_eq!(read("1.528.3"), Written::Words);
        assert_eq!(read("12a"), Written::Words);
        assert_eq!(read("To be provided"), Written::Words);
    }

    #[test]
    fn sums_exactly() {
        let sum: Decimal = ["608.4", "535.5", "29.0", "0.0", "118.9", "764.9"]
            .iter()
            .map(|s| parse_figure(s).unwrap())
            .sum();
        assert_eq!(sum.to_string(), "2,056.7");
        assert!(sum.same_value(parse_figure("2056.70").unwrap()));
        assert_eq!(
            (parse_figure("0.1").unwrap() - parse_figure("0.3").unwrap()).to_string(),
            "-0.2"
        );
    }
}
