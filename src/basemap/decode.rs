//! Decoding the bundled basemap files (`data/basemap/ne_*.bin`, written by
//! `scripts/compact_basemap.py`): quantized, delta-encoded varint coordinates in, rings and lines
//! in degrees out. The format is described in the script's docstring.

use super::lazy::Lazy;

/// A ring: longitude/latitude in degrees, not closed (the last point is not the first again).
pub type Ring = Vec<(f64, f64)>;
/// A polygon: its outer ring first, then its holes.
pub type Polygon = Vec<Ring>;

/// One country from Natural Earth's admin-0 countries.
#[derive(Debug)]
pub struct CountryGeom {
    /// Natural Earth's `ADM0_A3` (ISO_A3 is -99 for France, Norway and others; this is not).
    pub adm0_a3: String,
    /// Natural Earth's `NAME`.
    pub name: String,
    /// A point well inside the country's largest polygon (lon, lat degrees).
    pub label: (f64, f64),
    /// Bounding box (min lon, min lat, max lon, max lat) in degrees.
    pub bbox: BBox,
    /// Bounding boxes of its polygons, in the order of `polygons`.
    pub boxes: Vec<BBox>,
    /// The country's polygons, decoded when first asked for.
    pub polygons: Lazy<'static, Vec<Polygon>>,
}

/// The layers of one detail level, in degrees: each piece of geometry with its box, decoded
/// when first asked for.
#[derive(Debug, Default)]
pub struct Layers {
    /// Land polygons, each with its coastline.
    pub land: Vec<Feature<Land>>,
    /// Lake polygons.
    pub lakes: Vec<Feature<Polygon>>,
    /// Land borders between countries (lines).
    pub borders: Vec<Feature<Ring>>,
    /// Countries (empty at 10m: Natural Earth's 50m countries are used there).
    pub countries: Vec<CountryGeom>,
}

/// A piece of the bundled geometry: its box, known when the file is read, and its
/// coordinates, decoded the first time a map asks for them.
#[derive(Debug)]
pub struct Feature<T> {
    /// The box around the geometry.
    pub bbox: BBox,
    /// The geometry.
    pub geometry: Lazy<'static, T>,
}

/// A land polygon and its coastline.
#[derive(Debug)]
pub struct Land {
    /// The polygon.
    pub polygon: Polygon,
    /// Its rings as open lines, without the edges Natural Earth adds along the antimeridian
    /// and the South Pole.
    pub coast: Vec<Ring>,
    /// Bounding boxes of `coast`, in the same order.
    pub coast_boxes: Vec<BBox>,
}

/// A bounding box (min lon, min lat, max lon, max lat) in degrees.
pub type BBox = (f64, f64, f64, f64);

/// A malformed basemap file (only possible if the bundled bytes are corrupt).
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("basemap data is corrupt at byte {offset}: {what}")]
pub struct DecodeError {
    /// Byte offset where decoding failed.
    pub offset: usize,
    /// What was expected there.
    pub what: &'static str,
}

/// Reads the varints, strings and point runs of a bundled file (also the context layer's,
/// [`super::context_decode`]).
pub(crate) struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
    scale: f64,
    last: (i64, i64),
    /// The bytes are tripmap's own bundled data, every block of which the tests check, so
    /// blocks are not checked again on every run.
    bundled: bool,
}

impl<'a> Reader<'a> {
    /// A reader after `magic` and the units per degree that follow it.
    pub(crate) fn open(bytes: &'a [u8], magic: &'static [u8]) -> Result<Self, DecodeError> {
        if !bytes.starts_with(magic) {
            return Err(DecodeError {
                offset: 0,
                what: "the magic bytes",
            });
        }
        let mut r = Reader {
            bytes,
            pos: magic.len(),
            scale: 1.0,
            last: (0, 0),
            bundled: false,
        };
        let units = r.varint()?;
        if units == 0 {
            return r.fail("a non-zero number of units per degree");
        }
        r.scale = units as f64;
        Ok(r)
    }

