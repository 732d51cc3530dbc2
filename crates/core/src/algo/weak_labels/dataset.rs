//! What the label models are run on: a votes matrix (items × sources, −1 for an abstention),
//! with the names of the sources and the classes and, where known, the gold labels. It comes
//! from one of three texts: labelling rules over the built-in corpus, a CSV of votes, or a
//! generator of sources with given accuracies and coverages.

use crate::format::{format_number, group_digits, quote};
use crate::input::{InputError, SeededRandom};

/// The most items the animation takes (documents, CSV rows or generated items).
pub const MAX_ITEMS: usize = 2_000;

/// The most sources (rules, CSV columns or generated sources), the learner's labels included.
pub const MAX_SOURCES: usize = 16;

/// The most classes a CSV or the generator may use.
pub const MAX_CLASSES: usize = 8;

/// A votes matrix with its names and, where known, the truth.
#[derive(Debug, Clone, PartialEq)]
pub struct Dataset {
    /// Row-major items × sources: a class, or −1 for an abstention.
    pub votes: Vec<i32>,
    /// How many items (rows).
    pub items: usize,
    /// The sources' names (columns).
    pub source_names: Vec<String>,
    /// The classes' names.
    pub class_names: Vec<String>,
    /// Each item's true class, where known (the corpus, the generator, a CSV `gold` column).
    pub gold: Option<Vec<u8>>,
    /// Each item's title (the corpus's documents).
    pub titles: Option<Vec<&'static str>>,
    /// Where the data came from, in a few words ("7 rules over 210 documents").
    pub origin: String,
}

impl Dataset {
    /// How many sources (columns).
    pub fn sources(&self) -> usize {
        self.source_names.len()
    }

    /// How many classes.
    pub fn classes(&self) -> usize {
        self.class_names.len()
    }

    /// Source `source`'s vote on item `item` (−1: it abstains).
    pub fn vote(&self, item: usize, source: usize) -> i32 {
        self.votes[item * self.sources() + source]
    }

    /// The dataset with one more source: the learner's labels of some items (`labels`: item,
    /// class), abstaining elsewhere.
    pub fn with_labels(mut self, labels: &[(usize, u8)], name: &str) -> Dataset {
        let sources = self.sources();
        let mut votes = Vec::with_capacity(self.items * (sources + 1));
        for item in 0..self.items {
            votes.extend_from_slice(&self.votes[item * sources..(item + 1) * sources]);
            let given = labels.iter().rev().find(|&&(labelled, _)| labelled == item);
            votes.push(given.map_or(-1, |&(_, class)| i32::from(class)));
        }
        self.votes = votes;
        self.source_names.push(name.to_string());
        self
    }
}

/// Checks the size of a dataset against the limits.
pub fn check_size(items: usize, sources: usize) -> Result<(), InputError> {
    if items > MAX_ITEMS {
        return Err(InputError::limit(format!(
            "{} items: the animation takes at most {} (the kernel labelModel has no such limit)",
            group_digits(items),
            group_digits(MAX_ITEMS)
        )));
    }
    if sources > MAX_SOURCES {
        return Err(InputError::limit(format!(
            "{sources} sources: the animation takes at most {MAX_SOURCES}"
        )));
    }
    Ok(())
}

/// True when `text` is a CSV of votes rather than rules: no line has a rule's arrow, and
/// every line that is not blank or a comment has a comma.
pub fn looks_like_csv(text: &str) -> bool {
    let mut lines = text
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .peekable();
    lines.peek().is_some()
        && lines.all(|line| line.contains(',') && !line.contains('→') && !line.contains("->"))
}

