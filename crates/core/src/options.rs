//! Options declared once: each algorithm lists its options ([`OptionSpec`]: name, kind,
//! label, default, allowed values) in its folder; [`read_options`] parses them from an
//! [`OptionMap`] for every caller (the JS API, links, embed attributes), and the page generates
//! its controls from the same list. Links and embeds therefore store one option map, in the
//! words the JS API uses (`previous`, `mode`, `query`).

use crate::format::format_number;
use crate::input::{InputError, OptionMap};
use crate::method::MethodInfo;
use crate::value::{Describe, Value};

/// One allowed value of a [`OptionKind::Choice`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Choice {
    /// The option's value (`"iou"`).
    pub value: &'static str,
    /// What the page's segment says (`"IoU of A and B"`).
    pub label: &'static str,
}

/// What values an option takes, and how the page shows it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum OptionKind {
    /// `true` / `false` (default `false`): a checkbox.
    Flag,
    /// `true` / `false` (default `false`) shown as two segments: `off` then `on`.
    Switch {
        /// The segment for `false`.
        off: &'static str,
        /// The segment for `true`.
        on: &'static str,
    },
    /// One of these words; the first is the default. Segments on the page.
    Choice(&'static [Choice]),
    /// A number (`3`, `0.25`), typed as text or passed as a JS number; empty means `default`.
    /// The algorithm checks its range.
    Number {
        /// The value when none is given (the box's placeholder).
        default: f64,
    },
    /// Free text (empty means "let the algorithm choose"), checked by the algorithm.
    Text {
        /// What the empty box says.
        placeholder: &'static str,
    },
}

/// Where the animation goes when an option changes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OnChange {
    /// Back to the first step: the run is a different one.
    Restart,
    /// The same step: the option only relabels the run (how answers or narration read).
    KeepStep,
    /// The last step: the option picks what the run computes (a rectangle), shown at once.
    ShowEnd,
}

impl OnChange {
    /// The policy's name in the registry (`"restart"`, `"keep"`, `"end"`).
    pub fn name(self) -> &'static str {
        match self {
            OnChange::Restart => "restart",
            OnChange::KeepStep => "keep",
            OnChange::ShowEnd => "end",
        }
    }
}

/// One declared option of an algorithm.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct OptionSpec {
    /// The option's name in JS, links and embed attributes (`"circular"`).
    pub key: &'static str,
    /// The control's label or legend.
    pub label: &'static str,
    /// Its values and control.
    pub kind: OptionKind,
    /// Where the animation goes when the option changes.
    pub on_change: OnChange,
    /// Shown (and read) only while another option has a value: `("mode", "iou")`.
    pub shown_when: Option<(&'static str, &'static str)>,
}

impl OptionSpec {
    /// An option with no condition that restarts the run when changed.
    pub const fn new(key: &'static str, label: &'static str, kind: OptionKind) -> OptionSpec {
        OptionSpec {
            key,
            label,
            kind,
            on_change: OnChange::Restart,
            shown_when: None,
        }
    }

    /// The same option, moving the animation as `on_change` says when it changes.
    pub const fn on_change(self, on_change: OnChange) -> OptionSpec {
        OptionSpec { on_change, ..self }
    }

    /// The same option, shown only while `key` is `value`.
    pub const fn shown_when(self, key: &'static str, value: &'static str) -> OptionSpec {
        OptionSpec {
            shown_when: Some((key, value)),
            ..self
        }
    }
}

/// One option's value after reading.
#[derive(Debug, Clone, PartialEq)]
enum Read {
    Flag(bool),
    Choice(&'static str),
    Number(f64),
    Text(Option<String>),
}

/// The options of one run, read against their declarations: every declared option has a
/// value (its default when absent), and nothing undeclared got in.
#[derive(Debug, Clone, PartialEq)]
pub struct OptionValues {
    method: &'static str,
    values: Vec<(&'static str, Read)>,
}

impl OptionValues {
    /// The chosen method's id (the first method when none was asked for).
    pub fn method(&self) -> &'static str {
        self.method
    }

