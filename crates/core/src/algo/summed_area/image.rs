//! Integral images: a grayscale picture, its summed-area table filled a band of rows at a time
//! (the animation's sweeping front), and a box blur of any radius in O(1) per pixel.
//!
//! This is what integral images are for: Viola–Jones face detection evaluates Haar features
//! and box filters at every position and scale from one table.

use super::kernel::{fill_rows, rect_sum, Rect};
use crate::format::group_digits;
use crate::input::InputError;
use crate::scene::{
    sequential, within, Align, Color, Frame, Key, Scene, Shape, TextSize, TextStyle,
};
use std::rc::Rc;

/// The largest image side image mode accepts (larger files are scaled down to fit).
pub const MAX_IMAGE_SIDE: usize = 1024;

/// The box blur of a `rows` × `columns` image from its summed-area table: each output pixel is
/// the mean of the `(2·radius+1)²` window around it, clipped at the borders. O(1) per pixel:
/// four lookups and a division (the interior of each row runs without index checks).
pub fn box_blur(table: &[f64], rows: usize, columns: usize, radius: usize, output: &mut [f64]) {
    let width = columns + 1;
    // Interior columns see the whole window width: `column - radius .. column + radius + 1`.
    let span = radius.saturating_mul(2).saturating_add(1);
    let interior = radius..columns.saturating_sub(radius).max(radius);
    for (row, out) in output
        .chunks_exact_mut(columns.max(1))
        .take(rows)
        .enumerate()
    {
        let top = row.saturating_sub(radius);
        let bottom = row.saturating_add(radius).min(rows - 1) + 1;
        let height = (bottom - top) as f64;
        let upper = &table[top * width..(top + 1) * width];
        let lower = &table[bottom * width..(bottom + 1) * width];
        let window = |column: usize| {
            let left = column.saturating_sub(radius);
            let right = column.saturating_add(radius).min(columns - 1) + 1;
            (lower[right] - upper[right] - lower[left] + upper[left])
                / (height * (right - left) as f64)
        };
        if interior.is_empty() {
            for (column, cell) in out.iter_mut().enumerate() {
                *cell = window(column);
            }
            continue;
        }
        for column in (0..interior.start).chain(interior.end..columns) {
            out[column] = window(column);
        }
        let area = height * span as f64;
        let cells = out[interior.clone()].iter_mut();
        let rights = lower[span..].iter().zip(&upper[span..]);
        let lefts = lower.iter().zip(upper);
        for (cell, ((lower_right, upper_right), (lower_left, upper_left))) in
            cells.zip(rights.zip(lefts))
        {
            *cell = (lower_right - upper_right - lower_left + upper_left) / area;
        }
    }
}

/// A `side` × `side` grayscale test pattern (0–255): gradients, a disc, rings, a checkerboard
/// and thin lines, so a blur visibly softens edges of every kind.
pub fn test_pattern(side: usize) -> Vec<f64> {
    let scale = side.max(1) as f64;
    let mut pixels = Vec::with_capacity(side * side);
    for row in 0..side {
        for column in 0..side {
            let (y, x) = (row as f64 / scale, column as f64 / scale);
            let mut value = 40.0 + 120.0 * x;
            let (dx, dy) = (x - 0.32, y - 0.34);
            let distance = (dx * dx + dy * dy).sqrt();
            if distance < 0.18 {
                value = 235.0;
            } else if (distance * 40.0).floor() as i64 % 2 == 0 && distance < 0.3 {
                value = 20.0;
            }
            if x > 0.58 && y > 0.56 {
                let checker = ((x * 16.0).floor() as i64 + (y * 16.0).floor() as i64) % 2 == 0;
                value = if checker { 250.0 } else { 15.0 };
            }
            if y > 0.7 && x < 0.5 && (column % 12 < 2) {
                value = 255.0;
            }
            pixels.push(value);
        }
    }
    pixels
}

/// Grayscale (Rec. 709 luma, rounded to whole levels 0–255, so sums stay exact integers) of
/// RGBA bytes as a canvas's `ImageData` holds them.
pub fn to_grayscale(rgba: &[u8]) -> Vec<f64> {
    rgba.chunks_exact(4)
        .map(|pixel| {
            (0.2126 * pixel[0] as f64 + 0.7152 * pixel[1] as f64 + 0.0722 * pixel[2] as f64).round()
        })
        .collect()
}

