//! The display list every view produces and every backend paints.
//!
//! A [`Scene`] is a list of [`Shape`]s in CSS pixels. Shapes that stand for the same thing in
//! two steps share a [`Key`], so [`Scene::tween`] can move them between steps (a popped stack
//! entry travels to its answer cell instead of vanishing). Colours come from one
//! colour-blind-safe [`Palette`] (Okabe–Ito hues) with a light and a dark [`Theme`].

pub use crate::number::within;
pub use crate::palette::{palette_css, sequential, Chrome, Color, Palette, Theme};

/// The size and theme a view draws for.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Frame {
    /// Width in CSS pixels.
    pub width: f64,
    /// Height in CSS pixels.
    pub height: f64,
    /// Colours to use.
    pub palette: Palette,
}

impl Frame {
    /// A frame of `width` × `height` CSS pixels in `theme`.
    pub fn new(width: f64, height: f64, theme: Theme) -> Frame {
        let sane = |length: f64| {
            if length.is_finite() {
                within(length, 1.0, 8192.0)
            } else {
                1.0
            }
        };
        Frame {
            width: sane(width),
            height: sane(height),
            palette: Palette::for_theme(theme),
        }
    }
}

/// A rectangle of the picture, in CSS pixels: where an item is drawn.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Bounds {
    /// Left edge.
    pub x: f64,
    /// Top edge.
    pub y: f64,
    /// Width.
    pub width: f64,
    /// Height.
    pub height: f64,
}

/// The smallest target a pointer is asked to hit (WCAG 2.2's 24 CSS pixels).
pub const MIN_TARGET: f64 = 24.0;

impl Bounds {
    /// The rectangle `width` × `height` at `(x, y)`.
    pub const fn new(x: f64, y: f64, width: f64, height: f64) -> Bounds {
        Bounds {
            x,
            y,
            width,
            height,
        }
    }

    /// The square of side `2 × half` around `(x, y)`.
    pub const fn around(x: f64, y: f64, half: f64) -> Bounds {
        Bounds::new(x - half, y - half, 2.0 * half, 2.0 * half)
    }

    /// The rectangle grown by `margin` on every side.
    pub fn grown(self, margin: f64) -> Bounds {
        Bounds::new(
            self.x - margin,
            self.y - margin,
            self.width + 2.0 * margin,
            self.height + 2.0 * margin,
        )
    }

    /// True when `(x, y)` is on the rectangle, grown to at least [`MIN_TARGET`] each way
    /// about its centre (thin bars and small dots stay easy to hit).
    pub fn hit(self, x: f64, y: f64) -> bool {
        let half_width = self.width.max(MIN_TARGET) / 2.0;
        let half_height = self.height.max(MIN_TARGET) / 2.0;
        let (center_x, center_y) = (self.x + self.width / 2.0, self.y + self.height / 2.0);
        (x - center_x).abs() <= half_width && (y - center_y).abs() <= half_height
    }
}

/// Identifies what a shape stands for across steps; `Key::NONE` shapes are not matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Key(u64);

impl Key {
    /// A shape with no identity: it fades in and out.
    pub const NONE: Key = Key(0);

    /// The key of item `index` in role `role` (a small number chosen by the view).
    pub const fn of(role: u16, index: usize) -> Key {
        Key(((role as u64 + 1) << 48) | (index as u64 & 0xFFFF_FFFF_FFFF))
    }
}

/// The type scale: every text in every view uses one of these sizes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextSize {
    /// 11 px: indices, axis labels.
    Small,
    /// 13 px: values, cell contents.
    Body,
    /// 16 px: headings inside the canvas.
    Large,
}

impl TextSize {
    /// The size in CSS pixels.
    pub fn pixels(self) -> f64 {
        match self {
            TextSize::Small => 11.0,
            TextSize::Body => 13.0,
            TextSize::Large => 16.0,
        }
    }
}

/// Horizontal text alignment relative to the anchor point.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    /// The anchor is the left end.
    Start,
    /// The anchor is the middle.
    Center,
    /// The anchor is the right end.
    End,
}

