//! Repeated blocks: per template, on how many pages each text block occurs, and on how many of those it was in
//! the body. A block that occurs verbatim on at least [`REPEAT_MIN_SHARE`] of a template's pages (and on
//! [`REPEAT_MIN_PAGES`]) is the template's, not an article's. When most of the pages carrying it keep it out of
//! their body it is the template's chrome — navigation, side panels, footers, column headings, widget captions —
//! and it leaves a body it leaked into when it sits at that body's start or end ([`left_out`]): a body
//! container taken too large takes in the chrome around the text, while a repeated line between two lines of
//! the page's own text is the page's structure (a profile's section heading). When most bodies hold it, it is
//! the fixed part of the template's content area (a profile's field labels, a tender notice's numbered
//! headings) and stays, since the varying values next to it mean nothing without it — except where it frames
//! nothing ([`framing_nothing`]): at the body's end, after the last line of the page's own (an empty section's
//! heading, an empty pane's `N/A`), and where a label or heading of the template is followed directly by the
//! next one, its value or section left empty ([`empty_frames`]: `Research Center：` right before
//! `Research Field：`, `工作经历` right before `教育经历`). There it leaves the body (the latter on pages exported
//! as articles), and the report counts what is left of it as template text in the body. A fixed block followed
//! by the page's own text, or by a fixed block that is its value (`Title :` then `Professor`, a table's heading
//! row, a notice's standard lines), frames that and is content.
//! Counting is lossy (Manku and Motwani's lossy counting): memory stays
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

/// A plain block (no label's colon) of the content area's fixed part is a heading or a label of the template —
/// it introduces text of the page's own — when at least this share of its occurrences in bodies are followed
/// directly by a block that is not the template's (a section's text, a field's value in a cell of its own).
/// Blocks that are usually followed by more of the template (a table's heading cells, a notice's standard
/// lines, a value many pages share such as `Professor`) are not.
pub const OPENS_MIN_SHARE: f32 = 0.5;

/// And that verdict needs at least this many occurrences in bodies: four, of which at least two show the text
/// it introduces. Fewer siblings say nothing either way, and the block is then no heading (never left out).
pub const OPENS_MIN_SEEN: u32 = 4;

/// Body blocks per page whose successor is counted for [`OPENS_MIN_SHARE`] (the first and last halves of a
/// longer body), as many as the page's blocks the model keeps: the count's memory stays that of
/// [`RepeatCounter`]'s blocks.
const FOLLOW_MAX_BLOCKS: usize = super::signature::MAX_BLOCKS;

/// Pages per bucket of the lossy count (1/ε with ε = 1%): entries seen less than once per bucket are dropped.
const BUCKET_PAGES: u32 = 100;

/// Counts of blocks over the pages of one template.
#[derive(Debug, Clone, Default)]
pub struct RepeatCounter {
    /// Block hash → (pages counted, of which in the body, most pages it may have been missed on before it was
    /// tracked).
    counts: HashMap<u64, (u32, u32, u32)>,
    /// Plain leaf body block → (occurrences in bodies, most missed); (block, the body block right after it, 0
    /// at the body's end) → (occurrences, most missed). Both lossy like `counts`.
    leads: HashMap<u64, (u32, u32)>,
    follows: HashMap<(u64, u64), (u32, u32)>,
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

