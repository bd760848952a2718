//! One file per command: arguments in, one library call, an exit code out.

pub mod check;
pub mod completions;
pub mod extract;
pub mod geocode;
pub mod man;
pub mod render;
pub mod stream;