/// One thing to draw.
#[derive(Debug, Clone, PartialEq)]
pub enum Shape {
    /// A rectangle, optionally rounded, filled and/or outlined.
    Rect {
        /// Identity across steps.
        key: Key,
        /// Left edge.
        x: f64,
        /// Top edge.
        y: f64,
        /// Width.
        width: f64,
        /// Height.
        height: f64,
        /// Corner radius.
        radius: f64,
        /// Fill colour, if filled.
        fill: Option<Color>,
        /// Outline colour, if outlined (1.5 px).
        stroke: Option<Color>,
    },
    /// A line of text, vertically centred on `y`.
    Text {
        /// Identity across steps.
        key: Key,
        /// Anchor x.
        x: f64,
        /// Anchor y (the middle of the text).
        y: f64,
        /// The text itself (drawn literally, never as markup).
        text: String,
        /// Size from the type scale.
        size: TextSize,
        /// Bold when true.
        bold: bool,
        /// Alignment to the anchor.
        align: Align,
        /// Colour.
        color: Color,
    },
    /// A straight line, with an arrow head at the end when `arrow` is true.
    Line {
        /// Identity across steps.
        key: Key,
        /// Start point.
        from: (f64, f64),
        /// End point.
        to: (f64, f64),
        /// Line width.
        width: f64,
        /// Colour.
        color: Color,
        /// Draw an arrow head at `to`.
        arrow: bool,
    },
    /// A raster of `columns` × `rows` RGBA pixels stretched over a rectangle (heatmaps,
    /// images): one shape instead of a million cells.
    Image {
        /// Identity across steps.
        key: Key,
        /// Left edge.
        x: f64,
        /// Top edge.
        y: f64,
        /// Drawn width.
        width: f64,
        /// Drawn height.
        height: f64,
        /// Pixels per row.
        columns: usize,
        /// Rows of pixels.
        rows: usize,
        /// RGBA bytes, row-major, `columns * rows * 4` of them (shared: scenes are cloned).
        pixels: std::rc::Rc<[u8]>,
        /// Smooth when scaling (photos) or keep hard pixel edges (matrices).
        smooth: bool,
        /// Opacity, 0–1.
        opacity: f64,
    },
    /// A polyline through `points`, optionally closed and filled.
    Polyline {
        /// Identity across steps.
        key: Key,
        /// The corners.
        points: Vec<(f64, f64)>,
        /// Fill colour when the outline is closed and filled.
        fill: Option<Color>,
        /// Outline colour, if outlined.
        stroke: Option<Color>,
        /// Outline width.
        width: f64,
    },
}

impl Shape {
    /// This shape's key.
    pub fn key(&self) -> Key {
        match self {
            Shape::Rect { key, .. }
            | Shape::Text { key, .. }
            | Shape::Line { key, .. }
            | Shape::Image { key, .. }
            | Shape::Polyline { key, .. } => *key,
        }
    }

    /// The shape `t` of the way to `other` when both are the same kind; `None` otherwise.
    fn between(&self, other: &Shape, t: f64) -> Option<Shape> {
        let lerp = |from: f64, to: f64| from + (to - from) * t;
        let point = |from: (f64, f64), to: (f64, f64)| (lerp(from.0, to.0), lerp(from.1, to.1));
        let color = |from: Option<Color>, to: Option<Color>| match (from, to) {
            (Some(from), Some(to)) => Some(from.mix(to, t)),
            (None, Some(to)) => Some(to.with_alpha(t * to.a as f64 / 255.0)),
            (Some(from), None) => Some(from.with_alpha((1.0 - t) * from.a as f64 / 255.0)),
            (None, None) => None,
        };
        match (self, other) {
            (
                Shape::Rect {
                    x,
                    y,
                    width,
                    height,
                    radius,
                    fill,
                    stroke,
                    ..
                },
                Shape::Rect {
                    key,
                    x: x2,
                    y: y2,
                    width: width2,
                    height: height2,
                    radius: radius2,
                    fill: fill2,
                    stroke: stroke2,
                },
            ) => Some(Shape::Rect {
                key: *key,
                x: lerp(*x, *x2),
                y: lerp(*y, *y2),
                width: lerp(*width, *width2),
                height: lerp(*height, *height2),
                radius: lerp(*radius, *radius2),
                fill: color(*fill, *fill2),
                stroke: color(*stroke, *stroke2),
            }),
            (
                Shape::Text { x, y, color: c, .. },
                Shape::Text {
                    key,
                    x: x2,
                    y: y2,
                    text,
                    size,
                    bold,
                    align,
                    color: c2,
                },
            ) => Some(Shape::Text {
                key: *key,
                x: lerp(*x, *x2),
                y: lerp(*y, *y2),
                text: text.clone(),
                size: *size,
                bold: *bold,
                align: *align,
                color: c.mix(*c2, t),
            }),
            (
                Shape::Line {
                    from,
                    to,
                    width,
                    color: c,
                    ..
                },
                Shape::Line {
                    key,
                    from: from2,
                    to: to2,
                    width: width2,
                    color: c2,
                    arrow,
                },
            ) => Some(Shape::Line {
                key: *key,
                from: point(*from, *from2),
                to: point(*to, *to2),
                width: lerp(*width, *width2),
                color: c.mix(*c2, t),
                arrow: *arrow,
            }),
            _ => None,
        }
    }

