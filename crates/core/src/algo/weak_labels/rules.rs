//! Labelling functions: the rules a person types in the page, one per line, each voting a
//! category for a document or abstaining (−1), and the per-rule analysis table beside the label
//! matrix (Snorkel's `LFAnalysis`: coverage, overlaps, conflicts, plus accuracy on the seed).
//!
//! The rule language, one rule per line (`#` starts a comment line; blank lines are ignored):
//! - `password | reset | log in | locked out → help desk`: keywords or phrases separated by `|`,
//!   matched case-insensitively as whole words: `log in` matches "Can't log in" and "log-in"
//!   but not "login"; a `*` at the end matches a prefix (`install*` matches "Installing"). The
//!   class after `→` (or `->`) is a category name or its number (0, 1, 2).
//! - `nearest seed example ≥ 0.2`: the seed label of the seed document whose words overlap most
//!   with the document's (Jaccard on lowercase words, stop words dropped), when the overlap is
//!   at least the threshold. A seed document finds itself and votes its own seed label, right or
//!   wrong: that is how the unreliable seed set leaks into the votes.
//! - `words ≥ 9 → technical` (or `≤`): a length rule, counting words.
//! - `ends with ? → help desk`: a title that is a question.
//! - `has version number → system docs`: a title holding `4.2`, `2024.3` or `v3`.
//!
//! Matching is a hand-written word matcher, not a regex engine: the page's wasm size budget
//! cannot carry one. Voting costs O(documents × total keyword words) per rule.

use super::corpus::{CLASS_NAMES, CORPUS, SEED};
use crate::format::{group_digits, quote};
use crate::input::{ErrorKind, InputError, MAX_TEXT_BYTES};
use std::ops::Range;

/// The most rules a rule text may hold (the label matrix's columns).
pub const MAX_RULES: usize = 12;

/// The most `|` alternatives one keyword rule may hold.
pub const MAX_ALTERNATIVES: usize = 40;

/// The most characters of a rule's name on the page; longer names end in `…`.
pub const NAME_CHARACTERS: usize = 24;

/// The rules the page starts with: two help-desk keyword rules (first-person words, 94% right
/// on the corpus; devices, 80%), a documentation rule (94%), a broad and noisy technical rule
/// (68%), the nearest-seed rule (72% against the gold, though a perfect 24 of 24 against the
/// seed labels it copies), a length rule (62%) and a version-number rule (80%, on 10
/// documents). Each votes on 4.5–58% of the 220 documents; together they leave 27 unvoted. The
/// majority vote labels 146 right; Dawid–Skene with abstentions as an outcome 173; with
/// abstentions as missing only 119, because a rule that only ever votes one class tells that
/// model nothing. `tests/weak_labels_corpus.rs` checks these figures.
pub const DEFAULT_RULES: &str = "\
# One rule per line: keywords or phrases separated by | → a class; a * ends a prefix
my | i | i'm | please | can't | won't | cannot | doesn't | isn't | keeps | password → help desk
laptop | print* | outlook | wi-fi | screen | phone | monitor | vpn | email | teams | access → help desk
guide | how to | runbook | release notes | polic* | reference | install* | setting up | configur* | manual | handbook | procedure | overview | faq | checklist | getting started | quick start | step by step → system docs
leak* | race | latency | deadlock | crash* | cache | slow | bug | load | memory | queue | timeout* | refactor* | migrat* | exception | error* | fail* | service | api | database | pipeline | events | design | proposal | rfc | test* | query | thread | outage | retry → technical
nearest seed example ≥ 0.1
words ≥ 8 → help desk
has version number → system docs
";

/// Words too common to say anything about a document's category; the nearest-seed rule
/// ignores them.
const STOP_WORDS: &[&str] = &[
    "a", "after", "an", "and", "are", "as", "at", "be", "by", "do", "for", "from", "has", "have",
    "i", "in", "into", "is", "it", "its", "me", "my", "of", "on", "or", "our", "the", "this", "to",
    "was", "we", "what", "when", "with", "you", "your",
];

/// A labelling function read from one line of the rule text.
#[derive(Debug, Clone, PartialEq)]
pub struct Rule {
    kind: RuleKind,
    class: Option<u8>,
    line: usize,
    name: String,
}

