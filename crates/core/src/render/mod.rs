//! Backends that paint a [`Scene`](crate::scene::Scene): SVG text here; the canvas backend is
//! in the `stepwise-web` crate and shares these helpers.

pub mod svg;

/// The CSS font for a text of `size` and weight: one family for every view. (Sizes print as
/// whole pixels: formatting an `f64` here would link float printing into the wasm.)
pub fn font(size: crate::scene::TextSize, bold: bool) -> String {
    format!(
        "{}{}px system-ui, -apple-system, \"Segoe UI\", Roboto, sans-serif",
        if bold { "600 " } else { "" },
        size.pixels() as u32
    )
}

/// The arrow head of a line from `from` to `to`: the two back corners of its triangle.
pub fn arrow_head(from: (f64, f64), to: (f64, f64), width: f64) -> [(f64, f64); 2] {
    let (dx, dy) = (to.0 - from.0, to.1 - from.1);
    let length = (dx * dx + dy * dy).sqrt().max(f64::MIN_POSITIVE);
    let (ux, uy) = (dx / length, dy / length);
    let size = 4.0 + 2.0 * width;
    let back = (to.0 - ux * size, to.1 - uy * size);
    [
        (back.0 - uy * size * 0.6, back.1 + ux * size * 0.6),
        (back.0 + uy * size * 0.6, back.1 - ux * size * 0.6),
    ]
}