    /// The shape with its colours at opacity `alpha` times their own.
    fn faded(&self, alpha: f64) -> Shape {
        let fade = |color: Color| color.with_alpha(alpha * color.a as f64 / 255.0);
        let mut shape = self.clone();
        match &mut shape {
            Shape::Rect { fill, stroke, .. } | Shape::Polyline { fill, stroke, .. } => {
                *fill = fill.map(fade);
                *stroke = stroke.map(fade);
            }
            Shape::Text { color, .. } | Shape::Line { color, .. } => *color = fade(*color),
            Shape::Image { opacity, .. } => *opacity *= alpha,
        }
        shape
    }
}

/// A display list: what one frame shows.
#[derive(Debug, Clone, PartialEq)]
pub struct Scene {
    /// Width in CSS pixels.
    pub width: f64,
    /// Height in CSS pixels.
    pub height: f64,
    /// Background colour.
    pub background: Color,
    /// Shapes, painted in order.
    pub shapes: Vec<Shape>,
}

impl Scene {
    /// An empty scene the size of `frame`, in its background colour.
    pub fn new(frame: &Frame) -> Scene {
        Scene {
            width: frame.width,
            height: frame.height,
            background: frame.palette.background,
            shapes: Vec::new(),
        }
    }

    /// Adds a shape on top.
    pub fn push(&mut self, shape: Shape) {
        self.shapes.push(shape);
    }

    /// Rings `bounds` in `color` to draw the eye to it (a practice hint): a translucent fill
    /// under an outline, a few pixels outside the item.
    pub fn ring(&mut self, bounds: Bounds, color: Color) {
        let ring = bounds.grown(3.0);
        self.push(Shape::Rect {
            key: Key::NONE,
            x: ring.x,
            y: ring.y,
            width: ring.width,
            height: ring.height,
            radius: 6.0,
            fill: Some(color.with_alpha(0.08)),
            stroke: Some(color),
        });
    }

    /// Adds a filled rounded rectangle.
    pub fn rect(&mut self, key: Key, x: f64, y: f64, width: f64, height: f64, fill: Color) {
        self.push(Shape::Rect {
            key,
            x,
            y,
            width,
            height,
            radius: (width.min(height) * 0.18).min(4.0),
            fill: Some(fill),
            stroke: None,
        });
    }

    /// Adds a text.
    pub fn text(
        &mut self,
        key: Key,
        position: (f64, f64),
        text: impl Into<String>,
        style: TextStyle,
    ) {
        self.push(Shape::Text {
            key,
            x: position.0,
            y: position.1,
            text: text.into(),
            size: style.size,
            bold: style.bold,
            align: style.align,
            color: style.color,
        });
    }

