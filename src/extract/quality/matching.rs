//! Matching two stop lists: in order (longest common subsequence) and in any order (a maximum
//! bipartite matching).

/// Longest common subsequence of `a` and `b` under `same`: the matched index pairs, in order.
pub(super) fn lcs<A, B>(a: &[A], b: &[B], same: impl Fn(&A, &B) -> bool) -> Vec<(usize, usize)> {
    let (n, m) = (a.len(), b.len());
    let mut t = vec![vec![0usize; m + 1]; n + 1];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            t[i][j] = if same(&a[i], &b[j]) {
                t[i + 1][j + 1] + 1
            } else {
                t[i + 1][j].max(t[i][j + 1])
            };
        }
    }
    let (mut i, mut j, mut pairs) = (0, 0, Vec::new());
    while i < n && j < m {
        if same(&a[i], &b[j]) && t[i][j] == t[i + 1][j + 1] + 1 {
            pairs.push((i, j));
            i += 1;
            j += 1;
        } else if t[i + 1][j] >= t[i][j + 1] {
            i += 1;
        } else {
            j += 1;
        }
    }
    pairs
}

/// Size of a maximum matching between `a` and `b` where `same` allows a pair (augmenting paths).
pub(super) fn max_matching<A, B>(a: &[A], b: &[B], same: impl Fn(&A, &B) -> bool) -> usize {
    fn augment<A, B>(
        i: usize,
        a: &[A],
        b: &[B],
        same: &dyn Fn(&A, &B) -> bool,
        seen: &mut [bool],
        owner: &mut [Option<usize>],
    ) -> bool {
        for j in 0..b.len() {
            if seen[j] || !same(&a[i], &b[j]) {
                continue;
            }
            seen[j] = true;
            if owner[j].is_none_or(|k| augment(k, a, b, same, seen, owner)) {
                owner[j] = Some(i);
                return true;
            }
        }
        false
    }
    let mut owner = vec![None; b.len()];
    (0..a.len())
        .filter(|&i| augment(i, a, b, &same, &mut vec![false; b.len()], &mut owner))
        .count()
}
