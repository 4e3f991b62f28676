//! One stable sort for the whole crate.
//!
//! The standard library's `sort`, `sort_by` and `sort_by_key` are generic over the element and
//! the comparison, so each call site gets its own copy of the sorting algorithm: about 3.5 KB
//! of wasm each (measured with `make size-breakdown`). [`sort_by`] sorts a list of positions
//! with a comparison passed as a trait object, which the compiler builds once, and then moves
//! the elements into that order; only the small moving loop is generic.

use std::cmp::Ordering;

/// Sorts `items` by `compare`, keeping equal elements in their order (like `slice::sort_by`).
pub fn sort_by<T>(items: &mut [T], mut compare: impl FnMut(&T, &T) -> Ordering) {
    let order = {
        let items = &*items;
        sorted_positions(items.len(), &mut |a, b| compare(&items[a], &items[b]))
    };
    // `order[k]` is where the element that belongs at `k` started. Each swap puts one element
    // in place; an element that was swapped away is found by following `order` from where it
    // started until an index not yet placed.
    for k in 0..order.len() {
        let mut from = order[k];
        while from < k {
            from = order[from];
        }
        items.swap(k, from);
    }
}

/// Sorts `items` in their natural order (like `slice::sort`).
pub fn sort<T: Ord>(items: &mut [T]) {
    sort_by(items, Ord::cmp);
}

/// The positions `0..len` in the order `compare` sorts them: the one sort the crate compiles.
fn sorted_positions(len: usize, compare: &mut dyn FnMut(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..len).collect();
    order.sort_by(|&a, &b| compare(a, b));
    order
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_like_the_standard_library_and_keeps_equal_elements_in_order() {
        // Every arrangement of five elements with repeated keys, each tagged by where it was.
        let keys = [3, 1, 3, 0, 1];
        let mut tagged: Vec<(i32, usize)> = keys.iter().copied().zip(0..).collect();
        for _ in 0..120 {
            let mut ours = tagged.clone();
            let mut std = tagged.clone();
            sort_by(&mut ours, |a, b| a.0.cmp(&b.0));
            std.sort_by_key(|t| t.0);
            assert_eq!(ours, std, "from {tagged:?}");
            next_permutation(&mut tagged);
        }
    }

    #[test]
    fn sorts_longer_lists_like_the_standard_library() {
        // Pseudo-random lists of 0 to 60 elements with many repeated keys.
        let mut seed: u32 = 7;
        let mut next = move || {
            seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
            (seed >> 16) % 13
        };
        for len in 0..60 {
            let list: Vec<(u32, usize)> = (0..len).map(|i| (next(), i)).collect();
            let (mut ours, mut std) = (list.clone(), list.clone());
            sort_by(&mut ours, |a, b| b.0.cmp(&a.0));
            std.sort_by_key(|t| std::cmp::Reverse(t.0));
            assert_eq!(ours, std, "from {list:?}");
        }
    }

    #[test]
    fn sorts_strings_and_empty_lists() {
        let mut words = vec!["pear", "apple", "fig", "apple"];
        sort(&mut words);
        assert_eq!(words, ["apple", "apple", "fig", "pear"]);
        let mut none: Vec<String> = Vec::new();
        sort(&mut none);
        assert!(none.is_empty());
    }

    /// The next arrangement in lexicographic order of the tags (wrapping around).
    fn next_permutation(items: &mut [(i32, usize)]) {
        let Some(i) = (1..items.len())
            .rev()
            .find(|&i| items[i - 1].1 < items[i].1)
        else {
            items.reverse();
            return;
        };
        let j = (i..items.len())
            .rev()
            .find(|&j| items[j].1 > items[i - 1].1)
            .unwrap_or(i);
        items.swap(i - 1, j);
        items[i..].reverse();
    }
}
