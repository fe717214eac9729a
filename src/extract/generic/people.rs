//! People: who wrote, photographed and edited an article, read from bylines. A byline is a run of *roles* and
//! *names* — `记者 王乐文 方敏`, `南开新闻网讯（记者 赖鸿杰 摄影 辛文忠 任永华）`, `中青报·中青网记者 胡春艳 通讯员
//! 付坤`, `文/林晓`, `澎湃新闻记者 贺梨萍` — parsed token by token, so a role word inside a name (the 文 of 辛文忠 or
//! 代惠文) is never a role, and a newsroom before a role (南开新闻网记者) is a prefix, not a name. Writers are the
//! authors; photographers are left out. Names are checked for shape (CJK names of two to four characters, or a
//! transliterated name with ·, or after a role word without it), and interface words (关注, 分享) are never names.

use super::vocabulary::{
    BYLINE_ROLE_HINTS, COLUMN_ENDINGS, COMPOUND_SURNAMES, CREDIT_SOURCE_LABEL, INSTITUTION_ENDINGS,
    INTERFACE_WORDS, NEWSROOM_ENDINGS, NO_ONE, PERSON_CARD_LABELS, PINYIN_SYLLABLES,
    PINYIN_WORD_MAX_SYLLABLES, POST_ENDINGS, ROLE_QUALIFIERS, ROLE_SUFFIXES,
    ROSTER_LABEL_MAX_CHARS, SURNAMES, TRANSLITERATED_NAME_MAX_CHARS,
};
use std::sync::LazyLock;

use regex::Regex;

use crate::normalize::text::{is_cjk, non_empty};

/// What a role token says about the names after it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Writer,
    Photographer,
    Editor,
}

/// Role words that may stand alone or after a newsroom prefix (南开新闻网记者, 本报记者, 学生记者).
const LONG_ROLES: [(&str, Role); 14] = [
    ("记者", Role::Writer),
    ("通讯员", Role::Writer),
    ("作者", Role::Writer),
    ("撰稿", Role::Writer),
    ("撰文", Role::Writer),
    ("撰稿人", Role::Writer),
    ("执笔", Role::Writer),
    ("文字", Role::Writer),
    ("摄影", Role::Photographer),
    ("摄像", Role::Photographer),
    ("编辑", Role::Editor),
    ("责编", Role::Editor),
    ("责任编辑", Role::Editor),
    ("实习生", Role::Writer),
];

/// One-character roles: only a whole token (`文 林晓`) or before a slash or colon (`文/林晓`, `图：宋一帆`), never
/// inside a name.
const SHORT_ROLES: [(&str, Role); 4] = [
    ("文", Role::Writer),
    ("图", Role::Photographer),
    ("摄", Role::Photographer),
    ("编", Role::Editor),
];

/// Combined roles written with a slash.
const SLASH_ROLES: [(&str, Role); 4] = [
    ("文/图", Role::Writer),
    ("图/文", Role::Writer),
    ("文／图", Role::Writer),
    ("图／文", Role::Writer),
];

/// A parsed byline.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Byline {
    pub writers: Vec<String>,
    pub photographers: Vec<String>,
    pub editors: Vec<String>,
}

/// The [`LONG_ROLES`] words searched at once.
static LONG_ROLE_SEARCH: LazyLock<aho_corasick::AhoCorasick> = LazyLock::new(|| {
    aho_corasick::AhoCorasick::new(LONG_ROLES.map(|(word, _)| word))
        .expect("role words build an automaton")
});

