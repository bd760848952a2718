//! Synthetic but realistic trips as JSON Lines, for the stream mode's tests and benchmarks:
//! stops at the capitals of the bundled GeoNames gazetteer's countries (each trip moving mostly
//! between neighbouring countries, sometimes flying far), plausible dates in local time, 2 to 40 stops,
//! titles and notes, and a fraction of bad lines of the kinds a real feed has. The same seed
//! gives the same bytes.
//!
//!     cargo run --release --example gen_trips -- COUNT [SEED] [BAD_FRACTION] > trips.jsonl
//!
//! Good trips have ids `t-N`; a bad line's id starts with `bad-` (an impossible latitude, an
//! unknown option, a place no gazetteer knows, a departure before the arrival), or it has no
//! readable id (a cut line, no `id`), or it repeats an earlier good line (a duplicate id). A
//! consumer can tell what each line should give from the line alone: see `examples/dask/`.

use serde_json::{Value, json};
use std::io::Write;
use tripmap::geocode::{Gazetteer, Hints, Place};
use tripmap::trig;

#[allow(dead_code)] // Also included by tests and benches, which call `generate` only.
fn main() {
    let mut args = std::env::args().skip(1);
    let usage = "usage: gen_trips COUNT [SEED] [BAD_FRACTION]";
    let count: usize = args.next().and_then(|a| a.parse().ok()).expect(usage);
    let seed: u64 = args.next().map_or(1, |a| a.parse().expect(usage));
    let bad: f64 = args.next().map_or(0.05, |a| a.parse().expect(usage));
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    // A closed pipe (`| head`) ends the output early; that is not an error.
    let _ = generate(count, seed, bad, &mut out).and_then(|_| out.flush());
}

/// Writes `count` lines, a fraction `bad` of them bad, drawn from `seed`.
pub fn generate(count: usize, seed: u64, bad: f64, out: &mut impl Write) -> std::io::Result<()> {
    let mut rng = fastrand::Rng::with_seed(seed);
    let pool = capitals();
    let mut good_lines: Vec<String> = Vec::new();
    for n in 0..count {
        let line = if rng.f64() < bad {
            bad_line(&mut rng, &pool, n, &good_lines)
        } else {
            let line = trip(&mut rng, &pool, &format!("t-{n}")).to_string();
            if good_lines.len() < 1000 {
                good_lines.push(line.clone());
            }
            line
        };
        writeln!(out, "{line}")?;
    }
    Ok(())
}

/// The capitals of the gazetteer's countries, each found by its name within its country (for
/// its time zone): real places, found by index lookups only (fast in a debug build too).
fn capitals() -> Vec<Place> {
    let g = Gazetteer::get();
    let mut pool: Vec<Place> = Vec::new();
    for a in b'A'..=b'Z' {
        for b in b'A'..=b'Z' {
            let code = String::from_utf8(vec![a, b]).expect("ASCII");
            let Some(country) = g.country_by_name(&code) else {
                continue;
            };
            let Some(capital) = &country.capital else {
                continue;
            };
            let hints = Hints {
                countries: vec![country.iso2.clone()],
                ..Hints::default()
            };
            if let Some(m) = g.find(capital, &hints)
                && m.place.timezone.is_some()
                && pool.iter().all(|p| p.geonameid != m.place.geonameid)
            {
                pool.push(m.place);
            }
        }
    }
    pool
}

/// Great-circle distance in km (haversine, mean radius).
fn km(a: &Place, b: &Place) -> f64 {
    let (p1, p2) = (a.lat.to_radians(), b.lat.to_radians());
    let dp = p2 - p1;
    let dl = (b.lon - a.lon).to_radians();
    let h =
        trig::sin(dp / 2.0).powi(2) + trig::cos(p1) * trig::cos(p2) * trig::sin(dl / 2.0).powi(2);
    2.0 * 6371.0 * trig::asin(h.sqrt())
}

/// Stop counts like real trips: mostly short, a few long tours, 2 to 40.
fn stop_count(rng: &mut fastrand::Rng) -> usize {
    let mut n = 2;
    while n < 40 && rng.f64() < 0.82 {
        n += 1;
    }
    n
}

