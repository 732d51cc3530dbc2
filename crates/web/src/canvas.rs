//! Scene → `CanvasRenderingContext2d`: the only module that draws in the browser.
//!
//! Shapes are in CSS pixels. The canvas's backing store is usually `devicePixelRatio` times
//! larger (the page sizes it); the ratio is read from the canvas itself, so text and lines stay
//! crisp on high-DPI screens.

use stepwise::render::{arrow_head, font};
use stepwise::scene::{Align, Scene, Shape};
use wasm_bindgen::{Clamped, JsCast, JsValue};
use web_sys::{
    CanvasRenderingContext2d, ImageData, OffscreenCanvas, OffscreenCanvasRenderingContext2d,
};

/// Paints `scene` onto `context`, scaled to fill the canvas's backing store.
pub fn paint(scene: &Scene, context: &CanvasRenderingContext2d) -> Result<(), JsValue> {
    let backing_width = context
        .canvas()
        .map_or(scene.width, |canvas| canvas.width() as f64);
    let ratio = backing_width / scene.width;
    context.set_transform(ratio, 0.0, 0.0, ratio, 0.0, 0.0)?;
    context.set_fill_style_str(&scene.background.css());
    context.fill_rect(0.0, 0.0, scene.width, scene.height);
    context.set_text_baseline("middle");
    context.set_line_cap("round");
    context.set_line_join("round");
    for shape in &scene.shapes {
        paint_shape(shape, context)?;
    }
    Ok(())
}

fn paint_shape(shape: &Shape, context: &CanvasRenderingContext2d) -> Result<(), JsValue> {
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
            rounded_rect(context, *x, *y, *width, *height, *radius)?;
            if let Some(fill) = fill {
                context.set_fill_style_str(&fill.css());
                context.fill();
            }
            if let Some(stroke) = stroke {
                context.set_stroke_style_str(&stroke.css());
                context.set_line_width(1.5);
                context.stroke();
            }
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
            context.set_font(&font(*size, *bold));
            context.set_text_align(match align {
                Align::Start => "left",
                Align::Center => "center",
                Align::End => "right",
            });
            context.set_fill_style_str(&color.css());
            context.fill_text(text, *x, *y)?;
        }
        Shape::Line {
            from,
            to,
            width,
            color,
            arrow,
            ..
        } => {
            context.set_stroke_style_str(&color.css());
            context.set_line_width(*width);
            context.begin_path();
            context.move_to(from.0, from.1);
            context.line_to(to.0, to.1);
            context.stroke();
            if *arrow {
                let [left, right] = arrow_head(*from, *to, *width);
                context.set_fill_style_str(&color.css());
                context.begin_path();
                context.move_to(to.0, to.1);
                context.line_to(left.0, left.1);
                context.line_to(right.0, right.1);
                context.close_path();
                context.fill();
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
            smooth,
            opacity,
            ..
        } => {
            if *columns == 0 || *rows == 0 || pixels.len() != columns * rows * 4 {
                return Ok(());
            }
            let raster = OffscreenCanvas::new(*columns as u32, *rows as u32)?;
            let raster_context = raster
                .get_context("2d")?
                .ok_or_else(|| JsValue::from_str("no 2d context for an offscreen canvas"))?
                .unchecked_into::<OffscreenCanvasRenderingContext2d>();
            let data = ImageData::new_with_u8_clamped_array_and_sh(
                Clamped(pixels),
                *columns as u32,
                *rows as u32,
            )?;
            raster_context.put_image_data(&data, 0.0, 0.0)?;
            context.set_image_smoothing_enabled(*smooth);
            context.set_global_alpha(*opacity);
            context
                .draw_image_with_offscreen_canvas_and_dw_and_dh(&raster, *x, *y, *width, *height)?;
            context.set_global_alpha(1.0);
        }
        Shape::Polyline {
            points,
            fill,
            stroke,
            width,
            ..
        } => {
            let Some((first, rest)) = points.split_first() else {
                return Ok(());
            };
            context.begin_path();
            context.move_to(first.0, first.1);
            for point in rest {
                context.line_to(point.0, point.1);
            }
            if let Some(fill) = fill {
                context.close_path();
                context.set_fill_style_str(&fill.css());
                context.fill();
            }
            if let Some(stroke) = stroke {
                context.set_stroke_style_str(&stroke.css());
                context.set_line_width(*width);
                context.stroke();
            }
        }
    }
    Ok(())
}

fn rounded_rect(
    context: &CanvasRenderingContext2d,
    x: f64,
    y: f64,
    width: f64,
    height: f64,
    radius: f64,
) -> Result<(), JsValue> {
    let radius = radius.min(width / 2.0).min(height / 2.0).max(0.0);
    context.begin_path();
    if radius < 0.5 {
        context.rect(x, y, width, height);
        return Ok(());
    }
    context.move_to(x + radius, y);
    context.arc_to(x + width, y, x + width, y + height, radius)?;
    context.arc_to(x + width, y + height, x, y + height, radius)?;
    context.arc_to(x, y + height, x, y, radius)?;
    context.arc_to(x, y, x + width, y, radius)?;
    context.close_path();
    Ok(())
}