/// The role a token announces, and the rest of the token after it (`文/林晓` → Writer, `林晓`).
fn role_of(token: &str) -> Option<(Role, &str)> {
    for (word, role) in SLASH_ROLES {
        if let Some(rest) = token.strip_prefix(word) {
            return Some((role, rest.trim_start_matches(['/', '／', ':', '：'])));
        }
    }
    for (word, role) in SHORT_ROLES {
        if token == word {
            return Some((role, ""));
        }
        if let Some(rest) = token.strip_prefix(word)
            && rest.starts_with(['/', '／', ':', '：'])
        {
            return Some((role, rest.trim_start_matches(['/', '／', ':', '：'])));
        }
    }
    // The longest role word ending the token's head, after an optional newsroom prefix.
    // Most tokens hold no role word: one search for all of them before a search for each.
    if !LONG_ROLE_SEARCH.is_match(token) {
        return None;
    }
    let mut best: Option<(usize, Role, &str)> = None;
    for (word, role) in LONG_ROLES {
        if let Some(at) = token.find(word) {
            let prefix = &token[..at];
            let rest = &token[at + word.len()..];
            // `作者魏星`: a bare label glued to one name; after a newsroom or a qualifier
            // (`光明日报全媒体记者王艺钊`), a name that starts with a surname.
            let rest_ok = rest.is_empty()
                || rest.starts_with(['/', '／', ':', '：'])
                || (is_name(rest) && (prefix.is_empty() || has_surname(rest)));
            if rest_ok && is_role_prefix(prefix) && best.is_none_or(|(len, ..)| word.len() > len) {
                best = Some((
                    word.len(),
                    role,
                    rest.trim_start_matches(['/', '／', ':', '：']),
                ));
            }
        }
    }
    best.map(|(_, role, rest)| (role, rest))
}

/// What may stand before a role word: nothing, a qualifier (本报, 学生, 实习, 特约, 见习, 融媒体), or a newsroom
/// (南开新闻网, 海河传媒中心, 《棱镜》, 澎湃新闻) — a group's joint newsroom (中国青年报·中青在线) when one of its
/// parts is one.
fn is_role_prefix(prefix: &str) -> bool {
    prefix.is_empty()
        || ROLE_QUALIFIERS
            .iter()
            .any(|q| prefix == *q || prefix.ends_with(q))
        || (prefix.chars().count() <= 16
            && prefix
                .split(['·', '•'])
                .any(|part| NEWSROOM_ENDINGS.iter().any(|e| part.ends_with(e))))
}

/// Whether a token reads as a personal name: two to four CJK characters (a single surname-initial pair included),
/// a transliterated name joined by ·, or a Latin name; never an interface word.
pub fn is_name(token: &str) -> bool {
    let n = token.chars().count();
    if INTERFACE_WORDS.contains(&token) || NO_ONE.contains(&token) {
        return false;
    }
    if token.chars().all(is_cjk) {
        return (2..=4).contains(&n) && !ends_like_an_office(token);
    }
    if token.contains('·') || token.contains('•') {
        return (3..=12).contains(&n) && token.chars().all(|c| is_cjk(c) || c == '·' || c == '•');
    }
    (2..=24).contains(&n)
        && token
            .chars()
            .all(|c| c.is_alphabetic() || c == '.' || c == '-')
}

/// Whether a line is only a name of Chinese characters (`李光灿`): a byline or a profile's heading when it stands
/// alone, an entry of a roll of names when another follows it.
pub fn is_bare_name(line: &str) -> bool {
    let line = line.trim();
    line.chars().all(is_cjk) && is_name(line)
}

/// Whether the block after the one at `order` is a bare name: the line at `order`, a name itself, opens a roll
/// of names (a memorial list, a staff list) rather than standing alone as a byline or a profile's heading.
pub fn name_follows(an: &super::analysis::Analysis<'_>, order: usize) -> bool {
    next_line_is(an, order, is_bare_name)
}

/// Whether the line of the block after the one at `order` passes `test`.
fn next_line_is(
    an: &super::analysis::Analysis<'_>,
    order: usize,
    test: impl Fn(&str) -> bool,
) -> bool {
    an.blocks_in(order + 1, usize::MAX)
        .first()
        .is_some_and(|next| test(&next.line))
}

/// Whether a line opens with one of `labels` (`职 称 教授`, `Academic Title：lecturer`): the line's letters without
/// spaces and lower-cased, against each label's the same way.
pub fn starts_with_label(line: &str, labels: &[&str]) -> bool {
    labels.iter().any(|label| {
        let mut letters = label_letters(line);
        label
            .chars()
            .filter(|c| *c != ' ')
            .all(|c| letters.next() == Some(c))
    })
}

