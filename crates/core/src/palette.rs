//! Every colour Stepwise shows, defined once: the canvas [`Palette`] (Okabe–Ito hues, light and
//! dark [`Theme`]), the page's [`Chrome`] around it, the heatmaps' [`sequential`] scale, and
//! [`palette_css`], which writes them all as CSS custom properties (`www/palette.css`).

use crate::number::within;

/// An sRGB colour with alpha, 0–255 per channel.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Color {
    /// Red.
    pub r: u8,
    /// Green.
    pub g: u8,
    /// Blue.
    pub b: u8,
    /// Opacity.
    pub a: u8,
}

impl Color {
    /// An opaque colour from `0xRRGGBB`.
    pub const fn hex(rgb: u32) -> Color {
        Color {
            r: (rgb >> 16) as u8,
            g: (rgb >> 8) as u8,
            b: rgb as u8,
            a: 255,
        }
    }

    /// The same colour with opacity `alpha` (0–1).
    pub fn with_alpha(self, alpha: f64) -> Color {
        Color {
            a: (within(alpha, 0.0, 1.0) * 255.0).round() as u8,
            ..self
        }
    }

    /// The colour `t` of the way from `self` to `other`.
    pub fn mix(self, other: Color, t: f64) -> Color {
        let channel =
            |from: u8, to: u8| (from as f64 + (to as f64 - from as f64) * t).round() as u8;
        Color {
            r: channel(self.r, other.r),
            g: channel(self.g, other.g),
            b: channel(self.b, other.b),
            a: channel(self.a, other.a),
        }
    }

    /// CSS text for the colour: `#rrggbb` when opaque, `rgba(...)` otherwise.
    pub fn css(self) -> String {
        if self.a == 255 {
            format!("#{:02x}{:02x}{:02x}", self.r, self.g, self.b)
        } else {
            format!(
                "rgba({},{},{},{})",
                self.r,
                self.g,
                self.b,
                crate::format::format_fixed(self.a as f64 / 255.0, 3)
            )
        }
    }
}

/// Light or dark page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Theme {
    /// Dark ink on a light background.
    #[default]
    Light,
    /// Light ink on a dark background.
    Dark,
}

impl Theme {
    /// Reads `"light"` or `"dark"`; anything else is light.
    pub fn from_name(name: &str) -> Theme {
        if name == "dark" {
            Theme::Dark
        } else {
            Theme::Light
        }
    }
}

/// The colours views may use, by role. Hues are Okabe–Ito, safe for colour-blind readers;
/// every role is also told apart by shape or label, never by colour alone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Palette {
    /// Canvas background.
    pub background: Color,
    /// Main text and outlines.
    pub ink: Color,
    /// Secondary text (indices, captions).
    pub muted: Color,
    /// Grid lines, axes and empty cells.
    pub faint: Color,
    /// Items not yet involved.
    pub idle: Color,
    /// The item being scanned (`i`). Orange.
    pub current: Color,
    /// Items waiting (on the stack, in a queue). Blue.
    pub waiting: Color,
    /// The item compared against. Vermillion.
    pub compared: Color,
    /// Items whose answer is known. Bluish green.
    pub resolved: Color,
    /// A second series or a highlight. Reddish purple.
    pub accent: Color,
}

impl Palette {
    /// The palette for `theme`.
    pub const fn for_theme(theme: Theme) -> Palette {
        match theme {
            Theme::Light => Palette {
                background: Color::hex(0xFFFFFF),
                ink: Color::hex(0x1F2933),
                muted: Color::hex(0x5F6B7A),
                faint: Color::hex(0xE3E7EC),
                idle: Color::hex(0xC5CDD6),
                current: Color::hex(0xE69F00),
                waiting: Color::hex(0x0072B2),
                compared: Color::hex(0xD55E00),
                resolved: Color::hex(0x009E73),
                accent: Color::hex(0xCC79A7),
            },
            Theme::Dark => Palette {
                background: Color::hex(0x161B22),
                ink: Color::hex(0xE6EDF3),
                muted: Color::hex(0x9AA7B4),
                faint: Color::hex(0x2D3540),
                idle: Color::hex(0x4A5563),
                current: Color::hex(0xF0B429),
                waiting: Color::hex(0x56B4E9),
                compared: Color::hex(0xF07F3C),
                resolved: Color::hex(0x2FC09A),
                accent: Color::hex(0xE0A3C8),
            },
        }
    }
}

