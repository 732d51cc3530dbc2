//! Draws the ROC curve's panel: the unit square with the random-guess diagonal, the curve so
//! far with the area under it shaded, the last trapezoid (what the step added to the AUC), and
//! the current point. A long curve is thinned to the vertices a screen can tell apart.

use super::view::{ROLE_POINT, TITLE};
use super::State;
use crate::format::format_fixed;
use crate::scene::{Align, Frame, Key, Scene, Shape, TextSize, TextStyle};

/// The curve in canvas coordinates, leaving out points within half a pixel of the one kept
/// before (the last is always kept): a million-point curve draws the same with a few thousand
/// vertices.
fn screen_path(
    points: &[(f64, f64)],
    to_screen: impl Fn((f64, f64)) -> (f64, f64),
) -> Vec<(f64, f64)> {
    let mut path: Vec<(f64, f64)> = Vec::new();
    for (index, &point) in points.iter().enumerate() {
        let (x, y) = to_screen(point);
        let last = index + 1 == points.len();
        match path.last() {
            Some(&(kept_x, kept_y))
                if !last && (x - kept_x).abs() < 0.5 && (y - kept_y).abs() < 0.5 => {}
            _ => path.push((x, y)),
        }
    }
    path
}

/// The curve in the square of side `side` whose top-left corner is `(left, top)`.
pub(super) fn draw_plot(
    scene: &mut Scene,
    state: &State,
    (left, top, side): (f64, f64, f64),
    frame: &Frame,
) {
    let palette = frame.palette;
    let point = |(x, y): (f64, f64)| (left + x * side, top + side - y * side);
    scene.text(
        Key::NONE,
        (left, top - TITLE / 2.0 - 2.0),
        format!("ROC curve · AUC {}", format_fixed(state.auc, 4)),
        TextStyle::centered(TextSize::Body, palette.ink)
            .bold()
            .aligned(Align::Start),
    );
    scene.push(Shape::Rect {
        key: Key::NONE,
        x: left,
        y: top,
        width: side,
        height: side,
        radius: 0.0,
        fill: None,
        stroke: Some(palette.faint),
    });
    scene.push(Shape::Line {
        key: Key::NONE,
        from: point((0.0, 0.0)),
        to: point((1.0, 1.0)),
        width: 1.0,
        color: palette.idle,
        arrow: false,
    });
    if side >= 120.0 {
        scene.text(
            Key::NONE,
            point((0.62, 0.5)),
            "random guess",
            TextStyle::centered(TextSize::Small, palette.muted),
        );
    }
    let small = TextStyle::centered(TextSize::Small, palette.muted);
    scene.text(
        Key::NONE,
        (left + side / 2.0, top + side + 10.0),
        "FPR (false alarms)",
        small,
    );
    scene.text(
        Key::NONE,
        (left - 4.0, top + side),
        "0",
        small.aligned(Align::End),
    );
    scene.text(Key::NONE, (left - 4.0, top), "1", small.aligned(Align::End));
    scene.text(Key::NONE, (left + side, top + side + 10.0), "1", small);
    scene.text(
        Key::NONE,
        (left - 12.0, top + side / 2.0),
        "TPR",
        small.aligned(Align::End),
    );
    let points = &state.points;
    if points.len() >= 2 {
        let path = screen_path(points, point);
        let mut area = path.clone();
        let (last_x, _) = *points.last().unwrap_or(&(0.0, 0.0));
        area.push(point((last_x, 0.0)));
        area.push(point((0.0, 0.0)));
        scene.push(Shape::Polyline {
            key: Key::NONE,
            points: area,
            fill: Some(palette.waiting.with_alpha(0.12)),
            stroke: None,
            width: 0.0,
        });
        let (x0, y0) = points[points.len() - 2];
        let (x1, y1) = points[points.len() - 1];
        scene.push(Shape::Polyline {
            key: Key::NONE,
            points: vec![
                point((x0, 0.0)),
                point((x0, y0)),
                point((x1, y1)),
                point((x1, 0.0)),
            ],
            fill: Some(palette.current.with_alpha(0.35)),
            stroke: None,
            width: 0.0,
        });
        scene.push(Shape::Polyline {
            key: Key::NONE,
            points: path,
            fill: None,
            stroke: Some(palette.waiting),
            width: 2.5,
        });
    }
    let current = point(*points.last().unwrap_or(&(0.0, 0.0)));
    scene.push(Shape::Rect {
        key: Key::of(ROLE_POINT, 0),
        x: current.0 - 5.0,
        y: current.1 - 5.0,
        width: 10.0,
        height: 10.0,
        radius: 5.0,
        fill: Some(palette.current),
        stroke: Some(palette.background),
    });
}

#[cfg(test)]
mod tests {
    use super::screen_path;

    #[test]
    fn a_million_point_curve_keeps_its_shape_in_few_vertices() {
        let count = 1_000_000;
        let points: Vec<(f64, f64)> = (0..=count)
            .map(|index| {
                let x = index as f64 / count as f64;
                (x, x.sqrt())
            })
            .collect();
        let side = 400.0;
        let path = screen_path(&points, |(x, y)| (x * side, side - y * side));
        assert!(path.len() < 2_000, "{} vertices", path.len());
        assert_eq!(path.first(), Some(&(0.0, side)));
        assert_eq!(path.last(), Some(&(side, 0.0)));
        // Consecutive vertices are at least half a pixel apart (except the kept last one), and
        // the curve still only rises and moves right.
        for pair in path[..path.len() - 1].windows(2) {
            let (dx, dy) = (pair[1].0 - pair[0].0, pair[0].1 - pair[1].1);
            assert!(dx >= 0.0 && dy >= 0.0 && (dx >= 0.5 || dy >= 0.5));
        }
    }
}