/// Whether a line is one of `labels` and nothing else but a colon (`行政职务`, `职 称：`), read as
/// [`starts_with_label`] reads it: a card's field whose value stands on the next line.
pub fn is_label_only(line: &str, labels: &[&str]) -> bool {
    let line = line.trim_end().trim_end_matches(['：', ':']);
    labels
        .iter()
        .any(|label| label_letters(line).eq(label.chars().filter(|c| *c != ' ')))
}

/// A line's letters as labels are compared: without spaces, lower-cased.
fn label_letters(line: &str) -> impl Iterator<Item = char> + '_ {
    line.chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_lowercase)
}

/// Whether the block after the one at `order` is a field of a person's card (`职称：教授`, `Academic Title：…`):
/// the line at `order` is then the person's name heading the card, whatever its surname.
pub fn card_field_follows(an: &super::analysis::Analysis<'_>, order: usize) -> bool {
    next_line_is(an, order, |line| {
        starts_with_label(line, &PERSON_CARD_LABELS)
    })
}

/// Whether a line is a roster entry: a short label of Chinese characters, a colon and one or more people's
/// names, each perhaps with its post in brackets (`工作人员：鲍萍`, `联系人：王晓`, `工作人员：崔桂青（主任） 冯雷`).
/// Such a line is a field of the page's content, never its headline.
pub fn is_role_and_name(line: &str) -> bool {
    line.split_once(['：', ':']).is_some_and(|(label, names)| {
        let label = label.trim();
        let mut names = names
            .split(|c: char| c.is_whitespace() || c == '、')
            .filter(|n| !n.is_empty())
            .map(|n| n.split(['（', '(']).next().unwrap_or(n))
            .peekable();
        (1..=ROSTER_LABEL_MAX_CHARS).contains(&label.chars().count())
            && label.chars().all(is_cjk)
            && names.peek().is_some()
            && names.all(is_chinese_name)
    })
}

/// Whether a token after a role word is a name transliterated without a dot (Uyghur and other names written in
/// Chinese characters: 苏比伊努尔, 阿依努尔), too long for [`is_name`]. Only a byline's role word vouches for it,
/// so it is never used where a name must be recognised by its shape alone.
fn is_transliterated_name(token: &str) -> bool {
    (5..=TRANSLITERATED_NAME_MAX_CHARS).contains(&token.chars().count())
        && token.chars().all(is_cjk)
        && !INTERFACE_WORDS.contains(&token)
        && !ends_like_an_office(token)
        && !COLUMN_ENDINGS.iter().any(|e| token.ends_with(e))
}

/// Whether a word ends like a unit (学院, 报社) or a post (院长, 教授): it names an office, not a person.
fn ends_like_an_office(token: &str) -> bool {
    INSTITUTION_ENDINGS.iter().any(|e| token.ends_with(e))
        || POST_ENDINGS.iter().any(|e| token.ends_with(e))
}

/// Whether a CJK name starts like a Chinese personal name: a common surname first, and four characters only
/// after a two-character surname (欧阳, 司马 …). 常用表格, 管理团队 and 车务服务 start with a surname too, and are
/// column names.
pub fn has_surname(name: &str) -> bool {
    name.chars().next().is_some_and(|c| SURNAMES.contains(c))
        && (name.chars().count() < 4 || COMPOUND_SURNAMES.iter().any(|s| name.starts_with(s)))
}

/// Whether a token is a Chinese personal name by its shape: a name ([`is_name`]) of CJK characters only that
/// starts with a surname ([`has_surname`]). A profile's heading, a bare name line and a linked name are judged so.
pub fn is_chinese_name(token: &str) -> bool {
    is_name(token) && token.chars().all(is_cjk) && has_surname(token)
}

/// Whether a text is a Chinese name in Latin letters, as English pages of Chinese institutions write their
/// people (`Jiang Pei`, `WANG Canjuan`, `Yang Ju-ping`): two or three capitalised words, each made of one or two
/// pinyin syllables ([`PINYIN_SYLLABLES`]; the parts of a hyphenated given name count as one word).
pub fn is_romanized_chinese_name(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    (2..=3).contains(&words.len())
        && words.iter().all(|w| {
            w.chars().next().is_some_and(|c| c.is_ascii_uppercase())
                && pinyin_syllables(&w.to_ascii_lowercase().replace('-', ""))
                    .is_some_and(|n| (1..=PINYIN_WORD_MAX_SYLLABLES).contains(&n))
        })
}

