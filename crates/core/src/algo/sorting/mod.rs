//! Sorting and its limits: why no comparison sort beats ⌈log2 n!⌉ comparisons, which sort
//! comes closest (Ford–Johnson merge insertion), how sorting networks sort in O(log² n)
//! parallel rounds, and how radix sort needs no comparisons at all for bounded integer keys.

mod implicit_list;
mod kernel;

pub use kernel::{
    comparison_lower_bound, ford_johnson, merge_insertion_sort, merge_insertion_worst_case,
    sort_values, sorting_network, Network, NetworkKind, Values, MAX_LOWER_BOUND_N,
    MAX_MERGE_INSERTION_VALUES, MAX_NETWORK_WIRES,
};
