//! Animated GIF export for Stepwise, as its own small wasm module.
//!
//! Kept out of the main module on purpose: the page loads it only when someone exports a GIF,
//! so the encoder never counts against the page's first load. Frames arrive as RGBA pixels
//! (a canvas's `ImageData`); the well-kept `gif` crate quantizes and LZW-compresses them.

#![forbid(unsafe_code)]
#![deny(missing_docs)]

use wasm_bindgen::prelude::*;

/// Builds an animated GIF frame by frame.
#[wasm_bindgen]
pub struct GifWriter {
    encoder: gif::Encoder<Vec<u8>>,
    width: u16,
    height: u16,
    delay: u16,
    frames: u32,
}

fn error(message: impl std::fmt::Display) -> JsValue {
    js_sys_error(&message.to_string())
}

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_name = Error)]
    fn js_sys_error(message: &str) -> JsValue;
}

#[wasm_bindgen]
impl GifWriter {
    /// A GIF of `width` × `height` pixels showing each frame for `delay_ms` milliseconds,
    /// looping forever.
    #[wasm_bindgen(constructor)]
    pub fn new(width: u32, height: u32, delay_ms: u32) -> Result<GifWriter, JsValue> {
        let (Ok(width), Ok(height)) = (u16::try_from(width), u16::try_from(height)) else {
            return Err(error("a GIF is at most 65535 pixels wide and high"));
        };
        if width == 0 || height == 0 {
            return Err(error("a GIF needs at least one pixel"));
        }
        let mut encoder = gif::Encoder::new(Vec::new(), width, height, &[]).map_err(error)?;
        encoder.set_repeat(gif::Repeat::Infinite).map_err(error)?;
        Ok(GifWriter {
            encoder,
            width,
            height,
            // GIF delays are in hundredths of a second.
            delay: u16::try_from(delay_ms.div_ceil(10))
                .unwrap_or(u16::MAX)
                .max(2),
            frames: 0,
        })
    }

    /// Adds one frame from RGBA bytes (`width · height · 4` of them).
    #[wasm_bindgen(js_name = addFrame)]
    pub fn add_frame(&mut self, rgba: &[u8]) -> Result<(), JsValue> {
        let expected = usize::from(self.width) * usize::from(self.height) * 4;
        if rgba.len() != expected {
            return Err(error(format!(
                "a frame of {}×{} needs {expected} RGBA bytes, got {}",
                self.width,
                self.height,
                rgba.len()
            )));
        }
        let mut pixels = rgba.to_vec();
        // Speed 10 of 1..=30: good colours for flat diagrams at a fraction of the slowest cost.
        let mut frame = gif::Frame::from_rgba_speed(self.width, self.height, &mut pixels, 10);
        frame.delay = self.delay;
        self.encoder.write_frame(&frame).map_err(error)?;
        self.frames += 1;
        Ok(())
    }

    /// How many frames were added.
    #[wasm_bindgen(getter)]
    pub fn frames(&self) -> u32 {
        self.frames
    }

    /// Ends the file and returns its bytes.
    pub fn finish(self) -> Result<Vec<u8>, JsValue> {
        self.encoder.into_inner().map_err(error)
    }
}
