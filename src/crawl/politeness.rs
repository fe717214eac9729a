//! Politeness toward old, fragile servers: per host, at most `concurrency` requests at once and at least
//! `delay` between the starts of two requests (raised to robots.txt's Crawl-delay). A 429 or 503 with
//! Retry-After pushes the whole host back, not just the request that got it.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio::sync::{OwnedSemaphorePermit, Semaphore};
use tokio::time::Instant;

/// One host's gate.
#[derive(Debug)]
struct HostGate {
    slots: Arc<Semaphore>,
    /// Earliest start of the next request, and the delay between requests.
    next: Mutex<(Instant, Duration)>,
}

/// The gates of every host a crawl talks to.
#[derive(Debug)]
pub struct Politeness {
    concurrency: usize,
    delay: Duration,
    hosts: Mutex<HashMap<String, Arc<HostGate>>>,
}

impl Politeness {
    pub fn new(concurrency: usize, delay: Duration) -> Politeness {
        Politeness {
            concurrency: concurrency.max(1),
            delay,
            hosts: Mutex::new(HashMap::new()),
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
    pub async fn acquire(&self, host: &str) -> OwnedSemaphorePermit {
        let gate = self.gate(host);
        let permit = gate
            .slots
            .clone()
            .acquire_owned()
            .await
            .expect("semaphore never closed");
        let start = {
            let mut next = gate.next.lock().expect("gate lock");
            let start = next.0.max(Instant::now());
            next.0 = start + next.1;
            start
        };
        tokio::time::sleep_until(start).await;
        permit
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
}
