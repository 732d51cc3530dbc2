//! The page paints at once: the served `index.html` carries the default algorithm's first frame,
//! drawn at build time by the native SVG backend, with the texts around it (tabs, title, lede,
//! method titles, counters, narration, step count) as the page's script will write them. The
//! script replaces the pictures with its canvases when the wasm is ready, in the same boxes,
//! so nothing moves.

use stepwise::algo::{Entry, REGISTRY};
use stepwise::input::{OptionMap, OptionValue};
use stepwise::render::svg::to_svg;
use stepwise::scene::{Frame, Theme};
use stepwise::trace::Animation;

/// The size the pictures are drawn at: the desktop layout's canvas box (they scale to fit).
const WIDTH: f64 = 420.0;
/// See [`WIDTH`].
const HEIGHT: f64 = 380.0;

/// `html` (the page's `index.html`) with the default algorithm's first frame written in.
pub fn first_frame(html: &str) -> Result<String, String> {
    let entry = REGISTRY.first().ok_or("the registry is empty")?;
    let info = entry.info;
    let primary = animation(entry, info.methods[0].id)?;
    let tabs: String = REGISTRY
        .iter()
        .enumerate()
        .map(|(index, other)| {
            let current = if index == 0 {
                r#" aria-current="page""#
            } else {
                ""
            };
            format!(
                r##"<a href="#{id}" data-algorithm="{id}"{current}>{title}</a>"##,
                id = escape(other.info.id),
                title = escape(other.info.title)
            )
        })
        .collect();
    // The page runs the other methods beside the first by default (the compare switch).
    let others: String = info.methods[1..]
        .iter()
        .map(|method| {
            let other = animation(entry, method.id)?;
            Ok(format!(
                r#"<figure class="player" data-method="{id}" data-first-frame><figcaption><span class="method-title">{title}</span><span class="counters">{counters}</span></figcaption><div class="canvas-box"><canvas role="img" aria-label="Animation: {title}"></canvas>{picture}<p class="figure-message" hidden></p></div><p class="secondary-narration">{narration}</p></figure>"#,
                id = escape(method.id),
                title = escape(method.title),
                counters = counters(&*other),
                picture = picture(&*other),
                narration = escape(&other.narration()),
            ))
        })
        .collect::<Result<_, String>>()?;
    // A link to a tab (`#roc`, `?…#next-greater`) opens another frame than this one: a hidden
    // marker per algorithm lets the style sheet see it (`:target`) and keep the stage hidden
    // until the script has drawn the linked frame.
    let routes: String = REGISTRY
        .iter()
        .map(|other| {
            format!(
                r#"<span class="route" id="{}" hidden></span>"#,
                escape(other.info.id)
            )
        })
        .collect();
    let mut page = html.to_string();
    for (from, to) in [
        (
            r#"<main class="layout">"#.to_string(),
            format!(r#"<main class="layout">{routes}"#),
        ),
        (
            r#"<nav class="algorithm-tabs" aria-label="Algorithms" id="algorithm-tabs"></nav>"#.to_string(),
            format!(r#"<nav class="algorithm-tabs" aria-label="Algorithms" id="algorithm-tabs">{tabs}</nav>"#),
        ),
        (
            "<title>Stepwise — algorithms, step by step</title>".to_string(),
            format!("<title>Stepwise — {}, step by step</title>", escape(info.title)),
        ),
        (
            r#"<h1 id="algorithm-title">Stepwise</h1>"#.to_string(),
            format!(r#"<h1 id="algorithm-title">{}</h1>"#, escape(info.title)),
        ),
        (
            r#"<span class="method-title" id="primary-title"></span><span class="counters" id="primary-counters"></span>"#.to_string(),
            format!(
                r#"<span class="method-title" id="primary-title">{}</span><span class="counters" id="primary-counters">{}</span>"#,
                escape(info.methods[0].title),
                counters(&*primary)
            ),
        ),
        (
            r#"aria-label="Animation of the algorithm"></canvas></div>"#.to_string(),
            format!(r#"aria-label="Animation of the algorithm"></canvas>{}</div>"#, picture(&*primary)),
        ),
        (
            r#"<p class="canvas-hint" id="primary-hint" hidden></p>
        </figure>"#.to_string(),
            format!(
                r#"<p class="canvas-hint" id="primary-hint" hidden></p>
        </figure>{others}"#
            ),
        ),
        (
            r#"<p class="narration" id="narration" aria-live="polite"></p>"#.to_string(),
            format!(
                r#"<p class="narration" id="narration" aria-live="polite">{}</p>"#,
                escape(&primary.narration())
            ),
        ),
        (
            r#"<output id="step-count" for="scrubber">0 / 0</output>"#.to_string(),
            format!(r#"<output id="step-count" for="scrubber">0 / {}</output>"#, primary.len()),
        ),
    ] {
        page = replace_once(&page, &from, &to)?;
    }
    page = replace_lede(&page, info.page.lede)?;
    Ok(page)
}

/// The default example run with `method`, at its first step.
fn animation(entry: &Entry, method: &str) -> Result<Box<dyn Animation>, String> {
    let mut options = OptionMap::new().with("method", OptionValue::Text(method.to_string()));
    (entry.animate)(entry.info.example, &mut options).map_err(|error| error.to_string())
}

/// The first frame as an SVG image that fills its box (over the canvas, until the canvas
/// draws). An image, not inline SVG: its text styles are its own document's, which the page's
/// Content-Security-Policy (no inline styles) leaves alone.
fn picture(animation: &dyn Animation) -> String {
    let svg = to_svg(&animation.scene(&Frame::new(WIDTH, HEIGHT, Theme::Light)));
    // Escaped for a data URL inside a double-quoted attribute: `&` too, or the HTML parser
    // would decode the SVG's own entities (`&quot;` in its font lists).
    let data = svg
        .replace('%', "%25")
        .replace('#', "%23")
        .replace('"', "%22")
        .replace('&', "%26");
    format!(
        r#"<img class="first-frame" alt="" decoding="sync" fetchpriority="high" src="data:image/svg+xml,{data}">"#
    )
}

/// The counters as the page's `showCounters` writes them.
fn counters(animation: &dyn Animation) -> String {
    animation
        .counters()
        .iter()
        .map(|counter| {
            format!(
                r#"<span data-counter="{name}"><b>{value}</b> {name}</span>"#,
                name = escape(counter.name),
                value = counter.value
            )
        })
        .collect()
}

/// The lede paragraph's text replaced with `lede`.
fn replace_lede(page: &str, lede: &str) -> Result<String, String> {
    const OPEN: &str = r#"<p class="lede" id="algorithm-lede">"#;
    let start = page.find(OPEN).ok_or("index.html has no lede paragraph")? + OPEN.len();
    let end = start
        + page[start..]
            .find("</p>")
            .ok_or("the lede paragraph is not closed")?;
    Ok(format!(
        "{}{}{}",
        &page[..start],
        escape(lede),
        &page[end..]
    ))
}

/// `page` with `from` replaced by `to`, which must occur exactly once (so an edit of
/// `www/index.html` cannot silently leave the first frame out).
fn replace_once(page: &str, from: &str, to: &str) -> Result<String, String> {
    match page.matches(from).count() {
        1 => Ok(page.replacen(from, to, 1)),
        count => Err(format!(
            "index.html holds `{from}` {count} times, not once: the first frame cannot be written in"
        )),
    }
}

/// `text` safe inside HTML text and attribute values.
fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_page_gets_the_default_algorithms_first_frame() {
        let html = std::fs::read_to_string(crate::root().join("www/index.html")).unwrap();
        let page = first_frame(&html).unwrap();
        let entry = &REGISTRY[0];
        assert!(page.contains(&format!(">{}</h1>", escape(entry.info.title))));
        assert_eq!(
            page.matches(r#"<img class="first-frame" alt="" decoding="sync" fetchpriority="high" src="data:image/svg+xml,%3Csvg"#)
                .count()
                + page
                    .matches(r#"<img class="first-frame" alt="" decoding="sync" fetchpriority="high" src="data:image/svg+xml,<svg"#)
                    .count(),
            entry.info.methods.len()
        );
        assert_eq!(page.matches("<a href=\"#").count(), REGISTRY.len());
        assert_eq!(
            page.matches(r#"<span class="route" id=""#).count(),
            REGISTRY.len()
        );
    }
}