    /// Count what follows each plain leaf block of the page's body (its [`body_entry`] values in order), after
    /// [`RepeatCounter::add_page`] counted the page: whether a heading or label of the template usually
    /// introduces text of the page's own ([`OPENS_MIN_SHARE`]).
    ///
    /// [`body_entry`]: super::signature::body_entry
    pub fn add_body(&mut self, body: &[u64]) {
        use super::signature::{LineShape, entry_hash, entry_leaf, entry_shape};
        let bucket = self.pages.max(1).div_ceil(BUCKET_PAGES);
        let body = super::signature::ends(body.to_vec(), FOLLOW_MAX_BLOCKS);
        for (i, &e) in body.iter().enumerate() {
            if !entry_leaf(e) || entry_shape(e) != LineShape::Plain {
                continue;
            }
            let next = body.get(i + 1).map_or(0, |n| entry_hash(*n));
            let h = entry_hash(e);
            let count = |(n, _): &mut (u32, u32)| *n += 1;
            self.leads
                .entry(h)
                .and_modify(count)
                .or_insert((1, bucket - 1));
            self.follows
                .entry((h, next))
                .and_modify(count)
                .or_insert((1, bucket - 1));
        }
        if self.pages.is_multiple_of(BUCKET_PAGES) {
            self.leads.retain(|_, (n, missed)| *n + *missed > bucket);
            self.follows.retain(|_, (n, missed)| *n + *missed > bucket);
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
        // Of each fixed plain block's occurrences, those followed by more of the template (or by the body's
        // end); the others introduce text of the page's own.
        let mut closed: HashMap<u64, u32> = HashMap::default();
        for (&(lead, next), &(n, _)) in &self.follows {
            if out.fixed.contains(&lead)
                && (next == 0 || out.fixed.contains(&next) || out.chrome.contains(&next))
            {
                *closed.entry(lead).or_default() += n;
            }
        }
        for (&b, &(n, _)) in &self.leads {
            let shut = closed.get(&b).copied().unwrap_or(0);
            if out.fixed.contains(&b)
                && n >= OPENS_MIN_SEEN
                && (n - shut.min(n)) as f32 >= OPENS_MIN_SHARE * n as f32
            {
                out.opens.insert(b);
            }
        }
        out
    }

    /// Entries held (for tests of the memory bound).
    pub fn tracked(&self) -> usize {
        self.counts.len() + self.leads.len() + self.follows.len()
    }
}

/// A template's repeated blocks.
#[derive(Debug, Clone, Default)]
pub struct Repeated {
    /// Mostly kept out of bodies: left out of the bodies they leak into.
    pub chrome: HashSet<u64>,
    /// Mostly in bodies: the fixed part of the content area, kept where it frames something.
    pub fixed: HashSet<u64>,
    /// Of `fixed`, the plain blocks that usually introduce text of the page's own ([`OPENS_MIN_SHARE`]): the
    /// template's headings and labels whose value sits in an element of its own.
    pub opens: HashSet<u64>,
}

impl Repeated {
    /// Whether a body block is one of the template's (chrome or fixed).
    pub fn known(&self, entry: u64) -> bool {
        let h = super::signature::entry_hash(entry);
        self.chrome.contains(&h) || self.fixed.contains(&h)
    }

