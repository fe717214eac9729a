//! Repeated blocks: per template, on how many pages each text block occurs, and on how many of those it was in
//! the body. A block that occurs verbatim on at least [`REPEAT_MIN_SHARE`] of a template's pages (and on
//! [`REPEAT_MIN_PAGES`]) is the template's, not an article's. When most of the pages carrying it keep it out of
//! their body it is the template's chrome — navigation, side panels, footers, column headings, widget captions —
//! and it leaves a body it leaked into when it sits at that body's start or end ([`edge_chrome`]): a body
//! container taken too large takes in the chrome around the text, while a repeated line between two lines of
//! the page's own text is the page's structure (a profile's section heading). When most bodies hold it, it is
//! the fixed part of the template's content area (a profile's field labels, a tender notice's numbered
//! headings) and stays, since the varying values next to it mean nothing without it — except at the body's
//! end, after the last line of the page's own, where it frames nothing (an empty section's heading, an empty
//! pane's `N/A`). Counting is lossy (Manku and Motwani's lossy counting): memory stays
//! bounded however many pages a template has, and a block on at least 1% of the pages is never lost, its count
//! short by at most 1% of the pages.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

/// A block on at least this share of a template's pages is the template's: the same line on one page in five
/// is not an article's own text. (The measure of "boilerplate that got through" uses the same share.)
pub const REPEAT_MIN_SHARE: f32 = 0.2;

/// And on at least this many pages: two articles quoting the same sentence are a coincidence, three pages of
/// one template carrying the same line are its layout.
pub const REPEAT_MIN_PAGES: u32 = 3;

/// A repeated block is chrome when at most this share of the pages carrying it had it in their body: most of
/// the template's pages already keep it out, so a body holding it took in too much.
pub const CHROME_MAX_IN_BODY: f32 = 0.5;

/// Pages per bucket of the lossy count (1/ε with ε = 1%): entries seen less than once per bucket are dropped.
const BUCKET_PAGES: u32 = 100;

/// Counts of blocks over the pages of one template.
#[derive(Debug, Clone, Default)]
pub struct RepeatCounter {
    /// Block hash → (pages counted, of which in the body, most pages it may have been missed on before it was
    /// tracked).
    counts: HashMap<u64, (u32, u32, u32)>,
    pages: u32,
}

impl RepeatCounter {
    /// Count one page's distinct blocks; `in_body` tells which of them were in its body.
    pub fn add_page(&mut self, blocks: &[u64], in_body: impl Fn(u64) -> bool) {
        self.pages += 1;
        let bucket = self.pages.div_ceil(BUCKET_PAGES);
        for &b in blocks {
            let body = u32::from(in_body(b));
            self.counts
                .entry(b)
                .and_modify(|(n, nb, _)| {
                    *n += 1;
                    *nb += body;
                })
                .or_insert((1, body, bucket - 1));
        }
        if self.pages.is_multiple_of(BUCKET_PAGES) {
            self.counts
                .retain(|_, (n, _, missed)| *n + *missed > bucket);
        }
    }

    pub fn pages(&self) -> u32 {
        self.pages
    }

    /// The blocks counted on at least `share` of the pages and on at least `min_pages` (counts are never
    /// over-estimated, so a block returned is truly that frequent), split into chrome (mostly out of bodies)
    /// and the fixed part of the content area (mostly in bodies).
    pub fn repeated(&self, share: f32, min_pages: u32) -> Repeated {
        let need = ((self.pages as f32 * share).ceil() as u32).max(min_pages);
        let mut out = Repeated::default();
        for (b, &(n, in_body, _)) in &self.counts {
            if n < need {
                continue;
            }
            if in_body as f32 <= CHROME_MAX_IN_BODY * n as f32 {
                out.chrome.insert(*b);
            } else {
                out.fixed.insert(*b);
            }
        }
        out
    }

    /// Entries held (for tests of the memory bound).
    pub fn tracked(&self) -> usize {
        self.counts.len()
    }
}

