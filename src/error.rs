//! Errors that stop a command (bad arguments, an unreadable mapping, an output that cannot be written).
//! Problems with a single page are not errors: they are [`crate::PageOutcome`] data, so one bad page never
//! aborts a batch. Every message names the file, key or URL and says what to do.

use std::path::PathBuf;

use thiserror::Error;

mod syntax;

pub use syntax::SyntaxProblem;

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
    MappingInvalid { path: PathBuf, message: Detail },

    #[error(
        "mapping file '{path}'{}: key '{key}' has a bad CSS selector {selector:?}: {problem}. Correct it \
         (selectors look like 'div.content', '#title' or 'td > a') and check the file again with `sitelift \
         check-mapping`",
        at_line(crate::i18n::Lang::En, *.line)
    )]
    BadSelector {
        path: PathBuf,
        /// The line of the file where the selector is written (`None` when it cannot be found).
        line: Option<u32>,
        key: String,
        selector: String,
        problem: SyntaxProblem,
    },

    #[error(
        "mapping file '{path}'{}: key '{key}' has a bad regular expression {pattern:?}: {problem}. Correct it \
         (put '\\' before . ( ) [ ] {{ * + ? | to match them as plain text) and check the file again with \
         `sitelift check-mapping`",
        at_line(crate::i18n::Lang::En, *.line)
    )]
    BadPattern {
        path: PathBuf,
        /// The line of the file where the regex is written (`None` when it cannot be found).
        line: Option<u32>,
        key: String,
        pattern: String,
        problem: SyntaxProblem,
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
    Output { path: PathBuf, message: Detail },

    /// The output's folder is not there (to write a file atomically, a temporary file is made beside it).
    #[error(
        "cannot write output '{path}': the folder '{dir}' does not exist. Check the folder exists and is writable"
    )]
    OutputFolderMissing { path: PathBuf, dir: PathBuf },

    #[error(
        "cannot write output '{path}': cannot create a temporary file in '{dir}': {source}. Check the folder \
         exists and is writable"
    )]
    OutputTempFile {
        path: PathBuf,
        dir: PathBuf,
        source: std::io::Error,
    },

    /// Stdout was closed by the reading process (`sitelift … | head`): not a failure, the run stops and exits 0.
    #[error("stdout was closed by the reading process (broken pipe)")]
    StdoutClosed,

    /// An input of `diff` or `report` that sitelift cannot read as one of its exports (it exists and opens).
    #[error(
        "'{path}' is not a sitelift export that can be read: {message}. Give the records.jsonl, records.json \
         or records.sqlite that sitelift extract, run or export wrote"
    )]
    ExportInvalid { path: PathBuf, message: Detail },

    #[error("cannot read evaluation input '{path}': {message}")]
    EvalInput { path: PathBuf, message: Detail },

    #[error(
        "floors file '{path}' is not valid: {message}\nKeys: [labels] title, published, time, author, editor, source, body, attachments_recall, attachments_precision (percent); [trafilatura] precision, recall, f1 (0–1)"
    )]
    FloorsInvalid { path: PathBuf, message: Detail },

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
        "{flag} {pattern:?} is not a valid regular expression: {problem}. Patterns are regexes matched anywhere \
         in the full URL: '/news/' or '\\.pdf$' (put '\\' before . ( ) [ ] ? * + to match them as plain text)"
    )]
    BadUrlPattern {
        flag: &'static str,
        pattern: String,
        problem: SyntaxProblem,
    },

    #[error("cannot start the HTTP client: {0}")]
    HttpClient(String),

    /// The crawler's async runtime (its worker threads and the queue of network events) could not be built:
    /// the system refused threads, file handles or memory.
    #[error(
        "cannot start the crawler's network runtime (its worker threads and network event queue): {0}. The \
         system refused what it needs: check the limits on open files and processes (`ulimit -n`, `ulimit -u`) \
         and the free memory, then run the same command again"
    )]
    Runtime(std::io::Error),

    /// A crawl's fetch task ended without its result: it panicked (`panic`: its message) or was cancelled.
    #[error(
        "the crawl stopped: the task fetching {url} ended unexpectedly ({}). Nothing is lost: every page \
         fetched and every record extracted so far is saved in the job '{job}'; run the same command again \
         (without --fresh) to resume, and the pages already stored are skipped. It is a bug: if it happens \
         again, run with -vv and report the log",
        task_end(crate::i18n::Lang::En, panic.as_deref())
    )]
    FetchTaskDied {
        url: String,
        job: PathBuf,
        panic: Option<String>,
    },

    #[error(
        "cannot read '{path}' for diff: {message}. diff reads JSON, JSON Lines and SQLite exports, or a folder of \
         *.expected.json files"
    )]
    DiffInput { path: PathBuf, message: Detail },

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

    #[error(
        "the site model's spool file in the temporary folder failed: {0}. Free space in $TMPDIR (or point \
         TMPDIR elsewhere), or run with --no-site-model"
    )]
    Spool(std::io::Error),
}

