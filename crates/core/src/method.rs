//! Methods: the ways an algorithm can solve its problem (the fast method, the naive baseline,
//! ...). Each is a value of the `method` option, declared once in the algorithm's folder with
//! [`methods!`], which writes the algorithm's `Method` enum and its table of [`MethodInfo`]
//! from one list, so an id is never spelled twice.
//!
//! This module depends on nothing else of the crate's: the contract ([`crate::algorithm`]) and
//! the option reader ([`crate::options`]) both import it, and neither imports the other for it.

/// One way of solving the problem, as the registry and the option reader see it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MethodInfo {
    /// The value of the `method` option.
    pub id: &'static str,
    /// The label shown above its animation, with its complexity.
    pub title: &'static str,
}

/// Declares an algorithm's methods once: each variant with its id and title. Writes the enum
/// (with `ALL`, `id()` and `from_id()`) and the table of [`MethodInfo`] in the same order, the
/// first the default; `id()` reads the table, so the two cannot disagree.
///
/// ```text
/// methods! {
///     /// Which method to animate.
///     pub enum Method {
///         /// The monotonic stack, O(n).
///         Stack => "stack", "Monotonic stack · O(n)";
///         /// The scan of every later element, O(n²).
///         Scan => "scan", "Scan every later element · O(n²)";
///     }
///     /// The methods, the first the default.
///     pub(super) const METHODS;
/// }
/// ```
macro_rules! methods {
    (
        $(#[$enum_attribute:meta])*
        $enum_visibility:vis enum $name:ident {
            $(
                $(#[$variant_attribute:meta])*
                $variant:ident => $id:literal, $title:literal;
            )+
        }
        $(#[$table_attribute:meta])*
        $table_visibility:vis const $table:ident;
    ) => {
        $(#[$enum_attribute])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        $enum_visibility enum $name {
            $(
                $(#[$variant_attribute])*
                $variant,
            )+
        }

        impl $name {
            /// Every method, in the order of the page (the first is the default).
            pub const ALL: [$name; $table.len()] = [$($name::$variant),+];

            /// The method's id, the value of the `method` option.
            pub fn id(self) -> &'static str {
                $table[self as usize].id
            }

            /// The method with this id.
            pub fn from_id(id: &str) -> Option<$name> {
                $name::ALL.into_iter().find(|method| method.id() == id)
            }
        }

        $(#[$table_attribute])*
        $table_visibility const $table: &[$crate::method::MethodInfo] = &[
            $(
                $crate::method::MethodInfo {
                    id: $id,
                    title: $title,
                },
            )+
        ];
    };
}

pub(crate) use methods;
