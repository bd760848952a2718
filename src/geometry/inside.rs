//! Point in polygon by the crossing number (even–odd), the rule the SVG fill and Natural
//! Earth's rings use.

/// Whether `p` is inside `ring` (closed implicitly; a ray from `p` eastward crosses it an odd
/// number of times).
pub fn inside_ring(p: (f64, f64), ring: &[(f64, f64)]) -> bool {
    let n = ring.len();
    let mut inside = false;
    for i in 0..n {
        let (a, c) = (ring[i], ring[(i + n - 1) % n]);
        if (a.1 > p.1) != (c.1 > p.1) && p.0 < (c.0 - a.0) * (p.1 - a.1) / (c.1 - a.1) + a.0 {
            inside = !inside;
        }
    }
    inside
}

/// Whether `p` is inside the shape the `rings` bound together under the even–odd rule (an
/// outer ring and its holes, or any set of rings filled as one path).
pub fn inside_rings<R: AsRef<[(f64, f64)]>>(p: (f64, f64), rings: &[R]) -> bool {
    rings.iter().filter(|r| inside_ring(p, r.as_ref())).count() % 2 == 1
}

#[cfg(test)]
mod test {
    use super::*;

    #[test]
    fn a_hole_is_outside_and_a_ring_is_closed_implicitly() {
        let square = vec![(0.0, 0.0), (10.0, 0.0), (10.0, 10.0), (0.0, 10.0)];
        let hole = vec![(4.0, 4.0), (6.0, 4.0), (6.0, 6.0), (4.0, 6.0)];
        assert!(inside_ring((5.0, 5.0), &square));
        assert!(!inside_ring((15.0, 5.0), &square));
        assert!(!inside_ring((5.0, -1.0), &square));
        let shape = [square, hole];
        assert!(inside_rings((2.0, 2.0), &shape));
        assert!(!inside_rings((5.0, 5.0), &shape));
    }
}