    fn get(&self, key: &str) -> Option<&Read> {
        let value = self
            .values
            .iter()
            .find(|(name, _)| *name == key)
            .map(|(_, value)| value);
        // A key no spec declares is a typo in the algorithm: the tests (debug builds) say so.
        debug_assert!(value.is_some(), "option '{key}' is not declared");
        value
    }

    /// A flag's value (`false` in a release build for a key no spec declares).
    pub fn flag(&self, key: &str) -> bool {
        matches!(self.get(key), Some(Read::Flag(true)))
    }

    /// A choice's value (`""` in a release build for a key no spec declares).
    pub fn choice(&self, key: &str) -> &'static str {
        match self.get(key) {
            Some(Read::Choice(value)) => value,
            _ => "",
        }
    }

    /// A number option's value, its default when absent or blank (NaN in a release build for a
    /// key no spec declares).
    pub fn number(&self, key: &str) -> f64 {
        match self.get(key) {
            Some(Read::Number(value)) => *value,
            _ => f64::NAN,
        }
    }

    /// A text option's value, `None` when absent or blank.
    pub fn text(&self, key: &str) -> Option<&str> {
        match self.get(key) {
            Some(Read::Text(text)) => text.as_deref(),
            _ => None,
        }
    }
}

/// Reads `specs` (and `method`, one of `methods`, unless there are none) out of `options`;
/// any key left over is an error naming the known ones.
pub fn read_options(
    options: &mut OptionMap,
    specs: &[OptionSpec],
    methods: &[MethodInfo],
) -> Result<OptionValues, InputError> {
    let method_ids: Vec<&'static str> = methods.iter().map(|method| method.id).collect();
    let method = match method_ids.is_empty() {
        true => "",
        false => options.take_choice("method", &method_ids)?,
    };
    let mut values = Vec::with_capacity(specs.len());
    for spec in specs {
        let value = match spec.kind {
            OptionKind::Flag | OptionKind::Switch { .. } => {
                Read::Flag(options.take_flag(spec.key)?)
            }
            OptionKind::Choice(choices) => {
                let words: Vec<&'static str> = choices.iter().map(|choice| choice.value).collect();
                Read::Choice(options.take_choice(spec.key, &words)?)
            }
            OptionKind::Number { default } => {
                Read::Number(options.take_number(spec.key)?.unwrap_or(default))
            }
            OptionKind::Text { .. } => Read::Text(
                options
                    .take_text(spec.key)?
                    .map(|text| text.trim().to_string())
                    .filter(|text| !text.is_empty()),
            ),
        };
        values.push((spec.key, value));
    }
    let mut known: Vec<&str> = specs.iter().map(|spec| spec.key).collect();
    if !method_ids.is_empty() {
        known.push("method");
    }
    std::mem::take(options).finish(&known)?;
    Ok(OptionValues { method, values })
}

/// Checks that a registry's declarations are usable: keys unique and not `method`, choices
/// non-empty with distinct values, conditions naming a declared choice and one of its values.
/// Run by the registry's tests, so a typo in a declaration fails at `cargo test`.
#[cfg(test)]
pub(crate) fn check_specs(specs: &[OptionSpec]) -> Result<(), InputError> {
    use crate::format::quote;
    use crate::input::ErrorKind;
    let invalid = |message: String| Err(InputError::new(message).of_kind(ErrorKind::BadOption));
    for (index, spec) in specs.iter().enumerate() {
        if spec.key == "method" || specs[..index].iter().any(|other| other.key == spec.key) {
            return invalid(format!("option {} is declared twice", quote(spec.key)));
        }
        if let OptionKind::Choice(choices) = spec.kind {
            let distinct = choices
                .iter()
                .enumerate()
                .all(|(at, choice)| choices[..at].iter().all(|c| c.value != choice.value));
            if choices.is_empty() || !distinct {
                return invalid(format!("option {} needs distinct choices", quote(spec.key)));
            }
        }
        if let Some((key, value)) = spec.shown_when {
            let names_a_choice = specs.iter().any(|other| {
                other.key == key
                    && matches!(other.kind, OptionKind::Choice(choices)
                        if choices.iter().any(|choice| choice.value == value))
            });
            if !names_a_choice {
                return invalid(format!(
                    "option {} is shown when {key} is {value}, which is no declared choice",
                    quote(spec.key)
                ));
            }
        }
    }
    Ok(())
}

