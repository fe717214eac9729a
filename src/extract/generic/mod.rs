//! Generic extraction for pages without a mapping.