    /// Whether a body block is a frame of the template's content area: a fixed block that introduces a value
    /// or a section — a label waiting for its value ([`LineShape::Label`]), or a plain block that usually
    /// introduces text of the page's own (`opens`). A label holding its value, or a block usually followed by
    /// more of the template, is no frame.
    ///
    /// [`LineShape::Label`]: super::signature::LineShape::Label
    pub fn frame(&self, entry: u64) -> bool {
        use super::signature::{LineShape, entry_hash, entry_shape};
        let h = entry_hash(entry);
        self.fixed.contains(&h)
            && match entry_shape(entry) {
                LineShape::Label => true,
                LineShape::Plain => self.opens.contains(&h),
                LineShape::Filled => false,
            }
    }
}

/// The body blocks to leave out: the leaf chrome blocks in the run of repeated blocks (chrome or fixed) at the
/// start of the body, every leaf block of that run at its end, and the fixed blocks that frame nothing inside
/// the body ([`empty_frames`]). At the start, the content area's fixed part introduces the page's own text (a
/// field label before its value, a section heading) and stays; at the end nothing of the page's own follows it,
/// so it frames nothing: a section heading or a field label whose value never came, an empty pane's
/// placeholder. A body made only of repeated blocks is left whole (a stub page: nothing of its own would be
/// left). The empty frames inside are left out only with `frames` (pages exported as articles: on a page
/// skipped as a profile's empty card, its empty labels are the evidence of that verdict). `body` holds
/// [`body_entry`](super::signature::body_entry) values in order; the indices come sorted.
pub fn left_out(body: &[u64], repeated: &Repeated, frames: bool) -> Vec<usize> {
    use super::signature::{entry_hash, entry_leaf};
    let known = |e: &u64| repeated.known(*e);
    let lead = body.iter().take_while(|e| known(e)).count();
    if lead == body.len() {
        return Vec::new();
    }
    let trail = body.iter().rev().take_while(|e| known(e)).count();
    let mut out: Vec<usize> = (0..lead)
        .filter(|&i| repeated.chrome.contains(&entry_hash(body[i])))
        .chain(empty_frames(body, repeated).filter(|_| frames))
        .chain(body.len() - trail..body.len())
        .filter(|&i| entry_leaf(body[i]))
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// The fixed blocks inside the body that frame nothing: a frame of the template's content area
/// ([`Repeated::frame`]: a label waiting for its value, a heading that usually has text of the page's own under
/// it) followed directly by another frame, so its value or section is empty on this page — `Research Center：`
/// right before `Research Field：`, `Work Experience` right before `Education`. A frame followed by the page's
/// own text frames it; one followed by a fixed block that is no frame (`Title :` then `Professor`, a value many
/// pages share) frames that block. Only leaf blocks (a container's text holds other blocks). `body` holds
/// [`body_entry`](super::signature::body_entry) values in order.
pub fn empty_frames<'a>(
    body: &'a [u64],
    repeated: &'a Repeated,
) -> impl Iterator<Item = usize> + 'a {
    use super::signature::entry_leaf;
    body.windows(2)
        .enumerate()
        .filter(|(_, w)| entry_leaf(w[0]) && repeated.frame(w[0]) && repeated.frame(w[1]))
        .map(|(i, _)| i)
}