/// What is wrong with a file or an output, kept with its structure: the English message quotes it as it was
/// written (toml's, serde_json's, the OS's or this crate's words); another language explains it by that
/// structure (where, what kind of failure) and says what to do, a library's words kept after that as the
/// detail ([`Detail::localized`]).
#[derive(Debug)]
pub enum Detail {
    /// Words of this crate (English): said in the interface language when they are one of its reasons
    /// ([`crate::outcome::localized`]), else shown as they are.
    Text(String),
    /// The operating system's or a library's I/O error, said by its kind ([`crate::i18n::io_error`]).
    Io(std::io::Error),
    /// A TOML file that does not parse, or whose keys or values are not the ones expected.
    Toml {
        /// Where (1-based), when toml says.
        at: Option<(usize, usize)>,
        text: String,
    },
    /// A JSON text that does not parse, ends early or does not hold what is expected.
    Json {
        line: usize,
        column: usize,
        category: serde_json::error::Category,
        text: String,
    },
}

impl Detail {
    /// toml's error for `source`, with the line and column of its place.
    pub fn toml(source: &str, e: &toml::de::Error) -> Detail {
        let at = e
            .span()
            .map(|span| crate::mapping::line_column(source, span.start));
        Detail::Toml {
            at,
            text: e.to_string(),
        }
    }

    /// serde_json's error, `text` being what the English message says (its words, with ours around them).
    pub fn json(e: &serde_json::Error, text: String) -> Detail {
        Detail::Json {
            line: e.line(),
            column: e.column(),
            category: e.classify(),
            text,
        }
    }

    /// The detail in the interface language.
    pub fn localized(&self) -> String {
        use serde_json::error::Category;
        match self {
            Detail::Text(text) => crate::outcome::localized(text),
            Detail::Io(e) => crate::i18n::io_error(e),
            Detail::Toml {
                at: Some((line, column)),
                text,
            } => crate::t!(
                "detail-toml",
                line = *line,
                column = *column,
                text = text.as_str()
            ),
            Detail::Toml { at: None, text } => {
                crate::t!("detail-toml-anywhere", text = text.as_str())
            }
            Detail::Json {
                line,
                column,
                category,
                text,
            } => {
                let id = match category {
                    Category::Syntax => "detail-json-syntax",
                    Category::Eof => "detail-json-eof",
                    Category::Data => "detail-json-data",
                    Category::Io => "detail-json-io",
                };
                crate::t!(id, line = *line, column = *column, text = text.as_str())
            }
        }
    }
}

impl std::fmt::Display for Detail {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Detail::Text(text) | Detail::Toml { text, .. } | Detail::Json { text, .. } => {
                f.write_str(text)
            }
            Detail::Io(e) => write!(f, "{e}"),
        }
    }
}

impl From<String> for Detail {
    fn from(text: String) -> Detail {
        Detail::Text(text)
    }
}