/// Reads a CSV of votes: one item per line, one column per source (a whole number class
/// `0, 1, …`, or `-1`, `-` or nothing for an abstention), an optional header naming the
/// sources, and an optional column named `gold` with each item's true class. Errors name the
/// line and the column.
pub fn parse_csv(text: &str) -> Result<Dataset, InputError> {
    let mut header: Option<Vec<String>> = None;
    let mut rows: Vec<Vec<i32>> = Vec::new();
    let mut offset = 0;
    let mut columns = 0;
    for (number, line) in text.split('\n').enumerate() {
        let line_start = offset;
        offset += line.len() + 1;
        let trimmed = line.trim();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        let cells: Vec<&str> = line.split(',').map(str::trim).collect();
        let is_header = header.is_none()
            && rows.is_empty()
            && cells
                .iter()
                .any(|cell| !cell.is_empty() && cell.parse::<i64>().is_err() && *cell != "-");
        if is_header {
            columns = cells.len();
            header = Some(cells.iter().map(|cell| cell.to_string()).collect());
            continue;
        }
        if columns == 0 {
            columns = cells.len();
        }
        if cells.len() != columns {
            return Err(InputError::at(
                format!(
                    "line {}: {} columns, expected {columns} like the first line",
                    number + 1,
                    cells.len()
                ),
                line_start..line_start + line.len(),
            ));
        }
        let mut row = Vec::with_capacity(columns);
        for (column, cell) in cells.iter().enumerate() {
            let value = match *cell {
                "" | "-" => -1,
                _ => match cell.parse::<i64>() {
                    Ok(value) if (-1..MAX_CLASSES as i64).contains(&value) => value as i32,
                    _ => {
                        return Err(InputError::at(
                            format!(
                                "line {}, column {}: {} is not a class (0 to {}) or an \
                                 abstention (-1, - or empty)",
                                number + 1,
                                column + 1,
                                quote(cell),
                                MAX_CLASSES - 1
                            ),
                            line_start..line_start + line.len(),
                        ))
                    }
                },
            };
            row.push(value);
        }
        rows.push(row);
    }
    if rows.is_empty() {
        return Err(InputError::new("the CSV has no rows of votes"));
    }
    let names: Vec<String> = header.unwrap_or_else(|| {
        (1..=columns)
            .map(|column| format!("source {column}"))
            .collect()
    });
    let gold_column = names
        .iter()
        .position(|name| name.eq_ignore_ascii_case("gold"));
    let source_columns: Vec<usize> = (0..columns)
        .filter(|&column| Some(column) != gold_column)
        .collect();
    if source_columns.is_empty() {
        return Err(InputError::new(
            "the CSV has no column of votes besides gold",
        ));
    }
    check_size(rows.len(), source_columns.len())?;
    let largest = rows.iter().flatten().copied().max().unwrap_or(0);
    let classes = (largest as usize + 1).max(2);
    let gold = match gold_column {
        None => None,
        Some(column) => {
            let mut gold = Vec::with_capacity(rows.len());
            for (item, row) in rows.iter().enumerate() {
                if row[column] < 0 {
                    return Err(InputError::new(format!(
                        "item {}: its gold label is missing (every row needs one when there \
                         is a gold column)",
                        item + 1
                    )));
                }
                gold.push(row[column] as u8);
            }
            Some(gold)
        }
    };
    let votes = rows
        .iter()
        .flat_map(|row| source_columns.iter().map(move |&column| row[column]))
        .collect();
    Ok(Dataset {
        votes,
        items: rows.len(),
        source_names: source_columns
            .iter()
            .map(|&column| names[column].clone())
            .collect(),
        class_names: (0..classes).map(|class| format!("class {class}")).collect(),
        gold,
        titles: None,
        origin: format!(
            "a CSV of {} items × {} sources",
            group_digits(rows.len()),
            source_columns.len()
        ),
    })
}

/// The generator's settings: sources of given accuracies and coverages over items of uniform
/// random classes.
#[derive(Debug, Clone, PartialEq)]
pub struct Generator {
    /// How many items.
    pub items: usize,
    /// How many classes.
    pub classes: usize,
    /// Each source's chance of the right class when it votes.
    pub accuracies: Vec<f64>,
    /// Each source's chance of voting at all.
    pub coverages: Vec<f64>,
    /// The seed.
    pub seed: u64,
}

/// True when `text` is the generator's settings (it has an `accuracies:` line).
pub fn looks_like_generator(text: &str) -> bool {
    text.lines().any(|line| {
        line.trim_start()
            .to_ascii_lowercase()
            .starts_with("accuracies")
    })
}

/// Reads the generator's settings, one `key: value(s)` per line: `items`, `classes`,
/// `accuracies` (one per source), `coverages` (one per source, or one for all) and `seed`.
pub fn parse_generator(text: &str) -> Result<Generator, InputError> {
    let mut generator = Generator {
        items: 200,
        classes: 3,
        accuracies: Vec::new(),
        coverages: vec![0.6],
        seed: 1,
    };
    let mut offset = 0;
    for line in text.split('\n') {
        let start = offset;
        offset += line.len() + 1;
        let trimmed = line.trim();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        let span = start..start + line.len();
        let Some((key, values)) = trimmed.split_once(':') else {
            return Err(InputError::at(
                format!(
                    "{}: write the generator's settings as key: value",
                    quote(trimmed)
                ),
                span,
            ));
        };
        let numbers: Result<Vec<f64>, _> = values
            .split(|c: char| c == ',' || c.is_whitespace())
            .filter(|token| !token.is_empty())
            .map(|token| crate::number::parse_f64(token).ok_or(token))
            .collect();
        let numbers = numbers.map_err(|token| {
            InputError::at(
                format!("{key}: {} is not a number", quote(token)),
                span.clone(),
            )
        })?;
        let whole = |numbers: &[f64], low: f64, high: f64| -> Result<usize, InputError> {
            match numbers {
                [value] if value.fract() == 0.0 && (low..=high).contains(value) => {
                    Ok(*value as usize)
                }
                _ => Err(InputError::at(
                    format!(
                        "{key}: one whole number from {} to {}",
                        format_number(low),
                        format_number(high)
                    ),
                    span.clone(),
                )),
            }
        };
        let shares = |numbers: Vec<f64>| -> Result<Vec<f64>, InputError> {
            match numbers
                .iter()
                .position(|value| !(0.0..=1.0).contains(value))
            {
                Some(index) => Err(InputError::at(
                    format!(
                        "{key}: {} (number {}) is not a share from 0 to 1",
                        format_number(numbers[index]),
                        index + 1
                    ),
                    span.clone(),
                )),
                None if numbers.is_empty() => {
                    Err(InputError::at(format!("{key}: no numbers"), span.clone()))
                }
                None => Ok(numbers),
            }
        };
        match key.trim().to_ascii_lowercase().as_str() {
            "items" => generator.items = whole(&numbers, 2.0, MAX_ITEMS as f64)?,
            "classes" => generator.classes = whole(&numbers, 2.0, MAX_CLASSES as f64)?,
            "seed" => generator.seed = whole(&numbers, 0.0, 9_007_199_254_740_991.0)? as u64,
            "accuracies" => generator.accuracies = shares(numbers)?,
            "coverages" | "coverage" => generator.coverages = shares(numbers)?,
            other => {
                return Err(InputError::at(
                    format!(
                        "{}: not a setting (items, classes, accuracies, coverages, seed)",
                        quote(other)
                    ),
                    span,
                ))
            }
        }
    }
    let sources = generator.accuracies.len();
    if sources < 2 {
        return Err(InputError::new(
            "accuracies: give one per source, at least two sources",
        ));
    }
    if generator.coverages.len() == 1 {
        generator.coverages = vec![generator.coverages[0]; sources];
    }
    if generator.coverages.len() != sources {
        return Err(InputError::new(format!(
            "coverages: {} numbers for {sources} sources (give one per source, or one for all)",
            generator.coverages.len()
        )));
    }
    check_size(generator.items, sources + 1)?;
    Ok(generator)
}

