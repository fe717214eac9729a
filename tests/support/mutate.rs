//! A small deterministic mutator for the bounded fuzz run in `cargo test` (tests/fuzz.rs): the same seed always
//! gives the same page, so a failure names a seed that reproduces it. Besides byte noise it does what found the
//! costly pages of issue 10: it repeats a tag hundreds or thousands of times (nesting bombs), splices other
//! pages in, and drops in the markup legacy sites and hostile pages are made of.

/// Markup inserted whole: the containers the bundled mappings select, layout and formatting tags that nest
/// without closing, links of every kind, scripts, comments, metadata labels, pager words and raw GBK bytes.
const TOKENS: [&[u8]; 32] = [
    b"<div class=\"TRS_Editor\">",
    b"<div class=\"content\">",
    b"<div class=\"article-attach\">",
    b"<div class=\"ewm\">",
    b"<td class=\"biaoti\">",
    b"<table><tr><td>",
    b"</td></tr></table>",
    b"<font color=\"#333333\">",
    b"<b><i><u>",
    b"</div>",
    b"<p>",
    b"</p>",
    b"<br>",
    b"<li><a href=\"/a/1.html\">",
    b"<a href=\"/fj/a.doc\">\xb8\xbd\xbc\xfe</a>",
    b"<a href=\"jav&#x09;ascript:alert(1)\">x</a>",
    b"<img src=\"java&#x0A;script:alert(1)\">",
    b"<img src=\"data:image/png;base64,AAAA\">",
    b"<iframe src=\"/x.html\">",
    b"<!--",
    b"-->",
    b"<script>",
    b"</script>",
    b"<![CDATA[",
    b"&#1;&#x202E;&nbsp;&amp",
    "发布时间：2017-09-27 10:30 | 作者：".as_bytes(),
    "下一页 尾页 共12页".as_bytes(),
    b"<meta charset=\"gbk\">",
    b"\xd0\xc2\xce\xc5\xb6\xaf\xcc\xac",
    b"<select><option>",
    b"<frameset><frame src=\"a.html\">",
    b"<svg><math><table>",
];

/// The longest page a mutation may grow to (bytes): enough for every nesting bomb, small enough for a test.
pub const MAX_LEN: usize = 400 * 1024;

/// A mutated copy of `seeds[..]`, chosen and changed by `seed`.
pub fn mutate(seeds: &[Vec<u8>], seed: u64) -> Vec<u8> {
    let mut rng = fastrand::Rng::with_seed(seed);
    let mut page = seeds[rng.usize(..seeds.len())].clone();
    for _ in 0..rng.usize(1..=4) {
        match rng.u8(..8) {
            0 => flip(&mut rng, &mut page),
            1 => delete(&mut rng, &mut page),
            2 => duplicate(&mut rng, &mut page),
            3 | 4 => repeat_tag(&mut rng, &mut page),
            5 => {
                let token = TOKENS[rng.usize(..TOKENS.len())];
                let at = rng.usize(..=page.len());
                page.splice(at..at, token.iter().copied());
            }
            6 => {
                let other = &seeds[rng.usize(..seeds.len())];
                let (from, to) = range(&mut rng, other.len());
                let at = rng.usize(..=page.len());
                page.splice(at..at, other[from..to].iter().copied());
            }
            _ => {
                let keep = rng.usize(..=page.len());
                page.truncate(keep.max(page.len() / 2));
            }
        }
        page.truncate(MAX_LEN);
    }
    page
}

fn range(rng: &mut fastrand::Rng, len: usize) -> (usize, usize) {
    if len == 0 {
        return (0, 0);
    }
    let from = rng.usize(..len);
    let to = (from + rng.usize(1..=256)).min(len);
    (from, to)
}

fn flip(rng: &mut fastrand::Rng, page: &mut [u8]) {
    if page.is_empty() {
        return;
    }
    for _ in 0..rng.usize(1..=16) {
        let i = rng.usize(..page.len());
        page[i] = match rng.u8(..3) {
            0 => page[i] ^ (1 << rng.u8(..8)),
            1 => b"<>/\"'=& \0\xff"[rng.usize(..10)],
            _ => rng.u8(..),
        };
    }
}

fn delete(rng: &mut fastrand::Rng, page: &mut Vec<u8>) {
    let (from, to) = range(rng, page.len());
    page.drain(from..to);
}

fn duplicate(rng: &mut fastrand::Rng, page: &mut Vec<u8>) {
    let (from, to) = range(rng, page.len());
    let copy = page[from..to].to_vec();
    let at = rng.usize(..=page.len());
    page.splice(at..at, copy);
}

/// Repeat one tag of the page (or a token) hundreds or thousands of times at one place: deep nesting.
fn repeat_tag(rng: &mut fastrand::Rng, page: &mut Vec<u8>) {
    let tag: Vec<u8> = match find_tag(rng, page) {
        Some((from, to)) if rng.bool() => page[from..to].to_vec(),
        _ => TOKENS[rng.usize(..TOKENS.len())].to_vec(),
    };
    let times = [10, 100, 1_000, 3_000, 4_900][rng.usize(..5)];
    let at = rng.usize(..=page.len());
    let bomb: Vec<u8> = std::iter::repeat_n(tag, times).flatten().collect();
    page.splice(at..at, bomb);
}

/// A `<…>` of the page, starting at a random `<`.
fn find_tag(rng: &mut fastrand::Rng, page: &[u8]) -> Option<(usize, usize)> {
    if page.is_empty() {
        return None;
    }
    let start = rng.usize(..page.len());
    let from = start + page[start..].iter().position(|b| *b == b'<')?;
    let to = from + page[from..].iter().take(200).position(|b| *b == b'>')? + 1;
    Some((from, to))
}
