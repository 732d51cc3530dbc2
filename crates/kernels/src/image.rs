//! The page's image mode as a handle: a grayscale picture and its summed-area table kept in
//! wasm memory, filled a band at a time, blurred and drawn from there.

use stepwise::algo::summed_area;
use stepwise::input::InputError;
use stepwise::scene::{Frame, Theme};
use stepwise_web::canvas;
use stepwise_web::{input_error, to_count};
use wasm_bindgen::prelude::*;
use web_sys::CanvasRenderingContext2d;

/// A grayscale image with its summed-area table, filled a band at a time, and a box blur of
/// any radius in O(1) per pixel: the page's image mode.
#[wasm_bindgen]
pub struct IntegralImage {
    image: summed_area::IntegralImage,
}

#[wasm_bindgen]
impl IntegralImage {
    /// The built-in test pattern, `side` × `side` pixels.
    #[wasm_bindgen(js_name = testPattern)]
    pub fn test_pattern(side: usize) -> Result<IntegralImage, JsValue> {
        let side = side.clamp(1, summed_area::MAX_IMAGE_SIDE);
        let image = summed_area::IntegralImage::new(summed_area::test_pattern(side), side, side)
            .map_err(input_error)?;
        Ok(IntegralImage { image })
    }

    /// An image from RGBA bytes (a canvas's `ImageData.data`), turned to grayscale.
    #[wasm_bindgen(js_name = fromRgba)]
    pub fn from_rgba(rgba: &[u8], width: usize, height: usize) -> Result<IntegralImage, JsValue> {
        if width
            .checked_mul(height)
            .and_then(|pixels| pixels.checked_mul(4))
            != Some(rgba.len())
        {
            return Err(input_error(InputError::new(format!(
                "{} bytes are not the RGBA pixels of a {width}×{height} image",
                rgba.len()
            ))));
        }
        let image = summed_area::IntegralImage::new(summed_area::to_grayscale(rgba), height, width)
            .map_err(input_error)?;
        Ok(IntegralImage { image })
    }

    /// Image width in pixels.
    #[wasm_bindgen(getter)]
    pub fn width(&self) -> usize {
        self.image.columns()
    }

    /// Image height in pixels.
    #[wasm_bindgen(getter)]
    pub fn height(&self) -> usize {
        self.image.rows()
    }

    /// Rows of the table filled so far.
    #[wasm_bindgen(getter, js_name = filledRows)]
    pub fn filled_rows(&self) -> usize {
        self.image.filled_rows()
    }

    /// Fills up to `rows` more table rows; false once the table is complete.
    pub fn fill(&mut self, rows: f64) -> bool {
        self.image.fill(to_count(rows))
    }

    /// Empties the table so the fill can be watched again.
    pub fn restart(&mut self) {
        self.image.restart();
    }

    /// Draws the image (blurred with `radius` once the table is filled) beside the table.
    pub fn draw(
        &mut self,
        context: &CanvasRenderingContext2d,
        width: f64,
        height: f64,
        radius: f64,
        theme: &str,
    ) -> Result<(), JsValue> {
        let frame = Frame::new(width, height, Theme::from_name(theme));
        canvas::paint(&self.image.scene(&frame, to_count(radius)), context)
    }
}