/// An image, its table filled so far, and the pictures drawn from them, kept between frames
/// so that moving the blur slider only recomputes the blur.
pub struct IntegralImage {
    rows: usize,
    columns: usize,
    pixels: Vec<f64>,
    table: Vec<f64>,
    filled_rows: usize,
    /// The sum of all pixels: the table's largest value, fixed before the fill starts, so rows
    /// already drawn in the heatmap never change colour.
    total: f64,
    /// The blurred picture for one radius, as gray levels.
    blur: Option<(usize, Vec<f64>)>,
    /// The picture as RGBA for one radius (`usize::MAX` before the first draw).
    picture: (usize, Rc<[u8]>),
    /// The table as RGBA heatmap rows `0..heat_rows`, the rest in the empty colour.
    heat: Rc<[u8]>,
    heat_rows: usize,
    heat_empty: Color,
}

/// 256 steps of the heatmap scale, so a megapixel costs a table lookup per pixel.
fn heat_scale() -> [[u8; 4]; 256] {
    let mut scale = [[0; 4]; 256];
    for (step, entry) in scale.iter_mut().enumerate() {
        let color = sequential(step as f64 / 255.0);
        *entry = [color.r, color.g, color.b, 255];
    }
    scale
}

impl IntegralImage {
    /// Wraps `pixels` (0–255, row-major); the table starts empty.
    pub fn new(pixels: Vec<f64>, rows: usize, columns: usize) -> Result<Self, InputError> {
        if rows == 0 || columns == 0 {
            return Err(InputError::new("the image has no pixels"));
        }
        if rows > MAX_IMAGE_SIDE || columns > MAX_IMAGE_SIDE {
            return Err(InputError::new(format!(
                "the image is {columns}×{rows}; image mode takes at most {MAX_IMAGE_SIDE}×{MAX_IMAGE_SIDE}"
            )));
        }
        if pixels.len() != rows * columns {
            return Err(InputError::new(format!(
                "{} pixel values for a {columns}×{rows} image, expected {}",
                group_digits(pixels.len()),
                group_digits(rows * columns)
            )));
        }
        Ok(IntegralImage {
            rows,
            columns,
            table: vec![0.0; (rows + 1) * (columns + 1)],
            total: pixels.iter().sum(),
            pixels,
            filled_rows: 0,
            blur: None,
            picture: (usize::MAX, Rc::from(Vec::new())),
            heat: Rc::from(vec![0; rows * columns * 4]),
            heat_rows: 0,
            heat_empty: Color::hex(0),
        })
    }

    /// Number of pixel rows.
    pub fn rows(&self) -> usize {
        self.rows
    }

    /// Number of pixel columns.
    pub fn columns(&self) -> usize {
        self.columns
    }

    /// How many rows of the table are filled.
    pub fn filled_rows(&self) -> usize {
        self.filled_rows
    }

    /// True once the whole table is filled.
    pub fn is_filled(&self) -> bool {
        self.filled_rows == self.rows
    }

    /// Fills up to `count` more rows of the table (the sweeping front); false when done.
    pub fn fill(&mut self, count: usize) -> bool {
        let end = self.filled_rows.saturating_add(count).min(self.rows);
        fill_rows(
            &self.pixels,
            self.columns,
            &mut self.table,
            self.filled_rows + 1..end + 1,
            &mut (),
        );
        self.filled_rows = end;
        if self.is_filled() {
            // The picture depends on the table once it is complete.
            self.picture.0 = usize::MAX;
        }
        !self.is_filled()
    }

    /// Empties the table so the fill can be watched again.
    pub fn restart(&mut self) {
        self.table.fill(0.0);
        self.filled_rows = 0;
        self.blur = None;
        self.picture.0 = usize::MAX;
        self.heat_rows = 0;
        self.heat_empty = Color::hex(0);
    }

    /// The sum of the pixels in `rect` (the table must be filled past its last row).
    pub fn rect_sum(&self, rect: Rect) -> Option<f64> {
        (rect.bottom < self.filled_rows).then(|| rect_sum(&self.table, self.columns, rect))
    }