/// What a rule looks at.
#[derive(Debug, Clone, PartialEq)]
pub enum RuleKind {
    /// Votes its class when the document holds any of these keywords or phrases.
    Keywords(Vec<Keyword>),
    /// Votes the seed label of the most similar seed document when the Jaccard similarity of
    /// their content words is at least `threshold` (and above 0).
    NearestSeed {
        /// The least similarity that votes, in (0, 1].
        threshold: f64,
    },
    /// Votes its class when the document has at least (or at most) `words` words.
    Length {
        /// True for `≥`, false for `≤`.
        at_least: bool,
        /// The number of words compared with.
        words: usize,
    },
    /// Votes its class when the title ends with a question mark.
    Question,
    /// Votes its class when the title holds a version number: `4.2`, `7.0.2`, `v3`.
    VersionNumber,
}

/// One `|` alternative of a keyword rule: lowercase words that must follow each other in the
/// document, the last one possibly a prefix.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Keyword {
    words: Vec<String>,
    prefix: bool,
}

impl Keyword {
    /// The lowercase words to match, in order.
    pub fn words(&self) -> &[String] {
        &self.words
    }

    /// True where the last word matches any word it begins (`install*`).
    pub fn is_prefix(&self) -> bool {
        self.prefix
    }

    /// True where `document` (lowercase words, as [`words`] splits them) holds the keyword.
    fn found_in(&self, document: &[String]) -> bool {
        let length = self.words.len();
        if length == 0 || document.len() < length {
            return false;
        }
        document.windows(length).any(|window| {
            window
                .iter()
                .zip(&self.words)
                .enumerate()
                .all(|(index, (word, wanted))| {
                    if self.prefix && index + 1 == length {
                        word.starts_with(wanted.as_str())
                    } else {
                        word == wanted
                    }
                })
        })
    }
}

impl Rule {
    /// What the rule looks at.
    pub fn kind(&self) -> &RuleKind {
        &self.kind
    }

    /// The class the rule votes, or `None` for the nearest-seed rule (it votes its seed's).
    pub fn class(&self) -> Option<u8> {
        self.class
    }

    /// The rule's 1-based line in the rule text.
    pub fn line(&self) -> usize {
        self.line
    }

    /// The rule's name for the page, at most [`NAME_CHARACTERS`] characters: `rule 1: password
    /// | rese…` for a keyword rule (its position and its start), the built-in rule's own name
    /// (`nearest seed ≥ 0.1`, `words ≥ 8`) otherwise.
    pub fn name(&self) -> &str {
        &self.name
    }
}

/// Reads the rule text: one rule per line, `#` comment lines and blank lines skipped.
///
/// Errors name the line and select the offending text: an unknown class, a missing `→ class`,
/// an empty alternative, a character a keyword cannot hold, a bad threshold, more than
/// [`MAX_RULES`] rules, or no rule at all.
pub fn parse_rules(text: &str) -> Result<Vec<Rule>, InputError> {
    parse(text).map_err(|error| error.in_field("rules"))
}

fn parse(text: &str) -> Result<Vec<Rule>, InputError> {
    if text.len() > MAX_TEXT_BYTES {
        return Err(InputError::limit(format!(
            "the rules are {} bytes long; the limit is {}",
            group_digits(text.len()),
            group_digits(MAX_TEXT_BYTES)
        )));
    }
    let mut rules = Vec::new();
    let mut line_start = 0;
    for (index, raw) in text.split('\n').enumerate() {
        let (line, offset) = trimmed(raw);
        let start = line_start + offset;
        line_start += raw.len() + 1;
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let number = index + 1;
        if rules.len() == MAX_RULES {
            return Err(InputError::at(
                format!("line {number}: more than {MAX_RULES} rules; the limit is {MAX_RULES}"),
                start..start + line.len(),
            )
            .of_kind(ErrorKind::Limit));
        }
        let rule =
            parse_line(line, number, rules.len() + 1).map_err(|error| error.shifted(start))?;
        rules.push(rule);
    }
    if rules.is_empty() {
        return Err(InputError::new(
            "no rules: write one per line, e.g. 'password | log in → help desk'",
        ));
    }
    Ok(rules)
}

/// Where `part`, a slice of `whole`, starts in it (in bytes).
fn position(part: &str, whole: &str) -> usize {
    part.as_ptr() as usize - whole.as_ptr() as usize
}

