//! An archive on a web server, read with HTTP Range requests (`Range: bytes=a-b`, answered with
//! `206 Partial Content`), as PMTiles is designed to be served.
//!
//! Each request has a timeout ([`Limits::http_timeout`]) and is tried twice when the failure
//! may pass (timeout, broken connection, truncated body, 5xx, 429); other statuses (404, 403)
//! fail at once. A server that ignores ranges and answers `200` with the whole file is read
//! once, up to [`Limits::max_whole_file_bytes`], and later ranges are cut from that copy.
//! Bodies are read with a cap: never more than was asked for.

use std::sync::{Arc, OnceLock};
use std::time::Duration;

use ureq::tls::{RootCerts, TlsConfig, TlsProvider};

use super::RangeSource;
use crate::tiles::Limits;
use crate::tiles::error::Problem;
use crate::tiles::limits::bytes;

/// Attempts per range: the first and one retry.
const ATTEMPTS: u32 = 2;

/// A PMTiles archive at an `http://` or `https://` URL.
pub struct HttpSource {
    url: String,
    agent: ureq::Agent,
    timeout: Duration,
    max_whole_file_bytes: u64,
    /// The whole file, once a server has sent it instead of a range.
    whole: OnceLock<Arc<Vec<u8>>>,
}

impl std::fmt::Debug for HttpSource {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("HttpSource")
            .field("url", &self.url)
            .finish()
    }
}

/// Why one attempt failed: worth another try, or not.
enum Failure {
    Retry(Problem),
    Final(Problem),
}

impl HttpSource {
    /// A source for `url` with the timeout and whole-file cap of `limits`. Certificates are
    /// checked against the system's trust store (rustls with the platform verifier).
    pub fn new(url: &str, limits: &Limits) -> Self {
        // ring rather than aws-lc-rs: a small build whose licences pass deny.toml; rustls
        // marks it deprecated for lacking post-quantum key exchange, which reading public
        // map tiles does not need.
        #[allow(deprecated)]
        let provider = rustls::crypto::ring::default_provider();
        let tls = TlsConfig::builder()
            .provider(TlsProvider::Rustls)
            .root_certs(RootCerts::PlatformVerifier)
            .unversioned_rustls_crypto_provider(Arc::new(provider))
            .build();
        let agent: ureq::Agent = ureq::Agent::config_builder()
            .timeout_global(Some(limits.http_timeout))
            .http_status_as_error(false)
            .user_agent(concat!("tripmap/", env!("CARGO_PKG_VERSION")))
            .tls_config(tls)
            .build()
            .into();
        HttpSource {
            url: url.to_string(),
            agent,
            timeout: limits.http_timeout,
            max_whole_file_bytes: limits.max_whole_file_bytes,
            whole: OnceLock::new(),
        }
    }

    /// One request for `length` bytes from `offset`.
    fn attempt(&self, offset: u64, length: u64) -> Result<Vec<u8>, Failure> {
        let last = offset + length - 1;
        let mut response = self
            .agent
            .get(&self.url)
            .header("Range", format!("bytes={offset}-{last}"))
            .call()
            .map_err(transport)?;
        let status = response.status();
        match status.as_u16() {
            206 => partial(&mut response, offset, last),
            200 => self.whole_file(&mut response, offset, length),
            416 => Err(Failure::Final(Problem::OutOfBounds {
                what: "read".into(),
                offset,
                end: offset + length,
                within: "the file on the server (HTTP 416 Range Not Satisfiable)".into(),
            })),
            code => {
                let problem = Problem::HttpStatus {
                    status: code,
                    reason: status.canonical_reason().unwrap_or("").to_string(),
                };
                if code >= 500 || code == 429 {
                    Err(Failure::Retry(problem))
                } else {
                    Err(Failure::Final(problem))
                }
            }
        }
    }

    /// A `200` answer to a range request: the server ignores ranges. The whole file is kept
    /// (if it is small enough) and the range cut from it.
    fn whole_file(
        &self,
        response: &mut ureq::http::Response<ureq::Body>,
        offset: u64,
        length: u64,
    ) -> Result<Vec<u8>, Failure> {
        let cap = self.max_whole_file_bytes;
        let too_big = || {
            Failure::Final(Problem::Http(format!(
                "the server ignores Range requests (HTTP 200 with the whole file) and \
                 the file is larger than the limit of {}",
                bytes(cap)
            )))
        };
        let declared = response.body().content_length();
        if declared.is_some_and(|n| n > cap) {
            return Err(too_big());
        }
        let body = response
            .body_mut()
            .with_config()
            .limit(cap)
            .read_to_vec()
            .map_err(|e| match e {
                ureq::Error::BodyExceedsLimit(_) => too_big(),
                e => transport(e),
            })?;
        if declared.is_some_and(|n| n != body.len() as u64) {
            return Err(Failure::Retry(Problem::Http(format!(
                "response body truncated: {} of {} bytes",
                body.len(),
                declared.unwrap_or(0)
            ))));
        }
        let whole = self.whole.get_or_init(|| Arc::new(body));
        Ok(slice(whole, offset, length))
    }
}