    /// The picture blurred with `radius` (0 is the picture itself); needs the full table.
    pub fn blurred(&mut self, radius: usize) -> &[f64] {
        if radius == 0 || !self.is_filled() {
            return &self.pixels;
        }
        let fresh = !matches!(&self.blur, Some((cached, _)) if *cached == radius);
        if fresh {
            let mut output = match self.blur.take() {
                Some((_, buffer)) => buffer,
                None => vec![0.0; self.pixels.len()],
            };
            box_blur(&self.table, self.rows, self.columns, radius, &mut output);
            self.blur = Some((radius, output));
        }
        match &self.blur {
            Some((_, output)) => output,
            None => &self.pixels,
        }
    }

    /// The picture for `radius` as RGBA, recomputed only when the radius or the table changed.
    fn picture(&mut self, radius: usize) -> Rc<[u8]> {
        // A radius past the image's size blurs to the same picture; the cap also keeps clear
        // of the `usize::MAX` "nothing drawn yet" marker.
        let radius = if self.is_filled() {
            radius.min(MAX_IMAGE_SIDE)
        } else {
            0
        };
        if self.picture.0 != radius {
            let blurred = self.blurred(radius);
            let mut bytes = vec![255; blurred.len() * 4];
            for (pixel, &value) in bytes.chunks_exact_mut(4).zip(blurred) {
                let level = within(value, 0.0, 255.0) as u8;
                pixel[..3].fill(level);
            }
            self.picture = (radius, Rc::from(bytes));
        }
        Rc::clone(&self.picture.1)
    }

    /// The table as a heatmap, extended by the rows filled since the last call.
    fn heat(&mut self, empty: Color) -> Rc<[u8]> {
        let columns = self.columns;
        if empty != self.heat_empty {
            let heat = Rc::make_mut(&mut self.heat);
            for pixel in heat.chunks_exact_mut(4).skip(self.heat_rows * columns) {
                pixel.copy_from_slice(&[empty.r, empty.g, empty.b, 255]);
            }
            self.heat_empty = empty;
        }
        if self.heat_rows < self.filled_rows {
            let scale = heat_scale();
            let highest = self.total.max(f64::MIN_POSITIVE);
            let width = columns + 1;
            let heat = Rc::make_mut(&mut self.heat);
            for row in self.heat_rows..self.filled_rows {
                let table_row = &self.table[(row + 1) * width + 1..(row + 2) * width];
                let out = &mut heat[row * columns * 4..(row + 1) * columns * 4];
                for (pixel, &value) in out.chunks_exact_mut(4).zip(table_row) {
                    let step = (within(value / highest, 0.0, 1.0) * 255.0) as usize;
                    pixel.copy_from_slice(&scale[step]);
                }
            }
            self.heat_rows = self.filled_rows;
        }
        Rc::clone(&self.heat)
    }

    /// The image (blurred by `radius` once filled) beside its table as a heatmap with the
    /// filling front.
    pub fn scene(&mut self, frame: &Frame, radius: usize) -> Scene {
        let palette = frame.palette;
        let mut scene = Scene::new(frame);
        let (rows, columns) = (self.rows, self.columns);
        let gap = 24.0;
        let top = 40.0;
        let side_by_side = frame.width >= frame.height * 1.2;
        let (panel_width, panel_height) = if side_by_side {
            ((frame.width - 32.0 - gap) / 2.0, frame.height - top - 16.0)
        } else {
            (frame.width - 32.0, (frame.height - 2.0 * top - gap) / 2.0)
        };
        let scale = (panel_width / columns as f64)
            .min(panel_height / rows as f64)
            .max(0.01);
        let (width, height) = (columns as f64 * scale, rows as f64 * scale);
        let first = (16.0, top);
        let second = if side_by_side {
            (16.0 + panel_width + gap, top)
        } else {
            (16.0, top + panel_height + gap + top - 16.0)
        };
        let title = TextStyle::centered(TextSize::Body, palette.ink)
            .bold()
            .aligned(Align::Start);
        // Narrow panels get short titles, so the two never run into each other.
        let compact = panel_width < 300.0;
        scene.text(
            Key::NONE,
            (first.0, first.1 - 14.0),
            match (radius > 0 && self.is_filled(), compact) {
                (true, false) => format!("box blur, radius {radius}: O(1) per pixel from S"),
                (true, true) => format!("box blur, radius {radius}"),
                (false, _) => format!("image, {columns}×{rows}"),
            },
            title,
        );
        let picture = self.picture(radius);
        scene.push(image_shape(
            (first.0, first.1, width, height),
            (columns, rows),
            picture,
            true,
        ));
        scene.text(
            Key::NONE,
            (second.0, second.1 - 14.0),
            match (self.is_filled(), compact) {
                (true, false) => "summed-area table S: filled".to_string(),
                (true, true) => "table S: filled".to_string(),
                (false, false) => {
                    format!("summed-area table S: row {} of {rows}", self.filled_rows)
                }
                (false, true) => format!("table S: row {} of {rows}", self.filled_rows),
            },
            title,
        );
        let heat = self.heat(palette.faint);
        scene.push(image_shape(
            (second.0, second.1, width, height),
            (columns, rows),
            heat,
            false,
        ));
        if !self.is_filled() {
            let front = second.1 + self.filled_rows as f64 * scale;
            scene.push(Shape::Line {
                key: Key::NONE,
                from: (second.0 - 4.0, front),
                to: (second.0 + width + 4.0, front),
                width: 2.0,
                color: palette.current,
                arrow: false,
            });
        }
        scene
    }
}

