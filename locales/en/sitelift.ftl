# sitelift's interface in English: the default, and the text the tests assert. Every message here must also be
# in locales/zh-CN/sitelift.ftl (a unit test in src/i18n.rs checks it). A value that starts with a space is
# written {" "}…, as Fluent trims leading blanks.

## Units and words shared by several messages

unit-pages = pages
progress-eta = eta
progress-eta-unknown = unknown

## Progress (src/progress.rs)

progress-files-line = progress {$elapsed}: {$done}/{$total} pages done, {$rate} pages/s, {$failed} failed, eta {$eta}
progress-crawl-bar = ({$rate} pages/s, eta {$eta}) {$failed} failed, {$skipped} not followed, {$records} records, {$in_flight} in flight
progress-crawl-line = progress {$elapsed}: {$done} pages done this run ({$fetched} fetched, {$failed} failed), {$rate} pages/s, {$queued} queued, {$in_flight} in flight, {$records} records, {$skipped} links not followed, eta {$eta}

## The closing summary (src/summary.rs)

summary-time = {" "}in {$secs} s ({$rate} pages/s)
summary-pages = {$pages} pages read{$time}: {$records} records ({$new} new, {$updated} updated, {$unchanged} unchanged), {$skipped} skipped, {$failed} failed
summary-crawl = crawl: {$fetch_failed} URLs could not be fetched, {$not_fetched} links not followed (scope, robots.txt, trap limits); both listed below
summary-skipped = skipped:
summary-failed = failed:
summary-more = … and {$n} more (every page is in the JSON summary)
summary-not-articles = {$n} page(s) were not exported because they are not articles; run again with --all-pages to export them too
summary-fill-rate = fill rate over {$records} records:
summary-rules = rules: {$rules}
summary-warnings = warnings: {$total}

## After a crawl or run (src/commands)

run-this-run = this run: {$fetched} pages fetched, {$failed} failed in {$elapsed} ({$rate} pages/s), {$links} links seen on them; job {$job}: {$not_followed} links not followed, {$queued} URLs still queued
run-output = output: {$out} (records.sqlite, records.jsonl, summary.json)
run-traps = trap limits hit: {$n} URLs refused (listed under 'skipped: trap limit')
run-attachments = attachments: {$done} downloaded, {$failed} failed (retried next run), {$skipped} skipped
run-quiet-failed = {$n} URLs failed: listed in {$summary} and by `sitelift status --job {$job}`; the others were exported
run-mixed-inputs = give either URLs to crawl or local paths to read, not both
crawl-export-with = export with: sitelift run --job {$job} --out DIR (or extract --job)
crawl-quiet-failed = {$n} URLs failed: `sitelift status --job {$job}` lists them with their reasons
crawl-failed-start = could not crawl: no page was fetched ({$why}). No job was kept; run the same command again once the site answers
crawl-interrupted = interrupted: the job is saved; run the same command again to resume
crawl-host-paused = host {$host} paused for this run: {$why}; its URLs stay queued: run the same command again later to resume
mirror-files = mirror: {$files} files read: {$new} new, {$changed} changed, {$unchanged} unchanged (not imported again), {$failed} failed
mirror-duplicates = , {$n} with the URL of an earlier file (not imported)
mirror-extracted = {$line}; {$pages} pages extracted in {$secs} s; job {$job}
mirror-limit = --limit {$limit} reached: {$left} pages not extracted yet; run again without --limit to extract them
mirror-left = {$left} pages not extracted yet: run again to extract them
mirror-quiet-failed = {$n} page(s) failed: listed in {$summary}; the others were exported
crawl-second-interrupt = second interrupt: aborting now (the job is consistent; run again to resume)
crawl-interrupting = interrupted: finishing the requests in flight, then stopping (interrupt again to abort)
crawl-limit-reached = --limit {$limit} reached: no new pages are fetched
crawl-max-pages-reached = --max-pages {$max} reached: no new pages are fetched; the queued ones wait for the next run
mirror-no-downloads = note: --download-attachments applies to crawls; a mirror's files are not downloaded

## Why a host was paused (src/source/politeness.rs), inside crawl-host-paused and log-host-paused

pause-host-errors = {$n} responses in a row were 429 Too Many Requests or 5xx server errors
pause-retry-after = it asks to wait {$asked} s (Retry-After), longer than the {$max} s --max-retry-wait-ms allows

## Log lines on stderr (src/logging.rs: the level words; the warnings where they are raised)

log-level-error = ERROR
log-level-warn = WARN
log-level-info = INFO
log-level-debug = DEBUG
log-level-trace = TRACE
log-host-paused = host {$host} paused for this run: {$why}; its URLs stay queued for the next run
log-trap-limit = {$reason}; further URLs like it are skipped (see `sitelift status`)
log-ignore-robots = --ignore-robots: robots.txt is not read or obeyed in this run
log-interrupted = interrupted; finishing in-flight requests ({$in_flight} in flight)
log-robots-unreachable = robots.txt unreachable: not crawling this host in this run ({$url}: {$why})
log-left-mid-update = {$path} was left mid-update by a sitelift run that was stopped (its unfinished update is in {$journal}); reading its last complete state. Run the command that writes it again to finish the update
# With -v, a crawl's decisions (info). English keeps the layout tracing gave these lines (message, then key=value).
log-get = GET url={$url} attempt={$attempt}
log-retrying = retrying url={$url} attempt={$attempt} wait_ms={$wait_ms} error={$error}
log-requeued = failures from earlier runs queued again requeued={$requeued}
log-revisits = --update: every fetched page queued again revisits={$revisits}
log-partial-removed = removed downloads a stopped crawl left unfinished bytes={$bytes}
log-limit-reached = limit reached limit={$limit}
log-failed = failed url={$url} error={$error}
log-attachment = attachment url={$url} state="{$state}" error="{$error}"
log-crawl-delay = robots.txt Crawl-delay origin={$origin} delay_s={$delay_s}
log-robots-read = robots.txt read url={$url}
log-no-robots = no robots.txt: everything allowed url={$url} status={$status}
log-skipped = skipped: {$why} url={$url}
log-redirect = redirect from={$from} to={$to} status={$status}

no-pages = no HTML pages found in {$inputs}: pages need an extension like .html/.htm/.shtml/.asp/.php/.jsp, or HTML content; check the folder (nothing was written)

## extract, export, report, eval and mapping draft (src/commands)