/// A `206 Partial Content` answer to a request for bytes `offset..=last`: its Content-Range
/// must start where asked and end no later, and its body must be complete.
fn partial(
    response: &mut ureq::http::Response<ureq::Body>,
    offset: u64,
    last: u64,
) -> Result<Vec<u8>, Failure> {
    let header = response
        .headers()
        .get("content-range")
        .and_then(|v| v.to_str().ok())
        .map(str::to_string);
    let (start, end) = header.as_deref().and_then(content_range).ok_or_else(|| {
        Failure::Final(Problem::Http(format!(
            "206 response without a usable Content-Range header ({header:?})"
        )))
    })?;
    if start != offset || end < start || end > last {
        return Err(Failure::Final(Problem::Http(format!(
            "asked for bytes {offset}-{last}, the server sent {start}-{end}"
        ))));
    }
    let expected = end - start + 1;
    let body = read_body(response, expected)?;
    if (body.len() as u64) < expected {
        return Err(Failure::Retry(Problem::Http(format!(
            "response body truncated: {} of {expected} bytes",
            body.len()
        ))));
    }
    Ok(body)
}

impl RangeSource for HttpSource {
    fn name(&self) -> &str {
        &self.url
    }

    fn read(&self, offset: u64, length: u64) -> Result<Vec<u8>, Problem> {
        if let Some(whole) = self.whole.get() {
            return Ok(slice(whole, offset, length));
        }
        if length == 0 {
            return Ok(Vec::new());
        }
        if offset.checked_add(length).is_none() {
            return Err(Problem::OutOfBounds {
                what: "read".into(),
                offset,
                end: u64::MAX,
                within: "any file".into(),
            });
        }
        let mut timeouts = 0;
        let mut last = None;
        for _ in 0..ATTEMPTS {
            match self.attempt(offset, length) {
                Ok(body) => return Ok(body),
                Err(Failure::Final(problem)) => return Err(problem),
                Err(Failure::Retry(problem)) => {
                    if matches!(problem, Problem::Timeout { .. }) {
                        timeouts += 1;
                    }
                    last = Some(problem);
                }
            }
        }
        Err(match last {
            Some(Problem::Timeout { .. }) if timeouts == ATTEMPTS => Problem::Timeout {
                millis: self.timeout.as_millis() as u64,
                attempts: ATTEMPTS,
            },
            Some(problem) => problem,
            None => Problem::Http("no attempt was made".into()),
        })
    }
}

/// At most `length` bytes of `whole` from `offset` (none past its end).
fn slice(whole: &[u8], offset: u64, length: u64) -> Vec<u8> {
    let start = offset.min(whole.len() as u64) as usize;
    let end = offset.saturating_add(length).min(whole.len() as u64) as usize;
    whole[start..end].to_vec()
}

/// The body, read with a cap of `expected` bytes: a longer body is an error, not a larger
/// allocation.
fn read_body(
    response: &mut ureq::http::Response<ureq::Body>,
    expected: u64,
) -> Result<Vec<u8>, Failure> {
    response
        .body_mut()
        .with_config()
        .limit(expected)
        .read_to_vec()
        .map_err(|e| match e {
            ureq::Error::BodyExceedsLimit(_) => Failure::Final(Problem::Http(format!(
                "response body longer than the {expected} bytes asked for"
            ))),
            e => transport(e),
        })
}

/// A transport error: timeouts and broken connections are worth a retry, the rest is not.
fn transport(e: ureq::Error) -> Failure {
    match e {
        ureq::Error::Timeout(_) => Failure::Retry(Problem::Timeout {
            millis: 0,
            attempts: 1,
        }),
        ureq::Error::Io(io) => Failure::Retry(Problem::Http(match io.kind() {
            std::io::ErrorKind::UnexpectedEof => {
                "response body truncated (the connection closed early)".to_string()
            }
            _ => format!("connection failed: {io}"),
        })),
        ureq::Error::ConnectionFailed | ureq::Error::HostNotFound => {
            Failure::Retry(Problem::Http(format!("connection failed: {e}")))
        }
        e => Failure::Final(Problem::Http(e.to_string())),
    }
}

/// `bytes a-b/total` (or `bytes a-b/*`) → (a, b).
fn content_range(value: &str) -> Option<(u64, u64)> {
    let rest = value.trim().strip_prefix("bytes")?.trim_start();
    let (range, _total) = rest.split_once('/')?;
    let (a, b) = range.split_once('-')?;
    Some((a.trim().parse().ok()?, b.trim().parse().ok()?))
}

#[cfg(test)]
mod test {
    use super::*;

    #[test]
    fn content_range_is_parsed_and_junk_refused() {
        assert_eq!(content_range("bytes 0-16383/377721"), Some((0, 16383)));
        assert_eq!(content_range("bytes 10-20/*"), Some((10, 20)));
        assert_eq!(content_range("bytes */1000"), None);
        assert_eq!(content_range("items 0-1/2"), None);
    }

    #[test]
    fn slices_stop_at_the_end() {
        let whole = [1u8, 2, 3, 4];
        assert_eq!(slice(&whole, 1, 2), vec![2, 3]);
        assert_eq!(slice(&whole, 3, 100), vec![4]);
        assert!(slice(&whole, 9, 1).is_empty());
    }
}