fn image_shape(
    (x, y, width, height): (f64, f64, f64, f64),
    (columns, rows): (usize, usize),
    pixels: Rc<[u8]>,
    smooth: bool,
) -> Shape {
    Shape::Image {
        key: Key::NONE,
        x,
        y,
        width,
        height,
        columns,
        rows,
        pixels,
        smooth,
        opacity: 1.0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scene::Theme;

    fn brute_blur(pixels: &[f64], rows: usize, columns: usize, radius: usize) -> Vec<f64> {
        let mut output = Vec::new();
        for row in 0..rows {
            for column in 0..columns {
                let (mut sum, mut count) = (0.0, 0.0);
                for r in row.saturating_sub(radius)..=(row + radius).min(rows - 1) {
                    for c in column.saturating_sub(radius)..=(column + radius).min(columns - 1) {
                        sum += pixels[r * columns + c];
                        count += 1.0;
                    }
                }
                output.push(sum / count);
            }
        }
        output
    }

    #[test]
    fn the_blur_equals_the_brute_force_window_mean() {
        for (rows, columns) in [(13, 9), (1, 1), (1, 7), (7, 1), (6, 6), (5, 12)] {
            let pixels: Vec<f64> = (0..rows * columns)
                .map(|i| ((i * 37) % 256) as f64)
                .collect();
            let mut image = IntegralImage::new(pixels.clone(), rows, columns).unwrap();
            while image.fill(4) {}
            for radius in [0, 1, 2, 3, 5, 40] {
                let expected = brute_blur(&pixels, rows, columns, radius);
                let actual = image.blurred(radius).to_vec();
                assert_eq!(actual.len(), expected.len());
                for (a, e) in actual.iter().zip(&expected) {
                    assert!(
                        (a - e).abs() < 1e-9,
                        "{rows}×{columns}, radius {radius}: {a} vs {e}"
                    );
                }
            }
        }
    }

    #[test]
    fn filling_in_bands_gives_the_whole_table() {
        let pixels = test_pattern(37);
        let mut image = IntegralImage::new(pixels.clone(), 37, 37).unwrap();
        assert!(image.fill(10));
        assert_eq!(image.filled_rows(), 10);
        let rect = Rect {
            top: 2,
            left: 3,
            bottom: 9,
            right: 20,
        };
        assert!(
            image.rect_sum(Rect { bottom: 30, ..rect }).is_none(),
            "row 30 is not filled"
        );
        while image.fill(10) {}
        let table = super::super::kernel::summed_area_table(&pixels, 37, 37, &mut ());
        assert_eq!(image.table, table);
        let scene = image.scene(&Frame::new(600.0, 300.0, Theme::Light), 3);
        assert_eq!(
            scene
                .shapes
                .iter()
                .filter(|shape| matches!(shape, Shape::Image { .. }))
                .count(),
            2
        );
    }

    #[test]
    fn bad_sizes_are_refused_with_a_message() {
        assert!(IntegralImage::new(vec![], 0, 0).is_err());
        let message = IntegralImage::new(vec![0.0; 5], 2, 3)
            .err()
            .unwrap()
            .to_string();
        assert_eq!(message, "5 pixel values for a 3×2 image, expected 6");
        assert!(IntegralImage::new(vec![0.0; 2048], 1, 2048).is_err());
        assert_eq!(
            to_grayscale(&[255, 255, 255, 255, 0, 0, 0, 255]),
            vec![255.0, 0.0]
        );
    }
}