impl Generator {
    /// The generated votes and gold labels: each item's class uniform; each source votes with
    /// its coverage, the right class with its accuracy, else a uniformly random wrong one.
    pub fn dataset(&self) -> Dataset {
        let mut random = SeededRandom::new(self.seed);
        let mut uniform = move || (random.next_u64() >> 11) as f64 / (1u64 << 53) as f64;
        let classes = self.classes;
        let sources = self.accuracies.len();
        let mut votes = Vec::with_capacity(self.items * sources);
        let mut gold = Vec::with_capacity(self.items);
        for _ in 0..self.items {
            let truth = ((uniform() * classes as f64) as usize).min(classes - 1);
            gold.push(truth as u8);
            for source in 0..sources {
                let vote = if uniform() >= self.coverages[source] {
                    -1
                } else if uniform() < self.accuracies[source] {
                    truth as i32
                } else {
                    let wrong = ((uniform() * (classes - 1) as f64) as usize).min(classes - 2);
                    (if wrong >= truth { wrong + 1 } else { wrong }) as i32
                };
                votes.push(vote);
            }
        }
        Dataset {
            votes,
            items: self.items,
            source_names: (0..sources)
                .map(|source| {
                    format!(
                        "source {} ({}%)",
                        source + 1,
                        format_number((self.accuracies[source] * 100.0).round())
                    )
                })
                .collect(),
            class_names: (0..classes).map(|class| format!("class {class}")).collect(),
            gold: Some(gold),
            titles: None,
            origin: format!(
                "{} generated items × {sources} sources (seed {})",
                group_digits(self.items),
                self.seed
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_csv_reads_names_abstentions_and_gold() {
        let text = "a,b,gold\n0,-1,0\n1,,1\n-,2,2\n";
        assert!(looks_like_csv(text));
        let data = parse_csv(text).unwrap();
        assert_eq!(data.source_names, vec!["a", "b"]);
        assert_eq!(data.votes, vec![0, -1, 1, -1, -1, 2]);
        assert_eq!(data.gold, Some(vec![0, 1, 2]));
        assert_eq!(data.classes(), 3);
        let error = parse_csv("0,1\n0,9\n").unwrap_err();
        assert!(error
            .message()
            .starts_with("line 2, column 2: '9' is not a class"));
        assert!(parse_csv("0,1\n0\n")
            .unwrap_err()
            .message()
            .starts_with("line 2: 1 columns"));
    }

    #[test]
    fn the_generator_meets_its_accuracies_and_coverages() {
        let text = "items: 2000\nclasses: 3\naccuracies: 0.9 0.5\ncoverages: 0.8\nseed: 4";
        assert!(looks_like_generator(text));
        let generator = parse_generator(text).unwrap();
        let data = generator.dataset();
        assert_eq!(data, generator.dataset(), "the same seed, the same votes");
        let gold = data.gold.as_ref().unwrap();
        for (source, accuracy) in [(0, 0.9), (1, 0.5)] {
            let voted: Vec<usize> = (0..data.items)
                .filter(|&item| data.vote(item, source) >= 0)
                .collect();
            let right = voted
                .iter()
                .filter(|&&item| data.vote(item, source) == i32::from(gold[item]))
                .count();
            let coverage = voted.len() as f64 / data.items as f64;
            assert!((coverage - 0.8).abs() < 0.03, "coverage {coverage}");
            let measured = right as f64 / voted.len() as f64;
            assert!((measured - accuracy).abs() < 0.04, "accuracy {measured}");
        }
        let error = parse_generator("accuracies: 0.9 1.2").unwrap_err();
        assert!(error.message().contains("1.2 (number 2) is not a share"));
    }
}