impl From<&str> for Detail {
    fn from(text: &str) -> Detail {
        Detail::Text(text.to_string())
    }
}

impl From<std::io::Error> for Detail {
    fn from(e: std::io::Error) -> Detail {
        Detail::Io(e)
    }
}

/// A borrowed I/O error: the same OS error again (its code), or its kind and words.
impl From<&std::io::Error> for Detail {
    fn from(e: &std::io::Error) -> Detail {
        Detail::Io(match e.raw_os_error() {
            Some(code) => std::io::Error::from_raw_os_error(code),
            None => std::io::Error::new(e.kind(), e.to_string()),
        })
    }
}

impl From<std::fmt::Arguments<'_>> for Detail {
    fn from(text: std::fmt::Arguments<'_>) -> Detail {
        Detail::Text(text.to_string())
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    /// The message in the interface language ([`crate::i18n`]). In English it is the `Display` text (a unit test
    /// holds the two equal). The match has no catch-all: a new variant needs its message.
    pub fn localized(&self) -> String {
        use crate::i18n::{io_error, os_text};
        use crate::t;
        let p = |path: &std::path::Path| path.display().to_string();
        // The messages about a file and what is wrong with it (an OS error in the words said in the language).
        let about = |id: &str, path: &std::path::Path, message: &Detail| {
            t!(id, path = p(path), message = message.localized())
        };
        match self {
            Error::MappingRead { path, source } => {
                t!(
                    "error-mapping-read",
                    path = p(path),
                    source = io_error(source)
                )
            }
            Error::MappingInvalid { path, message } => {
                about("error-mapping-invalid", path, message)
            }
            Error::BadSelector {
                path,
                line,
                key,
                selector,
                problem,
            } => t!(
                "error-bad-selector",
                path = p(path),
                at = at_line(crate::i18n::lang(), *line),
                key = key.as_str(),
                selector = format!("{selector:?}"),
                problem = problem.localized()
            ),
            Error::BadPattern {
                path,
                line,
                key,
                pattern,
                problem,
            } => t!(
                "error-bad-pattern",
                path = p(path),
                at = at_line(crate::i18n::lang(), *line),
                key = key.as_str(),
                pattern = format!("{pattern:?}"),
                problem = problem.localized()
            ),
            Error::UnknownEncoding(label) => t!("error-unknown-encoding", label = label.as_str()),
            Error::BadBaseUrl(url) => t!("error-bad-base-url", url = url.as_str()),
            Error::Input { path, source } => {
                t!("error-input", path = p(path), source = io_error(source))
            }
            Error::Output { path, message } => about("error-output", path, message),
            Error::OutputFolderMissing { path, dir } => {
                t!("error-output-folder-missing", path = p(path), dir = p(dir))
            }
            Error::OutputTempFile { path, dir, source } => t!(
                "error-output-temp-file",
                path = p(path),
                dir = p(dir),
                source = io_error(source)
            ),
            Error::StdoutClosed => t!("error-stdout-closed"),
            Error::JobLocked { dir } => t!("error-job-locked", dir = p(dir)),
            Error::JobRunning { dir } => t!("error-job-running", dir = p(dir)),
            Error::Job { dir, message } => {
                t!(
                    "error-job",
                    dir = p(dir),
                    message = crate::outcome::localized(message)
                )
            }
            Error::BadStartUrl(url) => t!("error-bad-start-url", url = url.as_str()),
            Error::MissingScheme(input) => t!("error-missing-scheme", input = input.as_str()),
            Error::NoStartUrls => t!("error-no-start-urls"),
            Error::BadUrlPattern {
                flag,
                pattern,
                problem,
            } => t!(
                "error-bad-url-pattern",
                flag = *flag,
                pattern = format!("{pattern:?}"),
                problem = problem.localized()
            ),
            Error::HttpClient(message) => t!("error-http-client", message = os_text(message)),
            Error::Runtime(source) => t!("error-runtime", source = io_error(source)),
            Error::FetchTaskDied { url, job, panic } => t!(
                "error-fetch-task-died",
                url = url.as_str(),
                job = p(job),
                cause = task_end(crate::i18n::lang(), panic.as_deref())
            ),
            Error::Report(message) => {
                t!("error-report", message = crate::outcome::localized(message))
            }
            Error::ExportInvalid { path, message } => about("error-export-invalid", path, message),
            Error::EvalInput { path, message } => about("error-eval-input", path, message),
            Error::FloorsInvalid { path, message } => about("error-floors-invalid", path, message),
            Error::Sqlite { path, source } => {
                t!(
                    "error-sqlite",
                    path = p(path),
                    source = sqlite_error(source)
                )
            }
            Error::DiffInput { path, message } => about("error-diff-input", path, message),
            Error::UnknownField(field, fields) => t!(
                "error-unknown-field",
                field = field.as_str(),
                fields = fields.as_str()
            ),
            Error::LinkMap {
                source_name,
                message,
            } => t!(
                "error-link-map",
                source = source_name.as_str(),
                message = crate::outcome::localized(message)
            ),
            Error::Spool(source) => t!("error-spool", message = io_error(source)),
        }
    }
}