const NOTES: &[&str] = &[
    "Meetings with the foreign minister.",
    "Overnight stay; a press conference in the morning.",
    "Visit to the old town and the harbour.",
    "Short stop to change trains.",
    "Talks on trade and energy.",
    "Dinner with the delegation.",
];

/// One good trip.
fn trip(rng: &mut fastrand::Rng, pool: &[Place], id: &str) -> Value {
    let n = stop_count(rng);
    let mut at = &pool[rng.usize(..pool.len())];
    let mut day = jiff::civil::date(2015 + rng.i16(0..11), 1, 1)
        .checked_add(jiff::Span::new().days(rng.i64(0..365)))
        .expect("in range");
    let mut stops = Vec::with_capacity(n);
    let mut visited = vec![at.geonameid];
    for i in 0..n {
        let mut stop = json!({"name": at.name});
        if rng.f64() < 0.1 {
            stop["place"] = json!(at.label());
        } else {
            stop["lat"] = json!((at.lat * 1e4).round() / 1e4);
            stop["lon"] = json!((at.lon * 1e4).round() / 1e4);
        }
        let tz = at.timezone.clone().unwrap_or_else(|| "UTC".into());
        if i > 0 {
            if rng.f64() < 0.5 {
                stop["arrive"] = json!(day.to_string());
            } else {
                let hour = rng.u8(6..23);
                stop["arrive"] = json!(format!("{day}T{hour:02}:{:02}", rng.u8(0..60)));
            }
        }
        let stay = rng.i64(0..4);
        day = day
            .checked_add(jiff::Span::new().days(stay))
            .expect("in range");
        if i + 1 < n && (i == 0 || rng.f64() < 0.3) {
            stop["depart"] = json!(day.to_string());
        }
        stop["tz"] = json!(tz);
        if rng.f64() < 0.3 {
            stop["note"] = json!(NOTES[rng.usize(..NOTES.len())]);
        }
        if i == 0 {
            stop["kind"] = json!("origin");
        }
        stops.push(stop);
        // The next stop: usually a town within 1,500 km not yet visited, sometimes anywhere.
        let near: Vec<&Place> = pool
            .iter()
            .filter(|p| !visited.contains(&p.geonameid) && km(at, p) < 1500.0)
            .collect();
        at = if !near.is_empty() && rng.f64() < 0.85 {
            near[rng.usize(..near.len())]
        } else {
            &pool[rng.usize(..pool.len())]
        };
        visited.push(at.geonameid);
    }
    let first = stops[0]["name"].as_str().unwrap_or("").to_string();
    json!({
        "id": id,
        "title": format!("From {first}: {n} stops"),
        "source": "Synthetic trip (tripmap examples/gen_trips.rs)",
        "stops": stops,
    })
}

/// One bad line, of a kind drawn at random.
fn bad_line(rng: &mut fastrand::Rng, pool: &[Place], n: usize, good: &[String]) -> String {
    let id = format!("bad-{n}");
    let mut t = trip(rng, pool, &id);
    match rng.u8(0..7) {
        0 => t["stops"][0]["lat"] = json!(91.5),
        1 => t["options"] = json!({"colour": "red"}),
        2 => {
            t["stops"][1]["place"] = json!("Qqxzzy Nowhere");
            t["stops"][1]
                .as_object_mut()
                .map(|s| (s.remove("lat"), s.remove("lon")));
        }
        3 => {
            t["stops"][0]["arrive"] = json!("2030-01-02");
            t["stops"][0]["depart"] = json!("2030-01-01");
        }
        4 => {
            let line = t.to_string();
            let mut cut = line.len() / 2;
            while !line.is_char_boundary(cut) {
                cut -= 1;
            }
            return line[..cut].to_string();
        }
        5 => {
            t.as_object_mut().map(|o| o.remove("id"));
        }
        _ if !good.is_empty() => return good[rng.usize(..good.len())].clone(),
        _ => t["stops"][0]["lat"] = json!(-95),
    }
    t.to_string()
}
