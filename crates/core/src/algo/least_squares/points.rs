//! The animation's input: points (x, y) as text, two numbers per point.

use crate::format::{format_number, group_digits};
use crate::input::{parse_numbers_spanned, InputError};

/// The most points the animation draws and fits step by step (the kernel `fitLine` takes
/// up to [`super::MAX_POINTS`]).
pub const MAX_ANIMATED_POINTS: usize = 500;

/// Points (x[i], y[i]), as many x as y.
#[derive(Debug, Clone, PartialEq)]
pub struct Points {
    /// The x of each point.
    pub x: Vec<f64>,
    /// The y of each point.
    pub y: Vec<f64>,
}

impl Points {
    /// How many points.
    pub fn len(&self) -> usize {
        self.y.len()
    }

    /// True when there are none.
    pub fn is_empty(&self) -> bool {
        self.y.is_empty()
    }
}

/// Reads points written as `x y` pairs: one pair per line (`1 2.5`, `1, 2.5`), or pairs in a
/// row (`1 2, 3 4`). An odd count of numbers names the point left without its y.
pub fn parse_points(text: &str) -> Result<Points, InputError> {
    let numbers = parse_numbers_spanned(text, "number")?;
    if numbers.len() % 2 == 1 {
        let (value, span) = &numbers[numbers.len() - 1];
        return Err(InputError::at(
            format!(
                "point {} has an x ({}) but no y: write each point as two numbers, x then y",
                group_digits(numbers.len() / 2 + 1),
                format_number(*value)
            ),
            span.clone(),
        ));
    }
    let (x, y) = numbers
        .chunks_exact(2)
        .map(|pair| (pair[0].0, pair[1].0))
        .unzip();
    Ok(Points { x, y })
}

/// The points as the text box holds them: one `x y` pair per line.
pub fn points_text(points: &Points) -> String {
    let mut text = String::new();
    for (x, y) in points.x.iter().zip(&points.y) {
        text.push_str(&format_number(*x));
        text.push(' ');
        text.push_str(&format_number(*y));
        text.push('\n');
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pairs_read_in_rows_or_lines() {
        let points = parse_points("1 2\n3, 4.5\n-1 -2").unwrap();
        assert_eq!(points.x, vec![1.0, 3.0, -1.0]);
        assert_eq!(points.y, vec![2.0, 4.5, -2.0]);
        assert_eq!(parse_points(&points_text(&points)).unwrap(), points);
    }

    #[test]
    fn a_lone_x_is_named() {
        let error = parse_points("1 2\n3").unwrap_err();
        assert!(error.message().starts_with("point 2 has an x (3) but no y"));
        assert_eq!(error.span(), Some(4..5));
    }
}
