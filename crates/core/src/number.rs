//! Decimal text to `f64`: the grammar and the value of Rust's `f64::from_str`, with the rare
//! hard cases handed to a slow parser; and [`within`], limiting a number to a range.
//!
//! Why not `str::parse` everywhere: its correctly rounded algorithm carries a 10 KB table of
//! powers of five, the largest single item of every wasm module (about 8 KB gzipped, most of
//! what separated the page from its first-load budget). Almost every number a person types
//! or a CSV holds has at most 19 significant digits and a small exponent, and for those
//! Clinger's fast path is exact: the digits are an integer an `f64` holds exactly, and one
//! multiplication or division by an exact power of ten rounds once, correctly. The rest go to
//! the slow parser: natively the standard library's, in the browser the JS engine's
//! (`Number(text)`, correctly rounded too), which each wasm module installs at start-up
//! ([`use_slow_parser`]).

/// `value` limited to `low..=high` (NaN becomes `low`). Unlike `f64::clamp`, it carries no
/// assertion message that formats floats, which would pull float printing into the wasm.
pub fn within(value: f64, low: f64, high: f64) -> f64 {
    value.max(low).min(high)
}

/// Powers of ten an `f64` holds exactly (10^0 ..= 10^22).
const EXACT_POWERS: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
];

/// The largest integer below which every integer is an exact `f64` (2^53).
const EXACT_INTEGERS: u64 = 1 << 53;

/// The slow parser the wasm modules install (the JS engine's number parser); natively the
/// standard library's is used whatever is installed.
static SLOW_PARSER: std::sync::OnceLock<fn(&str) -> f64> = std::sync::OnceLock::new();

/// Installs the parser for the numbers the fast path cannot take: it receives an unsigned
/// decimal token in Rust's grammar (e.g. `"123456789012345678901e-5"`) and returns its
/// correctly rounded value. Every wasm module that parses text calls this at start-up; the
/// first call counts.
pub fn use_slow_parser(parser: fn(&str) -> f64) {
    let _ = SLOW_PARSER.set(parser);
}

/// `text` as an `f64`, exactly as `text.parse::<f64>()` reads it, or `None` where that fails.
pub fn parse_f64(text: &str) -> Option<f64> {
    let bytes = text.as_bytes();
    let (negative, unsigned) = match bytes.first() {
        Some(b'-') => (true, &text[1..]),
        Some(b'+') => (false, &text[1..]),
        _ => (false, text),
    };
    let magnitude = match special(unsigned) {
        Some(value) => value,
        None => {
            let decimal = Decimal::scan(unsigned.as_bytes())?;
            match decimal.fast_path() {
                Some(value) => value,
                None => slow(unsigned)?,
            }
        }
    };
    Some(if negative { -magnitude } else { magnitude })
}

/// `inf`, `infinity` and `nan` in any case, as the standard library reads them.
fn special(text: &str) -> Option<f64> {
    if text.eq_ignore_ascii_case("inf") || text.eq_ignore_ascii_case("infinity") {
        Some(f64::INFINITY)
    } else if text.eq_ignore_ascii_case("nan") {
        Some(f64::NAN)
    } else {
        None
    }
}

/// The hard cases: the installed parser in wasm, the standard library natively.
fn slow(unsigned: &str) -> Option<f64> {
    #[cfg(target_arch = "wasm32")]
    {
        SLOW_PARSER.get().map(|parser| parser(unsigned))
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        unsigned.parse().ok()
    }
}

/// A decimal number's significant digits (while they fit 19 digits) and power of ten.
struct Decimal {
    /// The digits without leading zeros, as an integer (exact while `fits`).
    mantissa: u64,
    /// The value is `mantissa × 10^exponent`.
    exponent: i64,
    /// False when there were more than 19 significant digits: `mantissa` is then unused.
    fits: bool,
}