cannot-create-folder = cannot create the folder '{$path}'
cannot-read-page = cannot read page '{$path}'
cannot-write-stdout = cannot write to stdout
cannot-write = cannot write '{$path}'
man-cannot-write = cannot write the manual pages into '{$path}'
man-cannot-render = cannot render the manual page
man-section-name = NAME
man-section-synopsis = SYNOPSIS
man-section-description = DESCRIPTION
man-section-options = OPTIONS
man-section-subcommands = SUBCOMMANDS
man-section-extra = EXTRA
man-section-version = VERSION
man-section-authors = AUTHORS
extract-sqlite-needs-out = --format sqlite needs --out FILE (a database cannot be streamed to stdout), e.g. --out out/records.sqlite
extract-reads-files = {$error}; `extract` reads files, `sitelift run --out DIR URL` crawls
folder-is-a-file = cannot create the output folder '{$path}': '{$file}' is a file, not a folder. Choose another --out path, or move that file away
extract-create-folder = cannot create the output folder '{$path}'
extract-output = output: {$out}
extract-quiet-failed = {$n} page(s) failed ({$how}); records for the others were written
extract-see-which-summary = run without --quiet, or with --summary FILE, to see which
extract-see-which = run without --quiet to see which
extract-unknown-extension = --out {$out}: sitelift does not write .{$ext} files; use a name ending in .jsonl (JSON Lines), .json or .sqlite / .db, or say the format with --format jsonl|json|sqlite
export-records = {$n} records exported to {$out} (records.sqlite, records.jsonl)
export-links = links rewritten: {$pages} to migrated pages, {$attachments} to attachments; {$external} external links kept
export-unresolved = unresolved links kept pointing at the old site: {$n} ({$kinds}), listed in unresolved-links.csv
link-kind-attachment = attachment
link-kind-image = image
link-kind-page = page
export-not-in-map = {$n} records have no new path in {$map} (exported, no redirect), e.g. {$example}
export-redirects = redirects: {$n} ({$query} with a query string) in redirects.csv, redirects.nginx.conf, redirects.apache.conf
export-attachments = attachments: {$n} files in attachments/, listed in attachments-map.csv
report-nothing-to-write = nothing to write: give --html FILE for the page, or --format json for the figures
report-written = report: {$records} records -> {$path} ({$mb} MB) in {$secs} s
eval-no-input = give --devset FILE, --labels FILE or --trafilatura FILE
eval-cannot-write-json = cannot write --json output '{$path}'
eval-floors-met = floors ({$path}): every score is at or above its floor
eval-below-floor = below floor ({$path}): {$breach}
eval-floors-not-applied = note: the repository's floors are not applied to a --files, --mapping or --records run; pass --floors FILE to gate it
eval-no-floors-file = note: no {$path} in the working directory: scores are not gated (pass --floors FILE)
eval-any-of = any of {$list}
eval-no-labelled-page = no labelled page in '{$path}' has a file name containing {$files}
eval-no-page = no page in '{$path}' has a file name containing {$files}
eval-misses-tune-only = (misses shown for the tune part only; `--part check` lists the check part's, for reporting, not tuning)
eval-misses = misses ({$n}):
eval-miss = {$field}: expected «{$expected}», extracted «{$extracted}»
eval-misses-more = … and {$n} more (raise --misses, or write them all with --json)
mapping-drafted = mapping draft: {$templates} template(s) from {$pages} pages -> {$out}; review it, then `sitelift check-mapping {$out} --page PAGE`
mapping-too-few = {$what}: too few for a template (each needs at least {$min} pages of one layout); give the whole site or mirror
mapping-job-holds = the job {$job} holds {$n} page(s)
mapping-pages-found = {$n} page(s) found

## A drafted mapping file's comments (src/site/draft.rs, src/site/draft_check.rs). Each line of a message
## becomes a TOML comment line (`# ` before it); the TOML keys and selectors are never translated.

draft-does-not-load = the draft '{$path}' does not load as a mapping (a bug: please report it with the file)
draft-header =
    Mapping drafted by `sitelift mapping draft` from {$pages} pages: {$templates} template(s) of at least {$min} pages
    ({$modelled} of the pages). Each selector was checked on two sample pages of its template and on the other
    templates' samples. Review it before use: open the sample pages, run
      sitelift check-mapping THIS.toml --page PAGE
    on a few pages of each template, and delete what you do not want. A field this file leaves out, or
    whose selector matches nothing on a page, comes from the generic rules. The body selector takes the
    whole container: check where the text ends on the samples (related links after it go in `remove`).
draft-checked =
    Checked against the site-model run over the {$pages} pages (extract with this file, {$rounds} draft(s)): {$left_out} selector
    alternative(s) left out for giving other values than the model on more than a tenth of a template's
    pages; with this file the run differs from the site-model run on {$records} record(s), {$fields} field(s).
draft-templates = Templates, largest first:
# $id and $kind are padded to columns, $pages right-aligned; $samples are file names or URLs.
draft-template-row = {$id} {$pages} pages  {$kind} e.g. {$samples}
draft-body-edges =
    The body containers below are where the generic rules found the text on each template's pages; the
    text's start and end inside them are found as without a mapping ("container": take them whole).
draft-field-generic = {$key}: no template keeps it in one place; the generic rule finds it on each page
draft-credits-meta =
    published, author, editor, source: split from the meta line by their labels (发布时间, 作者, 责任编辑,
    来源, …) where no selector above gives them (a credit a template shows labelled in an element of its
    own); give one its own selector, or a [patterns] entry, where a template shows it unlabelled.
draft-credits-generic = published, author, editor, source: the generic rules (labels anywhere in the page's header).
draft-attachments =
    attachments, images: the generic rules (document links and images inside the body); add a selector
    for an attachment box outside the body.
draft-kinds-not-article = Pages with the list container of a list template ({$templates}) are not articles.
draft-kinds-article =
    Uncomment to keep every page with an article template's body container ({$templates}) as an article,
    whatever the generic rules say (also hubs and stubs laid out as articles: check them first).
draft-samples = Sample pages the selectors were checked on:

## The site model in the summary and status (src/site/report.rs)

site-model = site model: {$templates} template(s) of at least {$min} pages cover {$modelled} of {$pages} pages; the model changes {$changed} page(s)
site-template = {$pages} pages  {$kind} {$records} records: {$fills}
site-kind-mixed = mixed
site-kind-article = article
site-kind-list = list
site-examples = e.g. {$pages}
site-repeated = bodies holding template text (a block on at least {$share}% of their template's pages that is its chrome or frames nothing): {$records} of {$total} records ({$chrome} with the template's chrome); in them {$chrome_lines} block(s) of chrome and {$empty_lines} fixed label(s) or heading(s) framing nothing; not counted: {$fixed_lines} fixed label(s) and heading(s) framing the page's own text ({$any} records hold a repeated block of either kind)
site-stripped = repeated blocks left out of {$n} bodies: {$blocks}
site-anomaly = anomaly: {$n} page(s) {$name}, e.g. {$page}: {$what}
site-anomaly-missing-field = missing a field their siblings have
site-anomaly-repeated-in-body = repeated blocks still in the body
site-anomaly-kind-differs = kind differs from the template's

## The site model's anomalies (src/site/report.rs); the job keeps the English text

anomaly-exported-from-list = exported as an article; its template is a list template
anomaly-not-exported-from-articles = not exported ({$reason}); its template is an article template
anomaly-missing-field = no {$field}; {$share}% of the template's pages have one
anomaly-repeated-blocks = {$n} block(s) of the body repeat on the template's pages, most of which keep them out of the body
anomaly-empty-frames = {$n} label(s) or heading(s) of the template in the body frame nothing (no value or text of the page's own after them)

## `sitelift status` (src/job/status.rs)

status-job = job {$job}
status-urls = URLs: {$queued} queued, {$fetched} fetched, {$failed} failed, {$skipped} not fetched (scope, robots.txt, trap limits, redirects)
status-outcomes = outcomes: {$extracted} extracted, {$skipped} skipped, {$failed} failed{$waiting}{$not_extracted}
status-waiting = , {$n} waiting for later parts
status-not-extracted = , {$n} not extracted yet (run again to extract them)
status-failed = failed:
status-skipped = skipped:
status-not-exported = not exported:
status-attachments-failed = attachments not downloaded:
status-more = … and {$n} more (`sitelift status --json` lists every page)
status-not-articles = pages not exported as articles are listed above; `sitelift extract --job DIR --all-pages` exports them too
status-scope = scope dropped: {$n} URLs, by rule: {$rules}
status-traps = trap limits hit: {$n} URLs refused (see 'trap limit' above)
status-records = records: {$n}
status-fill-rate = fill rate:
status-attachments = attachments: {$done} done, {$failed} failed, {$skipped} skipped, {$queued} queued
status-time = crawl time: {$secs} s over all runs, {$rate} pages/s (pages fetched or failed per second)

## What is wrong with a regex or CSS selector the user wrote (src/error/syntax.rs)

syntax-at = at character {$at}, {$problem}
syntax-with-words = {$problem}; {$parser}: "{$words}"
syntax-parser-regex = regex parser
syntax-parser-css = CSS parser
syntax-regex-group-unclosed = '(' is never closed by ')'
syntax-regex-group-unopened = ')' has no '(' before it
syntax-regex-class-unclosed = '[' is never closed by ']'
syntax-regex-class-range = a range in [...] runs backwards (write a-z, not z-a) or is not a range of characters
syntax-regex-repetition-missing = '*', '+', '?' or a count {"{n}"} has nothing before it to repeat (write '\*' to match a star)
syntax-regex-repetition-count = a count {"{n}"} or {"{n,m}"} is unfinished or not a number (write '\{"{"}' to match a brace)
syntax-regex-escape-end = the pattern ends with a lone '\' (write '\\' to match a backslash)
syntax-regex-escape = '\' is followed by a character that is no escape the regex knows (such as \d \w \s \. \/)
syntax-regex-look-around = look-around ((?=...), (?!...), (?<=...), (?<!...)) is not supported
syntax-regex-backreference = back-references such as \1 are not supported
syntax-regex-group-name = a group's name in (?P<name>...) is empty, invalid or used twice
syntax-regex-flag = a flag in (?...) is unknown, repeated or unfinished (the flags are i, m, s, x, U, u)
syntax-regex-unicode-class = \p{"{"}...{"}"} names no Unicode class (Chinese characters are \p{"{"}Han{"}"})
syntax-regex-too-big = the regular expression is too big (too many groups, nested too deep or counts too large)
syntax-regex-no-value-group = it has no named group 'value'; write it like '发布时间[:：]\s*(?P<value>\S+)'
syntax-regex-other = the regular expression is not valid
syntax-css-unfinished = the selector ends too early (a ']', ')' or quote is missing, or it ends with '>', '+', '~' or ',')
syntax-css-unexpected = a character is out of place (a stray ']' or ')', a name starting with a digit, or a quote not closed)
syntax-css-pseudo = an unknown or unsupported pseudo-class (use :first-child, :nth-child(2), :not(...), :has(...))
syntax-css-attribute = [...] is no attribute test (write [name], [name="value"] or [name*="part"])
syntax-css-class = '.' is not followed by a class name
syntax-css-empty = the selector, or a part of it between commas or in (...), selects nothing: it is empty or starts with a character no selector starts with (such as '#' or '.' without a name after it, a digit, or '@')
syntax-css-dangling = a '>', '+' or '~' has no selector after it
syntax-css-other = the CSS syntax is not valid

## A panic (src/crash.rs): a bug. $command is the command line as run, $detail Rust's own words.

panic-stopped = sitelift stopped on an internal error. This is a bug in sitelift, not a problem with your input or settings. Records already written are kept: output files are not left half-written, and a crawl job keeps every page and record saved so far (run the same command again to resume). Please report it with the command and the version: {$command} (sitelift {$version}).
panic-detail = detail (Rust's own words, in English): {$detail}
panic-backtrace = To add a backtrace to the report, run the same command again with the environment variable RUST_BACKTRACE=1.

## Errors (src/main.rs, src/error.rs)

error-line = error: {$message}
error-mapping-read = cannot read mapping file '{$path}': {$source}. Check the path, or run without --mapping
error-mapping-invalid = mapping file '{$path}' is not valid: {$message}
    See mappings/README.md for every key, with a commented example
error-bad-selector = mapping file '{$path}'{$at}: key '{$key}' has a bad CSS selector {$selector}: {$problem}. Correct it (selectors look like 'div.content', '#title' or 'td > a') and check the file again with `sitelift check-mapping`
error-bad-pattern = mapping file '{$path}'{$at}: key '{$key}' has a bad regular expression {$pattern}: {$problem}. Correct it (put '\' before . ( ) [ ] {"{"} * + ? | to match them as plain text) and check the file again with `sitelift check-mapping`
error-unknown-encoding = unknown encoding label '{$label}': use a WHATWG label such as utf-8, gbk, gb18030, big5, shift_jis
error-bad-base-url = '{$url}' is not an absolute http(s) URL: give a base URL such as http://www.example.org.cn/
error-input = input '{$path}' does not exist or cannot be read: {$source}
error-output = cannot write output '{$path}': {$message}. Check the folder exists and is writable
error-output-folder-missing = cannot write output '{$path}': the folder '{$dir}' does not exist. Check the folder exists and is writable
error-output-temp-file = cannot write output '{$path}': cannot create a temporary file in '{$dir}': {$source}. Check the folder exists and is writable
error-stdout-closed = stdout was closed by the reading process (broken pipe)
error-job-locked = job '{$dir}' is in use by another sitelift process (lock file '{$dir}/job.lock' is held); wait for it to finish or stop it, or give another --job folder
error-job-running = job '{$dir}' is still being written by a running sitelift (crawl, run or extract --job holds '{$dir}/job.lock'); export it when that run has finished, or stop it first (Ctrl-C)
error-job = cannot use job folder '{$dir}': {$message}
error-bad-start-url = '{$url}' is not an http(s) URL to crawl: give a full URL such as http://www.example.org.cn/
error-missing-scheme = '{$input}' is not a file or folder, and as a URL it lacks its scheme: write http://{$input} (or https://{$input}) to crawl it
error-no-start-urls = nothing to crawl: give start URLs on the command line or in the mapping's crawl.start_urls (or a --job folder that already has queued pages)
error-bad-url-pattern = {$flag} {$pattern} is not a valid regular expression: {$problem}. Patterns are regexes matched anywhere in the full URL: '/news/' or '\.pdf$' (put '\' before . ( ) [ ] ? * + to match them as plain text)
error-http-client = cannot start the HTTP client: {$message}
error-runtime = cannot start the crawler's network runtime (its worker threads and network event queue): {$source}. The system refused what it needs: check the limits on open files and processes (`ulimit -n`, `ulimit -u`) and the free memory, then run the same command again
error-fetch-task-died = the crawl stopped: the task fetching {$url} ended unexpectedly ({$cause}). Nothing is lost: every page fetched and every record extracted so far is saved in the job '{$job}'; run the same command again (without --fresh) to resume, and the pages already stored are skipped. It is a bug: if it happens again, run with -vv and report the log
fetch-task-panicked = it panicked: "{$message}"
fetch-task-cancelled = it was cancelled
error-report = cannot build the report: {$message}
error-seconds = '{$value}' is not a number of seconds (0 or more, e.g. 30 or 0.5)
error-export-invalid = '{$path}' is not a sitelift export that can be read: {$message}. Give the records.jsonl, records.json or records.sqlite that sitelift extract, run or export wrote
export-not-an-export = it is neither a SQLite database nor JSON (an array, or JSON Lines)
export-no-schema = it is a SQLite database without the schema_info table sitelift writes
error-eval-input = cannot read evaluation input '{$path}': {$message}
error-floors-invalid = floors file '{$path}' is not valid: {$message}
    Keys: [labels] title, published, time, author, editor, source, body, attachments_recall, attachments_precision (percent); [trafilatura] precision, recall, f1 (0–1)
error-sqlite = SQLite error on '{$path}': {$source}
error-diff-input = cannot read '{$path}' for diff: {$message}. diff reads JSON, JSON Lines and SQLite exports, or a folder of *.expected.json files
error-unknown-field = unknown record field '{$field}': use one of {$fields} (nested: encoding.used, provenance.title, …)
error-link-map = link map '{$source}': {$message}
error-spool = the site model's spool file in the temporary folder failed: {$message}. Free space in $TMPDIR (or point TMPDIR elsewhere), or run with --no-site-model
link-map-must-start = a template must start with '/' (a path on the new site) or http(s):// (a full URL)
link-map-unclosed = '{"{"}' at '{$rest}' is never closed
link-map-unknown-placeholder = unknown placeholder {"{"}{$name}{"}"}: use {$known}
link-map-needs-id = the template needs {"{id}"} or {"{slug}"}, or every page would get the same path
link-map-cannot-read = cannot read it ({$error}); give a CSV file of old_url,new_path rows or a template such as /articles/{"{id}"}
link-map-row-not-url = row {$row}: '{$url}' is not an absolute http(s) URL
link-map-row-no-path = row {$row}: no new path for {$url}
link-map-row-bad-path = row {$row}: the new path of {$url} is '{$path}', not a path or an http(s) URL; a script or data URL would end up in every link to the page
link-map-row-twice = row {$row}: {$url} is mapped twice ({$before} and {$new})
link-map-attachment-needs = the attachment template needs {"{name}"} or {"{sha256}"}
link-map-both-move = {$other} and {$url} would both move to {$new}; add {"{id}"} to the template or fix the CSV
link-map-quote-unclosed = line {$line}: a quoted field is never closed
export-stored-unreadable = the stored record of {$url} is unreadable ({$error}); run `sitelift extract --job` again
qa-floors-unreadable = {$error}; pass --floors FILE, or --no-floors to report without a gate
qa-page-file = {$error} (page files are relative to the labels file's folder unless --pages is given)
qa-not-read-by-run = the folder run did not read this page (is it an HTML page with a known extension?)
qa-devset-pages-missing = the pages folder of the dev set is missing (the shared corpus is read from beside the repository)
qa-devset-not-manifest = not a dev set manifest (see eval/devset/devset.toml): {$error}
qa-bless-export-only = an export can only be blessed from another export, not from fixture files
qa-report-temp-file = cannot write a temporary file ({$error}); check the space in the temp folder

## What is wrong with a job folder (src/job/mod.rs), inside error-job

job-no-db = no job.sqlite in it; give the folder a crawl or run wrote (--job or run --out)
job-schema-version = it was written with job schema version {$found}, this sitelift uses {$expected}; use the sitelift that wrote it, or start over with --fresh
job-damaged = job.sqlite is damaged ({$problems}); its pages and records cannot be trusted. Keep a copy, then either salvage what is readable (`sqlite3 {$db} .recover | sqlite3 {$dir}/recovered.sqlite`, move recovered.sqlite to job.sqlite, run the crawl again to fetch what is missing) or start the job over with --fresh

## Value names in `--help`, the usage line and clap's errors (src/help.rs): as src/cli.rs spells them (a test
## checks), and the usage line's tag for any option

help-usage-options = [OPTIONS]
value-name-command = COMMAND
value-name-input = INPUT
value-name-file = FILE
value-name-file-toml = FILE.toml
value-name-dir = DIR
value-name-path = PATH
value-name-url = URL
value-name-url-path = URL|PATH
value-name-export = EXPORT
value-name-out = OUT
value-name-page = PAGE
value-name-mapping = MAPPING
value-name-expected = EXPECTED
value-name-actual = ACTUAL
value-name-field = FIELD
value-name-format = FORMAT
value-name-label = LABEL
value-name-lang = LANG
value-name-shell = SHELL
value-name-part = PART
value-name-substring = SUBSTRING
value-name-template = TEMPLATE
value-name-template-csv = TEMPLATE|CSV
value-name-text = TEXT
value-name-regex = REGEX
value-name-n = N
value-name-secs = SECS
value-name-ms = MS
value-name-mb = MB

## `--help` (src/help.rs): clap's headings, then the texts of src/cli.rs, which these must equal (a test checks)

help-usage = Usage: {"{"}usage{"}"}
help-options = Options
help-arguments = Arguments
help-flag-help = Print help
help-flag-version = Print version
help-commands = Commands
help-about = Lift articles out of legacy Chinese institutional websites into clean records
help-verbose = More log output on stderr (-v: decisions, -vv: details, -vvv: body candidates and their scores)
help-quiet = No progress and no summary (a run that exits 1 still says why, in one line)
help-progress-interval = When stderr is not a terminal (a pipe, a log file): seconds between two plain progress lines (pages done, rate, queue, failures, ETA)
help-lang = Interface language: zh (简体中文) or en [default: zh when LC_ALL, LC_MESSAGES or LANG is zh_*, or on Windows the UI language is Chinese; else en]
help-about-extract = Extract records from HTML files or local mirrors (folders are read recursively)
help-mapping = Site mapping file (TOML, see mappings/README.md)
help-base-url = Public URL of the input folder (or of the file's folder), to make links absolute
help-encoding = Force a decoder (WHATWG label: gbk, gb18030, utf-8, big5, …), overriding every declaration
help-all-pages = Export pages that are not articles (lists, indexes) too
help-max-page-size = Refuse pages larger than this many megabytes
help-extract-format = Output format; by default taken from --out's extension (.sqlite/.db, .json, .jsonl), else jsonl
help-extract-out = Output file (stdout when omitted; required for sqlite)
help-extract-job = Re-extract the pages stored in this crawl job (no network) instead of reading files
help-extract-summary = Also write the run's summary as JSON to this file: counts, fill rates, and every skipped and failed page with its reason
help-extract-inputs = HTML files or folders
help-about-crawl = Crawl a live site into a job folder, politely; running it again resumes the job
help-fresh = Forget the job's state and start over
help-limit = Extract at most N records in this run (a trial run); the same command again extracts the next N
help-update = Fetch every page again (conditional requests) and re-export only the records that changed
help-ignore-robots = Do not read or obey robots.txt (logged)
help-download-attachments = Download attachments into the job's attachments/ folder
help-delay-ms = Milliseconds between two requests to one host [default: 250]
help-concurrency = Requests at once to one host [default: 2]
help-timeout-ms = Timeout of a whole request, in milliseconds [default: 30000]
help-connect-timeout-ms = Connect timeout, in milliseconds [default: 10000]
help-retries = Retries on timeouts, connection errors, 429 and 5xx [default: 3]
help-retry-base-ms = First retry backoff in milliseconds, doubled each retry, with jitter [default: 500]
help-max-retry-wait-ms = Longest wait before a retry, in milliseconds; a host whose Retry-After asks for more is paused until the next run [default: 120000]
help-max-host-errors = Circuit breaker: 429/5xx responses in a row that pause a host until the next run (0: never) [default: 10]
help-max-redirects = Redirects followed per URL [default: 10]
help-max-decoded-mb = Largest decoded (decompressed) page, in megabytes; larger responses are cut off [default: 20]
help-max-attachment-mb = Largest attachment, in megabytes [default: 200]
help-user-agent = User-Agent header [default: sitelift/VERSION (archival crawler …)]
help-include = Scope: only fetch URLs matching this regex (repeatable; any one matches), e.g. '/xwzx/'. Matched anywhere in the full URL; start URLs are always fetched. Added to the mapping's crawl.include
help-exclude = Scope: never fetch URLs matching this regex (repeatable), e.g. '/print/' or '\.pdf$'. Wins over --include; added to the mapping's crawl.exclude
help-no-parent = Scope: only fetch URLs under a start URL's folder (http://host/news/index.html → http://host/news/…)
help-max-pages = Fetch at most N pages in this run (fetched or failed); the rest stay queued for the next run
help-max-depth = Trap limit: links away from a start URL; the next pages of a list (下一页) do not count [default: 30]
help-max-list-pages = Trap limit: pages of one list reached through its pager (下一页, 尾页, page numbers) [default: 2000]
help-max-path-variants = Trap limit: differently named paths under one folder, digits aside (tokens or session ids in the path) [default: 1000]
help-max-pages-per-host = Trap limit: URLs queued per host [default: 100000]
help-max-pages-per-pattern = Trap limit: pages whose URLs differ only in digits [default: 100000]
help-max-query-variants = Trap limit: query strings on one path [default: 1000]
help-crawl-job = The job folder (created if missing; resumed if it exists)
help-crawl-urls = Start URLs (default: the mapping's crawl.start_urls, or the job's)
help-about-run = Crawl a site (or read a mirror), extract and export to a folder: records.sqlite, records.jsonl and summary.json (the run's figures, every skipped and failed page with its reason)
help-run-out = Output folder: records.sqlite, records.jsonl, summary.json, attachments.jsonl (and the job, unless --job)
help-run-job = The job folder [default: the --out folder]
help-run-inputs = Start URLs to crawl, or local files / mirror folders to read
help-about-status = A job's accounting: pages by state, failures by reason, records, fill rates, elapsed time and rate
help-status-job = The job folder
help-status-json = Print the status as JSON
help-about-report = One self-contained HTML page (or JSON figures) for QA: fill rates, distributions, skipped and failed pages, the encoding audit and a searchable table of every record
help-report-job = A crawl job folder: records, skipped and failed pages, attachments
help-report-input = An export (JSON, JSON Lines or SQLite) instead of a job
help-report-html = Write the HTML report here
help-report-format = Also print the figures as JSON (to stdout, or to --json-out); `json` is the only format
help-report-json-out = Write the JSON figures to this file instead of stdout
help-about-export = Export a job for the new platform: records with links rewritten to their new paths, redirect maps (CSV, nginx, Apache), unresolved links and the attachment files
help-export-job = The crawl job folder to export
help-export-out = Output folder: records.jsonl, records.sqlite, redirects.*, unresolved-links.csv, attachments/
help-export-link-map = New location of each migrated page: a template such as `/articles/{"{"}yyyy{"}"}/{"{"}id{"}"}` (placeholders {"{"}id{"}"} {"{"}slug{"}"} {"{"}yyyy{"}"} {"{"}mm{"}"} {"{"}dd{"}"}) or a CSV file of `old_url,new_path` rows
help-export-attachment-map = New location of each downloaded attachment: a template with {"{"}name{"}"} (the stored file name), {"{"}sha256{"}"}, {"{"}ext{"}"}
help-no-site-model = Extract every page on its own: no site model (no template grouping, no second pass)
help-default = [default: {$value}]
help-possible-values = [possible values: {$values}]
help-about-help = Print this message or the help of the given subcommand(s)
help-help-subcommand = Print help for the subcommand(s)
help-about-check-mapping = Validate a mapping file; with --page, show what it extracts from a page, field by field
help-check-mapping-mapping = The mapping file to validate
help-check-mapping-page = A page to run the mapping on
help-check-mapping-base-url = Public URL of the page (default: the mapping's site.base_url + the page's file name)
help-check-mapping-json = Print the record as JSON instead of the field table
help-about-eval = Measure extraction: the dev set (tune and check parts), hand-labelled pages, or trafilatura's benchmark. Exits 1 when a score is below its floor (eval/floors.toml), 2 when an input cannot be read
help-eval-devset = The dev set (eval/devset/devset.toml, or its folder): tune and check parts scored side by side, with the page-kind confusion and the body benchmark of each
help-eval-part = With --devset: only this part (its misses are then listed too)
help-eval-labels = Hand labels (labels.json; format in the corpus README): score every field on every labelled page
help-eval-kinds = With --labels: hand kind labels (kinds.json: page → article / non-article) to score which pages the default run keeps and skips
help-eval-all-pages = Score a run that exports non-articles too (the default scores the default run, which skips them, so a dropped article costs all its fields)
help-eval-trafilatura = trafilatura's evaldata.json: score body text with trafilatura's benchmark method
help-eval-pages = Folder of the pages (default: the folder of the labels or evaldata file)
help-eval-mapping = Run with this site mapping file
help-eval-site-model = With --devset: extract every page of each dev page's folder in one run with the site model, and score the dev pages from that run (each page has its siblings, as in a run over the whole site)
help-eval-records = With --devset: score the dev pages from these exported records (a run's or a job's records.jsonl, .json or .sqlite: a crawl's, say) instead of extracting them. A record is a dev page's when its URL or source path ends with the page's file name; only the folders some record comes from are scored, and their dev pages without a record count as not exported
help-eval-files = Only pages whose file name contains this text (e.g. a site's folder, to evaluate its mapping). Several substrings, comma-separated or with the flag repeated, select the pages that contain any of them
help-eval-json = Also write the figures and misses as JSON to this file
help-eval-floors = Floors file (default eval/floors.toml; not applied by default to --files, --mapping or --records runs)
help-eval-no-floors = Report the scores without the regression gate
help-eval-misses = Print at most this many misses
help-about-diff = Compare two sets of records (exports or fixture folders) field by field. Exits 0 when equal, 1 when they differ, 2 when an input cannot be read
help-diff-expected = The expected records: a JSON, JSON Lines or SQLite export, or a folder of *.expected.json fixtures
help-diff-actual = The actual records, in any of the same forms
help-diff-ignore = Leave a field out of the comparison (repeatable; `encoding.replacements` names a sub-field)
help-diff-normalize-whitespace = Count every run of whitespace (U+3000 and U+00A0 too) as one space, and ignore it at the ends
help-diff-format = Print text for people or JSON for machines
help-diff-bless = Rewrite EXPECTED from ACTUAL (fixtures: only the fields each file has; an export: all of it)
help-about-completions = Print the shell completion script for bash, zsh, fish or PowerShell (stdout, or --out FILE)
help-completions-shell = The shell to complete for
help-completions-out = Write the script to this file (UTF-8) instead of stdout
help-about-man = Write the manual page generated from this command line: sitelift.1 on stdout, or with --dir one page per command (sitelift.1, sitelift-run.1, …) into a folder, for packagers
help-man-dir = Write sitelift.1 and one page per command into this folder (created if missing) instead of printing sitelift.1 on stdout
help-about-mapping = Write a site mapping for review: `mapping draft` learns the site model and turns each template's places into selectors
help-about-mapping-draft = Draft a mapping from the site model of a job or of files: per template the selectors for title, meta line, body and breadcrumb, the repeated blocks to remove and the page-kind rules, commented with each template's page count and sample pages
help-mapping-draft-job = Learn from the pages stored in this job (no network)
help-mapping-draft-out = Write the mapping here (TOML)
help-mapping-draft-base-url = Public URL of the input folder, to make links absolute (as for extract)
help-mapping-draft-encoding = Force a decoder (WHATWG label: gbk, gb18030, utf-8, big5, …)
help-mapping-draft-inputs = HTML files or folders (a whole site or mirror: templates need at least 5 pages)

## clap's usage errors (src/help.rs; English prints clap's own text, which these follow)

clap-unknown-argument = unexpected argument '{$arg}' found
clap-invalid-value = invalid value '{$value}' for '{$arg}'
clap-value-validation = invalid value '{$value}' for '{$arg}': {$reason}
clap-missing-required = the following required arguments were not provided: {$arg}
clap-invalid-subcommand = unrecognized subcommand '{$command}'
clap-missing-subcommand = a subcommand is required but one was not provided ({$commands})
clap-conflict = the argument '{$arg}' cannot be used with '{$prior}'
clap-wrong-values = wrong number of values for '{$arg}'
clap-possible-values = [possible values: {$values}]
clap-suggest = tip: a similar one exists: {$suggestion}
clap-tip = tip: {$tip}
clap-value-required = a value is required for '{$arg}' but none was supplied
clap-used-twice = the argument '{$arg}' cannot be used multiple times
clap-number-too-large = number too large
clap-number-too-small = number too small
clap-not-a-whole-number = not a whole number
clap-not-a-number = not a number
clap-tip-as-value = tip: to pass '{$arg}' as a value, use '-- {$arg}'
clap-tip-remove-dashes = tip: subcommand '{$arg}' exists; to use it, remove the '--' before it
clap-try-help = For more information, try '--help'.

## The HTML report (src/qa/report/html.rs)

report-card-records = records
report-card-pages-skipped = pages skipped
report-card-pages-failed = pages failed
report-card-attachments-downloaded = attachments downloaded
report-card-crawl-time = crawl time
report-card-warnings = warnings
report-card-pages-with-u-fffd = pages with U+FFFD
report-card-links-not-migrated = links not migrated
report-h-summary = Run summary
report-h-fields = Fields
report-h-values = Values
report-h-pages = Pages not exported
report-h-encoding = Encoding audit
report-h-links = Links to pages not migrated
report-title = sitelift report
report-subtitle = {$source} · {$records} records · generated {$when}
report-source-job = job {$path}
report-source-export = export {$path}
report-when = {$http}
report-nav-summary = summary
report-nav-fields = fields
report-nav-values = values
report-nav-pages = pages not exported
report-nav-encoding = encoding
report-nav-links = links
report-nav-records = records
report-h-records = Records
report-filter = filter: title, URL, date, source, author, category… (筛选)
report-prev = ← previous
report-next = next →
report-noscript = The record table needs JavaScript; the figures above do not.
report-seconds = {$secs} s
report-no-records = no records
report-per-year-label = records per year
report-undated = undated
report-none = none
report-more = … and {$n} more
report-h-templates = Templates (site model)
report-templates-intro = {$templates} template(s) of at least {$min} pages cover {$modelled} of {$pages} pages; the model changed {$changed} page(s) (repeated blocks left out of bodies, fields taken from the template's place, kinds made the template's).
report-th-template = template
report-th-pages = pages
report-th-kind = kind
report-th-records = records
report-th-fill-rate = fill rate
report-th-examples = e.g.
report-th-anomalies = anomalies
report-anomaly-missing-field = records missing a field their siblings have
report-anomaly-repeated-in-body = bodies still holding a repeated block
report-anomaly-kind-differs = pages whose kind differs from the template's
report-n-pages = {$n} pages
report-n-pages-of = {$n} page(s)
report-stripped-blocks = repeated blocks left out of bodies
report-th-field = field
report-th-produced-by = produced by
report-h-per-year = Published, per year
report-top-sources = Top sources (来源)
report-top-authors = Top authors (作者)
report-top-editors = Top editors (编辑)
report-h-categories = Categories
report-no-category = no record has a category
report-export-only = an export holds records only: run the report on the job (--job DIR) to see skipped and failed pages
report-h-failed = Failed
report-h-skipped = Skipped
report-h-warnings = Record warnings
report-th-declared = declared
report-th-used = used
report-th-chosen-by = chosen by
report-mismatch = the declaration names another encoding
report-encoding-totals = {$mismatched} record(s) declared another encoding than the one used; {$records} record(s) hold {$chars} replacement character(s) (U+FFFD).
report-links-all-resolved = every link on the migrated hosts points at a migrated page or attachment
report-links-intro = {$links} link(s) in record bodies point at {$targets} page(s) or file(s) of the old site that are not among the records; they are kept as they are.
report-th-link = link
report-th-links = links
report-th-example-on = e.g. on
report-th-why = why
report-js-shown = {$matching} of {$total} records
report-js-showing = , showing {$from}–{$to}
report-js-page = page {$page} of {$pages}
report-js-encoding = declared {$declared}, used {$used} (by {$by}), {$replacements} replacement character(s)
report-js-nothing = nothing
report-replacements = {$n} replacement character(s); declared {$declared}, decoded as {$used} ({$by})
report-js-no-alt = (no alt)
report-js-image = [image]
report-js-body = Body (sanitized)

## Record fields, as summaries, status, diff and the report name them (the JSON keys stay as they are)

field-id = id
field-url = url
field-source-path = source_path
field-title = title
field-published = published
field-author = author
field-editor = editor
field-source = source
field-category = category
field-body-html = body_html
field-body-text = body_text
field-attachments = attachments
field-images = images
field-encoding = encoding
field-provenance = provenance
field-content-hash = content_hash
field-warnings = warnings
field-body = body
rule-family-generic = generic
rule-family-mapping = mapping
rule-family-pattern = pattern
rule-family-site-model = site-model

## The step that chose a page's encoding (record.encoding.by: the stored word, shown in the report and
## check-mapping)
decoded-by-override = override
decoded-by-bom = bom
decoded-by-header = header
decoded-by-meta = meta
decoded-by-utf8 = utf8
decoded-by-detected = detected

## A URL's or an attachment's state in the job (frontier, attachments, outcomes), as the operator reads it
state-queued = queued
state-fetched = fetched
state-failed = failed
state-skipped = skipped
state-done = done
state-extracted = extracted

## Why a link was left pointing at the old site (unresolved-links.csv's reason column, the report's links;
## src/handover/why.rs). $state and $outcome are a state-* word, $detail the stored reason shown localized.
unresolved-attachment-not-downloaded = attachment not downloaded ({$state})
unresolved-attachment-not-downloaded-with = attachment not downloaded ({$state}): {$detail}
unresolved-image = image: the crawl does not download images
unresolved-no-new-path = migrated, but the link map gives it no new path
unresolved-not-migrated = not migrated ({$outcome})
unresolved-not-migrated-with = not migrated ({$outcome}): {$detail}
unresolved-not-fetched = not migrated: {$state}
unresolved-not-fetched-with = not migrated: {$state}: {$detail}
unresolved-attachment-never-downloaded = attachment never downloaded (crawl without --download-attachments?)
unresolved-never-crawled = not migrated: never crawled (out of scope or not linked)
unresolved-not-in-export = not a record of this export
report-link-why = {$kind}: {$why}

## `sitelift diff` (src/qa/diff/render.rs, src/commands/diff.rs)

diff-expected = --- expected {$path} ({$n} records)
diff-actual = +++ actual   {$path} ({$n} records)
diff-missing = missing (expected, not in actual): {$n}
diff-extra = extra (in actual, not expected): {$n}
diff-not-skipped-list = not skipped (the fixture says _skipped, the page has a record): {$n}
diff-case-mapping = (this case needs --mapping {$mapping}: its fixture's _mapping directive)
diff-field = {$field}
diff-text-differs = {$field}: text differs
diff-side-expected = expected
diff-side-actual = actual
diff-totals = {$compared} compared: {$equal} equal, {$differ} differ; {$missing} missing, {$extra} extra{$not_skipped}
diff-not-skipped = , {$n} not skipped
diff-fields = fields that differ (records): {$fields}
diff-needs-mapping = {$n} differing case(s) are extracted with a mapping: extract those pages again with --mapping {$mapping} (their _mapping directive) before comparing
diff-equal = equal
diff-blessed = blessed: {$records} record(s) updated, {$files} file(s) written{$left}
diff-blessed-left = ; {$n} difference(s) left to fix by hand (missing, extra or not-skipped records)
diff-wrote = wrote {$file}

## Why a page has no record (src/outcome.rs, src/job/skips.rs, src/crawl/scope.rs). The English texts equal
## what the job store and the JSON keep (a unit test checks); the summary, `status` and the report show these.

reason-empty-file = empty file
reason-continuation = continuation page: merged into {$first}
reason-list-page = list page: matches crawl.follow, links followed, not exported
reason-internal = internal error while extracting ({$what}); the other pages are unaffected — please report this page
reason-too-large = page too large ({$size} MB, over the {$max} MB limit): raise --max-page-size (MB) to process it
reason-binary = binary content ({$kind}), not an HTML page
reason-too-deep = nested too deep (tags about {$depth} levels deep, limit {$limit}): the page is broken or hostile; fix or remove it (parsing and extraction slow down quadratically with depth)
reason-unreadable = cannot read file: {$error}
reason-frameset = frameset page: its content lives in {$count} frame(s) ({$frames}); extract those pages instead
reason-login-page = login page (password form)
reason-error-page = error page (the site says the page or column does not exist)
reason-list-one-pager = list page: one item linking to another page, and a pager
reason-list-linked-pager = list page: {$items} similar items linking to other pages, and a pager
reason-list-linked = list page: {$items} similar items linking to other pages
reason-list-records-pager = list page: {$items} similar records, and a pager
reason-list-records = list page: {$items} similar records
reason-dated-links = list page: {$links} dated links and no article metadata
reason-no-body = no article body found (no block with prose)
reason-no-text = no article text ({$chars} characters in the best block)
reason-person-card = no article text: the body is only a person's card (post, field, contact)
reason-people-table = no article text: the body is only a table of people (name, post, contact)
reason-index-page = index page: {$sections} sections, each with a link to its whole column (更多)
reason-only-metadata = no article text: the body is only its metadata line ({$line})
reason-kinds-url-not-article = mapping: URL matches kinds.not_article {$pattern}
reason-kinds-url-article = mapping: URL matches kinds.article {$pattern}
reason-kinds-has-not-article = mapping: the page has kinds.not_article_selector {$selector}
reason-kinds-has-article = mapping: the page has kinds.article_selector {$selector}
trap-depth = trap limit: depth {$depth} is over max_depth {$max}
trap-pattern = trap limit: more than {$max} pages match the URL pattern {$pattern}
trap-query = trap limit: more than {$max} query variants of {$path}
trap-host = trap limit: {$max} URLs of {$host} are queued or done already (--max-pages-per-host)
trap-path-variants = trap limit: more than {$max} differently named paths under {$folder} (tokens or session ids in the path?); raise --max-path-variants if they are real pages
trap-list-pages = trap limit: more than {$max} pages of the list {$list} reached through its pager (--max-list-pages)
scope-other-host = out of scope
scope-exclude = excluded
scope-not-included = not included
scope-parent = above the start folder
reason-scope-other-host = out of scope: host {$host} is not a start URL's host (nor in crawl.allowed_hosts)
reason-scope-excluded = excluded: matches {$from} {$pattern}
reason-scope-not-included = not included: matches no {$from} pattern
reason-scope-parent = above the start folder: --no-parent keeps the crawl under the start URLs' folders
reason-attachment-other-host = attachment on another host ({$host}): add it to crawl.allowed_hosts to download it
reason-attachment-no-file = cannot create a file under attachments/: {$error}
group-attachment-other-host = attachment on another host
group-attachment-no-file = cannot create a file under attachments/

## Why a URL could not be fetched (src/source/http.rs); the job keeps the English text, the error quoted as it is

fetch-attempts = {$reason} (after {$n} attempts)
fetch-timeout = timeout: no complete response within {$secs} s
fetch-connect = connection failed: cannot connect to {$host} ({$error}); check the address and port, that the site is up (open it in a browser), and any proxy or firewall
fetch-bad-body = bad response body: {$error}
fetch-request = request failed: {$error}
fetch-store = cannot store the response: {$error}
fetch-too-large = too large: more than {$mb} MB after decompression (cut off; a compression bomb?)
fetch-store-file = cannot store the file: {$error}
fetch-halted = not requested: the crawl is stopping or the host is paused
crawl-redirected-again = redirected to {$url} (already fetched)
crawl-redirected = redirected to {$url}
crawl-not-html = not an HTML page (Content-Type {$type})
crawl-robots = robots.txt: {$reason}
crawl-robots-unreachable = robots.txt unreachable ({$reason})
crawl-robots-disallows = robots.txt disallows it
crawl-bad-redirect = bad redirect: HTTP {$status} without a usable Location
crawl-redirect-loop = redirect loop: {$chain}
crawl-too-many-redirects = too many redirects (over {$max}): {$chain}
crawl-redirect-out-of-scope = redirect out of scope: {$from} → {$to}

## Group headings of skips, failures and record warnings ($rest: what follows the words in the group's key)

group-empty-file = empty file
group-continuation = continuation page
group-list-page = list page
group-frameset-page = frameset page
group-login-page = login page
group-error-page = error page
group-no-article-body = no article body found
group-no-article-text = no article text
group-internal = internal error while extracting
group-too-large = page too large
group-body-too-large = too large
group-binary = binary content
group-too-deep = nested too deep
group-unreadable = cannot read file
group-stored-unreadable = stored record unreadable
group-trap-limit = trap limit
group-redirected = redirected to {$rest}
group-unknown = unknown
group-mapping-declared = mapping
group-timeout = timeout
group-connect = connection failed
group-bad-body = bad response body
group-request = request failed
group-store = cannot store the response
group-halted = not requested
group-robots = robots.txt
group-robots-disallows = robots.txt disallows it
group-not-html = not an HTML page
group-bad-redirect = bad redirect
group-redirect-loop = redirect loop
group-too-many-redirects = too many redirects
group-redirect-out-of-scope = redirect out of scope
group-merged-part = merged part {$rest}
group-mapping-selector = mapping selector {$rest}
group-not-an-article = not an article
group-kept-by-model = kept as an article by the site model
group-no-page-url = no page URL
group-mapping-pattern = mapping pattern '{$key}' matched nothing
group-stopped-merging = stopped merging after {$n} parts
group-later-part-missing = later part {$part} is linked but not available
group-later-part-left-out = later part {$part} left out
group-unsafe-link = unsafe link in {$field} dropped
group-undecodable = {$n} characters could not be decoded as {$encoding}

## A record's warnings (src/warnings.rs); the record keeps the English text

warn-mapping-selector = mapping selector '{$key}' ({$selector}) matched nothing; the generic rule was used
warn-mapping-pattern = mapping pattern '{$key}' matched nothing; the generic rule was used
warn-not-an-article = not an article ({$reason}); exported because of --all-pages
warn-stopped-merging = stopped merging after {$n} parts
warn-later-part-missing = later part {$part} is linked but not available; the record has the parts found
warn-later-part-left-out = later part {$part} left out: {$reason}
warn-merged-part = merged part {$part}
warn-unsafe-link = unsafe link in {$field} dropped: '{$link}' (only http(s) and relative links are kept)
warn-no-page-url = no page URL: relative links kept as written; pass --base-url or set site.base_url in the mapping
warn-undecodable = {$n} characters could not be decoded as {$encoding} (U+FFFD); check the page encoding or pass --encoding
warn-kept-by-model = kept as an article by the site model: {$articles} of the {$pages} pages of template {$template} are articles (alone, the page looked like: {$reason})

## `sitelift check-mapping` (src/commands/check_mapping.rs)

cm-ok = mapping OK: {$path}
cm-site = site
cm-selector = selector {$css}
cm-generic = (generic)
cm-pattern = pattern  {$re}
cm-remove = {$n} selector(s)
cm-page-mapping = mapping  {$path}: ok
cm-page = page     {$path}
cm-page-skipped = page skipped: {$reason}
cm-page-failed = page failed: {$reason}
cm-selectors = selectors:
cm-matches = ({$n} { $n ->
    [one] match
   *[other] matches
})
cm-matches-nothing = <- matches nothing: generic fallback
cm-fields = fields:
cm-null = null
cm-none = none
cm-field-body = body
cm-body = {$chars} characters, {$paragraphs} paragraphs
cm-first = first
cm-last = last
cm-encoding = declared {$declared}, used {$used} (by {$by}), {$n} replacement(s)
cm-warning = warning: {$warning}

## `sitelift eval`: headings, tables and floors (src/commands/eval.rs, src/qa)

eval-labels-heading = labels {$path} — {$n} page(s)
eval-devset-heading = dev set {$manifest} (seed {$seed}; sets: {$sets})
eval-benchmark-heading = trafilatura benchmark {$path}
eval-part-heading = {$part} part:
eval-part-tune = tune
eval-part-check = check
eval-part-pages = {$part} ({$n} pages)
eval-th-field = field
eval-th-right = right
eval-th-total = total
eval-body-unlabelled = ({$n} page(s) without a body label, not scored for body)
eval-no-record = no record for {$page}: {$reason}
eval-outcome-skipped = skipped: {$reason}
eval-outcome-failed = failed: {$reason}
eval-articles-dropped = articles dropped
eval-non-articles-exported = non-articles exported
eval-n-of = {$n} of {$total}
eval-benchmark-f1 = benchmark body F1
eval-f1-pages = {$f1} ({$n} pages)
eval-bench-counts = pages {$pages}   TP {$tp}  FN {$fn_}  FP {$fp}  TN {$tn}
eval-bench-scores = precision {$precision}   recall {$recall}   F1 {$f1}   accuracy {$accuracy}
eval-bench-pages = {$empty} page(s) without body text, {$failed} failed; {$secs} s, {$rate} pages/s
eval-bench-failed = failed {$page}: {$reason}
eval-kinds = page kinds: {$articles} article(s), {$dropped} dropped; {$non_articles} non-article(s), {$exported} exported
eval-article-dropped = article dropped  {$page}  ({$outcome})
eval-non-article-exported = non-article exported  {$page}  (record titled «{$title}»; labelled: {$label})
eval-breach-percent = {$name} {$value}% is below its floor of {$floor}%
eval-breach = {$name} {$value} is below its floor of {$floor}
score-title = title
score-published = published
score-time = time
score-author = author
score-editor = editor
score-source = source
score-body = body
score-attachments-recall = attachments_recall
score-attachments-precision = attachments_precision

## A library's words inside an error (src/error.rs Detail, src/i18n/os.rs): in English the library's words as
## they are; in another language what went wrong and what to do, the library's words kept after that

mapping-unknown-key = unknown key '{$key}' at line {$line}, column {$column}; known keys: {$keys}
mapping-base-url = key 'site.base_url' = {$value} is not an absolute URL ({$detail})
mapping-timezone = key 'site.timezone' = {$value} is not an offset like "+08:00" or a zone like "Asia/Shanghai"
mapping-encoding = key 'site.encoding': unknown encoding label '{$label}': use a WHATWG label such as utf-8, gbk, gb18030, big5, shift_jis
mapping-toml-trap-line = '{$key}' (line {$line}) is read as '{$table}.{$key-in-table}': in TOML every key after a [{$header}] header belongs to that table. '{$top-key}' is a top-level key: move it above the first [table] header
mapping-toml-trap = '{$key}' is read as '{$table}.{$key-in-table}': in TOML every key after a [{$header}] header belongs to that table. '{$top-key}' is a top-level key: move it above the first [table] header
mapping-at-line = , line {$line}
detail-with-words = {$words}
detail-toml = {$text}
detail-toml-anywhere = {$text}
detail-json-syntax = {$text}
detail-json-eof = {$text}
detail-json-data = {$text}
detail-json-io = {$text}
sqlite-not-a-database = not a SQLite database
sqlite-corrupt = the database is damaged
sqlite-busy = the database is in use by another program
sqlite-read-only = the database cannot be written
sqlite-cannot-open = the database cannot be opened
sqlite-disk-full = the disk is full
sqlite-permission-denied = permission denied
sqlite-io-failure = reading or writing the disk failed

## Operating-system errors (src/i18n/os.rs): English shows Rust's own text; these are the kinds' names.

os-error-with-code = {$message} (os error {$code})
os-error-in-system-words = {$words}

os-error-not-found = no such file or directory
os-error-permission-denied = permission denied
os-error-already-exists = already exists
os-error-is-a-directory = is a directory
os-error-not-a-directory = not a directory
os-error-directory-not-empty = directory not empty
os-error-read-only-filesystem = read-only file system
os-error-storage-full = no space left on device
os-error-quota-exceeded = disk quota exceeded
os-error-file-too-large = file too large
os-error-resource-busy = resource busy
os-error-crosses-devices = cross-device link or rename
os-error-too-many-links = too many links
os-error-invalid-filename = invalid file name
os-error-connection-refused = connection refused
os-error-connection-reset = connection reset by peer
os-error-connection-aborted = connection aborted
os-error-not-connected = not connected
os-error-host-unreachable = host unreachable
os-error-network-unreachable = network unreachable
os-error-network-down = network down
os-error-addr-in-use = address already in use
os-error-addr-not-available = address not available
os-error-timed-out = timed out
os-error-broken-pipe = broken pipe
os-error-would-block = operation would block
os-error-interrupted = operation interrupted
os-error-invalid-input = invalid argument
os-error-invalid-data = invalid data
os-error-unexpected-eof = unexpected end of file
os-error-write-zero = write zero
os-error-unsupported = operation not supported
os-error-out-of-memory = out of memory

## HTTP status reasons (src/source/http.rs): the stored reason is `HTTP 404 Not Found`; shown with these words.

http-status = HTTP {$code} {$reason}
http-reason-400 = Bad Request
http-reason-401 = Unauthorized
http-reason-403 = Forbidden
http-reason-404 = Not Found
http-reason-405 = Method Not Allowed
http-reason-408 = Request Timeout
http-reason-410 = Gone
http-reason-429 = Too Many Requests
http-reason-500 = Internal Server Error
http-reason-502 = Bad Gateway
http-reason-503 = Service Unavailable
http-reason-504 = Gateway Timeout
# Another status: its standard English name (`$class` is client, server or other).
http-reason-other = {$canonical}
