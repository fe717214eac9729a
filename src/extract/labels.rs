//! The label splitter: legacy pages write metadata as one line of text
//! (`发布时间:2017-09-27 | 作者:  | 编辑:重庆科协`). Splitting on *known labels* — never first-match regexes over the
//! page — keeps an empty `作者:` empty instead of swallowing the next label, and keeps 正文 from reading as 文.

/// What a label announces.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum LabelKind {
    Published,
    Updated,
    Source,
    Author,
    Photographer,
    Editor,
    Reviewer,
    Views,
    Other,
}

/// One `label: value` pair found in a line. `value` is `None` when the label is followed by nothing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LabeledValue {
    pub kind: LabelKind,
    /// The label as written in the page (`责任编辑`).
    pub label: &'static str,
    pub value: Option<String>,
}

/// Split a metadata line on known labels.
pub fn split_labels(_line: &str) -> Vec<LabeledValue> {
    todo!()
}
