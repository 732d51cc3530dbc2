//! Plain data for the outside world: a small tree of nulls, booleans, numbers, text, lists and
//! records that states, results and the registry describe themselves as. The web boundary turns
//! it into plain JS objects.
//!
//! Why not serde derives: the derives plus a type-erased serializer cost the wasm about 12 KB
//! gzipped, close to a tenth of the page's budget, for a handful of hand-written records. One
//! `Serialize` impl for [`Value`] is all serde-wasm-bindgen needs.

/// A plain value: what `JSON.parse` could return.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// `null`.
    Null,
    /// `true` / `false`.
    Bool(bool),
    /// A number.
    Number(f64),
    /// A string.
    Text(String),
    /// An array.
    List(Vec<Value>),
    /// An object with these keys, in this order.
    Record(Vec<(&'static str, Value)>),
}

impl Value {
    /// A record from `(key, value)` pairs.
    pub fn record<const N: usize>(fields: [(&'static str, Value); N]) -> Value {
        Value::Record(fields.into())
    }

    /// The value under `key` of a record.
    pub fn get(&self, key: &str) -> Option<&Value> {
        match self {
            Value::Record(fields) => fields
                .iter()
                .find(|(name, _)| *name == key)
                .map(|(_, value)| value),
            _ => None,
        }
    }
}

impl serde::Serialize for Value {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::{SerializeMap, SerializeSeq};
        match self {
            Value::Null => serializer.serialize_unit(),
            Value::Bool(flag) => serializer.serialize_bool(*flag),
            Value::Number(number) => serializer.serialize_f64(*number),
            Value::Text(text) => serializer.serialize_str(text),
            Value::List(items) => {
                let mut list = serializer.serialize_seq(Some(items.len()))?;
                for item in items {
                    list.serialize_element(item)?;
                }
                list.end()
            }
            Value::Record(fields) => {
                let mut record = serializer.serialize_map(Some(fields.len()))?;
                for (key, item) in fields {
                    record.serialize_entry(key, item)?;
                }
                record.end()
            }
        }
    }
}

/// Anything that can describe itself as a [`Value`].
pub trait Describe {
    /// This item as plain data.
    fn describe(&self) -> Value;
}

impl Describe for bool {
    fn describe(&self) -> Value {
        Value::Bool(*self)
    }
}

impl Describe for f64 {
    fn describe(&self) -> Value {
        Value::Number(*self)
    }
}

macro_rules! describe_as_number {
    ($($type:ty),*) => {
        $(impl Describe for $type {
            fn describe(&self) -> Value {
                Value::Number(*self as f64)
            }
        })*
    };
}

describe_as_number!(i32, u32, u64, usize);

impl Describe for str {
    fn describe(&self) -> Value {
        Value::Text(self.to_string())
    }
}

impl Describe for String {
    fn describe(&self) -> Value {
        Value::Text(self.clone())
    }
}

impl<T: Describe + ?Sized> Describe for &T {
    fn describe(&self) -> Value {
        (**self).describe()
    }
}

impl<T: Describe> Describe for [T] {
    fn describe(&self) -> Value {
        Value::List(self.iter().map(Describe::describe).collect())
    }
}

impl<T: Describe> Describe for Vec<T> {
    fn describe(&self) -> Value {
        self.as_slice().describe()
    }
}

impl<T: Describe, const N: usize> Describe for [T; N] {
    fn describe(&self) -> Value {
        self.as_slice().describe()
    }
}

impl<T: Describe> Describe for Option<T> {
    fn describe(&self) -> Value {
        self.as_ref().map_or(Value::Null, Describe::describe)
    }
}

impl<A: Describe, B: Describe> Describe for (A, B) {
    fn describe(&self) -> Value {
        Value::List(vec![self.0.describe(), self.1.describe()])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_nest_and_can_be_read_back() {
        let value = Value::record([
            ("answer", vec![1i32, -1].describe()),
            ("best", None::<f64>.describe()),
            ("pair", (2usize, "x").describe()),
        ]);
        assert_eq!(
            value.get("answer"),
            Some(&Value::List(vec![Value::Number(1.0), Value::Number(-1.0)]))
        );
        assert_eq!(value.get("best"), Some(&Value::Null));
        assert_eq!(value.get("missing"), None);
    }
}