/// The colours of the page and the element around the canvas, by role: defined here beside
/// the canvas palette so that every colour Stepwise shows has one definition. [`palette_css`]
/// emits both as CSS custom properties (`www/palette.css`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Chrome {
    /// The page behind the cards.
    pub page: Color,
    /// Cards, panels and the element.
    pub surface: Color,
    /// Borders and separators.
    pub line: Color,
    /// Links, the primary button and focus-free highlights.
    pub link: Color,
    /// Text on the primary button.
    pub link_ink: Color,
    /// The highlighted pseudocode line's background.
    pub code_active: Color,
    /// Error text.
    pub error: Color,
    /// Error boxes' background.
    pub error_surface: Color,
}

impl Chrome {
    /// The chrome for `theme`.
    pub const fn for_theme(theme: Theme) -> Chrome {
        match theme {
            Theme::Light => Chrome {
                page: Color::hex(0xF4F6F8),
                surface: Color::hex(0xFFFFFF),
                line: Color::hex(0xDDE2E8),
                link: Color::hex(0x0072B2),
                link_ink: Color::hex(0xFFFFFF),
                code_active: Color::hex(0xFFF3D6),
                error: Color::hex(0xB3261E),
                error_surface: Color::hex(0xFDECEA),
            },
            Theme::Dark => Chrome {
                page: Color::hex(0x0D1117),
                surface: Color::hex(0x161B22),
                line: Color::hex(0x2D3540),
                link: Color::hex(0x56B4E9),
                link_ink: Color::hex(0x0D1117),
                code_active: Color::hex(0x3A2F12),
                error: Color::hex(0xFF8A80),
                error_surface: Color::hex(0x3B1715),
            },
        }
    }
}

/// The whole palette, light and dark, as CSS custom properties: `--ink`, `--current`, … for
/// the page (`:root`, `[data-theme="dark"]`) and for `<stepwise-player>`'s shadow root
/// (`:host`, `:host([theme="dark"])`). `www/palette.css` is this text; a test keeps it so.
pub fn palette_css() -> String {
    let block = |theme: Theme| {
        let palette = Palette::for_theme(theme);
        let chrome = Chrome::for_theme(theme);
        let roles = [
            ("page", chrome.page),
            ("surface", chrome.surface),
            ("line", chrome.line),
            ("accent", chrome.link),
            ("accent-ink", chrome.link_ink),
            ("code-active", chrome.code_active),
            ("error", chrome.error),
            ("error-surface", chrome.error_surface),
            ("background", palette.background),
            ("ink", palette.ink),
            ("muted", palette.muted),
            ("faint", palette.faint),
            ("idle", palette.idle),
            ("current", palette.current),
            ("waiting", palette.waiting),
            ("compared", palette.compared),
            ("resolved", palette.resolved),
            ("highlight", palette.accent),
        ];
        roles
            .iter()
            .map(|(name, color)| format!("  --{name}: {};\n", color.css()))
            .collect::<String>()
    };
    format!(
        "/* Generated from src/palette.rs (Palette, Chrome) by `palette_css()`: edit the Rust, then\n   \
         run `STEPWISE_UPDATE_SNAPSHOTS=1 cargo test palette` to rewrite this file. */\n\
         :root, :host {{\n{}  color-scheme: light;\n}}\n\
         [data-theme=\"dark\"], :host([theme=\"dark\"]) {{\n{}  color-scheme: dark;\n}}\n",
        block(Theme::Light),
        block(Theme::Dark)
    )
}

/// The sequential colour scale for heatmaps (viridis: perceptually even, colour-blind safe,
/// readable in grey). `t` runs from 0 (low) to 1 (high).
pub fn sequential(t: f64) -> Color {
    const STOPS: [u32; 5] = [0x440154, 0x3B528B, 0x21918C, 0x5EC962, 0xFDE725];
    let t = if t.is_finite() {
        within(t, 0.0, 1.0)
    } else {
        0.0
    };
    let scaled = t * (STOPS.len() - 1) as f64;
    let index = (scaled.floor() as usize).min(STOPS.len() - 2);
    Color::hex(STOPS[index]).mix(Color::hex(STOPS[index + 1]), scaled - index as f64)
}