/// The fewest pinyin syllables `word` (lower-case) splits into, or `None` when it does not split.
fn pinyin_syllables(word: &str) -> Option<usize> {
    static SYLLABLES: LazyLock<std::collections::HashSet<&'static str>> =
        LazyLock::new(|| PINYIN_SYLLABLES.split_whitespace().collect());
    // The longest syllables (chuang, shuang, zhuang) have six letters.
    const LONGEST: usize = 6;
    if !word.is_ascii() {
        return None;
    }
    // fewest[i]: the fewest syllables the first i letters split into.
    let mut fewest: Vec<Option<usize>> = vec![None; word.len() + 1];
    fewest[0] = Some(0);
    for end in 1..=word.len() {
        fewest[end] = (end.saturating_sub(LONGEST)..end)
            .filter_map(|start| {
                Some(fewest[start]? + 1).filter(|_| SYLLABLES.contains(&word[start..end]))
            })
            .min();
    }
    fewest[word.len()]
}

/// Split a byline's text into tokens: whitespace, 、，, and the brackets around it.
fn tokens(text: &str) -> Vec<&str> {
    text.split(|c: char| {
        c.is_whitespace() || matches!(c, '、' | '，' | ',' | '；' | ';' | '|' | '｜' | '丨')
    })
    .map(|t| {
        t.trim_matches(|c: char| matches!(c, '（' | '）' | '(' | ')' | '【' | '】' | '[' | ']'))
    })
    .filter(|t| !t.is_empty())
    .collect()
}

/// A labelled author value: cleaned, and reduced to the writers when it is itself a byline
/// (`观察者网专栏作者 王文` after a 文/ label → 王文).
pub fn author_value(value: &str) -> Option<String> {
    let cleaned = clean_person(value)?;
    if tokens(&cleaned).iter().all(|t| is_name(t)) {
        return Some(cleaned);
    }
    match parse_byline(&cleaned) {
        Some(b) if !b.writers.is_empty() => Some(b.writers.join("、")),
        _ => Some(cleaned),
    }
}

/// `石佳/中国青年报`: a writer's name, a slash, the newsroom.
fn name_slash_newsroom(text: &str) -> Option<Byline> {
    let (name, newsroom) = text.trim().split_once(['/', '／'])?;
    let (name, newsroom) = (name.trim(), newsroom.trim());
    (is_name(name)
        && !newsroom.is_empty()
        && is_role_prefix(newsroom)
        && !newsroom.contains(['/', '／']))
    .then(|| Byline {
        writers: vec![name.to_string()],
        ..Byline::default()
    })
}

/// Parse a byline. It must start with a role (`记者 X`, `南开新闻网记者 X`, `文/X`) and every other token must be a
/// role or a name (a trailing role suffix like 整合 is allowed); otherwise it is prose, not a byline.
pub fn parse_byline(text: &str) -> Option<Byline> {
    if let Some(b) = name_slash_newsroom(text) {
        return Some(b);
    }
    let toks = tokens(text);
    let mut out = Byline::default();
    let mut role: Option<Role> = None;
    for (i, tok) in toks.iter().enumerate() {
        if let Some((r, rest)) = role_of(tok) {
            role = Some(r);
            if !rest.is_empty() {
                if !is_name(rest) {
                    return None;
                }
                push(&mut out, r, rest);
            }
            continue;
        }
        let r = role?;
        if ROLE_SUFFIXES.contains(tok) && i + 1 == toks.len() {
            continue;
        }
        if !is_name(tok) && !is_transliterated_name(tok) {
            return None;
        }
        push(&mut out, r, tok);
    }
    let named = out.writers.len() + out.photographers.len() + out.editors.len();
    (named > 0).then_some(out)
}

fn push(out: &mut Byline, role: Role, name: &str) {
    let list = match role {
        Role::Writer => &mut out.writers,
        Role::Photographer => &mut out.photographers,
        Role::Editor => &mut out.editors,
    };
    if !list.iter().any(|n| n == name) {
        list.push(name.to_string());
    }
}