    /// Fails unless every byte was read.
    pub(crate) fn finish(&self) -> Result<(), DecodeError> {
        if self.pos != self.bytes.len() {
            return self.fail("the end of the data");
        }
        Ok(())
    }

    /// A quantized coordinate in degrees.
    pub(crate) fn degrees(&self, v: i64) -> f64 {
        v as f64 / self.scale
    }

    /// An error at the current byte.
    pub(crate) fn fail<T>(&self, what: &'static str) -> Result<T, DecodeError> {
        Err(DecodeError {
            offset: self.pos,
            what,
        })
    }

    /// An unsigned LEB128 number.
    pub(crate) fn varint(&mut self) -> Result<u64, DecodeError> {
        // A plain loop over the slice: `step_by` over the shifts kept the compiler from
        // keeping the position in a register, and this is the innermost loop of every decode.
        let mut value = 0u64;
        let mut shift = 0u32;
        while let Some(&b) = self.bytes.get(self.pos) {
            self.pos += 1;
            value |= u64::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return Ok(value);
            }
            shift += 7;
            if shift >= 64 {
                return self.fail("a number of at most 64 bits");
            }
        }
        self.fail("a number, found the end")
    }

    /// A zigzag-encoded signed LEB128 number.
    pub(crate) fn svarint(&mut self) -> Result<i64, DecodeError> {
        let v = self.varint()?;
        Ok(((v >> 1) as i64) ^ -((v & 1) as i64))
    }

    /// A count, bounded by the bytes left so a corrupt count cannot allocate gigabytes.
    pub(crate) fn count(&mut self) -> Result<usize, DecodeError> {
        let n = self.varint()?;
        if n > (self.bytes.len() - self.pos) as u64 {
            return self.fail("a count no larger than the bytes left");
        }
        Ok(n as usize)
    }

    /// A length-prefixed block, skipped over: its bytes are decoded later with
    /// [`Block::reader`].
    /// Point deltas inside it start from `origin` (in units).
    pub(crate) fn block(&mut self, origin: (i64, i64)) -> Result<Block<'a>, DecodeError> {
        let n = self.count()?;
        let start = self.pos;
        self.pos += n;
        Ok(Block {
            bytes: &self.bytes[..self.pos],
            start,
            scale: self.scale,
            origin,
            bundled: self.bundled,
        })
    }

    /// A box and the block of geometry behind it, checked now with `check` and decoded on
    /// first use with `decode`; point deltas in the block start from the box's corner.
    pub(crate) fn feature<T>(
        &mut self,
        check: fn(&mut Reader<'a>) -> Result<usize, DecodeError>,
        decode: fn(&mut Reader<'a>) -> Result<T, DecodeError>,
    ) -> Result<Feature<T>, DecodeError>
    where
        'a: 'static,
    {
        let (bbox, corner) = self.bbox()?;
        let geometry = Lazy::checked(self.block(corner)?, check, decode)?;
        Ok(Feature { bbox, geometry })
    }

    /// A reader at the first byte of `bytes`, in units of one per degree (for tests).
    #[cfg(test)]
    fn at_start(bytes: &'a [u8]) -> Self {
        Reader {
            bytes,
            pos: 0,
            scale: 1.0,
            last: (0, 0),
            bundled: false,
        }
    }

    /// The same reader, marked as reading tripmap's bundled data.
    pub(crate) fn bundled(self) -> Self {
        Reader {
            bundled: true,
            ..self
        }
    }

    /// Whether every byte has been read.
    pub(crate) fn at_end(&self) -> bool {
        self.pos >= self.bytes.len()
    }

    /// Skips `n` varints, checking only that each one ends within the data and is at most 64
    /// bits long: a scan for the bytes that end a number, which is what makes checking a block
    /// cheaper than decoding it.
    pub(crate) fn skip_varints(&mut self, n: usize) -> Result<(), DecodeError> {
        const HIGH: u64 = 0x8080_8080_8080_8080;
        let mut left = n;
        let mut run = 0;
        // Eight bytes at a time while they hold no more number ends than are left: the ends
        // are the bytes whose high bit is clear; a run of continuation bytes across the words
        // is tracked so a number over 64 bits is still caught.
        while left >= 8 {
            let Some(word) = self.bytes.get(self.pos..self.pos + 8) else {
                break;
            };
            let word = u64::from_le_bytes(word.try_into().unwrap_or_default());
            let ends = !word & HIGH;
            let leading = (ends.trailing_zeros() / 8) as usize;
            if ends == 0 || run + leading >= 10 {
                break;
            }
            left -= ends.count_ones() as usize;
            run = (ends.leading_zeros() / 8) as usize;
            self.pos += 8;
        }
        while left > 0 {
            let Some(&b) = self.bytes.get(self.pos) else {
                return self.fail("a number, found the end");
            };
            self.pos += 1;
            if b & 0x80 == 0 {
                left -= 1;
                run = 0;
            } else {
                run += 1;
                if run >= 10 {
                    return self.fail("a number of at most 64 bits");
                }
            }
        }
        Ok(())
    }

    /// A box stored as its corner (signed min lon, min lat) and size (unsigned width,
    /// height): the box in degrees, and the corner in units (where the deltas of the block
    /// after it start).
    pub(crate) fn bbox(&mut self) -> Result<(BBox, (i64, i64)), DecodeError> {
        let (x0, y0) = (self.svarint()?, self.svarint()?);
        let (w, h) = (self.varint()?, self.varint()?);
        let (Some(x1), Some(y1)) = (
            i64::try_from(w).ok().and_then(|w| x0.checked_add(w)),
            i64::try_from(h).ok().and_then(|h| y0.checked_add(h)),
        ) else {
            return self.fail("a box within the range of coordinates");
        };
        let bbox = (
            self.degrees(x0),
            self.degrees(y0),
            self.degrees(x1),
            self.degrees(y1),
        );
        Ok((bbox, (x0, y0)))
    }

    /// A length-prefixed UTF-8 string.
    pub(crate) fn string(&mut self) -> Result<String, DecodeError> {
        let n = self.count()?;
        let s = std::str::from_utf8(&self.bytes[self.pos..self.pos + n]);
        match s {
            Ok(s) => {
                self.pos += n;
                Ok(s.to_owned())
            }
            Err(_) => self.fail("UTF-8 text"),
        }
    }

    /// A point run: a count, then deltas from the previous point of the layer.
    pub(crate) fn run(&mut self) -> Result<Ring, DecodeError> {
        let n = self.count()?;
        let mut out = Vec::with_capacity(n);
        for _ in 0..n {
            let (dx, dy) = match self.pair_fast() {
                Some(d) => d,
                None => (self.svarint()?, self.svarint()?),
            };
            self.last.0 += dx;
            self.last.1 += dy;
            out.push((
                self.last.0 as f64 / self.scale,
                self.last.1 as f64 / self.scale,
            ));
        }
        Ok(out)
    }

    /// Two zigzag varints read without a check per byte, when at least 20 bytes are left and
    /// each number takes at most 9 of them; `None` (nothing read) otherwise, for the checked
    /// path to read them or report the error. Decoding is most of a basemap's first use.
    #[inline(always)]
    fn pair_fast(&mut self) -> Option<(i64, i64)> {
        let chunk: &[u8; 20] = self.bytes.get(self.pos..self.pos + 20)?.try_into().ok()?;
        let (a, used_a) = leb128_in(chunk, 0)?;
        let (b, used_b) = leb128_in(chunk, used_a)?;
        self.pos += used_b;
        let unzig = |v: u64| ((v >> 1) as i64) ^ -((v & 1) as i64);
        Some((unzig(a), unzig(b)))
    }
}

/// An unsigned LEB128 number of at most 9 bytes starting at `at` in `chunk`, and the index
/// after it; `None` if it is longer (the checked path handles those).
#[inline(always)]
fn leb128_in(chunk: &[u8; 20], at: usize) -> Option<(u64, usize)> {
    let mut value = 0u64;
    for (k, &b) in chunk.iter().skip(at).take(9).enumerate() {
        value |= u64::from(b & 0x7f) << (7 * k);
        if b & 0x80 == 0 {
            return Some((value, at + k + 1));
        }
    }
    None
}

/// A block of a file whose decoding waits until it is needed: the file up to the block's end,
/// where the block starts, and the file's units.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Block<'a> {
    bytes: &'a [u8],
    start: usize,
    scale: f64,
    origin: (i64, i64),
    bundled: bool,
}

