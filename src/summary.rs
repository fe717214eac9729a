//! The run summary: pages read, records, skips and failures grouped by reason, per-field fill rates.
