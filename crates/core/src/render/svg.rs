//! Scene → SVG text: for export, and easy to assert on in native tests.

use super::{arrow_head, font};
use crate::scene::{Align, Color, Scene, Shape};
use std::fmt::Write;

/// Writes `scene` as a standalone SVG document (text is escaped, never markup).
pub fn to_svg(scene: &Scene) -> String {
    let mut svg = String::new();
    let _ = write!(
        svg,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" viewBox="0 0 {w} {h}">"#,
        w = number(scene.width),
        h = number(scene.height)
    );
    let _ = write!(
        svg,
        r#"<rect width="100%" height="100%" fill="{}"/>"#,
        scene.background.css()
    );
    for shape in &scene.shapes {
        write_shape(&mut svg, shape);
    }
    svg.push_str("</svg>\n");
    svg
}

fn write_shape(svg: &mut String, shape: &Shape) {
    match shape {
        Shape::Rect {
            x,
            y,
            width,
            height,
            radius,
            fill,
            stroke,
            ..
        } => {
            let _ = write!(
                svg,
                r#"<rect x="{}" y="{}" width="{}" height="{}" rx="{}" fill="{}"{}/>"#,
                number(*x),
                number(*y),
                number(*width),
                number(*height),
                number(*radius),
                paint(*fill),
                stroke_attributes(*stroke, 1.5)
            );
        }
        Shape::Text {
            x,
            y,
            text,
            size,
            bold,
            align,
            color,
            ..
        } => {
            let anchor = match align {
                Align::Start => "start",
                Align::Center => "middle",
                Align::End => "end",
            };
            let _ = write!(
                svg,
                r#"<text x="{}" y="{}" dominant-baseline="central" text-anchor="{anchor}" style="font:{}" fill="{}">{}</text>"#,
                number(*x),
                number(*y),
                escape(&font(*size, *bold)),
                paint(Some(*color)),
                escape(text)
            );
        }
        Shape::Line {
            from,
            to,
            width,
            color,
            arrow,
            ..
        } => {
            let _ = write!(
                svg,
                r#"<line x1="{}" y1="{}" x2="{}" y2="{}"{}/>"#,
                number(from.0),
                number(from.1),
                number(to.0),
                number(to.1),
                stroke_attributes(Some(*color), *width)
            );
            if *arrow {
                let [left, right] = arrow_head(*from, *to, *width);
                let _ = write!(
                    svg,
                    r#"<polygon points="{},{} {},{} {},{}" fill="{}"/>"#,
                    number(to.0),
                    number(to.1),
                    number(left.0),
                    number(left.1),
                    number(right.0),
                    number(right.1),
                    paint(Some(*color))
                );
            }
        }
        Shape::Image {
            x,
            y,
            width,
            height,
            columns,
            rows,
            pixels,
            opacity,
            ..
        } => write_image(
            svg,
            (*x, *y, *width, *height),
            (*columns, *rows),
            pixels,
            *opacity,
        ),
        Shape::Polyline {
            points,
            fill,
            stroke,
            width,
            ..
        } => {
            let mut list = String::new();
            for (x, y) in points {
                let _ = write!(list, "{},{} ", number(*x), number(*y));
            }
            let element = if fill.is_some() {
                "polygon"
            } else {
                "polyline"
            };
            let _ = write!(
                svg,
                r#"<{element} points="{}" fill="{}"{}/>"#,
                list.trim_end(),
                paint(*fill),
                stroke_attributes(*stroke, *width)
            );
        }
    }
}

/// The most SVG cells one raster becomes: larger rasters are averaged down in blocks.
const MAX_SVG_RASTER_SIDE: usize = 64;

/// Writes a raster as a grid of `<rect>`s, averaged down to at most 64 × 64 blocks.
fn write_image(
    svg: &mut String,
    (x, y, width, height): (f64, f64, f64, f64),
    (columns, rows): (usize, usize),
    pixels: &[u8],
    opacity: f64,
) {
    if columns == 0 || rows == 0 || pixels.len() < columns * rows * 4 {
        return;
    }
    let block_columns = columns.min(MAX_SVG_RASTER_SIDE);
    let block_rows = rows.min(MAX_SVG_RASTER_SIDE);
    let (cell_width, cell_height) = (width / block_columns as f64, height / block_rows as f64);
    let _ = write!(svg, r#"<g opacity="{}">"#, number(opacity));
    for block_row in 0..block_rows {
        for block_column in 0..block_columns {
            let row_range = block_row * rows / block_rows..((block_row + 1) * rows / block_rows);
            let column_range = block_column * columns / block_columns
                ..((block_column + 1) * columns / block_columns);
            let mut total = [0u64; 4];
            let mut count = 0u64;
            for row in row_range {
                for column in column_range.clone() {
                    let start = (row * columns + column) * 4;
                    for (channel, sum) in total.iter_mut().enumerate() {
                        *sum += pixels[start + channel] as u64;
                    }
                    count += 1;
                }
            }
            let count = count.max(1);
            let color = Color {
                r: (total[0] / count) as u8,
                g: (total[1] / count) as u8,
                b: (total[2] / count) as u8,
                a: (total[3] / count) as u8,
            };
            let _ = write!(
                svg,
                r#"<rect x="{}" y="{}" width="{}" height="{}" fill="{}"/>"#,
                number(x + block_column as f64 * cell_width),
                number(y + block_row as f64 * cell_height),
                number(cell_width + 0.05),
                number(cell_height + 0.05),
                color.css()
            );
        }
    }
    svg.push_str("</g>");
}

fn paint(color: Option<Color>) -> String {
    color.map_or_else(|| "none".to_string(), Color::css)
}

fn stroke_attributes(stroke: Option<Color>, width: f64) -> String {
    match stroke {
        Some(color) => format!(
            r#" stroke="{}" stroke-width="{}""#,
            color.css(),
            number(width)
        ),
        None => String::new(),
    }
}

/// Rounds to 0.01 px and drops trailing zeros, so output is short and stable.
fn number(value: f64) -> String {
    let text = crate::format::format_fixed(value, 2);
    let text = text.trim_end_matches('0').trim_end_matches('.');
    if text == "-0" || text.is_empty() {
        "0".to_string()
    } else {
        text.to_string()
    }
}

/// Escapes text for XML content and attribute values.
pub fn escape(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for character in text.chars() {
        match character {
            '<' => escaped.push_str("&lt;"),
            '>' => escaped.push_str("&gt;"),
            '&' => escaped.push_str("&amp;"),
            '"' => escaped.push_str("&quot;"),
            '\'' => escaped.push_str("&#39;"),
            other => escaped.push(other),
        }
    }
    escaped
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scene::{Frame, Key, TextSize, TextStyle, Theme};

    #[test]
    fn text_is_escaped_and_numbers_are_short() {
        let frame = Frame::new(40.0, 20.0, Theme::Light);
        let mut scene = Scene::new(&frame);
        scene.text(
            Key::NONE,
            (10.5, 10.0),
            "<script>&",
            TextStyle::centered(TextSize::Body, frame.palette.ink),
        );
        let svg = to_svg(&scene);
        assert!(svg.contains("&lt;script&gt;&amp;</text>"), "{svg}");
        assert!(svg.contains(r#"x="10.5" y="10""#), "{svg}");
        assert_eq!(number(-0.001), "0");
    }
}