    /// The frame `t` (0–1) of the way from `from` to `self`: keyed shapes move and recolour,
    /// shapes only in `from` fade out, shapes only in `self` fade in.
    pub fn tween(&self, from: &Scene, t: f64) -> Scene {
        let t = if t.is_finite() {
            within(t, 0.0, 1.0)
        } else {
            1.0
        };
        if t >= 1.0 {
            return self.clone();
        }
        let eased = t * t * (3.0 - 2.0 * t);
        let mut earlier: std::collections::HashMap<Key, &Shape> = from
            .shapes
            .iter()
            .filter(|shape| shape.key() != Key::NONE)
            .map(|shape| (shape.key(), shape))
            .collect();
        let mut shapes = Vec::with_capacity(self.shapes.len());
        for shape in &self.shapes {
            let matched = match shape.key() {
                Key::NONE => None,
                key => earlier.remove(&key),
            };
            shapes.push(match matched {
                // Kinds with no in-between (images, polylines) switch at once, never blink.
                Some(old) => old.between(shape, eased).unwrap_or_else(|| shape.clone()),
                None => shape.faded(eased),
            });
        }
        let leaving = from
            .shapes
            .iter()
            .filter(|shape| shape.key() == Key::NONE || earlier.contains_key(&shape.key()))
            .map(|shape| shape.faded(1.0 - eased));
        let mut scene = Scene {
            width: self.width,
            height: self.height,
            background: from.background.mix(self.background, eased),
            shapes: leaving.collect(),
        };
        scene.shapes.extend(shapes);
        scene
    }
}

/// How a text looks: size, weight, alignment and colour.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TextStyle {
    /// Size from the type scale.
    pub size: TextSize,
    /// Bold when true.
    pub bold: bool,
    /// Alignment to the anchor.
    pub align: Align,
    /// Colour.
    pub color: Color,
}

impl TextStyle {
    /// Centred, regular text of `size` in `color`.
    pub fn centered(size: TextSize, color: Color) -> TextStyle {
        TextStyle {
            size,
            bold: false,
            align: Align::Center,
            color,
        }
    }

    /// The same style in bold.
    pub fn bold(self) -> TextStyle {
        TextStyle { bold: true, ..self }
    }

    /// The same style aligned to `align`.
    pub fn aligned(self, align: Align) -> TextStyle {
        TextStyle { align, ..self }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn frame() -> Frame {
        Frame::new(100.0, 50.0, Theme::Light)
    }

    #[test]
    fn keyed_shapes_move_and_unkeyed_ones_fade() {
        let ink = Color::hex(0x000000);
        let mut from = Scene::new(&frame());
        from.rect(Key::of(1, 3), 0.0, 0.0, 10.0, 10.0, ink);
        from.rect(Key::NONE, 0.0, 0.0, 5.0, 5.0, ink);
        let mut to = Scene::new(&frame());
        to.rect(Key::of(1, 3), 40.0, 20.0, 10.0, 10.0, ink);
        let halfway = to.tween(&from, 0.5);
        assert_eq!(
            halfway.shapes.len(),
            2,
            "the unkeyed rect fades out, the keyed one moves"
        );
        let moved = halfway
            .shapes
            .iter()
            .find(|shape| shape.key() == Key::of(1, 3))
            .unwrap();
        match moved {
            Shape::Rect { x, y, .. } => assert_eq!((*x, *y), (20.0, 10.0)),
            other => panic!("expected a rect, got {other:?}"),
        }
        assert_eq!(to.tween(&from, 1.0), to);
        assert_eq!(to.tween(&from, f64::NAN), to);
    }

    #[test]
    fn colours_mix_and_print_as_css() {
        let black = Color::hex(0x000000);
        let white = Color::hex(0xFFFFFF);
        assert_eq!(black.mix(white, 0.5).css(), "#808080");
        assert_eq!(black.with_alpha(0.5).css(), "rgba(0,0,0,0.502)");
    }

    #[test]
    fn the_heatmap_scale_runs_from_purple_to_yellow() {
        assert_eq!(sequential(0.0), Color::hex(0x440154));
        assert_eq!(sequential(1.0), Color::hex(0xFDE725));
        assert_eq!(sequential(f64::NAN), Color::hex(0x440154));
    }

    #[test]
    fn frames_survive_nonsense_sizes() {
        let frame = Frame::new(f64::NAN, -4.0, Theme::Dark);
        assert_eq!((frame.width, frame.height), (1.0, 1.0));
    }
}
