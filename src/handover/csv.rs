//! CSV (RFC 4180) for link maps and the files the export writes. Writing is the `csv` crate's: fields
//! separated by commas, quoted with `"` when they hold a comma, a quote or a line break, quotes doubled inside
//! quotes, LF line ends. Reading a link map is ours, because it must name the line of a quote that is never
//! closed (the crate reads such a file to its end as one field): CRLF or LF line ends, blank lines skipped, a
//! UTF-8 BOM (spreadsheets write one) ignored.

/// Parse CSV text into rows of fields. Errors name the 1-based line of an unterminated quote.
pub fn parse(text: &str) -> Result<Vec<Vec<String>>, String> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut field = String::new();
    let mut chars = text.chars().peekable();
    let (mut line, mut quote_line) = (1usize, 0usize);
    let mut in_quotes = false;
    let mut row_has_content = false;
    while let Some(c) = chars.next() {
        if in_quotes {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    field.push('"');
                }
                '"' => in_quotes = false,
                '\n' => {
                    line += 1;
                    field.push(c);
                }
                _ => field.push(c),
            }
            continue;
        }
        match c {
            '"' => {
                in_quotes = true;
                quote_line = line;
                row_has_content = true;
            }
            ',' => {
                row.push(std::mem::take(&mut field));
                row_has_content = true;
            }
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' => {
                line += 1;
                if row_has_content || !field.is_empty() {
                    row.push(std::mem::take(&mut field));
                    rows.push(std::mem::take(&mut row));
                }
                row_has_content = false;
            }
            _ => field.push(c),
        }
    }
    if in_quotes {
        return Err(super::linkmap::QUOTE_UNCLOSED.text(&[&quote_line]));
    }
    if row_has_content || !field.is_empty() {
        row.push(field);
        rows.push(row);
    }
    Ok(rows)
}

/// A CSV file written in memory: its header, then one row at a time.
pub struct Table(::csv::Writer<Vec<u8>>);

impl Table {
    pub fn new(header: &[&str]) -> Table {
        let writer = ::csv::WriterBuilder::new()
            .terminator(::csv::Terminator::Any(b'\n'))
            .from_writer(Vec::new());
        let mut table = Table(writer);
        table.row(header);
        table
    }

    /// Append a row, quoting the fields that need it.
    pub fn row<S: AsRef<str>>(&mut self, fields: &[S]) {
        self.0
            .write_record(fields.iter().map(|f| f.as_ref()))
            .expect("a CSV row written to memory");
    }

    /// The file's text.
    pub fn finish(self) -> String {
        let bytes = self.0.into_inner().expect("CSV flushed to memory");
        String::from_utf8(bytes).expect("CSV of UTF-8 fields is UTF-8")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip() {
        let rows = vec![
            vec!["old_url".to_string(), "new_path".to_string()],
            vec!["http://a.cn/x.asp?a=1,b=2".into(), "/文章/\"引号\"".into()],
            vec!["多行\n文本".into(), String::new()],
        ];
        let mut table = Table::new(&["old_url", "new_path"]);
        for r in &rows[1..] {
            table.row(r);
        }
        let text = table.finish();
        assert_eq!(
            text,
            "old_url,new_path\n\"http://a.cn/x.asp?a=1,b=2\",\"/文章/\"\"引号\"\"\"\n\"多行\n文本\",\n"
        );
        assert_eq!(parse(&text).unwrap(), rows);
    }

    #[test]
    fn crlf_bom_blank_lines_and_errors() {
        let rows = parse("\u{feff}a,b\r\n\r\nc,\"d\"\"e\"\r\n").unwrap();
        assert_eq!(rows, [vec!["a", "b"], vec!["c", "d\"e"]]);
        assert!(parse("a,\"b\nc").unwrap_err().contains("line 1"));
    }
}
