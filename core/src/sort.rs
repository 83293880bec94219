//! The crate's one sort. Each `sort_by_key` on a new element type adds its
//! own copy of the standard library's sort (about 4 KB of wasm each), and
//! the widget ships this crate; here every caller shares one instance, and
//! that one is a heapsort of a few hundred bytes rather than the standard
//! library's: the lists sorted here are short (hops, matches, phrases), so
//! its speed does not matter, only that it stays O(n log n).

/// Sorts `v` by `key`, stably (equal keys keep their order).
pub(crate) fn sort_by_key<T>(v: &mut [T], key: impl Fn(&T) -> u64) {
    let mut order: Vec<(u64, usize)> = Vec::with_capacity(v.len());
    for (i, x) in v.iter().enumerate() {
        order.push((key(x), i));
    }
    // The index breaks ties, which makes this unstable sort stable.
    heapsort(&mut order);
    // Where each element goes is known: swap along the cycles of the
    // permutation, which keeps the per-type code to a loop of swaps.
    for start in 0..order.len() {
        let mut k = start;
        while order[k].1 != usize::MAX {
            let from = order[k].1;
            order[k].1 = usize::MAX;
            if from == start {
                break;
            }
            v.swap(k, from);
            k = from;
        }
    }
}

fn heapsort(v: &mut [(u64, usize)]) {
    let n = v.len();
    // The first n / 2 steps build the max-heap, the other n move its top
    // behind the shrinking heap.
    for i in (0..n + n / 2).rev() {
        let (mut node, end) = if i >= n {
            (i - n, n)
        } else {
            v.swap(0, i);
            (0, i)
        };
        loop {
            let mut child = 2 * node + 1;
            if child >= end {
                break;
            }
            if child + 1 < end && v[child] < v[child + 1] {
                child += 1;
            }
            if v[node] >= v[child] {
                break;
            }
            v.swap(node, child);
            node = child;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::sort_by_key;

    #[test]
    fn sorts_by_key_and_keeps_the_order_of_equal_keys() {
        let mut v = vec![(3, 'a'), (1, 'b'), (3, 'c'), (0, 'd'), (1, 'e')];
        sort_by_key(&mut v, |p| p.0);
        assert_eq!(v, [(0, 'd'), (1, 'b'), (1, 'e'), (3, 'a'), (3, 'c')]);
        let mut v: Vec<u32> = (0..50).map(|i| (i * 37) % 11).collect();
        let mut want = v.clone();
        want.sort();
        sort_by_key(&mut v, |x| u64::from(*x));
        assert_eq!(v, want);
        let mut empty: Vec<u8> = Vec::new();
        sort_by_key(&mut empty, |x| u64::from(*x));
        assert!(empty.is_empty());
    }

    #[test]
    fn agrees_with_the_standard_sorts() {
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        for n in 0..200 {
            let mut v: Vec<(u64, usize)> = (0..n)
                .map(|i| {
                    seed ^= seed << 13;
                    seed ^= seed >> 7;
                    seed ^= seed << 17;
                    (seed % 8, i)
                })
                .collect();
            let mut want = v.clone();
            want.sort_unstable();
            let mut by_key = v.clone();
            let mut stable = v.clone();
            super::heapsort(&mut v);
            assert_eq!(v, want);
            sort_by_key(&mut by_key, |p| p.0);
            stable.sort_by_key(|p| p.0);
            assert_eq!(by_key, stable);
        }
    }
}
