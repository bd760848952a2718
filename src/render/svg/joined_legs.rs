//! `map.html`'s legs, joined: a hundred-stop trip drawn in five layouts writes five hundred
//! leg paths, and most of each path's bytes are the point where the leg before ended.

use super::style::is_solid_leg;
use crate::scene::{Item, Tag};

/// A route layer's `items` with each run of consecutive legs that can be one path written as
/// one: legs of one solid class (round caps and joins, no dashes, so the joined path paints the
/// same pixels; a dash pattern would restart at each leg), each one polyline starting where
/// the one before ended (to the 0.1 px the file keeps). Anything between two legs (an
/// arrowhead, a leg of another class or in two pieces) ends the run, so the drawing order is
/// kept. A run is written untagged, as it draws several legs; only a writer that writes no
/// tags may join legs.
pub(super) fn join_legs(items: &[Item]) -> Vec<Item> {
    let mut out: Vec<Item> = Vec::with_capacity(items.len());
    // The class of the run `out` ends with, if it ends with one.
    let mut open: Option<&'static str> = None;
    for item in items {
        let Some((class, line)) = solid_leg(item) else {
            out.push(item.clone());
            open = None;
            continue;
        };
        if open == Some(class)
            && let Some(Item::Path { parts, .. }) = out.last_mut()
            && let [run] = parts.as_mut_slice()
            && same_point(run.last(), line.first())
        {
            run.extend_from_slice(&line[1..]);
            continue;
        }
        out.push(Item::Path {
            class,
            parts: vec![line.to_vec()],
            closed: false,
        });
        open = Some(class);
    }
    out
}

/// A leg of a solid class drawn as one polyline: its class and points.
fn solid_leg(item: &Item) -> Option<(&'static str, &[(f64, f64)])> {
    let Item::Tagged {
        tag: Tag::Leg(_),
        item,
    } = item
    else {
        return None;
    };
    match item.as_ref() {
        Item::Path {
            class,
            parts,
            closed: false,
        } if parts.len() == 1 && parts[0].len() >= 2 && is_solid_leg(class) => {
            Some((class, &parts[0]))
        }
        _ => None,
    }
}

/// Whether two points are the same to 0.1 px.
fn same_point(a: Option<&(f64, f64)>, b: Option<&(f64, f64)>) -> bool {
    let tenths = |v: f64| (v * 10.0).round() as i64;
    match (a, b) {
        (Some(a), Some(b)) => tenths(a.0) == tenths(b.0) && tenths(a.1) == tenths(b.1),
        _ => false,
    }
}

#[cfg(test)]
mod test {
    use super::*;

    fn leg(n: usize, class: &'static str, points: &[(f64, f64)]) -> Item {
        Item::Path {
            class,
            parts: vec![points.to_vec()],
            closed: false,
        }
        .tagged(Tag::Leg(n))
    }

    fn arrow() -> Item {
        Item::Path {
            class: "arrow",
            parts: vec![vec![(0.0, 0.0), (1.0, 1.0), (0.0, 1.0)]],
            closed: true,
        }
    }

    /// The polylines of the paths `items` draw, by class, in order.
    fn lines(items: &[Item]) -> Vec<(&'static str, Vec<(f64, f64)>)> {
        items
            .iter()
            .map(|i| match i {
                Item::Tagged { item, .. } => item.as_ref(),
                other => other,
            })
            .map(|i| match i {
                Item::Path { class, parts, .. } => (*class, parts.concat()),
                other => panic!("not a path: {other:?}"),
            })
            .collect()
    }

    #[test]
    fn legs_that_meet_become_one_path_and_arrowheads_keep_their_place() {
        let items = [
            leg(1, "leg", &[(0.0, 0.0), (10.0, 0.0)]),
            leg(2, "leg", &[(10.0, 0.0), (10.0, 10.0), (20.0, 10.0)]),
            arrow(),
            // Meets the leg before to 0.1 px.
            leg(3, "leg", &[(20.0, 10.0), (30.0, 10.0)]),
            leg(4, "leg", &[(30.04, 9.96), (40.0, 10.0)]),
        ];
        let joined = join_legs(&items);
        assert_eq!(
            lines(&joined),
            [
                (
                    "leg",
                    vec![(0.0, 0.0), (10.0, 0.0), (10.0, 10.0), (20.0, 10.0)]
                ),
                ("arrow", vec![(0.0, 0.0), (1.0, 1.0), (0.0, 1.0)]),
                ("leg", vec![(20.0, 10.0), (30.0, 10.0), (40.0, 10.0)]),
            ]
        );
    }

    #[test]
    fn dashed_classes_gaps_and_pieces_stay_apart() {
        let two_pieces = Item::Path {
            class: "leg",
            parts: vec![vec![(5.0, 0.0), (6.0, 0.0)], vec![(0.0, 1.0), (1.0, 1.0)]],
            closed: false,
        }
        .tagged(Tag::Leg(6));
        let items = [
            // Dashes would restart where a leg starts: never joined.
            leg(1, "leg-flight", &[(0.0, 0.0), (1.0, 0.0)]),
            leg(2, "leg-flight", &[(1.0, 0.0), (2.0, 0.0)]),
            // Two solid classes: apart.
            leg(3, "leg-car", &[(2.0, 0.0), (3.0, 0.0)]),
            leg(4, "leg-train", &[(3.0, 0.0), (4.0, 0.0)]),
            // A gap of 0.2 px: apart.
            leg(5, "leg-train", &[(4.2, 0.0), (5.0, 0.0)]),
            two_pieces,
        ];
        let joined = join_legs(&items);
        assert_eq!(joined.len(), items.len());
        assert_eq!(lines(&joined), lines(&items));
    }
}
