//! Reading exports back, so QA can diff two runs whatever format they were written in. The format is detected
//! from the content, not the file name: the SQLite header, else the first non-blank byte (`[` is a JSON array,
//! `{` is JSON Lines). Every format streams: memory holds one record (or one batch of SQLite rows) at a time.
//! A SQLite export is only ever opened read-only; one left mid-update by a stopped run (its `-journal` holds the
//! unfinished update, which only a writer can roll back) is read from a private copy in its last complete state,
//! with a warning that says so.

use std::collections::VecDeque;
use std::fs::File;
use std::io::{self, BufRead, BufReader};
use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags, params};

use super::sqlite::{SQLITE_HEADER, schema_version, sqlite_error};
use crate::error::{Detail, Error, Result};
use crate::outcome::Shape;
use crate::record::{Attachment, Image, Record};

/// The records of an export, in the order they were written (SQLite: order of first insertion).
pub type Records = Box<dyn Iterator<Item = Result<Record>>>;

/// Open an export written by any [`super::Sink`] and iterate over its records. An empty file has no records.
/// Errors name the file and the line (JSON Lines), record number and line (JSON) or record id (SQLite); after
/// an error the iterator ends.
pub fn read_records(path: &Path) -> Result<Records> {
    let file = File::open(path).map_err(|e| input_error(path, e))?;
    let mut reader = BufReader::with_capacity(256 * 1024, file);
    let head = reader.fill_buf().map_err(|e| input_error(path, e))?;
    if head.starts_with(SQLITE_HEADER) {
        drop(reader);
        return Ok(Box::new(SqliteRecords::open(path)?));
    }
    skip_bom(&mut reader).map_err(|e| input_error(path, e))?;
    let mut lines = 0;
    match first_non_blank(&mut reader, &mut lines).map_err(|e| input_error(path, e))? {
        None => Ok(Box::new(std::iter::empty())),
        Some(b'[') => Ok(Box::new(JsonArrayRecords {
            bytes: ByteReader::new(reader, lines),
            path: path.to_path_buf(),
            count: 0,
            state: ArrayState::Start,
        })),
        Some(b'{') => Ok(Box::new(JsonlRecords {
            reader,
            path: path.to_path_buf(),
            line_no: lines,
            line: Vec::new(),
            done: false,
        })),
        Some(_) => Err(invalid(path, NOT_AN_EXPORT.text(&[]))),
    }
}

/// Read problems are input errors: the file is the input of `diff`.
fn input_error(path: &Path, source: io::Error) -> Error {
    Error::Input {
        path: path.to_path_buf(),
        source,
    }
}

/// A file that opens but is no export sitelift can read: what is wrong with it.
fn invalid(path: &Path, message: impl Into<Detail>) -> Error {
    Error::ExportInvalid {
        path: path.to_path_buf(),
        message: message.into(),
    }
}

/// What is wrong with a file that is no export, said in the interface language ([`crate::outcome::localized`]).
pub(crate) const SHAPES: &[Shape] = &[NOT_AN_EXPORT, NO_SCHEMA];
/// Its first byte starts neither a SQLite database nor JSON.
const NOT_AN_EXPORT: Shape = Shape {
    id: "export-not-an-export",
    pieces: &["it is neither a SQLite database nor JSON (an array, or JSON Lines)"],
    args: &[],
};
/// A SQLite database another program wrote.
const NO_SCHEMA: Shape = Shape {
    id: "export-no-schema",
    pieces: &["it is a SQLite database without the schema_info table sitelift writes"],
    args: &[],
};

fn skip_bom(reader: &mut impl BufRead) -> io::Result<()> {
    if reader.fill_buf()?.starts_with(b"\xEF\xBB\xBF") {
        reader.consume(3);
    }
    Ok(())
}