/// `text` without surrounding white space, and the byte offset where it starts.
fn trimmed(text: &str) -> (&str, usize) {
    let start = text.len() - text.trim_start().len();
    (text.trim(), start)
}

/// Reads one non-blank, non-comment line; spans are relative to the line's first byte.
/// `ordinal` is the rule's 1-based position among the rules.
fn parse_line(line: &str, number: usize, ordinal: usize) -> Result<Rule, InputError> {
    let arrow = find_arrow(line);
    if let Some((_, after)) = arrow {
        if let Some((second, second_end)) = find_arrow(&line[after..]) {
            return Err(InputError::at(
                format!("line {number}: two arrows; a rule has one → class"),
                after + second..after + second_end,
            ));
        }
    }
    let left = match arrow {
        Some((at, _)) => &line[..at],
        None => line,
    };
    // Read only once the rule's kind is known: the nearest-seed rule takes no class.
    let class = || match arrow {
        Some((at, after)) => parse_class(&line[after..], after, at..after, number),
        None => Err(InputError::at(
            format!(
                "line {number}: no → class at the end (one of {})",
                CLASS_NAMES.join(", ")
            ),
            0..line.len(),
        )),
    };
    let (left, _) = trimmed(left);

    if let Some(rest) = strip_words(left, &["nearest", "seed"]) {
        let rest = strip_words(rest, &["example"]).unwrap_or(rest);
        if let Some((at, after)) = arrow {
            return Err(InputError::at(
                format!(
                    "line {number}: the nearest seed example votes its seed's label; it takes no → class"
                ),
                at..after,
            ));
        }
        let rest_start = position(rest, line);
        let threshold_text = match strip_comparator(rest) {
            Some((true, threshold)) => threshold,
            _ => {
                return Err(InputError::at(
                    format!(
                        "line {number}: give the least overlap that votes, e.g. 'nearest seed example ≥ 0.2'"
                    ),
                    rest_start..line.len(),
                ))
            }
        };
        let (threshold_text, _) = trimmed(threshold_text);
        let threshold_start = position(threshold_text, line);
        let span = threshold_start..threshold_start + threshold_text.len();
        let threshold = crate::number::parse_f64(threshold_text)
            .filter(|value| *value > 0.0 && *value <= 1.0)
            .ok_or_else(|| {
                InputError::at(
                    format!(
                        "line {number}: {} is not an overlap between 0 and 1 (e.g. 0.2)",
                        quote(threshold_text)
                    ),
                    span,
                )
            })?;
        return Ok(Rule {
            kind: RuleKind::NearestSeed { threshold },
            class: None,
            line: number,
            name: shortened(&format!("nearest seed ≥ {threshold_text}")),
        });
    }

    if let Some((at_least, count)) = strip_words(left, &["words"]).and_then(strip_comparator) {
        let (count, _) = trimmed(count);
        let count_start = position(count, line);
        let words = count.parse::<usize>().map_err(|_| {
            InputError::at(
                format!(
                    "line {number}: {} is not a whole number of words",
                    quote(count)
                ),
                count_start..count_start + count.len(),
            )
        })?;
        let comparison = if at_least { "≥" } else { "≤" };
        return Ok(Rule {
            kind: RuleKind::Length { at_least, words },
            class: Some(class()?),
            line: number,
            name: shortened(&format!("words {comparison} {words}")),
        });
    }

    if let Some(rest) = strip_words(left, &["ends", "with"]) {
        if rest.trim() != "?" {
            let rest_start = position(rest, line);
            return Err(InputError::at(
                format!("line {number}: the format rule is 'ends with ? → class'"),
                rest_start..rest_start + rest.len(),
            ));
        }
        return Ok(Rule {
            kind: RuleKind::Question,
            class: Some(class()?),
            line: number,
            name: "ends with ?".to_string(),
        });
    }

    if strip_words(left, &["has", "version", "number"]).is_some_and(|rest| rest.trim().is_empty()) {
        return Ok(Rule {
            kind: RuleKind::VersionNumber,
            class: Some(class()?),
            line: number,
            name: "has version number".to_string(),
        });
    }

    let keywords = parse_keywords(left, line, number)?;
    Ok(Rule {
        kind: RuleKind::Keywords(keywords),
        class: Some(class()?),
        line: number,
        name: shortened(&format!("rule {ordinal}: {}", collapsed(left))),
    })
}