/// Words every byline has one of (roles of writers and photographers).
static ROLE_HINTS: LazyLock<crate::extract::dom::Markers> =
    LazyLock::new(|| crate::extract::dom::Markers::new(&BYLINE_ROLE_HINTS));

static PARENTHESES: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[（(]([^（()）]{2,60})[）)]").expect("parentheses regex"));

/// The writers of the first byline in parentheses in `line` (`南开新闻网讯（记者 乔仁铭 学生记者 王梦阳）…`).
pub fn parenthesized_writers(line: &str) -> Option<Vec<String>> {
    // Most paragraphs name no role at all: leave them before running the regex over them.
    ROLE_HINTS.find_in(line)?;
    PARENTHESES.captures_iter(line).find_map(|c| {
        let inner = c.get(1)?.as_str();
        let b = parse_byline(inner).or_else(|| parse_byline(after_source(inner)?))?;
        (!b.writers.is_empty()).then_some(b.writers)
    })
}

/// A credit that names its outlet first (`来源：新华社客户端 记者 张建新 白佳丽`): what follows the outlet.
fn after_source(inner: &str) -> Option<&str> {
    let rest = inner
        .trim_start()
        .strip_prefix(CREDIT_SOURCE_LABEL)?
        .trim_start_matches([':', '：', ' ', '\u{3000}']);
    let (_outlet, byline) = rest.split_once(char::is_whitespace)?;
    Some(byline)
}

/// A closing parenthesis of names only at the very end of a paragraph (`…发展提供了新思路。（王乐文 方敏）`), or
/// standing as a line of its own, where the outlet may come first (`（网易财经 张艳）`): the writers, one to three
/// names. Role words may follow them, each before its own names (`（人民日报客户端 朱虹 郝静秋 摄影 王皓程）`): the
/// names before the first role word are the writers.
pub fn trailing_names(line: &str) -> Option<Vec<String>> {
    let line = line.trim();
    let inner = line.strip_suffix('）').or_else(|| line.strip_suffix(')'))?;
    let open = inner.rfind(['（', '('])?;
    let before = inner[..open].trim_end();
    // The parenthesis closes a sentence: `…新思路。（王乐文 方敏）`, not a name in a list (`培养计划（双修）`).
    let alone = before.is_empty();
    if !alone && !before.ends_with(['。', '！', '？', '”', '.', '!', '?']) {
        return None;
    }
    let mut names: Vec<&str> = tokens(&inner[open..]);
    // On a line of its own, a first word that does not start with a surname is the outlet the writers work for.
    if alone
        && names.len() >= 2
        && names[0].chars().all(is_cjk)
        && !names[0].starts_with(|c: char| SURNAMES.contains(c))
    {
        names.remove(0);
        // After an outlet, the words are people only when they start like names (`（山东 临沂）` is a place).
        return writers_before_roles(&names).filter(|w| w.iter().all(|n| is_chinese_name(n)));
    }
    writers_before_roles(&names)
}

/// A parenthesis standing as a line of its own that names the outlet first, then the writers, perhaps then
/// other roles (`（人民日报客户端天津频道 朱虹 郝静秋 摄影 王皓程）`): the writers, when the outlet's name ends like a
/// newsroom's and each writer's starts with a surname (not a place: `（山东 临沂）`).
pub fn outlet_byline(line: &str) -> Option<Vec<String>> {
    let inner = line
        .trim()
        .strip_prefix(['（', '('])?
        .strip_suffix(['）', ')'])?;
    let names = tokens(inner);
    let (outlet, rest) = names.split_first()?;
    if !(outlet.chars().all(is_cjk) && NEWSROOM_ENDINGS.iter().any(|e| outlet.ends_with(e))) {
        return None;
    }
    writers_before_roles(rest).filter(|w| w.iter().all(|n| is_chinese_name(n)))
}

