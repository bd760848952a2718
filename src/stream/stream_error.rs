//! Why a stream stopped: its input could not be read or its results could not be written.

/// A failure of the stream itself (a bad line is a result, not this).
#[derive(Debug, thiserror::Error)]
pub enum StreamError {
    /// Reading the input failed.
    #[error("cannot read the input: {0}")]
    Read(std::io::Error),
    /// Writing a result failed.
    #[error("cannot write the results: {0}")]
    Write(std::io::Error),
}