impl<'a> Block<'a> {
    /// A reader at the block's first byte whose data ends where the block ends, so
    /// [`Reader::finish`] checks that the block was read exactly. Point deltas start at the
    /// block's origin.
    pub(crate) fn reader(&self) -> Reader<'a> {
        Reader {
            bytes: self.bytes,
            pos: self.start,
            scale: self.scale,
            last: self.origin,
            bundled: self.bundled,
        }
    }

    /// Whether the block is part of tripmap's bundled data (see [`Reader::bundled`]).
    pub(crate) fn is_bundled(&self) -> bool {
        self.bundled
    }
}

/// Checks a block of polygons (per polygon a ring count, then its point runs, until the block
/// ends) without decoding it; returns how many polygons it holds.
pub(crate) fn check_polygon_block(r: &mut Reader) -> Result<usize, DecodeError> {
    let mut n = 0;
    while !r.at_end() {
        check_polygon(r)?;
        n += 1;
    }
    Ok(n)
}

/// Decodes a block of polygons.
pub(crate) fn polygon_block(r: &mut Reader) -> Result<Vec<Polygon>, DecodeError> {
    let mut out = Vec::new();
    while !r.at_end() {
        out.push(polygon(r)?);
    }
    Ok(out)
}

/// Checks one polygon (a ring count, then its point runs) without decoding it.
pub(crate) fn check_polygon(r: &mut Reader) -> Result<usize, DecodeError> {
    for _ in 0..r.count()? {
        check_run(r)?;
    }
    Ok(1)
}