/// The writers of a run of names and role words with no role first: the names before the first role word,
/// and those after a writer's role word; one to three of them.
fn writers_before_roles(names: &[&str]) -> Option<Vec<String>> {
    let mut writers = Vec::new();
    let mut role = Role::Writer;
    for (i, token) in names.iter().enumerate() {
        // A role word stands before its names (`摄影 王皓程`); one that ends the parenthesis (`张三 摄`) says
        // what the names before it did, which is not read here.
        if let Some((r, rest)) = role_of(token).filter(|_| i > 0 && i + 1 < names.len()) {
            if !rest.is_empty() {
                return None;
            }
            role = r;
            continue;
        }
        if !(is_name(token) && token.chars().all(is_cjk)) {
            return None;
        }
        if role == Role::Writer {
            writers.push(token.to_string());
        }
    }
    (1..=3).contains(&writers.len()).then_some(writers)
}

/// Clean a labelled person value: brackets and role suffixes off (`陈智 整合` → 陈智), a description after a comma
/// off (`陈雨露，系南开大学校长` → 陈雨露), single characters spread for alignment joined (`南 欣` → 南欣), and "nobody"
/// (佚名) is no value.
pub fn clean_person(value: &str) -> Option<String> {
    let mut v = value
        .trim_matches(|c: char| matches!(c, '（' | '）' | '(' | ')' | '【' | '】' | '[' | ']'))
        .trim();
    for role in ROLE_SUFFIXES {
        if let Some(rest) = v.strip_suffix(role)
            && rest.ends_with(|c: char| c.is_whitespace() || c == '\u{3000}')
        {
            v = rest.trim();
        }
    }
    if let Some((head, _)) = v.split_once(['，', ','])
        && tokens(head).iter().all(|t| is_name(t))
    {
        v = head.trim();
    }
    let parts: Vec<&str> = v.split_whitespace().collect();
    let joined;
    if (2..=3).contains(&parts.len())
        && parts
            .iter()
            .all(|p| p.chars().count() == 1 && p.chars().all(is_cjk))
    {
        joined = parts.concat();
        v = &joined;
    }
    if NO_ONE.contains(&v) {
        return None;
    }
    non_empty(v)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn writers(text: &str) -> Option<Vec<String>> {
        parse_byline(text).map(|b| b.writers)
    }

    #[test]
    fn roles_inside_names_are_names() {
        assert_eq!(
            writers("记者 赖鸿杰 摄影 辛文忠 任永华"),
            Some(vec!["赖鸿杰".to_string()])
        );
        assert_eq!(
            writers("通讯员 付坤 代惠文"),
            Some(vec!["付坤".to_string(), "代惠文".to_string()])
        );
        assert_eq!(writers("文/郑文娟"), Some(vec!["郑文娟".to_string()]));
    }

    #[test]
    fn newsroom_prefixes_and_qualifiers_are_not_names() {
        assert_eq!(
            writers("中青报·中青网记者 胡春艳 通讯员 付坤"),
            Some(vec!["胡春艳".to_string(), "付坤".to_string()])
        );
        assert_eq!(
            writers("记者 乔仁铭 学生记者 王梦阳"),
            Some(vec!["乔仁铭".to_string(), "王梦阳".to_string()])
        );
        assert_eq!(
            writers("海河传媒中心记者 姜凝"),
            Some(vec!["姜凝".to_string()])
        );
        assert_eq!(writers("《棱镜》作者 周纯"), Some(vec!["周纯".to_string()]));
        // A television newsroom, glued to its reporter's name.
        assert_eq!(writers("青松卫视记者林晓"), Some(vec!["林晓".to_string()]));
    }

    #[test]
    fn name_slash_newsroom_and_column_writers() {
        assert_eq!(writers("石佳/中国青年报"), Some(vec!["石佳".to_string()]));
        assert_eq!(
            author_value("观察者网专栏作者 王文").as_deref(),
            Some("王文")
        );
        assert_eq!(writers("文/图"), None);
    }

    #[test]
    fn long_transliterated_names_count_after_a_role_word_only() {
        assert_eq!(
            writers("通讯员 孟晓霞 阿依古丽米娜"),
            Some(vec!["孟晓霞".to_string(), "阿依古丽米娜".to_string()])
        );
        // A long run after a role is a name only when it does not end like a unit, a post or a column.
        assert_eq!(writers("通讯员 孟晓霞 信息工程学院"), None);
        assert_eq!(writers("记者 孟晓霞 校园新闻动态"), None);
        // Without a role word, the shape alone never makes a name of it.
        assert_eq!(trailing_names("会议顺利结束。（阿依古丽米娜）"), None);
    }

    #[test]
    fn chinese_names_in_latin_letters_are_names_and_english_headings_are_not() {
        for name in [
            "Jiang Pei",
            "WANG Canjuan",
            "Yang Ju-ping",
            "Ouyang Xiaoming",
            "Li Fan",
        ] {
            assert!(is_romanized_chinese_name(name), "{name}");
        }
        for heading in [
            "Development goals",
            "Academic Achievements",
            "Home Page",
            "Foreign Students",
            "Jiang",
            "jiang pei",
            "Jiang Pei Xiao Ming",
        ] {
            assert!(!is_romanized_chinese_name(heading), "{heading}");
        }
    }

    #[test]
    fn a_label_and_a_name_is_a_roster_line() {
        assert!(is_role_and_name("工作人员：鲍萍"));
        assert!(is_role_and_name("联系人: 王晓"));
        assert!(!is_role_and_name("专访：人工智能如何改变科研"));
        assert!(!is_role_and_name("王晓"));
    }

    #[test]
    fn prose_is_not_a_byline() {
        assert_eq!(writers("记者从保监会相关人士处确认"), None);
        assert_eq!(writers("王乐文 方敏"), None);
        assert_eq!(writers("记者 关注"), None);
    }

    #[test]
    fn trailing_parenthesis_of_names() {
        assert_eq!(
            trailing_names("发展提供了新思路。（王乐文 方敏）"),
            Some(vec!["王乐文".to_string(), "方敏".to_string()])
        );
        assert_eq!(trailing_names("会议在北京举行（图为会场）"), None);
        assert_eq!(trailing_names("2.思政专业培养计划（双修）"), None);
        // A line of its own, the outlet first.
        assert_eq!(
            trailing_names("（青松日报 林晓 周湖滨）"),
            Some(vec!["林晓".to_string(), "周湖滨".to_string()])
        );
        assert_eq!(trailing_names("（完）"), None);
        assert_eq!(trailing_names("（图片来源 网络）"), None);
        // Role words after the writers, each before its own names.
        assert_eq!(
            trailing_names("（青松日报 林晓 周湖滨 摄影 王达）"),
            Some(vec!["林晓".to_string(), "周湖滨".to_string()])
        );
        assert_eq!(trailing_names("（林晓 摄）"), None);
        assert_eq!(trailing_names("（浙江 青松）"), None);
    }

    #[test]
    fn a_label_alone_on_its_line_is_told_from_a_labelled_value() {
        assert!(is_label_only("行政职务", &["职称", "行政职务"]));
        assert!(is_label_only("职 称：", &["职称"]));
        assert!(!is_label_only("职 称助理研究员", &["职称"]));
        assert!(starts_with_label("职 称助理研究员", &["职称"]));
    }

    #[test]
    fn a_parenthesis_naming_an_outlet_then_its_writers_is_a_byline() {
        assert_eq!(
            outlet_byline("（青松日报客户端科普频道 林晓 周湖滨 摄影 王达）"),
            Some(vec!["林晓".to_string(), "周湖滨".to_string()])
        );
        assert_eq!(outlet_byline("（山东 临沂）"), None);
        assert_eq!(
            outlet_byline("(综合整理自青松新闻、科普东西、雷锋网等)"),
            None
        );
    }

    #[test]
    fn person_values_are_cleaned() {
        assert_eq!(
            clean_person("陈雨露，系南开大学校长").as_deref(),
            Some("陈雨露")
        );
        assert_eq!(clean_person("南 欣").as_deref(), Some("南欣"));
        assert_eq!(clean_person("陈智 整合").as_deref(), Some("陈智"));
        assert_eq!(clean_person("佚名"), None);
        assert_eq!(clean_person("闫瑾 刘畅").as_deref(), Some("闫瑾 刘畅"));
    }
}
