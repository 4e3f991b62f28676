//! One stable sort for the whole crate.
//!
//! The standard library's `sort`, `sort_by` and `sort_by_key` are generic over the element and
//! the comparison, so each call site gets its own copy of the sorting algorithm: about 3.5 KB
//! of wasm each (measured with `make size-breakdown`). [`sort_by`] sorts a list of positions
//! with a comparison passed as a trait object, which the compiler builds once, and then moves
//! the elements into that order; only the small moving loop is generic.
//!
//! [`SortedSet`] and [`SortedMap`] are the crate's set and map for the same reason: a `BTreeSet` brings a copy of the
//! whole tree code (insert, remove, rebalancing: about 5 KB of wasm) for each element type,
//! where a sorted list needs only a binary search.

use std::borrow::Borrow;
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
///
/// A bottom-up merge sort rather than `slice::sort_by`: the standard library's driftsort with its
/// small-sort networks is about 4 KB of wasm, this loop a few hundred bytes, and the console
/// sorts lists of tens of elements. Runs of `width` positions are merged pairwise into `spare`,
/// the left run winning ties (so equal elements keep their order), until one run is left.
fn sorted_positions(len: usize, compare: &mut dyn FnMut(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..len).collect();
    let mut spare = order.clone();
    let mut width = 1;
    while width < len {
        let mut start = 0;
        while start < len {
            let mid = len.min(start + width);
            let end = len.min(start + 2 * width);
            let (mut left, mut right) = (start, mid);
            for slot in &mut spare[start..end] {
                let from_left = right == end
                    || (left < mid && compare(order[left], order[right]) != Ordering::Greater);
                let next = if from_left { &mut left } else { &mut right };
                *slot = order[*next];
                *next += 1;
            }
            start = end;
        }
        std::mem::swap(&mut order, &mut spare);
        width *= 2;
    }
    order
}

/// A set kept as a sorted list without duplicates: iterated in order like a `BTreeSet`, for
/// the small sets the console keeps (touched controls, confirmed risks).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SortedSet<T>(Vec<T>);

impl<T> Default for SortedSet<T> {
    fn default() -> Self {
        SortedSet(Vec::new())
    }
}

impl<T: Ord> SortedSet<T> {
    /// An empty set.
    pub fn new() -> Self {
        SortedSet(Vec::new())
    }

    fn find<Q: Ord + ?Sized>(&self, item: &Q) -> Result<usize, usize>
    where
        T: Borrow<Q>,
    {
        self.0.binary_search_by(|x| x.borrow().cmp(item))
    }

    /// Whether `item` is in the set.
    pub fn contains<Q: Ord + ?Sized>(&self, item: &Q) -> bool
    where
        T: Borrow<Q>,
    {
        self.find(item).is_ok()
    }

    /// Adds `item`; `false` when it was there already.
    pub fn insert(&mut self, item: T) -> bool {
        match self.find(&item) {
            Ok(_) => false,
            Err(at) => {
                self.0.insert(at, item);
                true
            }
        }
    }

    /// Removes `item`; `false` when it was not there.
    pub fn remove<Q: Ord + ?Sized>(&mut self, item: &Q) -> bool
    where
        T: Borrow<Q>,
    {
        match self.find(item) {
            Ok(at) => {
                self.0.remove(at);
                true
            }
            Err(_) => false,
        }
    }

    /// The items in order.
    pub fn iter(&self) -> std::slice::Iter<'_, T> {
        self.0.iter()
    }

    /// The items from `start` on (`start` included when it is in the set), in order.
    pub fn iter_from<Q: Ord + ?Sized>(&self, start: &Q) -> std::slice::Iter<'_, T>
    where
        T: Borrow<Q>,
    {
        let at = self.find(start).unwrap_or_else(|at| at);
        self.0[at..].iter()
    }

    /// How many items the set holds.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether the set is empty.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl<T: Ord> Extend<T> for SortedSet<T> {
    fn extend<I: IntoIterator<Item = T>>(&mut self, items: I) {
        for item in items {
            self.insert(item);
        }
    }
}

impl<T: Ord> FromIterator<T> for SortedSet<T> {
    fn from_iter<I: IntoIterator<Item = T>>(items: I) -> Self {
        let mut set = SortedSet::new();
        set.extend(items);
        set
    }
}

/// A map kept as a list sorted by key: iterated in key order like a `BTreeMap`, for the
/// small maps the console keeps (the rows of each key/value editor).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SortedMap<K, V>(Vec<(K, V)>);

impl<K, V> Default for SortedMap<K, V> {
    fn default() -> Self {
        SortedMap(Vec::new())
    }
}

impl<K: Ord, V> SortedMap<K, V> {
    /// An empty map.
    pub fn new() -> Self {
        SortedMap(Vec::new())
    }

