//! Errors that stop a command (bad arguments, an unreadable mapping, an output that cannot be written).
//! Problems with a single page are not errors: they are [`crate::PageOutcome`] data, so one bad page never
//! aborts a batch. Every message names the file, key or URL and says what to do.

use std::path::PathBuf;

use thiserror::Error;

#[derive(Debug, Error)]
pub enum Error {
    #[error(
        "cannot read mapping file '{path}': {source}. Check the path, or run without --mapping"
    )]
    MappingRead {
        path: PathBuf,
        source: std::io::Error,
    },

    #[error(
        "mapping file '{path}' is not valid: {message}\nSee mappings/README.md for every key, with a commented example"
    )]
    MappingInvalid { path: PathBuf, message: String },

    #[error(
        "mapping file '{path}'{at}: key '{key}' has a bad CSS selector {selector:?}: {message}"
    )]
    BadSelector {
        path: PathBuf,
        /// `, line N` where the selector is written (empty when it cannot be found).
        at: String,
        key: String,
        selector: String,
        message: String,
    },

    #[error("mapping file '{path}': key '{key}' has a bad regular expression: {message}")]
    BadPattern {
        path: PathBuf,
        key: String,
        message: String,
    },

    #[error(
        "unknown encoding label '{0}': use a WHATWG label such as utf-8, gbk, gb18030, big5, shift_jis"
    )]
    UnknownEncoding(String),

    #[error(
        "'{0}' is not an absolute http(s) URL: give a base URL such as http://www.example.org.cn/"
    )]
    BadBaseUrl(String),

    #[error("input '{path}' does not exist or cannot be read: {source}")]
    Input {
        path: PathBuf,
        source: std::io::Error,
    },

    #[error("cannot write output '{path}': {message}. Check the folder exists and is writable")]
    Output { path: PathBuf, message: String },

    #[error("cannot read evaluation input '{path}': {message}")]
    EvalInput { path: PathBuf, message: String },

    #[error(
        "floors file '{path}' is not valid: {message}\nKeys: [labels] title, published, time, author, editor, source, body, attachments_recall, attachments_precision (percent); [trafilatura] precision, recall, f1 (0–1)"
    )]
    FloorsInvalid { path: PathBuf, message: String },

    #[error("SQLite error on '{path}': {source}")]
    Sqlite {
        path: PathBuf,
        source: rusqlite::Error,
    },

    #[error(
        "job '{dir}' is in use by another sitelift process (lock file '{dir}/job.lock' is held); wait for it to \
         finish or stop it, or give another --job folder"
    )]
    JobLocked { dir: PathBuf },

    #[error(
        "job '{dir}' is still being written by a running sitelift (crawl, run or extract --job holds \
         '{dir}/job.lock'); export it when that run has finished, or stop it first (Ctrl-C)"
    )]
    JobRunning { dir: PathBuf },

    #[error("cannot use job folder '{dir}': {message}")]
    Job { dir: PathBuf, message: String },

    #[error(
        "'{0}' is not an http(s) URL to crawl: give a full URL such as http://www.example.org.cn/"
    )]
    BadStartUrl(String),

    #[error(
        "'{0}' is not a file or folder, and as a URL it lacks its scheme: write http://{0} (or https://{0}) to \
         crawl it"
    )]
    MissingScheme(String),

    #[error(
        "nothing to crawl: give start URLs on the command line or in the mapping's crawl.start_urls \
         (or a --job folder that already has queued pages)"
    )]
    NoStartUrls,

    #[error(
        "{flag} {pattern:?} is not a valid regular expression: {message}. Patterns are regexes matched anywhere \
         in the full URL: '/news/' or '\\.pdf$' (escape dots to match a dot)"
    )]
    BadUrlPattern {
        flag: &'static str,
        pattern: String,
        message: String,
    },

    #[error("cannot start the HTTP client: {0}")]
    HttpClient(String),

    #[error(
        "cannot read '{path}' for diff: {message}. diff reads JSON, JSON Lines and SQLite exports, or a folder of \
         *.expected.json files"
    )]
    DiffInput { path: PathBuf, message: String },

    #[error(
        "unknown record field '{0}': use one of {1} (nested: encoding.used, provenance.title, …)"
    )]
    UnknownField(String, String),

    #[error("link map '{source_name}': {message}")]
    LinkMap {
        source_name: String,
        message: String,
    },

    #[error("cannot build the report: {0}")]
    Report(String),
}

pub type Result<T, E = Error> = std::result::Result<T, E>;
