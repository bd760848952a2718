//! One file per command: arguments in, one library call, an exit code out.

pub mod check;
pub mod extract;
pub mod geocode;
pub mod render;