/// The fixed blocks of a body that frame nothing: the [`empty_frames`] inside it, and those in the run of the
/// template's blocks (chrome or fixed) at its end, after the last text of the page's own. With the chrome
/// anywhere in a body, these are issue 9's measure of template text left in bodies (the report's
/// `records_with_template_text`); a fixed block that frames the page's own text — a label before its value, a
/// heading over its section, a value many pages share — is the page's content and is not counted. Unlike
/// [`left_out`], container blocks and stubs (a body made only of the template's blocks) count too: the
/// measure says what is left, not what the model could leave out. Indices sorted.
pub fn framing_nothing(body: &[u64], repeated: &Repeated) -> Vec<usize> {
    use super::signature::entry_hash;
    let trail = body
        .iter()
        .rev()
        .take_while(|e| repeated.known(**e))
        .count();
    let mut out: Vec<usize> = empty_frames(body, repeated)
        .chain(body.len() - trail..body.len())
        .filter(|&i| repeated.fixed.contains(&entry_hash(body[i])))
        .collect();
    out.sort_unstable();
    out.dedup();
    out
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
        use crate::site::signature::{LineShape, body_entry};
        // Text hashes keep their three lowest bits free.
        let repeated = Repeated {
            chrome: [8, 16, 24].into_iter().collect(),
            fixed: [32].into_iter().collect(),
            ..Repeated::default()
        };
        let leaf = |h| body_entry(h, true, LineShape::Plain);
        // chrome, fixed, chrome(not a leaf), own, chrome (interior), own, fixed, chrome: the fixed block leaves
        // the end with the chrome, not the start.
        let body = [
            leaf(8),
            leaf(32),
            body_entry(16, false, LineShape::Plain),
            leaf(800),
            leaf(24),
            leaf(1600),
            leaf(32),
            leaf(24),
        ];
        for frames in [false, true] {
            assert_eq!(left_out(&body, &repeated, frames), vec![0, 6, 7]);
            assert!(left_out(&[leaf(8), leaf(32)], &repeated, frames).is_empty());
            assert!(left_out(&[], &repeated, frames).is_empty());
        }
    }

    #[test]
    fn a_line_s_shape_tells_a_label_waiting_for_its_value() {
        use crate::site::signature::LineShape::{self, *};
        for (line, want) in [
            ("联系邮箱：", Label),
            ("Research Filed :", Label),
            ("五、评审专家（单一来源采购人员）名单：", Label),
            ("名 称：南开大学", Filled),
            ("Academic Title：lecturer", Filled),
            ("为做好本次评审工作，现将有关事项通知如下：", Filled),
            ("工作经历", Plain),
            ("教授", Plain),
        ] {
            assert_eq!(LineShape::of(line), want, "{line}");
        }
    }

    /// A body block as the observation keeps it, from its text.
    fn entry(line: &str) -> u64 {
        use crate::site::signature::{LineShape, body_entry, text_hash};
        body_entry(text_hash(line), true, LineShape::of(line))
    }

    /// Ten profile pages of one template: a title label and a value many pages share (`职称：` `教授`), an email
    /// label, two section headings; the email is empty on pages 0 and 1, the first section on pages 2 and 3.
    fn profiles() -> (Repeated, Vec<Vec<u64>>) {
        use crate::site::signature::entry_hash;
        let mut c = RepeatCounter::default();
        let mut bodies = Vec::new();
        for page in 0..10 {
            let own = |what: &str| entry(&format!("{what} {page}"));
            let mut body = vec![entry("职称："), entry("教授"), entry("联系邮箱：")];
            if page >= 2 {
                body.push(own("mail"));
            }
            body.push(entry("科研项目"));
            if !(2..4).contains(&page) {
                body.push(own("项目"));
            }
            body.extend([entry("代表论文"), own("论文")]);
            let blocks: Vec<u64> = body.iter().map(|e| entry_hash(*e)).collect();
            c.add_page(&blocks, |_| true);
            c.add_body(&body);
            bodies.push(body);
        }
        (c.repeated(REPEAT_MIN_SHARE, REPEAT_MIN_PAGES), bodies)
    }

    #[test]
    fn a_label_or_heading_followed_directly_by_the_next_frames_nothing() {
        use crate::site::signature::text_hash;
        let (repeated, bodies) = profiles();
        // The headings usually introduce text of the page's own; the shared value never does.
        assert!(repeated.opens.contains(&text_hash("科研项目")));
        assert!(repeated.opens.contains(&text_hash("代表论文")));
        assert!(!repeated.opens.contains(&text_hash("教授")));
        // Page 5: every label and heading frames something (职称： frames the shared value 教授).
        assert_eq!(empty_frames(&bodies[5], &repeated).count(), 0);
        assert!(framing_nothing(&bodies[5], &repeated).is_empty());
        // Page 0: the email's label right before the next section's heading; page 2: the empty section's
        // heading right before the next one.
        assert_eq!(empty_frames(&bodies[0], &repeated).collect::<Vec<_>>(), [2]);
        assert_eq!(empty_frames(&bodies[2], &repeated).collect::<Vec<_>>(), [4]);
        assert_eq!(framing_nothing(&bodies[2], &repeated), [4]);
        // They leave the body on pages exported as articles.
        assert_eq!(left_out(&bodies[2], &repeated, true), [4]);
        assert!(left_out(&bodies[2], &repeated, false).is_empty());
        assert!(left_out(&bodies[5], &repeated, true).is_empty());
        // The template's text at the body's end frames nothing too (the measure counts it).
        let mut ends_empty = bodies[5].clone();
        ends_empty.push(entry("科研项目"));
        assert_eq!(framing_nothing(&ends_empty, &repeated), [8]);
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