/// How a fetch task ended ([`Error::FetchTaskDied`]), in `lang`: it panicked (with its message) or was
/// cancelled.
fn task_end(lang: crate::i18n::Lang, panic: Option<&str>) -> String {
    use crate::i18n::{FluentValue, tr_in};
    match panic {
        Some(message) => tr_in(
            lang,
            "fetch-task-panicked",
            &[("message", FluentValue::from(message))],
        ),
        None => tr_in(lang, "fetch-task-cancelled", &[]),
    }
}

/// A bad selector's or regex's line in its mapping file, in the interface language (`, line 5`; nothing when
/// the line is not known).
fn at_line(lang: crate::i18n::Lang, line: Option<u32>) -> String {
    line.map(|line| crate::i18n::tr_in(lang, "mapping-at-line", &[("line", line.into())]))
        .unwrap_or_default()
}

/// SQLite's error for a person: in English its own words; in another language what its code means and what
/// to do, its words after that.
fn sqlite_error(e: &rusqlite::Error) -> String {
    use rusqlite::ErrorCode::*;
    let words = e.to_string();
    let id = match e.sqlite_error_code() {
        Some(NotADatabase) => "sqlite-not-a-database",
        Some(DatabaseCorrupt) => "sqlite-corrupt",
        Some(DatabaseBusy | DatabaseLocked) => "sqlite-busy",
        Some(ReadOnly) => "sqlite-read-only",
        Some(CannotOpen) => "sqlite-cannot-open",
        Some(DiskFull) => "sqlite-disk-full",
        Some(PermissionDenied) => "sqlite-permission-denied",
        Some(SystemIoFailure) => "sqlite-io-failure",
        _ => return crate::i18n::os_text(&words),
    };
    crate::t!("detail-with-words", said = crate::t!(id), words = words)
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use super::{Error, SyntaxProblem};
    use crate::i18n::{Lang, lang};

    /// The English message file says what `Display` says, variant by variant (the default language is
    /// English when nothing set another, as in these tests).
    #[test]
    fn english_messages_equal_display() {
        assert_eq!(lang(), Lang::En);
        let io = || std::io::Error::new(std::io::ErrorKind::NotFound, "No such file");
        let path = PathBuf::from("m.toml");
        let errors = [
            Error::MappingRead {
                path: path.clone(),
                source: io(),
            },
            Error::MappingInvalid {
                path: path.clone(),
                message: "bad".into(),
            },
            Error::BadSelector {
                path: path.clone(),
                line: Some(3),
                key: "title".into(),
                selector: "h1[".into(),
                problem: SyntaxProblem::no_value_group(),
            },
            Error::BadPattern {
                path: path.clone(),
                line: None,
                key: "k".into(),
                pattern: "(".into(),
                problem: SyntaxProblem::no_value_group(),
            },
            Error::UnknownEncoding("x".into()),
            Error::BadBaseUrl("x".into()),
            Error::Input {
                path: path.clone(),
                source: io(),
            },
            Error::Output {
                path: path.clone(),
                message: "m".into(),
            },
            Error::OutputFolderMissing {
                path: path.clone(),
                dir: PathBuf::from("out"),
            },
            Error::OutputTempFile {
                path: path.clone(),
                dir: PathBuf::from("out"),
                source: io(),
            },
            Error::StdoutClosed,
            Error::JobLocked { dir: path.clone() },
            Error::JobRunning { dir: path.clone() },
            Error::Job {
                dir: path.clone(),
                message: "m".into(),
            },
            Error::BadStartUrl("x".into()),
            Error::MissingScheme("www.site.cn".into()),
            Error::NoStartUrls,
            Error::BadUrlPattern {
                flag: "--include",
                pattern: "(".into(),
                problem: SyntaxProblem::no_value_group(),
            },
            Error::HttpClient("m".into()),
            Error::Runtime(io()),
            Error::FetchTaskDied {
                url: "http://a.cn/1.html".into(),
                job: path.clone(),
                panic: Some("boom".into()),
            },
            Error::Report("m".into()),
            Error::ExportInvalid {
                path: path.clone(),
                message: "m".into(),
            },
            Error::EvalInput {
                path: path.clone(),
                message: "m".into(),
            },
            Error::FloorsInvalid {
                path: path.clone(),
                message: "m".into(),
            },
            Error::Sqlite {
                path: path.clone(),
                source: rusqlite::Error::InvalidQuery,
            },
            Error::DiffInput {
                path: path.clone(),
                message: "m".into(),
            },
            Error::UnknownField("x".into(), "title, url".into()),
            Error::LinkMap {
                source_name: "map.csv".into(),
                message: "m".into(),
            },
            Error::Spool(io()),
        ];
        for e in errors {
            assert_eq!(e.localized(), e.to_string());
        }
    }

    /// A crawl's fetch task that died, in Chinese: panicked or cancelled, the URL, the job and how to resume.
    #[test]
    fn a_dead_fetch_task_in_chinese() {
        use crate::i18n::{FluentValue, Lang, tr_in};
        let zh = |panic: Option<&str>| {
            let args = [
                ("url", FluentValue::from("http://a.cn/1.html")),
                ("job", FluentValue::from("out/site")),
                ("cause", FluentValue::from(super::task_end(Lang::Zh, panic))),
            ];
            tr_in(Lang::Zh, "error-fetch-task-died", &args)
        };
        let text = zh(Some("boom"));
        for want in [
            "抓取已停止：获取 http://a.cn/1.html 的任务意外结束（任务崩溃（panic）：\"boom\"）",
            "都已保存在任务 'out/site' 中；再次运行同一命令（不要加 --fresh）即可继续",
        ] {
            assert!(text.contains(want), "want {want:?} in {text:?}");
        }
        let text = zh(None);
        assert!(text.contains("的任务意外结束（任务被取消）"), "{text}");
    }

    /// An output that cannot be written, in Chinese: the crate's words and the OS's.
    #[test]
    fn output_errors_in_chinese() {
        use crate::i18n::{FluentValue, Lang, io_error_in, tr_in};
        let zh = |id: &str, source: String| {
            let args = [
                ("path", FluentValue::from("out/a.jsonl")),
                ("dir", FluentValue::from("out")),
                ("source", FluentValue::from(source)),
            ];
            tr_in(Lang::Zh, id, &args)
        };
        let missing = zh("error-output-folder-missing", String::new());
        assert!(missing.contains("文件夹 'out' 不存在"), "{missing}");
        if cfg!(unix) {
            let read_only = std::io::Error::from_raw_os_error(30);
            let text = zh("error-output-temp-file", io_error_in(Lang::Zh, &read_only));
            assert!(text.contains("文件系统是只读的（os error 30）"), "{text}");
        }
    }
}
