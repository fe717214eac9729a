//! Where each field usually lives in a template: the element (by path) from which the generic extractor took
//! the title, the metadata line, the body, the breadcrumb and each labelled credit (author, editor, source) on
//! most of the template's pages. A page whose own
//! heuristic found the field elsewhere, or nowhere, takes it from there when the page has that element.

use rustc_hash::FxHashMap as HashMap;

use super::signature::{FILLED, LOCATED, Observation};

/// A location is the template's when at least this share of its pages that have the field found it there: a
/// clear majority, so one odd page cannot move its siblings, and a field the template keeps in two places
/// (two layouts of one skeleton) gets no location at all.
pub const LOCATION_MAJORITY: f32 = 0.7;

/// A page missing a metadata field reads the template's metadata line for it when at least this share of the
/// template's pages have it labelled: otherwise the template's line does not carry it (an author most pages
/// leave empty) and reading it would change nothing.
pub const META_FIELD_MIN_SHARE: f32 = 0.5;

/// Most distinct locations counted per field of a template; a field found in more places has no consensus.
const MAX_LOCATIONS: usize = 64;

/// Per template: the locations of each field and how many pages filled each record field.
#[derive(Debug, Clone, Default)]
pub struct FieldCounts {
    locations: [HashMap<u64, u32>; LOCATED.len()],
    located: [u32; LOCATED.len()],
    /// Pages with a value, per field of [`FILLED`].
    pub filled: [u32; FILLED.len()],
    /// Pages with a labelled value (not guessed), per field of [`FILLED`].
    pub labelled: [u32; FILLED.len()],
    pub pages: u32,
}

impl FieldCounts {
    pub fn add(&mut self, obs: &Observation) {
        self.pages += 1;
        for (i, &loc) in obs.locations.iter().enumerate() {
            if loc == 0 {
                continue;
            }
            self.located[i] += 1;
            let map = &mut self.locations[i];
            if map.len() < MAX_LOCATIONS || map.contains_key(&loc) {
                *map.entry(loc).or_default() += 1;
            }
        }
        for (i, n) in self.filled.iter_mut().enumerate() {
            if obs.has(i) {
                *n += 1;
            }
        }
        for (i, n) in self.labelled.iter_mut().enumerate() {
            if obs.labelled & (1 << i) != 0 {
                *n += 1;
            }
        }
    }

    /// The consensus location of each field of [`LOCATED`] (0: none).
    pub fn consensus(&self) -> [u64; LOCATED.len()] {
        let mut out = [0u64; LOCATED.len()];
        for (i, map) in self.locations.iter().enumerate() {
            let Some((&loc, &n)) = map
                .iter()
                .max_by_key(|(l, n)| (**n, std::cmp::Reverse(**l)))
            else {
                continue;
            };
            if n as f32 >= LOCATION_MAJORITY * self.located[i] as f32 {
                out[i] = loc;
            }
        }
        out
    }

    /// Bits over [`FILLED`]: the fields with a labelled value on at least half of the template's pages — the
    /// template's metadata line usually carries them, so a page without one is worth reading that line for.
    pub fn labelled_mostly(&self) -> u8 {
        let mut bits = 0u8;
        for (i, n) in self.labelled.iter().enumerate() {
            if self.pages > 0 && *n as f32 >= META_FIELD_MIN_SHARE * self.pages as f32 {
                bits |= 1 << i;
            }
        }
        bits
    }

    /// Share of pages with a value, per field of [`FILLED`].
    pub fn fill_rates(&self) -> [f32; FILLED.len()] {
        let mut out = [0f32; FILLED.len()];
        if self.pages > 0 {
            for (o, n) in out.iter_mut().zip(self.filled) {
                *o = n as f32 / self.pages as f32;
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::site::signature::{ObservedKind, SKETCH_SIZE};

    fn obs(at: [u64; 4], filled: u8) -> Observation {
        let mut locations = [0; LOCATED.len()];
        locations[..4].copy_from_slice(&at);
        Observation {
            sketch: [0; SKETCH_SIZE],
            blocks: vec![],
            body: vec![],
            locations,
            title: 0,
            mapped: 0,
            kind: ObservedKind::Article,
            filled,
            labelled: 0,
        }
    }

    #[test]
    fn the_location_most_pages_agree_on_wins() {
        let mut c = FieldCounts::default();
        for _ in 0..7 {
            c.add(&obs([1, 2, 3, 0], 0b1));
        }
        for _ in 0..3 {
            c.add(&obs([9, 2, 4, 0], 0));
        }
        // title: 7 of 10 at 1; meta: all at 2; body: 7 of 10 at 3; breadcrumb: never found.
        assert_eq!(c.consensus()[..4], [1, 2, 3, 0]);
        c.add(&obs([9, 2, 4, 0], 0));
        assert_eq!(c.consensus()[0], 0, "7 of 11 is no longer a clear majority");
        assert!((c.fill_rates()[0] - 7.0 / 11.0).abs() < 1e-6);
    }
}