/// The first `→` or `->` in `text`: its byte range.
fn find_arrow(text: &str) -> Option<(usize, usize)> {
    let unicode = text.find('→').map(|at| (at, at + '→'.len_utf8()));
    let ascii = text.find("->").map(|at| (at, at + 2));
    match (unicode, ascii) {
        (Some(first), Some(second)) => Some(if first.0 < second.0 { first } else { second }),
        (first, second) => first.or(second),
    }
}

/// Reads the class after the arrow: a name from [`CLASS_NAMES`] (any case, any spacing) or
/// its number. `offset` is where `text` starts in the line.
fn parse_class(
    text: &str,
    offset: usize,
    arrow: Range<usize>,
    number: usize,
) -> Result<u8, InputError> {
    let (name, start) = trimmed(text);
    if name.is_empty() {
        return Err(InputError::at(
            format!(
                "line {number}: no class after → (one of {})",
                CLASS_NAMES.join(", ")
            ),
            arrow,
        ));
    }
    let wanted = collapsed(name).to_ascii_lowercase();
    CLASS_NAMES
        .iter()
        .enumerate()
        .find(|(index, class)| **class == wanted || index.to_string() == wanted)
        .map(|(index, _)| index as u8)
        .ok_or_else(|| {
            InputError::at(
                format!(
                    "line {number}: {} is not a class ({})",
                    quote(name),
                    CLASS_NAMES.join(", ")
                ),
                offset + start..offset + start + name.len(),
            )
        })
}

/// Reads `a | b c | d*` into keywords; `left` is a slice of `line`.
fn parse_keywords(left: &str, line: &str, number: usize) -> Result<Vec<Keyword>, InputError> {
    let left_start = position(left, line);
    if left.is_empty() {
        return Err(InputError::at(
            format!("line {number}: no keywords before →"),
            0..line.len(),
        ));
    }
    let mut keywords = Vec::new();
    let mut part_start = 0;
    for (index, part) in left.split('|').enumerate() {
        let raw = left_start + part_start..left_start + part_start + part.len();
        part_start += part.len() + 1;
        let alternative = index + 1;
        if alternative > MAX_ALTERNATIVES {
            return Err(InputError::at(
                format!(
                    "line {number}: more than {MAX_ALTERNATIVES} alternatives; the limit is {MAX_ALTERNATIVES}"
                ),
                raw,
            )
            .of_kind(ErrorKind::Limit));
        }
        let (text, offset) = trimmed(part);
        let span = raw.start + offset..raw.start + offset + text.len();
        // An empty alternative selects the bar beside it.
        let bar = if raw.start > left_start {
            raw.start - 1..raw.start
        } else {
            raw.end..raw.end + 1
        };
        let (body, prefix) = match text.strip_suffix('*') {
            Some(body) => (body, true),
            None => (text, false),
        };
        if let Some(bad) = body
            .chars()
            .find(|character| !is_keyword_character(*character))
        {
            let message = if bad == '*' {
                format!(
                    "line {number}: {}: a * only ends an alternative (install*)",
                    quote(text)
                )
            } else {
                format!(
                    "line {number}: {} holds {}; keywords are letters, digits, spaces, - and ', with * at the end for a prefix",
                    quote(text),
                    quote(&bad.to_string())
                )
            };
            return Err(InputError::at(message, span));
        }
        if prefix && !body.ends_with(|character: char| character.is_ascii_alphanumeric()) {
            return Err(InputError::at(
                format!(
                    "line {number}: {}: a * must follow a word (install*)",
                    quote(text)
                ),
                span,
            ));
        }
        let keyword_words = words(body);
        if keyword_words.is_empty() {
            return Err(InputError::at(
                format!("line {number}: alternative {alternative} is empty"),
                if text.is_empty() { bar } else { span },
            ));
        }
        keywords.push(Keyword {
            words: keyword_words,
            prefix,
        });
    }
    Ok(keywords)
}

fn is_keyword_character(character: char) -> bool {
    character.is_ascii_alphanumeric()
        || character.is_whitespace()
        || matches!(character, '-' | '\'' | '’')
}

