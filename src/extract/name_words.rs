//! Word lists of class and id names (`footer`, `nav`, `tit` …) looked up whole, ASCII case ignored. Every element
//! of a page is asked whether its class words are in one list or another; comparing each word with every word
//! of a list cost more than the rest of the test, so the lists are built once into a hash table and a word is
//! looked up once.

use rustc_hash::FxHashMap as HashMap;
use scraper::node::Element;

use super::dom::name_tokens;

/// The longest word a list may hold (bytes): the words looked up are lower-cased into a buffer this long.
const NAME_WORD_MAX_BYTES: usize = 24;
const _: () = assert!(
    NAME_WORD_MAX_BYTES < u32::BITS as usize,
    "a length is a bit of a u32"
);

/// Word lists, each with its bit: a word maps to the bits of the lists that hold it.
pub struct NameWords {
    classes: HashMap<Vec<u8>, u8>,
    /// For each first byte (lower-cased), the lengths of the words starting with it, as bits: most class words
    /// are rejected by their first letter and length alone, without a lookup.
    lengths_by_first: [u32; 256],
}

impl NameWords {
    /// One list (its bit is 1).
    pub fn of(words: &[&str]) -> NameWords {
        NameWords::new(&[(1, words)])
    }

    /// Several lists, each with its bit.
    pub fn new(lists: &[(u8, &[&str])]) -> NameWords {
        let mut out = NameWords {
            classes: HashMap::default(),
            lengths_by_first: [0; 256],
        };
        for (bit, words) in lists {
            for word in *words {
                assert!(
                    word.len() <= NAME_WORD_MAX_BYTES,
                    "name word too long: {word}"
                );
                let lower = word.to_ascii_lowercase().into_bytes();
                if let Some(first) = lower.first() {
                    out.lengths_by_first[usize::from(*first)] |= 1 << lower.len();
                }
                *out.classes.entry(lower).or_default() |= bit;
            }
        }
        out
    }

    /// The bits of the lists that hold `word` (ASCII case ignored); 0 when none does.
    pub fn class(&self, word: &[u8]) -> u8 {
        let Some(first) = word.first() else {
            return 0;
        };
        if word.len() > NAME_WORD_MAX_BYTES
            || self.lengths_by_first[usize::from(first.to_ascii_lowercase())] & (1 << word.len())
                == 0
        {
            return 0;
        }
        let mut lower = [0u8; NAME_WORD_MAX_BYTES];
        let lower = &mut lower[..word.len()];
        lower.copy_from_slice(word);
        lower.make_ascii_lowercase();
        self.classes.get(&lower[..]).copied().unwrap_or(0)
    }

    /// Whether a part of one of the element's class names or of its id (split at `-` and `_`) is in a list.
    pub fn in_names(&self, el: &Element) -> bool {
        // Split at the ASCII bytes `-` and `_` (a split never cuts a character).
        name_tokens(el).any(|t| {
            t.as_bytes()
                .split(|b| matches!(b, b'-' | b'_'))
                .any(|part| self.class(part) != 0)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::NameWords;

    /// A word is found as a compare with every word of its lists finds it.
    #[test]
    fn lookup_is_a_compare_with_every_word() {
        let lists: [(u8, &[&str]); 2] = [(1, &["nav", "menu", "footer"]), (2, &["nav", "main"])];
        let words = NameWords::new(&lists);
        for word in [
            "nav", "NAV", "Menu", "foot", "footers", "main", "", "n", "navbar", "菜单", "MAIN",
        ] {
            let want = lists
                .iter()
                .filter(|(_, list)| {
                    list.iter()
                        .any(|w| word.as_bytes().eq_ignore_ascii_case(w.as_bytes()))
                })
                .fold(0, |class, (bit, _)| class | bit);
            assert_eq!(words.class(word.as_bytes()), want, "{word}");
        }
    }
}