/// Consume whitespace and return (without consuming) the first other byte; counts the newlines passed.
fn first_non_blank(reader: &mut impl BufRead, lines: &mut usize) -> io::Result<Option<u8>> {
    loop {
        let buf = reader.fill_buf()?;
        if buf.is_empty() {
            return Ok(None);
        }
        match buf.iter().position(|b| !b.is_ascii_whitespace()) {
            Some(i) => {
                *lines += buf[..i].iter().filter(|&&b| b == b'\n').count();
                let b = buf[i];
                reader.consume(i);
                return Ok(Some(b));
            }
            None => {
                let n = buf.len();
                *lines += buf.iter().filter(|&&b| b == b'\n').count();
                reader.consume(n);
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------------------------
// JSON Lines

struct JsonlRecords {
    reader: BufReader<File>,
    path: PathBuf,
    /// Lines read so far (1-based number of the last line read).
    line_no: usize,
    line: Vec<u8>,
    done: bool,
}

impl Iterator for JsonlRecords {
    type Item = Result<Record>;

    fn next(&mut self) -> Option<Self::Item> {
        while !self.done {
            self.line.clear();
            match self.reader.read_until(b'\n', &mut self.line) {
                Ok(0) => self.done = true,
                Ok(_) => {
                    self.line_no += 1;
                    if self.line.iter().all(u8::is_ascii_whitespace) {
                        continue;
                    }
                    let parsed = serde_json::from_slice(&self.line).map_err(|e| {
                        self.done = true;
                        // Where in the file: serde_json counts within the line.
                        let detail = Detail::Json {
                            line: self.line_no,
                            column: e.column(),
                            category: e.classify(),
                            text: format!("line {}: not a record: {e}", self.line_no),
                        };
                        invalid(&self.path, detail)
                    });
                    return Some(parsed);
                }
                Err(e) => {
                    self.done = true;
                    return Some(Err(invalid(
                        &self.path,
                        format!("line {}: {e}", self.line_no + 1),
                    )));
                }
            }
        }
        None
    }
}

// ---------------------------------------------------------------------------------------------------------------
// JSON array: a small scanner cuts the top-level elements out of the byte stream, serde_json parses each one.

/// Bytes one at a time from a buffered reader, counting lines for error messages.
struct ByteReader {
    reader: BufReader<File>,
    line: usize,
}

impl ByteReader {
    fn new(reader: BufReader<File>, lines_before: usize) -> Self {
        ByteReader {
            reader,
            line: lines_before + 1,
        }
    }

    fn next(&mut self) -> io::Result<Option<u8>> {
        let buf = self.reader.fill_buf()?;
        let Some(&b) = buf.first() else {
            return Ok(None);
        };
        self.reader.consume(1);
        if b == b'\n' {
            self.line += 1;
        }
        Ok(Some(b))
    }

    fn next_non_blank(&mut self) -> io::Result<Option<u8>> {
        loop {
            match self.next()? {
                Some(b) if b.is_ascii_whitespace() => continue,
                other => return Ok(other),
            }
        }
    }
}

#[derive(PartialEq)]
enum ArrayState {
    /// Before the opening `[`.
    Start,
    /// After `[` or `,`.
    Element {
        first: bool,
    },
    Done,
}

struct JsonArrayRecords {
    bytes: ByteReader,
    path: PathBuf,
    count: usize,
    state: ArrayState,
}

impl JsonArrayRecords {
    fn fail(&mut self, message: String) -> Error {
        self.state = ArrayState::Done;
        invalid(&self.path, message)
    }

    fn step(&mut self) -> Result<Option<Record>> {
        let io = |path: &Path, e: io::Error| input_error(path, e);
        loop {
            match self.state {
                ArrayState::Done => return Ok(None),
                ArrayState::Start => {
                    // read_records checked that the first non-blank byte is `[`.
                    self.bytes.next_non_blank().map_err(|e| io(&self.path, e))?;
                    self.state = ArrayState::Element { first: true };
                }
                ArrayState::Element { first } => {
                    let b = self.bytes.next_non_blank().map_err(|e| io(&self.path, e))?;
                    return match b {
                        Some(b']') if first => self.end().map(|()| None),
                        Some(b'{') => {
                            self.count += 1;
                            let line = self.bytes.line;
                            let element = self.element().map_err(|e| io(&self.path, e))?;
                            let record = serde_json::from_slice(&element).map_err(|e| {
                                self.fail(format!(
                                    "record {} (line {line}): not a record: {e}",
                                    self.count
                                ))
                            })?;
                            match self.bytes.next_non_blank().map_err(|e| io(&self.path, e))? {
                                Some(b',') => self.state = ArrayState::Element { first: false },
                                Some(b']') => self.end()?,
                                _ => {
                                    let line = self.bytes.line;
                                    return Err(self.fail(format!(
                                        "line {line}: expected ',' or ']' after record {}",
                                        self.count
                                    )));
                                }
                            }
                            Ok(Some(record))
                        }
                        None => Err(self.fail(format!(
                            "line {}: the JSON array ends before its closing ']'",
                            self.bytes.line
                        ))),
                        Some(_) => Err(self.fail(format!(
                            "line {}: element {} of the array is not a JSON object",
                            self.bytes.line,
                            self.count + 1
                        ))),
                    };
                }
            }
        }
    }

    /// The rest of one object whose `{` was just read, `{` included.
    fn element(&mut self) -> io::Result<Vec<u8>> {
        let mut out = vec![b'{'];
        let (mut depth, mut in_string, mut escaped) = (1usize, false, false);
        while depth > 0 {
            let Some(b) = self.bytes.next()? else {
                return Err(io::Error::new(
                    io::ErrorKind::UnexpectedEof,
                    format!("record {} is cut off at the end of the file", self.count),
                ));
            };
            out.push(b);
            if in_string {
                match b {
                    _ if escaped => escaped = false,
                    b'\\' => escaped = true,
                    b'"' => in_string = false,
                    _ => {}
                }
            } else {
                match b {
                    b'"' => in_string = true,
                    b'{' | b'[' => depth += 1,
                    b'}' | b']' => depth -= 1,
                    _ => {}
                }
            }
        }
        Ok(out)
    }

    /// After the closing `]`: only whitespace may follow.
    fn end(&mut self) -> Result<()> {
        self.state = ArrayState::Done;
        match self.bytes.next_non_blank() {
            Ok(None) => Ok(()),
            Ok(Some(_)) => Err(self.fail(format!(
                "line {}: unexpected content after the closing ']'",
                self.bytes.line
            ))),
            Err(e) => Err(input_error(&self.path, e)),
        }
    }
}

impl Iterator for JsonArrayRecords {
    type Item = Result<Record>;

    fn next(&mut self) -> Option<Self::Item> {
        match self.step() {
            Ok(record) => record.map(Ok),
            Err(e) => {
                self.state = ArrayState::Done;
                Some(Err(e))
            }
        }
    }
}

/// The rollback journal SQLite keeps next to a database during a write.
fn journal_of(path: &Path) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push("-journal");
    PathBuf::from(name)
}

/// Whether opening `path` read-only failed because a stopped writer left its update half-done: SQLite must roll
/// the journal back before anyone reads, and a read-only connection may not.
fn left_mid_update(path: &Path, e: &rusqlite::Error) -> bool {
    e.sqlite_error_code() == Some(rusqlite::ErrorCode::ReadOnly)
        && std::fs::metadata(journal_of(path)).is_ok_and(|m| m.len() > 0)
}

/// Copy the database and its journal to a private folder and open the copy for writing once, which rolls the
/// unfinished update back; the original is not touched. Returns the folder and the copy's path.
fn last_complete_state(path: &Path) -> Result<(tempfile::TempDir, PathBuf)> {
    let dir = tempfile::tempdir().map_err(|e| input_error(path, e))?;
    let copy = dir.path().join("records.sqlite");
    std::fs::copy(path, &copy).map_err(|e| input_error(path, e))?;
    std::fs::copy(journal_of(path), journal_of(&copy)).map_err(|e| input_error(path, e))?;
    let conn = Connection::open(&copy).map_err(sqlite_error(path))?;
    conn.query_row("SELECT count(*) FROM sqlite_master", [], |r| {
        r.get::<_, i64>(0)
    })
    .map_err(sqlite_error(path))?;
    drop(conn);
    Ok((dir, copy))
}

// ---------------------------------------------------------------------------------------------------------------
// SQLite: records in rowid order, fetched in batches so the iterator can own its connection.

const BATCH: i64 = 500;

struct SqliteRecords {
    conn: Connection,
    path: PathBuf,
    last_rowid: i64,
    batch: VecDeque<Record>,
    done: bool,
    /// The private copy read instead of a database left mid-update (deleted with the reader).
    _copy: Option<tempfile::TempDir>,
}

impl SqliteRecords {
    fn open(path: &Path) -> Result<Self> {
        let read_only = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let mut conn = Connection::open_with_flags(path, read_only).map_err(sqlite_error(path))?;
        let mut copy = None;
        let probe = conn.query_row("SELECT count(*) FROM sqlite_master", [], |r| {
            r.get::<_, i64>(0)
        });
        if let Err(e) = probe {
            if !left_mid_update(path, &e) {
                return Err(sqlite_error(path)(e));
            }
            let (dir, rolled_back) = last_complete_state(path)?;
            tracing::warn!(
                "{}",
                crate::t!(
                    "log-left-mid-update",
                    path = path.display().to_string(),
                    journal = journal_of(path).display().to_string()
                )
            );
            conn =
                Connection::open_with_flags(&rolled_back, read_only).map_err(sqlite_error(path))?;
            copy = Some(dir);
        }
        if schema_version(&conn, path)?.is_none() {
            return Err(invalid(path, NO_SCHEMA.text(&[])));
        }
        Ok(SqliteRecords {
            conn,
            path: path.to_path_buf(),
            last_rowid: 0,
            batch: VecDeque::new(),
            done: false,
            _copy: copy,
        })
    }

    fn fill(&mut self) -> Result<()> {
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT rowid, id, url, source_path, title, published, author, editor, source, category,
                        body_html, body_text, encoding, provenance, content_hash, warnings
                 FROM records WHERE rowid > ?1 ORDER BY rowid LIMIT ?2",
            )
            .map_err(sqlite_error(&self.path))?;
        let rows = stmt
            .query_map(params![self.last_rowid, BATCH], |row| {
                let rowid: i64 = row.get(0)?;
                let id: String = row.get(1)?;
                let json_columns: [Option<String>; 4] =
                    [row.get(9)?, row.get(12)?, row.get(13)?, row.get(15)?];
                let record = Record {
                    url: row.get(2)?,
                    source_path: row.get(3)?,
                    title: row.get(4)?,
                    published: row.get(5)?,
                    author: row.get(6)?,
                    editor: row.get(7)?,
                    source: row.get(8)?,
                    body_html: row.get(10)?,
                    body_text: row.get(11)?,
                    content_hash: row.get(14)?,
                    id,
                    ..Record::default()
                };
                Ok((rowid, record, json_columns))
            })
            .map_err(sqlite_error(&self.path))?;
        let mut batch = VecDeque::new();
        for row in rows {
            let (rowid, mut record, [category, encoding, provenance, warnings]) =
                row.map_err(sqlite_error(&self.path))?;
            self.last_rowid = rowid;
            let path = &self.path;
            record.category = json_column(path, &record.id, "category", category)?;
            record.encoding = json_column(path, &record.id, "encoding", encoding)?;
            record.provenance = json_column(path, &record.id, "provenance", provenance)?;
            record.warnings = json_column(path, &record.id, "warnings", warnings)?;
            batch.push_back(record);
        }
        drop(stmt);
        for record in &mut batch {
            record.attachments = self.children(
                "SELECT name, url FROM attachments WHERE record_id = ?1 ORDER BY position",
                &record.id,
                |row| {
                    Ok(Attachment {
                        name: row.get(0)?,
                        url: row.get(1)?,
                    })
                },
            )?;
            record.images = self.children(
                "SELECT url, alt FROM images WHERE record_id = ?1 ORDER BY position",
                &record.id,
                |row| {
                    Ok(Image {
                        url: row.get(0)?,
                        alt: row.get(1)?,
                    })
                },
            )?;
        }
        if (batch.len() as i64) < BATCH {
            self.done = true;
        }
        self.batch = batch;
        Ok(())
    }

    fn children<T>(
        &self,
        sql: &str,
        id: &str,
        f: impl FnMut(&rusqlite::Row<'_>) -> rusqlite::Result<T>,
    ) -> Result<Vec<T>> {
        let mut stmt = self
            .conn
            .prepare_cached(sql)
            .map_err(sqlite_error(&self.path))?;
        let rows = stmt.query_map([id], f).map_err(sqlite_error(&self.path))?;
        rows.collect::<rusqlite::Result<_>>()
            .map_err(sqlite_error(&self.path))
    }
}

/// One JSON text column (NULL reads as JSON `null`).
fn json_column<T: serde::de::DeserializeOwned>(
    path: &Path,
    id: &str,
    name: &str,
    text: Option<String>,
) -> Result<T> {
    serde_json::from_str(text.as_deref().unwrap_or("null")).map_err(|e| {
        invalid(
            path,
            format!("record {id}: column {name} does not hold the expected JSON: {e}"),
        )
    })
}

impl Iterator for SqliteRecords {
    type Item = Result<Record>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.batch.is_empty()
            && !self.done
            && let Err(e) = self.fill()
        {
            self.done = true;
            self.batch.clear();
            return Some(Err(e));
        }
        self.batch.pop_front().map(Ok)
    }
}