/// `text` after the words `wanted` (ASCII case ignored), each followed by white space or the
/// end; `None` where `text` does not start with them.
fn strip_words<'a>(text: &'a str, wanted: &[&str]) -> Option<&'a str> {
    let mut rest = text.trim_start();
    for word in wanted {
        let head = rest.get(..word.len())?;
        if !head.eq_ignore_ascii_case(word) {
            return None;
        }
        let after = &rest[word.len()..];
        if after.starts_with(|character: char| character.is_ascii_alphanumeric()) {
            return None;
        }
        rest = after.trim_start();
    }
    Some(rest)
}

/// `≥ rest`, `>= rest`, `≤ rest` or `<= rest`: (true for at least, rest).
fn strip_comparator(text: &str) -> Option<(bool, &str)> {
    let text = text.trim_start();
    [("≥", true), (">=", true), ("≤", false), ("<=", false)]
        .iter()
        .find_map(|(sign, at_least)| text.strip_prefix(sign).map(|rest| (*at_least, rest)))
}

/// `text` with each run of white space turned into one space.
fn collapsed(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `text` cut to [`NAME_CHARACTERS`] characters, ending in `…` where cut.
fn shortened(text: &str) -> String {
    match text.char_indices().nth(NAME_CHARACTERS) {
        Some(_) => {
            let cut = text
                .char_indices()
                .nth(NAME_CHARACTERS - 1)
                .map_or(text.len(), |(at, _)| at);
            format!("{}…", text[..cut].trim_end())
        }
        None => text.to_string(),
    }
}

/// The lowercase words of `text`: runs of ASCII letters and digits (the corpus is English; the
/// Unicode tables would add 10 KB to the module), with apostrophes inside a word
/// kept (`can't`; a typographic ’ counts as '). Everything else separates words, so "Wi-Fi"
/// is `wi fi` and "log-in" is `log in`.
fn words(text: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut current = String::new();
    let mut finish = |current: &mut String| {
        let word = current.trim_end_matches('\'');
        if !word.is_empty() {
            words.push(word.to_string());
        }
        current.clear();
    };
    for character in text.chars() {
        let character = if character == '’' { '\'' } else { character };
        if character.is_ascii_alphanumeric() || (character == '\'' && !current.is_empty()) {
            current.push(character.to_ascii_lowercase());
        } else {
            finish(&mut current);
        }
    }
    finish(&mut current);
    words
}

/// True where `title` holds a version number: a digit, a dot and a digit (`4.2`, `2024.3`), or
/// a word made of `v` and a digit (`v3`, `v3.1`).
fn has_version_number(title: &str) -> bool {
    let bytes = title.as_bytes();
    bytes
        .windows(3)
        .any(|window| window[0].is_ascii_digit() && window[1] == b'.' && window[2].is_ascii_digit())
        || bytes.windows(2).enumerate().any(|(at, window)| {
            matches!(window[0], b'v' | b'V')
                && window[1].is_ascii_digit()
                && (at == 0 || !bytes[at - 1].is_ascii_alphanumeric())
        })
}

/// A document's words, prepared once for every rule.
struct Prepared<'a> {
    title: &'a str,
    words: Vec<String>,
    /// Sorted, without duplicates or stop words: what the nearest-seed rule compares.
    content: Vec<String>,
}

impl<'a> Prepared<'a> {
    fn new(title: &'a str) -> Self {
        let words = words(title);
        let mut content: Vec<String> = words
            .iter()
            .filter(|word| !STOP_WORDS.contains(&word.as_str()))
            .cloned()
            .collect();
        content.sort();
        content.dedup();
        Prepared {
            title,
            words,
            content,
        }
    }
}

/// |a ∩ b| / |a ∪ b| of two sorted, duplicate-free word lists; 0 where both are empty.
fn jaccard(a: &[String], b: &[String]) -> f64 {
    let (mut i, mut j, mut common) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                common += 1;
                i += 1;
                j += 1;
            }
        }
    }
    let union = a.len() + b.len() - common;
    if union == 0 {
        0.0
    } else {
        common as f64 / union as f64
    }
}

