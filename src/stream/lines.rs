//! Reads JSON Lines one line at a time with a maximum length checked before the line is kept:
//! a longer line is skipped to its end (never held in memory) and reported as too long.

use std::io::{self, BufRead};

/// One line of the input.
#[derive(Debug)]
pub enum Line {
    /// The line's bytes, without the `\n` (and a `\r` before it).
    Text(Vec<u8>),
    /// The line is longer than the maximum; it was skipped. The length is how many bytes were
    /// seen (the whole line's length).
    TooLong(u64),
}

/// Splits a reader into lines of at most `max_bytes` bytes each.
#[derive(Debug)]
pub struct LineReader<R> {
    input: R,
    max_bytes: usize,
    /// 1-based number of the last line returned.
    number: u64,
    /// Whether every byte the input had buffered has been used.
    drained: bool,
}

impl<R: BufRead> LineReader<R> {
    /// A reader of lines up to `max_bytes` long.
    pub fn new(input: R, max_bytes: usize) -> Self {
        LineReader {
            input,
            max_bytes,
            number: 0,
            drained: true,
        }
    }

    /// Whether the next line needs a read from the source (which may wait for a writer): the
    /// input's buffer is used up, or nothing has been read yet.
    pub fn drained(&self) -> bool {
        self.drained
    }

    /// The next line and its 1-based number, or `None` at the end of the input.
    pub fn next_line(&mut self) -> io::Result<Option<(u64, Line)>> {
        let mut kept: Vec<u8> = Vec::new();
        let mut seen: u64 = 0;
        let mut too_long = false;
        loop {
            let chunk = match self.input.fill_buf() {
                Ok(c) => c,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            };
            if chunk.is_empty() {
                if seen == 0 {
                    return Ok(None);
                }
                break;
            }
            let (part, end) = match chunk.iter().position(|&b| b == b'\n') {
                Some(i) => (&chunk[..i], Some(i + 1)),
                None => (chunk, None),
            };
            seen += part.len() as u64 + u64::from(end.is_some());
            // Checked before the bytes are copied: a line never grows past the maximum.
            if !too_long && kept.len() + part.len() > self.max_bytes {
                too_long = true;
                kept = Vec::new();
            }
            if !too_long {
                kept.extend_from_slice(part);
            }
            let used = end.unwrap_or(chunk.len());
            self.drained = used == chunk.len();
            self.input.consume(used);
            if end.is_some() {
                break;
            }
        }
        self.number += 1;
        if too_long {
            return Ok(Some((self.number, Line::TooLong(seen))));
        }
        if kept.last() == Some(&b'\r') {
            kept.pop();
        }
        Ok(Some((self.number, Line::Text(kept))))
    }
}

#[cfg(test)]
mod test {
    use super::*;

    fn lines(input: &[u8], max: usize, buffer: usize) -> Vec<(u64, String)> {
        let mut r = LineReader::new(io::BufReader::with_capacity(buffer, input), max);
        let mut out = Vec::new();
        while let Some((n, line)) = r.next_line().unwrap() {
            // A buffer larger than the whole input is used up only by the last line.
            if buffer > input.len() {
                assert_eq!(r.drained(), n == 4, "line {n}");
            }
            out.push(match line {
                Line::Text(t) => (n, String::from_utf8(t).unwrap()),
                Line::TooLong(len) => (n, format!("<{len} bytes>")),
            });
        }
        out
    }

    #[test]
    fn splits_lines_and_skips_long_ones_across_buffers() {
        let input = b"ab\r\n0123456789\n\nlast";
        for buffer in [1, 3, 64] {
            assert_eq!(
                lines(input, 5, buffer),
                [
                    (1, "ab".to_string()),
                    (2, "<11 bytes>".to_string()),
                    (3, String::new()),
                    (4, "last".to_string())
                ]
            );
        }
    }
}