/// A template's repeated blocks.
#[derive(Debug, Clone, Default)]
pub struct Repeated {
    /// Mostly kept out of bodies: left out of the bodies they leak into.
    pub chrome: HashSet<u64>,
    /// Mostly in bodies: the fixed part of the content area, kept.
    pub fixed: HashSet<u64>,
}

/// The body blocks to leave out: the leaf chrome blocks in the run of repeated blocks (chrome or fixed) at the
/// start of the body, and every leaf block of that run at its end. At the start, the content area's fixed part
/// introduces the page's own text (a field label before its value, a section heading) and stays; at the end
/// nothing of the page's own follows it, so it frames nothing: a section heading or a field label whose value
/// never came, an empty pane's placeholder. A body made only of repeated blocks is left whole (a stub page:
/// nothing of its own would be left). `body` holds [`body_entry`](super::signature::body_entry) values in
/// order.
pub fn edge_chrome(body: &[u64], repeated: &Repeated) -> Vec<usize> {
    use super::signature::{entry_hash, entry_leaf};
    let known = |e: &u64| {
        let h = entry_hash(*e);
        repeated.chrome.contains(&h) || repeated.fixed.contains(&h)
    };
    let lead = body.iter().take_while(|e| known(e)).count();
    if lead == body.len() {
        return Vec::new();
    }
    let trail = body.iter().rev().take_while(|e| known(e)).count();
    (0..lead)
        .filter(|&i| repeated.chrome.contains(&entry_hash(body[i])))
        .chain(body.len() - trail..body.len())
        .filter(|&i| entry_leaf(body[i]))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_on_a_fifth_of_the_pages_repeat() {
        let mut c = RepeatCounter::default();
        for page in 0..10u64 {
            // 1 on every page, 2 on every other page, 3 on two pages, and a block of the page's own.
            let mut blocks = vec![1, 1000 + page];
            if page % 2 == 0 {
                blocks.push(2);
            }
            if page < 2 {
                blocks.push(3);
            }
            // 2 is in the body of every page carrying it.
            c.add_page(&blocks, |b| b == 2 || b >= 1000);
        }
        let got = c.repeated(REPEAT_MIN_SHARE, REPEAT_MIN_PAGES);
        // 3 is on 2 of 10 pages: a fifth, but fewer than REPEAT_MIN_PAGES.
        assert_eq!(got.chrome.into_iter().collect::<Vec<_>>(), vec![1]);
        assert_eq!(got.fixed.into_iter().collect::<Vec<_>>(), vec![2]);
    }

    #[test]
    fn chrome_leaves_the_body_only_at_its_edges() {
        use crate::site::signature::body_entry;
        let repeated = Repeated {
            chrome: [10, 20, 30].into_iter().collect(),
            fixed: [40].into_iter().collect(),
        };
        let leaf = |h| body_entry(h, true);
        // chrome, fixed, chrome(not a leaf), own, chrome (interior), own, fixed, chrome: the fixed block leaves
        // the end with the chrome, not the start.
        let body = [
            leaf(10),
            leaf(40),
            body_entry(20, false),
            leaf(100),
            leaf(30),
            leaf(200),
            leaf(40),
            leaf(30),
        ];
        assert_eq!(edge_chrome(&body, &repeated), vec![0, 6, 7]);
        assert!(edge_chrome(&[leaf(10), leaf(40)], &repeated).is_empty());
        assert!(edge_chrome(&[], &repeated).is_empty());
    }

    #[test]
    fn memory_stays_bounded_on_many_pages_of_unique_text() {
        let mut c = RepeatCounter::default();
        for page in 0..5_000u64 {
            let mut blocks: Vec<u64> = (0..50).map(|i| 1_000_000 + page * 100 + i).collect();
            blocks.push(7);
            if page % 4 == 0 {
                blocks.push(8);
            }
            c.add_page(&blocks, |_| false);
        }
        assert!(c.tracked() < 6_000, "{} entries", c.tracked());
        let got = c.repeated(REPEAT_MIN_SHARE, REPEAT_MIN_PAGES).chrome;
        assert!(got.contains(&7) && got.contains(&8) && got.len() == 2);
    }
}
