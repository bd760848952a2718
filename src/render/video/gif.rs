//! `map.gif`: the film as an animated GIF (the `gif` crate), looping. One palette of 256
//! colours for the whole film, learnt by NeuQuant (`color_quant`) from the finished map, which
//! holds every colour the film shows, so colours never flicker between frames. Each frame
//! after the first stores only the rectangle that changed; a frame that changes nothing
//! lengthens the one before. Delays are in hundredths of a second, rounded so that they add up
//! to the film's time; the last frame is held [`HOLD_S`](super::HOLD_S).

use super::Film;
use crate::render::RenderError;
use std::borrow::Cow;
use std::collections::HashMap;

/// The GIF's bytes.
pub fn encode(film: &Film) -> Result<Vec<u8>, RenderError> {
    let fail = |e: ::gif::EncodingError| RenderError::Film(format!("GIF: {e}"));
    let (w, h) = (film.width as usize, film.height as usize);
    let too_big = || RenderError::Film(format!("GIF: {w} x {h} is larger than 65535"));
    let (w16, h16) = (
        u16::try_from(w).map_err(|_| too_big())?,
        u16::try_from(h).map_err(|_| too_big())?,
    );
    let last = film.last_frame()?;
    let quant = color_quant::NeuQuant::new(10, 256, last.data());
    let palette = quant.color_map_rgb();
    let mut cache: HashMap<[u8; 4], u8> = HashMap::new();
    let mut index = |px: &[u8]| -> u8 {
        let key = [px[0], px[1], px[2], 255];
        *cache
            .entry(key)
            .or_insert_with(|| quant.index_of(&key) as u8)
    };
    let mut out = Vec::new();
    let mut encoder = ::gif::Encoder::new(&mut out, w16, h16, &palette).map_err(fail)?;
    encoder.set_repeat(::gif::Repeat::Infinite).map_err(fail)?;
    let hundredths = |k: usize| (100.0 * film.time(k)).round() as i64;
    let mut previous: Option<Vec<u8>> = None;
    let mut pending: Option<::gif::Frame<'static>> = None;
    film.each_frame(|k, pixmap| {
        let data = pixmap.data();
        let delay = (hundredths(k + 1) - hundredths(k)).clamp(1, 65_535) as u16;
        // The rectangle that changed since the last frame (all of the first).
        let changed = match &previous {
            None => Some((0, 0, w - 1, h - 1)),
            Some(before) => changed_box(before, data, w, h),
        };
        match changed {
            None => {
                if let Some(p) = pending.as_mut() {
                    p.delay = p.delay.saturating_add(delay);
                }
            }
            Some((x0, y0, x1, y1)) => {
                let mut buffer = Vec::with_capacity((x1 - x0 + 1) * (y1 - y0 + 1));
                for y in y0..=y1 {
                    let row = &data[(y * w + x0) * 4..(y * w + x1 + 1) * 4];
                    buffer.extend(row.chunks_exact(4).map(&mut index));
                }
                let frame = ::gif::Frame {
                    delay,
                    dispose: ::gif::DisposalMethod::Keep,
                    left: x0 as u16,
                    top: y0 as u16,
                    width: (x1 - x0 + 1) as u16,
                    height: (y1 - y0 + 1) as u16,
                    buffer: Cow::Owned(buffer),
                    ..::gif::Frame::default()
                };
                if let Some(p) = pending.replace(frame) {
                    encoder.write_frame(&p).map_err(fail)?;
                }
            }
        }
        previous = Some(data.to_vec());
        Ok(())
    })?;
    if let Some(mut p) = pending {
        p.delay = p.delay.saturating_add((super::HOLD_S * 100.0) as u16);
        encoder.write_frame(&p).map_err(fail)?;
    }
    drop(encoder);
    Ok(out)
}

/// The smallest box (inclusive corners) holding every pixel that differs between `a` and `b`
/// (RGBA, `w` × `h`), or `None` when they are equal.
fn changed_box(a: &[u8], b: &[u8], w: usize, h: usize) -> Option<(usize, usize, usize, usize)> {
    let mut found: Option<(usize, usize, usize, usize)> = None;
    for y in 0..h {
        let (ra, rb) = (
            &a[y * w * 4..(y + 1) * w * 4],
            &b[y * w * 4..(y + 1) * w * 4],
        );
        if ra == rb {
            continue;
        }
        let first = (0..w).find(|&x| ra[x * 4..x * 4 + 4] != rb[x * 4..x * 4 + 4])?;
        let last = (0..w)
            .rev()
            .find(|&x| ra[x * 4..x * 4 + 4] != rb[x * 4..x * 4 + 4])?;
        found = Some(match found {
            None => (first, y, last, y),
            Some((x0, y0, x1, _)) => (x0.min(first), y0, x1.max(last), y),
        });
    }
    found
}

#[cfg(test)]
mod test {
    use super::*;

    #[test]
    fn the_changed_box_holds_every_change() {
        let a = vec![0u8; 4 * 4 * 3];
        let mut b = a.clone();
        assert_eq!(changed_box(&a, &b, 4, 3), None);
        b[(4 + 1) * 4] = 9; // (1, 1)
        b[(2 * 4 + 3) * 4 + 2] = 9; // (3, 2)
        assert_eq!(changed_box(&a, &b, 4, 3), Some((1, 1, 3, 2)));
    }
}