/// The rules' votes on the built-in [`CORPUS`], with the [`SEED`] set: row-major documents ×
/// rules, each a class or −1 (abstain).
pub fn votes(rules: &[Rule]) -> Vec<i32> {
    let titles: Vec<&str> = CORPUS.iter().map(|document| document.title).collect();
    votes_on(rules, &titles, SEED)
}

/// The rules' votes on any titles with any seed set (`(index into titles, label)`; indices
/// out of range are ignored): row-major titles × rules, −1 for abstain.
pub fn votes_on(rules: &[Rule], titles: &[&str], seed: &[(usize, u8)]) -> Vec<i32> {
    let documents: Vec<Prepared> = titles.iter().map(|title| Prepared::new(title)).collect();
    let seed: Vec<(usize, u8)> = seed
        .iter()
        .copied()
        .filter(|(index, _)| *index < documents.len())
        .collect();
    let mut votes = Vec::with_capacity(documents.len() * rules.len());
    for document in &documents {
        for rule in rules {
            let class = rule.class.map_or(-1, i32::from);
            let vote = match &rule.kind {
                RuleKind::Keywords(keywords) => {
                    if keywords
                        .iter()
                        .any(|keyword| keyword.found_in(&document.words))
                    {
                        class
                    } else {
                        -1
                    }
                }
                RuleKind::NearestSeed { threshold } => {
                    nearest_seed(document, &documents, &seed, *threshold)
                }
                RuleKind::Length { at_least, words } => {
                    let length = document.words.len();
                    if (*at_least && length >= *words) || (!*at_least && length <= *words) {
                        class
                    } else {
                        -1
                    }
                }
                RuleKind::Question => {
                    if document.title.trim_end().ends_with('?') {
                        class
                    } else {
                        -1
                    }
                }
                RuleKind::VersionNumber => {
                    if has_version_number(document.title) {
                        class
                    } else {
                        -1
                    }
                }
            };
            votes.push(vote);
        }
    }
    votes
}

/// The label of the seed document most like `document` (the first of equals, in seed order)
/// when their overlap is positive and at least `threshold`; −1 otherwise.
fn nearest_seed(
    document: &Prepared,
    documents: &[Prepared],
    seed: &[(usize, u8)],
    threshold: f64,
) -> i32 {
    let mut best: Option<(f64, u8)> = None;
    for &(index, label) in seed {
        let overlap = jaccard(&document.content, &documents[index].content);
        if best.is_none_or(|(most, _)| overlap > most) {
            best = Some((overlap, label));
        }
    }
    match best {
        Some((overlap, label)) if overlap > 0.0 && overlap >= threshold => i32::from(label),
        _ => -1,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_split_on_punctuation_and_keep_inner_apostrophes() {
        assert_eq!(
            words("Can’t log-in to Wi-Fi (v3.1), users' PCs"),
            ["can't", "log", "in", "to", "wi", "fi", "v3", "1", "users", "pcs"]
        );
        assert!(words(" -- ").is_empty());
    }

    #[test]
    fn version_numbers_are_digit_dot_digit_or_v_and_a_digit() {
        for title in ["Billing 4.2", "2024.3 notes", "app v3", "V2 API", "(v10)"] {
            assert!(has_version_number(title), "{title}");
        }
        for title in [
            "Billing 3.x",
            "IPv6 rollout",
            "error 809",
            "SHA-1",
            "level 4.",
        ] {
            assert!(!has_version_number(title), "{title}");
        }
    }

    #[test]
    fn jaccard_counts_shared_words_over_all_words() {
        let list = |text: &str| Prepared::new(text).content;
        assert_eq!(
            jaccard(&list("VPN client on macOS"), &list("VPN on Windows")),
            0.25
        );
        assert_eq!(jaccard(&list("the of"), &list("a an")), 0.0);
        assert_eq!(jaccard(&list("Reset my PIN"), &list("reset PIN")), 1.0);
    }

    #[test]
    fn names_are_cut_to_the_limit_with_an_ellipsis() {
        assert_eq!(shortened("short"), "short");
        let long = shortened("rule 1: password | reset | log in");
        assert_eq!(long, "rule 1: password | rese…");
        assert_eq!(long.chars().count(), NAME_CHARACTERS);
        assert_eq!(
            shortened("rule 2: a | b | c | d e f g h"),
            "rule 2: a | b | c | d e…"
        );
    }
}