/// Decodes one polygon.
pub(crate) fn polygon(r: &mut Reader) -> Result<Polygon, DecodeError> {
    (0..r.count()?).map(|_| r.run()).collect()
}

/// Checks a point run (a count, then two numbers per point) without decoding it.
pub(crate) fn check_run(r: &mut Reader) -> Result<(), DecodeError> {
    let n = r.count()?;
    r.skip_varints(2 * n)
}

/// Checks one line (a point run); one item.
fn check_line(r: &mut Reader) -> Result<usize, DecodeError> {
    check_run(r).map(|()| 1)
}

/// Decodes one line.
fn line(r: &mut Reader) -> Result<Ring, DecodeError> {
    r.run()
}

/// Decodes a land polygon and derives its coastline.
fn land(r: &mut Reader) -> Result<Land, DecodeError> {
    let polygon = polygon(r)?;
    let coast = coastline_of(std::slice::from_ref(&polygon));
    let coast_boxes = coast.iter().map(|l| bbox_of(l.iter())).collect();
    Ok(Land {
        polygon,
        coast,
        coast_boxes,
    })
}

/// A layer: a count, then that many features.
fn layer<T>(
    r: &mut Reader<'static>,
    check: fn(&mut Reader<'static>) -> Result<usize, DecodeError>,
    decode: fn(&mut Reader<'static>) -> Result<T, DecodeError>,
) -> Result<Vec<Feature<T>>, DecodeError> {
    (0..r.count()?).map(|_| r.feature(check, decode)).collect()
}

/// Decodes one basemap file: every feature's box at once, its geometry checked now and
/// decoded when first needed; each country's name and label at once.
pub fn decode(bytes: &'static [u8]) -> Result<Layers, DecodeError> {
    decode_from(Reader::open(bytes, b"TMB2")?)
}

/// [`decode`] for tripmap's bundled files, whose blocks the tests check
/// (`basemap::data`): their geometry is not checked again on every run.
pub(crate) fn decode_bundled(bytes: &'static [u8]) -> Result<Layers, DecodeError> {
    decode_from(Reader::open(bytes, b"TMB2")?.bundled())
}

/// Decodes a basemap file from its reader (after the header).
fn decode_from(mut r: Reader<'static>) -> Result<Layers, DecodeError> {
    let land = layer(&mut r, check_polygon, land)?;
    let lakes = layer(&mut r, check_polygon, polygon)?;
    let borders = layer(&mut r, check_line, line)?;
    let n = r.count()?;
    let mut countries = Vec::with_capacity(n);
    for _ in 0..n {
        let adm0_a3 = r.string()?;
        let name = r.string()?;
        let label = (r.svarint()? as f64 / r.scale, r.svarint()? as f64 / r.scale);
        let (bbox, corner) = r.bbox()?;
        let boxes = (0..r.count()?)
            .map(|_| r.bbox().map(|(b, _)| b))
            .collect::<Result<Vec<_>, _>>()?;
        let polygons = Lazy::checked(r.block(corner)?, check_polygon_block, polygon_block)?;
        if polygons.items().is_some_and(|n| n != boxes.len()) {
            return r.fail("as many polygons as boxes");
        }
        countries.push(CountryGeom {
            boxes,
            adm0_a3,
            name,
            label,
            polygons,
            bbox,
        });
    }
    r.finish()?;
    Ok(Layers {
        land,
        lakes,
        borders,
        countries,
    })
}

/// Bounding box (min lon, min lat, max lon, max lat) of some points.
pub fn bbox_of<'a>(points: impl Iterator<Item = &'a (f64, f64)>) -> BBox {
    points.fold(
        (
            f64::INFINITY,
            f64::INFINITY,
            f64::NEG_INFINITY,
            f64::NEG_INFINITY,
        ),
        |(a, b, c, d), &(x, y)| (a.min(x), b.min(y), c.max(x), d.max(y)),
    )
}

/// An edge Natural Earth adds to close a polygon rather than a real shore: along the
/// antimeridian or along the South Pole.
fn is_artificial(a: (f64, f64), b: (f64, f64)) -> bool {
    (a.0.abs() >= 179.999 && b.0.abs() >= 179.999 && a.0.signum() == b.0.signum())
        || (a.1 <= -89.999 && b.1 <= -89.999)
}

/// The land rings as open lines, cut where an edge is artificial.
fn coastline_of(land: &[Polygon]) -> Vec<Ring> {
    let mut out = Vec::new();
    for ring in land.iter().flatten() {
        let n = ring.len();
        // Start right after an artificial edge, if any, so no line is cut in two needlessly.
        let start = (0..n)
            .find(|&i| is_artificial(ring[i], ring[(i + 1) % n]))
            .map_or(0, |i| (i + 1) % n);
        let mut line = vec![ring[start]];
        for k in 1..=n {
            let (a, b) = (ring[(start + k - 1) % n], ring[(start + k) % n]);
            if is_artificial(a, b) {
                if line.len() >= 2 {
                    out.push(std::mem::take(&mut line));
                }
                line = vec![b];
            } else {
                line.push(b);
            }
        }
        if line.len() >= 2 {
            out.push(line);
        }
    }
    out
}

#[cfg(test)]
mod test {
    use super::*;

    #[test]
    fn rejects_corrupt_bytes() {
        assert!(decode(b"").is_err());
        assert!(decode(b"XXXX\x01").is_err());
        // A count far beyond the data.
        assert!(decode(b"TMB2\xe8\x07\xff\xff\x7f").is_err());
        // Trailing bytes.
        assert!(decode(b"TMB2\xe8\x07\x00\x00\x00\x00\x00").is_err());
        assert!(decode(b"TMB2\xe8\x07\x00\x00\x00\x00").is_ok());
        // The first version of the format.
        assert!(decode(b"TMB1\xe8\x07\x00\x00\x00\x00").is_err());
    }

    /// Empty land, lakes and borders, then one country "ABC" named "N", label (0, 0), box
    /// (0, 0)-(0.001, 0.001), one polygon with that box, in a block of 8 bytes: a triangle.
    const ONE_COUNTRY: &[u8] = b"TMB2\xe8\x07\x00\x00\x00\x01\x03ABC\x01N\x00\x00\
        \x00\x00\x01\x01\x01\x00\x00\x01\x01\x08\x01\x03\x00\x00\x02\x00\x00\x02";

    #[test]
    fn a_country_is_read_with_its_boxes_and_its_polygons_on_demand() {
        let layers = decode(ONE_COUNTRY).unwrap();
        let c = &layers.countries[0];
        assert_eq!((c.adm0_a3.as_str(), c.name.as_str()), ("ABC", "N"));
        assert_eq!(c.bbox, (0.0, 0.0, 0.001, 0.001));
        assert_eq!(c.boxes, vec![c.bbox]);
        assert_eq!(
            *c.polygons.get(),
            vec![vec![vec![(0.0, 0.0), (0.001, 0.0), (0.001, 0.001)]]]
        );
        // A ring longer than its block is refused when the file is read.
        let mut long = ONE_COUNTRY.to_vec();
        let at = long.len() - 7;
        assert_eq!(long[at], 3);
        long[at] = 4;
        let e = decode(Vec::leak(long)).unwrap_err();
        assert_eq!(e.what, "a number, found the end");
        // A box for a polygon the block does not hold.
        let mut boxes = ONE_COUNTRY.to_vec();
        let at = boxes.len() - 14;
        assert_eq!(boxes[at], 1);
        boxes[at] = 0;
        assert!(decode(Vec::leak(boxes)).is_err());
    }

    #[test]
    fn skipping_numbers_finds_the_same_end_as_reading_them() {
        // Numbers of 1 to 10 bytes in every alignment, skipped a word at a time or byte by byte.
        let mut bytes = Vec::new();
        let mut count = 0;
        for len in (1..=10).cycle().take(200) {
            bytes.extend(std::iter::repeat_n(0x81, len - 1));
            bytes.push(0x01);
            count += 1;
        }
        for skip in [0, 1, 5, 8, 9, 17, count / 2, count] {
            let mut by_reading = Reader::at_start(&bytes);
            for _ in 0..skip {
                by_reading.varint().unwrap();
            }
            let mut by_skipping = Reader::at_start(&bytes);
            by_skipping.skip_varints(skip).unwrap();
            assert_eq!(by_skipping.pos, by_reading.pos, "{skip}");
        }
        let mut past = Reader::at_start(&bytes);
        assert_eq!(
            past.skip_varints(count + 1).unwrap_err().what,
            "a number, found the end"
        );
        // Ten continuation bytes make a number over 64 bits, across a word boundary too.
        for at in 0..16 {
            let mut long = vec![0x01; at];
            long.extend([0x80; 10]);
            long.extend([0x01; 16]);
            let e = Reader::at_start(&long).skip_varints(at + 12).unwrap_err();
            assert_eq!(e.what, "a number of at most 64 bits", "{at}");
        }
    }

    #[test]
    fn coastline_skips_antimeridian_and_pole_edges() {
        let ring = vec![
            (180.0, -80.0),
            (180.0, -90.0),
            (-180.0, -90.0),
            (-180.0, -80.0),
            (0.0, -70.0),
        ];
        let coast = coastline_of(&[vec![ring]]);
        assert_eq!(
            coast,
            vec![vec![(-180.0, -80.0), (0.0, -70.0), (180.0, -80.0)]]
        );
    }
}
