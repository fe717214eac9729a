//! CPU time for the unit tests that hold a scanner to linear time. Wall time on a machine whose cores other jobs
//! share measures the neighbours too, so those tests compare this thread's CPU time (Linux's
//! /proc/thread-self/schedstat) with a generous budget instead; the figures themselves are benchmarks
//! (benches/hostile.rs).

use std::time::Duration;

/// CPU time this thread has run, or `None` where the kernel does not say (not Linux).
pub(crate) fn thread_cpu() -> Option<Duration> {
    let text = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns: u64 = text.split_whitespace().next()?.parse().ok()?;
    Some(Duration::from_nanos(ns))
}

/// Run `f` and check it spent less than `budget` of this thread's CPU time (when that can be read).
pub(crate) fn within<T>(budget: Duration, f: impl FnOnce() -> T) -> T {
    let before = thread_cpu();
    let out = f();
    if let (Some(before), Some(after)) = (before, thread_cpu()) {
        let spent = after.saturating_sub(before);
        assert!(
            spent < budget,
            "took {spent:?} of CPU time, budget {budget:?}"
        );
    }
    out
}