impl Describe for OptionSpec {
    fn describe(&self) -> Value {
        let (kind, choices, placeholder) = match self.kind {
            OptionKind::Flag => ("flag", Vec::new(), String::new()),
            OptionKind::Switch { off, on } => (
                "switch",
                vec![
                    Choice {
                        value: "false",
                        label: off,
                    },
                    Choice {
                        value: "true",
                        label: on,
                    },
                ],
                String::new(),
            ),
            OptionKind::Choice(choices) => ("choice", choices.to_vec(), String::new()),
            OptionKind::Number { default } => ("number", Vec::new(), format_number(default)),
            OptionKind::Text { placeholder } => ("text", Vec::new(), placeholder.to_string()),
        };
        Value::record([
            ("key", self.key.describe()),
            ("label", self.label.describe()),
            ("kind", kind.describe()),
            ("choices", choices.describe()),
            ("placeholder", placeholder.describe()),
            ("onChange", self.on_change.name().describe()),
            (
                "shownWhen",
                self.shown_when
                    .map(|(key, value)| {
                        Value::record([("key", key.describe()), ("value", value.describe())])
                    })
                    .unwrap_or(Value::Null),
            ),
        ])
    }
}

impl Describe for Choice {
    fn describe(&self) -> Value {
        Value::record([
            ("value", self.value.describe()),
            ("label", self.label.describe()),
        ])
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::{ErrorKind, OptionValue};

    const METHODS: &[MethodInfo] = &[
        MethodInfo {
            id: "fast",
            title: "Fast",
        },
        MethodInfo {
            id: "slow",
            title: "Slow",
        },
    ];

    const SPECS: &[OptionSpec] = &[
        OptionSpec::new("circular", "Circular", OptionKind::Flag),
        OptionSpec::new(
            "mode",
            "Compute",
            OptionKind::Choice(&[
                Choice {
                    value: "sum",
                    label: "sum",
                },
                Choice {
                    value: "iou",
                    label: "IoU",
                },
            ]),
        ),
        OptionSpec::new("second", "B", OptionKind::Text { placeholder: "" })
            .shown_when("mode", "iou"),
    ];

    #[test]
    fn absent_options_take_their_defaults() {
        let values = read_options(&mut OptionMap::new(), SPECS, METHODS).unwrap();
        assert_eq!(values.method(), "fast");
        assert!(!values.flag("circular"));
        assert_eq!(values.choice("mode"), "sum");
        assert_eq!(values.text("second"), None);
        assert!(check_specs(SPECS).is_ok());
    }

    #[test]
    fn given_options_are_read_and_blank_text_is_absent() {
        let mut map = OptionMap::new()
            .with("circular", OptionValue::Bool(true))
            .with("mode", OptionValue::Text("iou".into()))
            .with("second", OptionValue::Text("  ".into()))
            .with("method", OptionValue::Text("slow".into()));
        let values = read_options(&mut map, SPECS, METHODS).unwrap();
        assert!(values.flag("circular"));
        assert_eq!(values.choice("mode"), "iou");
        assert_eq!(values.text("second"), None);
        assert_eq!(values.method(), "slow");
    }

    #[test]
    fn unknown_and_wrong_options_are_named() {
        let mut map = OptionMap::new().with("bogus", OptionValue::Bool(true));
        let error = read_options(&mut map, SPECS, METHODS).unwrap_err();
        assert_eq!(error.kind(), ErrorKind::UnknownOption);
        assert_eq!(
            error.message(),
            "unknown option 'bogus' (known options: circular, mode, second, method)"
        );
        let mut map = OptionMap::new().with("mode", OptionValue::Text("max".into()));
        let error = read_options(&mut map, SPECS, METHODS).unwrap_err();
        assert_eq!(error.field(), Some("mode"));
    }

    #[test]
    fn bad_declarations_are_caught() {
        let twice = [SPECS[0], SPECS[0]];
        assert!(check_specs(&twice).is_err());
        let dangling = [OptionSpec::new("second", "B", OptionKind::Flag).shown_when("mode", "iou")];
        assert!(check_specs(&dangling).is_err());
    }
}
