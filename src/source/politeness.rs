//! Politeness toward old, fragile servers: per host, at most `concurrency` requests at once and at least
//! `delay` between the starts of two requests (raised to robots.txt's Crawl-delay). A 429 or 503 with
//! Retry-After pushes the whole host back, not just the request that got it.
//!
//! Two ways a wait ends early. A host that answers nothing but 429 or 5xx — `max_errors` of them in a row, or one
//! Retry-After longer than the crawl will wait — is *paused* for the rest of the run (a circuit breaker): its
//! requests stop, its URLs stay queued for the next run, and the pause is reported. The first Ctrl-C *stops*
//! every host: waits for a slot, for the delay or for a retry end at once, so only requests already on the
//! wire are finished.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio::sync::{OwnedSemaphorePermit, Semaphore, watch};
use tokio::time::Instant;

use crate::outcome::Shape;

/// Why a host was paused, as the crawl summary and the log say it ([`crate::outcome::localized`]).
pub(crate) const SHAPES: &[Shape] = &[HOST_ERRORS, RETRY_AFTER];
/// The circuit breaker tripped.
const HOST_ERRORS: Shape = Shape {
    id: "pause-host-errors",
    pieces: &[
        "",
        " responses in a row were 429 Too Many Requests or 5xx server errors",
    ],
    args: &["n"],
};
/// A Retry-After longer than the crawl waits.
pub(crate) const RETRY_AFTER: Shape = Shape {
    id: "pause-retry-after",
    pieces: &[
        "it asks to wait ",
        " s (Retry-After), longer than the ",
        " s --max-retry-wait-ms allows",
    ],
    args: &["asked", "max"],
};

/// One host's gate.
#[derive(Debug)]
struct HostGate {
    slots: Arc<Semaphore>,
    /// Earliest start of the next request, and the delay between requests.
    next: Mutex<(Instant, Duration)>,
    /// 429 and 5xx responses in a row.
    errors: Mutex<u32>,
    /// Why the host is paused, once it is.
    paused: watch::Sender<Option<String>>,
}

/// A wait ended because the crawl is stopping or the host is paused: the request was not made.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Halted;

/// The gates of every host a crawl talks to.
#[derive(Debug)]
pub struct Politeness {
    concurrency: usize,
    delay: Duration,
    /// 429/5xx responses in a row that pause a host (0: never).
    max_errors: u32,
    hosts: Mutex<HashMap<String, Arc<HostGate>>>,
    stop: watch::Sender<bool>,
}

impl Politeness {
    pub fn new(concurrency: usize, delay: Duration, max_errors: u32) -> Politeness {
        Politeness {
            concurrency: concurrency.max(1),
            delay,
            max_errors,
            hosts: Mutex::new(HashMap::new()),
            stop: watch::Sender::new(false),
        }
    }

    fn gate(&self, host: &str) -> Arc<HostGate> {
        let mut hosts = self.hosts.lock().expect("politeness lock");
        hosts
            .entry(host.to_string())
            .or_insert_with(|| {
                Arc::new(HostGate {
                    slots: Arc::new(Semaphore::new(self.concurrency)),
                    next: Mutex::new((Instant::now(), self.delay)),
                    errors: Mutex::new(0),
                    paused: watch::Sender::new(None),
                })
            })
            .clone()
    }

    /// Raise the delay between requests to `host` (robots.txt Crawl-delay).
    pub fn set_min_delay(&self, host: &str, delay: Duration) {
        let gate = self.gate(host);
        let mut next = gate.next.lock().expect("gate lock");
        if delay > next.1 {
            next.1 = delay;
        }
    }

    /// Wait for a slot and for the host's delay; hold the permit for the duration of the request.
    pub async fn acquire(&self, host: &str) -> Result<OwnedSemaphorePermit, Halted> {
        let gate = self.gate(host);
        let permit = tokio::select! {
            permit = gate.slots.clone().acquire_owned() => permit.expect("semaphore never closed"),
            () = self.halted_gate(&gate) => return Err(Halted),
        };
        let start = {
            let mut next = gate.next.lock().expect("gate lock");
            let start = next.0.max(Instant::now());
            next.0 = start + next.1;
            start
        };
        tokio::select! {
            () = tokio::time::sleep_until(start) => Ok(permit),
            () = self.halted_gate(&gate) => Err(Halted),
        }
    }

    /// Sleep `wait` unless the crawl stops or the host is paused first.
    pub async fn sleep(&self, host: &str, wait: Duration) -> Result<(), Halted> {
        let gate = self.gate(host);
        tokio::select! {
            () = tokio::time::sleep(wait) => Ok(()),
            () = self.halted_gate(&gate) => Err(Halted),
        }
    }

    /// Keep every request to `host` back for `wait` (Retry-After).
    pub fn back_off(&self, host: &str, wait: Duration) {
        let gate = self.gate(host);
        let mut next = gate.next.lock().expect("gate lock");
        let until = Instant::now() + wait;
        if until > next.0 {
            next.0 = until;
        }
    }

    /// Count a response of `host`: 429 and 5xx in a row pause it at `max_errors`; anything else resets the count.
    pub fn observe(&self, host: &str, status: u16) {
        let gate = self.gate(host);
        let tripped = {
            let mut errors = gate.errors.lock().expect("gate lock");
            if status == 429 || (500..600).contains(&status) {
                *errors += 1;
                self.max_errors > 0 && *errors == self.max_errors
            } else {
                *errors = 0;
                false
            }
        };
        if tripped {
            self.pause(host, HOST_ERRORS.text(&[&self.max_errors]));
        }
    }

    /// Pause `host` for the rest of the run (the first reason is kept).
    pub fn pause(&self, host: &str, why: String) {
        let gate = self.gate(host);
        let first = gate.paused.send_if_modified(|paused| {
            if paused.is_some() {
                return false;
            }
            *paused = Some(why.clone());
            true
        });
        if first {
            tracing::warn!(
                "{}",
                crate::t!(
                    "log-host-paused",
                    host = host,
                    why = crate::outcome::localized(&why)
                )
            );
        }
    }

    /// Stop every wait (the first Ctrl-C).
    pub fn stop(&self) {
        self.stop.send_replace(true);
    }

    /// Whether requests to `host` must not start.
    pub fn is_halted(&self, host: &str) -> bool {
        *self.stop.borrow() || self.gate(host).paused.borrow().is_some()
    }

    /// The paused hosts and why, sorted.
    pub fn paused(&self) -> Vec<(String, String)> {
        let hosts = self.hosts.lock().expect("politeness lock");
        let mut out: Vec<(String, String)> = hosts
            .iter()
            .filter_map(|(h, g)| g.paused.borrow().clone().map(|why| (h.clone(), why)))
            .collect();
        out.sort();
        out
    }

    /// Resolves when the crawl stops or `gate`'s host is paused.
    async fn halted_gate(&self, gate: &HostGate) {
        let mut stop = self.stop.subscribe();
        let mut paused = gate.paused.subscribe();
        loop {
            if *stop.borrow_and_update() || paused.borrow_and_update().is_some() {
                return;
            }
            tokio::select! {
                changed = stop.changed() => if changed.is_err() { std::future::pending::<()>().await },
                changed = paused.changed() => if changed.is_err() { std::future::pending::<()>().await },
            }
        }
    }
}
