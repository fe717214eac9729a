//! Date parsing for publish dates in every form legacy pages use: `2017-09-27`, `2017-9-27`, `2017/09/27 10:30`,
//! `2017.09.27`, `2017年9月27日`, `2017年09月27日 10时30分`, `二〇一七年九月二十七日`. Output is ISO 8601 in the
//! site's timezone.

/// A calendar date with an optional wall-clock time, as shown on the page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PublishedAt {
    pub year: i32,
    pub month: u32,
    pub day: u32,
    /// (hour, minute, second) when the page shows a time.
    pub time: Option<(u32, u32, Option<u32>)>,
}

/// A fixed UTC offset in minutes (sites state a timezone once; China is +08:00).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct UtcOffset(pub i32);

impl Default for UtcOffset {
    fn default() -> Self {
        UtcOffset(8 * 60)
    }
}

impl UtcOffset {
    /// Parse `+08:00`, `+0800`, `UTC`, `Z` or a common zone name such as `Asia/Shanghai`.
    pub fn parse(_s: &str) -> Option<UtcOffset> {
        todo!()
    }
}

impl PublishedAt {
    /// `2017-09-27`, or `2017-09-27T10:30:00+08:00` when a time is known.
    pub fn to_iso(&self, _offset: UtcOffset) -> String {
        todo!()
    }
}

/// Parse a date at the start of `text` (leading whitespace ignored); trailing text is allowed.
pub fn parse_date(_text: &str) -> Option<PublishedAt> {
    todo!()
}

/// Find the first valid date anywhere in `text`, with its byte range.
pub fn find_date(_text: &str) -> Option<(PublishedAt, std::ops::Range<usize>)> {
    todo!()
}