    fn find<Q: Ord + ?Sized>(&self, key: &Q) -> Result<usize, usize>
    where
        K: Borrow<Q>,
    {
        self.0.binary_search_by(|(k, _)| k.borrow().cmp(key))
    }

    /// The value at `key`.
    pub fn get<Q: Ord + ?Sized>(&self, key: &Q) -> Option<&V>
    where
        K: Borrow<Q>,
    {
        self.find(key).ok().map(|at| &self.0[at].1)
    }

    /// Puts `value` at `key` and returns the value it replaces.
    pub fn insert(&mut self, key: K, value: V) -> Option<V> {
        match self.find(&key) {
            Ok(at) => Some(std::mem::replace(&mut self.0[at].1, value)),
            Err(at) => {
                self.0.insert(at, (key, value));
                None
            }
        }
    }

    /// The entries in key order.
    pub fn iter(&self) -> <&Self as IntoIterator>::IntoIter {
        self.into_iter()
    }

    /// How many entries the map holds.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether the map is empty.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl<'a, K, V> IntoIterator for &'a SortedMap<K, V> {
    type Item = (&'a K, &'a V);
    type IntoIter = std::iter::Map<std::slice::Iter<'a, (K, V)>, fn(&'a (K, V)) -> (&'a K, &'a V)>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.iter().map(|(k, v)| (k, v))
    }
}

/// Serialised as a JSON object (a map), like a `BTreeMap`.
impl<K: serde::Serialize, V: serde::Serialize> serde::Serialize for SortedMap<K, V> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(self.0.iter().map(|(k, v)| (k, v)))
    }
}

impl<K: Ord, V> Extend<(K, V)> for SortedMap<K, V> {
    fn extend<I: IntoIterator<Item = (K, V)>>(&mut self, entries: I) {
        for (key, value) in entries {
            self.insert(key, value);
        }
    }
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
        let mut random = numbers(7);
        let mut next = move || random() % 13;
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

    #[test]
    fn the_sorted_set_behaves_like_a_btree_set() {
        use std::collections::BTreeSet;
        // A pseudo-random run of inserts and removes of short strings, with many repeats.
        let mut next = numbers(11);
        let mut ours: SortedSet<String> = SortedSet::new();
        let mut oracle: BTreeSet<String> = BTreeSet::new();
        for _ in 0..2000 {
            let item = format!("/P/{}", next() % 40);
            if next().is_multiple_of(3) {
                assert_eq!(
                    ours.remove(item.as_str()),
                    oracle.remove(&item),
                    "remove {item}"
                );
            } else {
                assert_eq!(
                    ours.insert(item.clone()),
                    oracle.insert(item.clone()),
                    "insert {item}"
                );
            }
            assert_eq!(ours.contains(item.as_str()), oracle.contains(&item));
            assert_eq!(ours.len(), oracle.len());
            let start = format!("/P/{}", next() % 40);
            let from: Vec<&String> = ours.iter_from(start.as_str()).collect();
            let want: Vec<&String> = oracle.range(start.clone()..).collect();
            assert_eq!(from, want, "from {start}");
        }
        assert!(ours.iter().eq(oracle.iter()));
        let collected: SortedSet<&str> = ["b", "a", "b", "c"].into_iter().collect();
        assert_eq!(
            collected.iter().copied().collect::<Vec<_>>(),
            ["a", "b", "c"]
        );
        assert!(SortedSet::<u8>::default().is_empty());
    }

    #[test]
    fn the_sorted_map_behaves_like_a_btree_map() {
        use std::collections::BTreeMap;
        let mut next = numbers(5);
        let mut ours: SortedMap<String, u32> = SortedMap::new();
        let mut oracle: BTreeMap<String, u32> = BTreeMap::new();
        for round in 0..1000 {
            let key = format!("/UserPoolTags/{}", next() % 30);
            assert_eq!(
                ours.insert(key.clone(), round),
                oracle.insert(key.clone(), round)
            );
            let probe = format!("/UserPoolTags/{}", next() % 30);
            assert_eq!(ours.get(probe.as_str()), oracle.get(&probe));
            assert_eq!(ours.len(), oracle.len());
        }
        assert!(ours.iter().eq(oracle.iter()));
        assert_eq!(
            serde_json::to_value(&ours).ok(),
            serde_json::to_value(&oracle).ok()
        );
        let mut more = SortedMap::default();
        assert!(more.is_empty());
        more.extend([("b", 1), ("a", 2), ("b", 3)]);
        assert_eq!(more.iter().collect::<Vec<_>>(), [(&"a", &2), (&"b", &3)]);
    }

    /// A repeatable run of pseudo-random numbers below 2^16 (a linear congruential generator).
    fn numbers(mut seed: u32) -> impl FnMut() -> u32 {
        move || {
            seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
            seed >> 16
        }
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