impl Decimal {
    /// Reads `digits [. digits] [(e|E) [+|-] digits]` with at least one mantissa digit and,
    /// after an `e`, at least one exponent digit; `None` for anything else.
    fn scan(bytes: &[u8]) -> Option<Decimal> {
        let mut decimal = Decimal {
            mantissa: 0,
            exponent: 0,
            fits: true,
        };
        let mut index = 0;
        let mut significant = 0u32;
        let mut seen_digit = false;
        let mut push = |digit: u8, decimal: &mut Decimal, fraction: bool| {
            if digit == 0 && significant == 0 {
                if fraction {
                    decimal.exponent -= 1;
                }
                return;
            }
            significant += 1;
            if significant > 19 {
                decimal.fits = false;
                if !fraction {
                    decimal.exponent += 1;
                }
                return;
            }
            decimal.mantissa = decimal.mantissa * 10 + u64::from(digit);
            if fraction {
                decimal.exponent -= 1;
            }
        };
        while let Some(&byte) = bytes.get(index) {
            if !byte.is_ascii_digit() {
                break;
            }
            push(byte - b'0', &mut decimal, false);
            seen_digit = true;
            index += 1;
        }
        if bytes.get(index) == Some(&b'.') {
            index += 1;
            while let Some(&byte) = bytes.get(index) {
                if !byte.is_ascii_digit() {
                    break;
                }
                push(byte - b'0', &mut decimal, true);
                seen_digit = true;
                index += 1;
            }
        }
        if !seen_digit {
            return None;
        }
        if matches!(bytes.get(index), Some(b'e' | b'E')) {
            index += 1;
            let negative = match bytes.get(index) {
                Some(b'-') => {
                    index += 1;
                    true
                }
                Some(b'+') => {
                    index += 1;
                    false
                }
                _ => false,
            };
            let start = index;
            let mut written: i64 = 0;
            while let Some(&byte) = bytes.get(index) {
                if !byte.is_ascii_digit() {
                    break;
                }
                // Saturates far beyond any f64's range, where the value is 0 or infinite.
                written = (written * 10 + i64::from(byte - b'0')).min(1 << 40);
                index += 1;
            }
            if index == start {
                return None;
            }
            decimal.exponent += if negative { -written } else { written };
        }
        (index == bytes.len()).then_some(decimal)
    }

    /// The correctly rounded value where one exact operation gives it, else `None`.
    fn fast_path(&self) -> Option<f64> {
        if !self.fits {
            return None;
        }
        if self.mantissa == 0 {
            return Some(0.0);
        }
        if self.mantissa > EXACT_INTEGERS {
            return None;
        }
        let mantissa = self.mantissa as f64;
        match self.exponent {
            0..=22 => Some(mantissa * EXACT_POWERS[self.exponent as usize]),
            -22..=-1 => Some(mantissa / EXACT_POWERS[(-self.exponent) as usize]),
            // 123e30: move powers of ten into the integer while it stays exact.
            23..=37 => {
                let shifted = self
                    .mantissa
                    .checked_mul(10u64.checked_pow((self.exponent - 22) as u32)?)?;
                (shifted <= EXACT_INTEGERS).then(|| shifted as f64 * EXACT_POWERS[22])
            }
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Both parsers agree to the bit (NaN with NaN), and on what they refuse.
    fn agrees(text: &str) {
        let ours = parse_f64(text);
        let standard = text.parse::<f64>().ok();
        match (ours, standard) {
            (Some(a), Some(b)) if a.is_nan() && b.is_nan() => {}
            (Some(a), Some(b)) => assert_eq!(a.to_bits(), b.to_bits(), "{text:?}"),
            (a, b) => assert_eq!(a.is_some(), b.is_some(), "{text:?}: {a:?} vs {b:?}"),
        }
    }

    #[test]
    fn edge_cases_read_as_the_standard_library_reads_them() {
        for text in [
            "0",
            "-0",
            "+0",
            "0.0",
            "-0.0",
            "1",
            "-1",
            "5.5",
            ".5",
            "5.",
            ".",
            "",
            "-",
            "+",
            "e5",
            "1e",
            "1e+",
            "1e-",
            "1e5",
            "1E5",
            "1e+05",
            "1e-5",
            "0.1",
            "0.3",
            "1.5e300",
            "1e308",
            "1.7976931348623157e308",
            "1.8e308",
            "1e309",
            "5e-324",
            "2e-324",
            "1e-400",
            "9007199254740993",
            "9007199254740992",
            "123456789012345678901234567890",
            "0.000000000000000000000000000001",
            "00012",
            "1_000",
            "1,5",
            " 1",
            "1 ",
            "0x10",
            "inf",
            "-inf",
            "Infinity",
            "INF",
            "nan",
            "NaN",
            "-nan",
            "infinit",
            "1e22",
            "1e23",
            "123e30",
            "9007199254740991e15",
            "1.0000000000000002",
            "2.2250738585072014e-308",
            "4.9406564584124654e-324",
            "1e-22",
            "1e-23",
            "0e999999999999",
            "1e99999999999999",
        ] {
            agrees(text);
        }
    }

    proptest! {
        #[test]
        fn random_decimals_read_as_the_standard_library_reads_them(
            sign in prop::sample::select(vec!["", "-", "+"]),
            whole in "[0-9]{0,25}",
            fraction in prop::option::of("[0-9]{0,25}"),
            exponent in prop::option::of(-400i32..400),
        ) {
            let mut text = format!("{sign}{whole}");
            if let Some(fraction) = fraction {
                text.push('.');
                text.push_str(&fraction);
            }
            if let Some(exponent) = exponent {
                text.push_str(&format!("e{exponent}"));
            }
            agrees(&text);
        }

        #[test]
        fn every_f64_written_out_reads_back(bits in any::<u64>()) {
            let value = f64::from_bits(bits);
            agrees(&value.to_string());
            agrees(&format!("{value:e}"));
        }

        #[test]
        fn arbitrary_text_is_refused_or_read_alike(text in "[-+0-9.eEinfaINFA]{0,12}") {
            agrees(&text);
        }
    }
}
