//! The crate's one sort. Each `sort_by_key` on a new element type adds its
//! own copy of the standard library's sort (about 4 KB of wasm each), and
//! the widget ships this crate; here every caller shares one instance.

/// Sorts `v` by `key`, stably (equal keys keep their order).
pub(crate) fn sort_by_key<T>(v: &mut Vec<T>, key: impl Fn(&T) -> u64) {
    let mut order: Vec<(u64, usize)> = v.iter().enumerate().map(|(i, x)| (key(x), i)).collect();
    // The index breaks ties, which makes this unstable sort stable.
    order.sort_unstable();
    let mut slots: Vec<Option<T>> = v.drain(..).map(Some).collect();
    v.extend(order.into_iter().filter_map(|(_, i)| slots[i].take()));
}

#[cfg(test)]
mod tests {
    use super::sort_by_key;

    #[test]
    fn sorts_by_key_and_keeps_the_order_of_equal_keys() {
        let mut v = vec![(3, 'a'), (1, 'b'), (3, 'c'), (0, 'd'), (1, 'e')];
        sort_by_key(&mut v, |p| p.0);
        assert_eq!(v, [(0, 'd'), (1, 'b'), (1, 'e'), (3, 'a'), (3, 'c')]);
        let mut empty: Vec<u8> = Vec::new();
        sort_by_key(&mut empty, |x| u64::from(*x));
        assert!(empty.is_empty());
    }
}
