# sitelift 的简体中文界面。每条消息都必须在 locales/en/sitelift.ftl 中有对应的英文（src/i18n.rs 的单元测试会检查）。
# 网址、文件名、参数名（如 --out）保持原样，不翻译。

## Units and words shared by several messages

unit-pages = 个页面
progress-eta = 剩余时间
progress-eta-unknown = 未知

## Progress (src/progress.rs)

progress-files-line = 进度 {$elapsed}：已处理 {$done}/{$total} 个页面，每秒 {$rate} 个页面，失败 {$failed} 个，剩余时间 {$eta}
progress-crawl-bar = （每秒 {$rate} 个页面，剩余时间 {$eta}）失败 {$failed} 个，未跟进 {$skipped} 个，记录 {$records} 条，进行中 {$in_flight} 个
progress-crawl-line = 进度 {$elapsed}：本次已处理 {$done} 个页面（抓取 {$fetched} 个，失败 {$failed} 个），每秒 {$rate} 个页面，队列中 {$queued} 个，进行中 {$in_flight} 个，记录 {$records} 条，未跟进的链接 {$skipped} 个，剩余时间 {$eta}

## The closing summary (src/summary.rs)

summary-time = ，用时 {$secs} 秒（每秒 {$rate} 个页面）
summary-pages = 已读取 {$pages} 个页面{$time}：记录 {$records} 条（新增 {$new}，更新 {$updated}，未变 {$unchanged}），已跳过 {$skipped} 个，失败 {$failed} 个
summary-crawl = 抓取：{$fetch_failed} 个网址无法抓取，{$not_fetched} 个链接未跟进（范围、robots.txt、陷阱限制）；均列于下方
summary-skipped = 已跳过：
summary-failed = 失败：
summary-more = …… 另有 {$n} 个（所有页面都在 JSON 摘要中）
summary-not-articles = {$n} 个页面不是文章，因此未导出；如需一并导出，请加 --all-pages 重新运行
summary-fill-rate = {$records} 条记录的字段填充率：
summary-rules = 规则：{$rules}
summary-warnings = 警告：{$total} 条

## After a crawl or run (src/commands)

run-this-run = 本次运行：抓取 {$fetched} 个页面，失败 {$failed} 个，用时 {$elapsed}（每秒 {$rate} 个页面），在这些页面上发现 {$links} 个链接；任务 {$job}：{$not_followed} 个链接未跟进，{$queued} 个网址仍在队列中
run-output = 输出：{$out}（records.sqlite、records.jsonl、summary.json）
run-traps = 触发陷阱限制：拒绝了 {$n} 个网址（列于“已跳过：陷阱限制”下）
run-attachments = 附件：已下载 {$done} 个，失败 {$failed} 个（下次运行时重试），已跳过 {$skipped} 个
run-quiet-failed = {$n} 个网址失败：见 {$summary} 以及 `sitelift status --job {$job}`；其余已导出
run-mixed-inputs = 请只给出要抓取的网址，或只给出要读取的本地路径，不能两者混用
crawl-export-with = 导出方法：sitelift run --job {$job} --out DIR（或 extract --job）
crawl-quiet-failed = {$n} 个网址失败：`sitelift status --job {$job}` 会列出它们及失败原因
crawl-failed-start = 无法抓取：一个页面也没有抓取到（{$why}）。未保留任务；请在网站恢复响应后重新运行同一命令
crawl-interrupted = 已中断：任务已保存；重新运行同一命令即可继续
crawl-host-paused = 主机 {$host} 在本次运行中已暂停：{$why}；它的网址仍在队列中：稍后重新运行同一命令即可继续
mirror-files = 镜像：读取 {$files} 个文件：新增 {$new}，有变化 {$changed}，未变 {$unchanged}（不再重复导入），失败 {$failed}
mirror-duplicates = ，{$n} 个与先前文件的网址相同（未导入）
mirror-extracted = {$line}；用时 {$secs} 秒提取了 {$pages} 个页面；任务 {$job}
mirror-limit = 已达到 --limit {$limit}：还有 {$left} 个页面尚未提取；去掉 --limit 重新运行即可提取
mirror-left = 还有 {$left} 个页面尚未提取：重新运行即可提取
mirror-quiet-failed = {$n} 个页面失败：见 {$summary}；其余已导出
crawl-second-interrupt = 第二次中断：立即退出（任务数据是一致的；重新运行即可继续）
crawl-interrupting = 已中断：正在完成进行中的请求，然后停止（再中断一次可立即退出）
crawl-limit-reached = 已达到 --limit {$limit}：不再抓取新页面
crawl-max-pages-reached = 已达到 --max-pages {$max}：不再抓取新页面；队列中的页面等下次运行
mirror-no-downloads = 注意：--download-attachments 只用于抓取；不会下载镜像中的文件

## Why a host was paused (src/source/politeness.rs), inside crawl-host-paused and log-host-paused

pause-host-errors = 连续 {$n} 个响应都是 429（请求过多）或 5xx 服务器错误
pause-retry-after = 它要求等待 {$asked} 秒（Retry-After），超过了 --max-retry-wait-ms 允许的 {$max} 秒

## Log lines on stderr (src/logging.rs: the level words; the warnings where they are raised)

log-level-error = 错误
log-level-warn = 警告
log-level-info = 信息
log-level-debug = 调试
log-level-trace = 跟踪
log-host-paused = 主机 {$host} 在本次运行中已暂停：{$why}；它的网址留在队列中，等下次运行
log-trap-limit = {$reason}；之后类似的网址都会跳过（见 `sitelift status`）
log-ignore-robots = --ignore-robots：本次运行不读取也不遵守 robots.txt
log-interrupted = 已中断；正在完成进行中的请求（还有 {$in_flight} 个）
log-robots-unreachable = 无法获取 robots.txt：本次运行不抓取该主机（{$url}：{$why}）
log-left-mid-update = {$path} 被一次中途停止的 sitelift 运行留在了更新中途（未完成的更新在 {$journal} 中）；现在读取它最后一次完整的状态。再次运行写入它的命令即可完成更新
# With -v, a crawl's decisions (info). English keeps the layout tracing gave these lines (message, then key=value).
log-get = 请求 {$url}（第 {$attempt} 次）
log-retrying = {$wait_ms} 毫秒后重试 {$url}（第 {$attempt} 次失败：{$error}）
log-requeued = 以前运行中失败的 {$requeued} 个网址已重新排队
log-revisits = --update：已抓取的 {$revisits} 个页面全部重新排队
log-partial-removed = 已删除上次中断的抓取留下的未完成下载（{$bytes} 字节）
log-limit-reached = 已达到本次上限（{$limit}）
log-failed = 失败：{$url}：{$error}
log-attachment = 附件 {$url}：{$state} {$error}
log-crawl-delay = robots.txt 要求抓取间隔（Crawl-delay）：{$origin} 每次请求间隔 {$delay_s} 秒
log-robots-read = 已读取 robots.txt：{$url}
log-no-robots = 没有 robots.txt（{$url} 返回 HTTP {$status}）：所有网址都可以抓取
log-skipped = 已跳过 {$url}：{$why}
log-redirect = 重定向（HTTP {$status}）：{$from} → {$to}

no-pages = 在 {$inputs} 中没有找到 HTML 页面：页面的扩展名须为 .html/.htm/.shtml/.asp/.php/.jsp 之类，或内容为 HTML；请检查该文件夹（未写入任何内容）

## extract, export, report, eval and mapping draft (src/commands)

cannot-create-folder = 无法创建文件夹 '{$path}'
cannot-read-page = 无法读取页面 '{$path}'
cannot-write-stdout = 无法写入 stdout
cannot-write = 无法写入 '{$path}'
man-cannot-write = 无法把手册页写入 '{$path}'
man-cannot-render = 无法生成手册页
man-section-name = 名称
man-section-synopsis = 概要
man-section-description = 描述
man-section-options = 选项
man-section-subcommands = 子命令
man-section-extra = 附注
man-section-version = 版本
man-section-authors = 作者
extract-sqlite-needs-out = --format sqlite 需要同时指定 --out 文件（数据库无法输出到 stdout），如 --out out/records.sqlite
extract-reads-files = {$error}；`extract` 只读取本地文件，抓取网站请用 `sitelift run --out DIR 网址`
folder-is-a-file = 无法创建输出文件夹 '{$path}'：'{$file}' 是一个文件，不是文件夹。请换一个 --out 路径，或移走这个文件
extract-create-folder = 无法创建输出文件夹 '{$path}'
extract-output = 输出：{$out}
extract-quiet-failed = {$n} 个页面失败（{$how}）；其余页面的记录已写出
extract-see-which-summary = 去掉 --quiet 或加上 --summary 文件重新运行，即可看到是哪些页面
extract-see-which = 去掉 --quiet 重新运行，即可看到是哪些页面
extract-unknown-extension = --out {$out}：sitelift 不能写 .{$ext} 文件；请使用以 .jsonl（JSON Lines）、.json 或 .sqlite / .db 结尾的文件名，或用 --format jsonl|json|sqlite 指定格式
export-records = 已导出 {$n} 条记录到 {$out}（records.sqlite、records.jsonl）
export-links = 已改写链接：指向已迁移页面的 {$pages} 个，指向附件的 {$attachments} 个；保留外部链接 {$external} 个
export-unresolved = 仍指向旧网站、无法解析的链接：{$n} 个（{$kinds}），已列入 unresolved-links.csv
link-kind-attachment = 附件
link-kind-image = 图片
link-kind-page = 页面
export-not-in-map = {$n} 条记录在 {$map} 中没有新路径（已导出，但没有重定向），例如 {$example}
export-redirects = 重定向：{$n} 条（其中带查询字符串的 {$query} 条），见 redirects.csv、redirects.nginx.conf、redirects.apache.conf
export-attachments = 附件：attachments/ 中有 {$n} 个文件，清单见 attachments-map.csv
report-nothing-to-write = 没有要写的内容：生成网页报告请加 --html 文件，输出统计数据请加 --format json
report-written = 报告：{$records} 条记录 -> {$path}（{$mb} MB），用时 {$secs} 秒
eval-no-input = 请指定 --devset 文件、--labels 文件或 --trafilatura 文件
eval-cannot-write-json = 无法写入 --json 输出 '{$path}'
eval-floors-met = 得分下限（{$path}）：所有得分都达到或高于下限
eval-below-floor = 低于下限（{$path}）：{$breach}
eval-floors-not-applied = 注意：带 --files、--mapping 或 --records 运行时不检查仓库的得分下限；如需检查，请加 --floors 文件
eval-no-floors-file = 注意：当前文件夹下没有 {$path}，得分不做下限检查（可加 --floors 文件）
eval-any-of = 以下任一：{$list}
eval-no-labelled-page = '{$path}' 中没有文件名包含 {$files} 的已标注页面
eval-no-page = '{$path}' 中没有文件名包含 {$files} 的页面
eval-misses-tune-only = （只列出调优部分的错误项；`--part check` 可列出检验部分的错误项，仅供报告，不用于调规则）
eval-misses = 错误项（{$n} 条）：
eval-miss = {$field}：应为「{$expected}」，提取为「{$extracted}」
eval-misses-more = …… 另有 {$n} 条（调大 --misses，或用 --json 全部写出）
mapping-drafted = 映射草稿：从 {$pages} 个页面得到 {$templates} 个模板 -> {$out}；请先审阅，再运行 `sitelift check-mapping {$out} --page 页面` 检查
mapping-too-few = {$what}：不足以形成模板（每个模板至少需要 {$min} 个同一版式的页面）；请提供整个网站或镜像
mapping-job-holds = 任务 {$job} 中只有 {$n} 个页面
mapping-pages-found = 只找到 {$n} 个页面

## A drafted mapping file's comments (src/site/draft.rs, src/site/draft_check.rs). Each line of a message
## becomes a TOML comment line (`# ` before it); the TOML keys and selectors are never translated.

draft-does-not-load = 写出的草稿 '{$path}' 无法作为映射文件加载（这是程序缺陷：请连同该文件一起报告）
draft-header =
    本映射由 `sitelift mapping draft` 根据 {$pages} 个页面起草：{$templates} 个模板（每个至少 {$min} 个页面，
    共覆盖 {$modelled} 个页面）。每个选择器都在其模板的两个样本页面以及其他模板的样本页面上检查过。
    使用前请先审阅：打开样本页面，对每个模板的几个页面运行
      sitelift check-mapping 本文件.toml --page 页面
    并删除不需要的内容。本文件没有写出的字段，或选择器在某页上没有匹配的字段，由通用规则提取。
    正文选择器会取整个容器：请在样本页面上检查正文在哪里结束（其后的相关链接请写进 `remove`）。
draft-checked =
    已与站点模型对全部 {$pages} 个页面的提取结果对照（用本文件提取，共起草 {$rounds} 次）：有 {$left_out} 个
    备选选择器因在某模板超过十分之一的页面上取值与模型不同而未采用；用本文件提取时，
    与站点模型的结果有 {$records} 条记录、{$fields} 个字段不同。
draft-templates = 模板（按页面数从多到少）：
# $id and $kind are padded to columns, $pages right-aligned; $samples are file names or URLs.
draft-template-row = {$id} {$pages} 个页面  {$kind} 示例：{$samples}
draft-body-edges =
    下面的正文容器是通用规则在各模板页面上找到正文的位置；正文在容器内的起止位置
    仍按不用映射文件时的方法确定（写成 "container" 则取整个容器）。
draft-field-generic = {$key}：没有哪个模板把它放在固定位置；由通用规则在每个页面上查找
draft-credits-meta =
    published、author、editor、source：在上面的选择器没有给出时，按标签（发布时间、作者、责任编辑、来源等）
    从信息行（meta）中拆分出来（模板若把某项署名带标签放在单独的元素中，上面会有它的选择器）；
    若某个模板显示它时不带标签，请为它单独写选择器，或在 [patterns] 中加一条。
draft-credits-generic = published、author、editor、source：由通用规则提取（页面头部任意位置的标签）。
draft-attachments =
    attachments、images：由通用规则提取（正文内的文档链接和图片）；附件框在正文之外时，
    请为它加一个选择器。
draft-kinds-not-article = 含有列表模板（{$templates}）列表容器的页面不是文章页。
draft-kinds-article =
    取消下一行的注释，即可把含有文章模板（{$templates}）正文容器的页面都当作文章页保留，
    不论通用规则如何判断（版式像文章的栏目首页和空壳页面也会保留：请先检查它们）。
draft-samples = 检查选择器时用的样本页面：

## The site model in the summary and status (src/site/report.rs)

site-model = 站点模型：{$templates} 个模板（每个至少 {$min} 个页面）覆盖了 {$pages} 个页面中的 {$modelled} 个；模型改动了 {$changed} 个页面
site-template = {$pages} 个页面  {$kind} {$records} 条记录：{$fills}
site-kind-mixed = 混合
site-kind-article = 文章
site-kind-list = 列表
site-examples = 示例：{$pages}
site-repeated = 正文含有模板文字（在同模板至少 {$share}% 的页面上重复出现、属于页面框架或不引出任何内容的区块）：{$total} 条记录中有 {$records} 条（其中 {$chrome} 条含模板的页面框架）；这些正文中有 {$chrome_lines} 个页面框架区块、{$empty_lines} 个不引出任何内容的固定字段名或小标题；不计入：{$fixed_lines} 个引出本页内容的固定字段名和小标题（含任一种重复区块的记录共 {$any} 条）
site-stripped = 从 {$n} 篇正文中去掉的重复区块：{$blocks}
site-anomaly = 异常：{$n} 个页面{$name}，例如 {$page}：{$what}
site-anomaly-missing-field = 缺少同模板其他页面都有的字段
site-anomaly-repeated-in-body = 正文中仍含重复区块
site-anomaly-kind-differs = 页面类型与模板不一致

## The site model's anomalies (src/site/report.rs); the job keeps the English text

anomaly-exported-from-list = 已作为文章导出，但所属模板是列表模板
anomaly-not-exported-from-articles = 未导出（{$reason}），但所属模板是文章模板
anomaly-missing-field = 缺少{$field}；同模板 {$share}% 的页面都有
anomaly-repeated-blocks = 正文中有 {$n} 个区块在同模板页面上重复出现，而这些页面大多不把它们算作正文
anomaly-empty-frames = 正文中有 {$n} 个模板的字段名或小标题不引出任何内容（其后没有本页自己的值或文字）

## `sitelift status` (src/job/status.rs)

status-job = 任务 {$job}
status-urls = 网址：队列中 {$queued} 个，已抓取 {$fetched} 个，失败 {$failed} 个，未抓取 {$skipped} 个（范围、robots.txt、陷阱限制、重定向）
status-outcomes = 结果：已提取 {$extracted} 个，已跳过 {$skipped} 个，失败 {$failed} 个{$waiting}{$not_extracted}
status-waiting = ，{$n} 个在等待后续分页
status-not-extracted = ，{$n} 个尚未提取（重新运行即可提取）
status-failed = 失败：
status-skipped = 已跳过：
status-not-exported = 未导出：
status-attachments-failed = 未下载的附件：
status-more = …… 另有 {$n} 个（`sitelift status --json` 会列出所有页面）
status-not-articles = 未作为文章导出的页面已列于上方；`sitelift extract --job DIR --all-pages` 可将它们一并导出
status-scope = 范围排除：{$n} 个网址，按规则：{$rules}
status-traps = 触发陷阱限制：拒绝了 {$n} 个网址（见上方“陷阱限制”）
status-records = 记录：{$n} 条
status-fill-rate = 字段填充率：
status-attachments = 附件：完成 {$done} 个，失败 {$failed} 个，已跳过 {$skipped} 个，队列中 {$queued} 个
status-time = 抓取用时：所有运行共 {$secs} 秒，每秒 {$rate} 个页面（每秒抓取或失败的页面数）

## What is wrong with a regex or CSS selector the user wrote (src/error/syntax.rs)

syntax-at = 在第 {$at} 个字符处，{$problem}
syntax-with-words = {$problem}（{$parser}的英文原文：{$words}）
syntax-parser-regex = 正则表达式解析器
syntax-parser-css = CSS 选择器解析器
syntax-regex-group-unclosed = “(” 没有对应的 “)”
syntax-regex-group-unopened = “)” 前面没有对应的 “(”
syntax-regex-class-unclosed = “[” 没有对应的 “]”
syntax-regex-class-range = [...] 中的范围写反了（应写 a-z，不是 z-a），或不是字符范围
syntax-regex-repetition-missing = “*”、“+”、“?” 或重复次数 {"{n}"} 前面没有可以重复的内容（要匹配星号请写 '\*'）
syntax-regex-repetition-count = 重复次数 {"{n}"} 或 {"{n,m}"} 没写完或不是数字（要匹配花括号请写 '\{"{"}'）
syntax-regex-escape-end = 模式以单独的 “\” 结尾（要匹配反斜杠请写 '\\'）
syntax-regex-escape = “\” 后面的字符不是可用的转义（可用的如 \d \w \s \. \/）
syntax-regex-look-around = 不支持环视（(?=...)、(?!...)、(?<=...)、(?<!...)）
syntax-regex-backreference = 不支持反向引用（如 \1）
syntax-regex-group-name = (?P<名称>...) 中的分组名为空、无效或重复
syntax-regex-flag = (?...) 中的标志未知、重复或没写完（可用的标志有 i、m、s、x、U、u）
syntax-regex-unicode-class = \p{"{"}...{"}"} 不是已知的 Unicode 类别（汉字是 \p{"{"}Han{"}"}）
syntax-regex-too-big = 正则表达式太大（分组太多、嵌套太深或重复次数太大）
syntax-regex-no-value-group = 没有名为 value 的捕获组，无法取出字段的值；请写成 '发布时间[:：]\s*(?P<value>\S+)' 这样
syntax-regex-other = 正则表达式无效
syntax-css-unfinished = 选择器没有写完（缺少 “]”、“)” 或引号，或以 “>”、“+”、“~”、“,” 结尾）
syntax-css-unexpected = 有一个字符放错了位置（多余的 “]” 或 “)”、以数字开头的名称，或引号没有闭合）
syntax-css-pseudo = 未知或不支持的伪类（可用 :first-child、:nth-child(2)、:not(...)、:has(...)）
syntax-css-attribute = [...] 不是有效的属性条件（应写成 [name]、[name="value"] 或 [name*="部分"]）
syntax-css-class = “.” 后面缺少类名
syntax-css-empty = 选择器（或其中逗号之间、括号之内的某一部分）什么也选不到：它是空的，或以选择器不能开头的字符开始（如后面没有名称的 “#” 或 “.”、数字或 “@”）
syntax-css-dangling = “>”、“+” 或 “~” 后面缺少选择器
syntax-css-other = CSS 语法无效

## A panic (src/crash.rs): a bug. $command is the command line as run, $detail Rust's own words.

panic-stopped = sitelift 因内部错误而停止。这是 sitelift 程序的缺陷，不是输入或设置的问题。已经写出的记录都会保留：输出文件不会只写一半，抓取任务中到目前为止保存的页面和记录也都在（再次运行同一命令即可继续）。请报告此问题，并附上命令和版本：{$command}（sitelift {$version}）。
panic-detail = 详情（Rust 的英文原文）：{$detail}
panic-backtrace = 如需在报告中附上调用栈（backtrace），请设置环境变量 RUST_BACKTRACE=1 后再次运行同一命令。

## Errors (src/main.rs, src/error.rs)

error-line = 错误：{$message}
error-mapping-read = 无法读取映射文件 '{$path}'：{$source}。请检查路径，或不带 --mapping 运行
error-mapping-invalid = 映射文件 '{$path}' 无效：{$message}
    所有键的说明及带注释的示例见 mappings/README.md
error-bad-selector = 映射文件 '{$path}'{$at}：键 '{$key}' 的 CSS 选择器 {$selector} 有误：{$problem}。请改正（选择器的写法如 'div.content'、'#title' 或 'td > a'），再用 `sitelift check-mapping` 检查该文件
error-bad-pattern = 映射文件 '{$path}'{$at}：键 '{$key}' 的正则表达式 {$pattern} 有误：{$problem}。请改正（要按字面匹配 . ( ) [ ] {"{"} * + ? | 时，在它前面加 '\'），再用 `sitelift check-mapping` 检查该文件
error-unknown-encoding = 未知的编码名称 '{$label}'：请使用 WHATWG 编码名称，如 utf-8、gbk、gb18030、big5、shift_jis
error-bad-base-url = '{$url}' 不是完整的 http(s) 网址：请给出基础网址，如 http://www.example.org.cn/
error-input = 输入 '{$path}' 不存在或无法读取：{$source}
error-output = 无法写入输出 '{$path}'：{$message}。请检查该文件夹是否存在且可写
error-output-folder-missing = 无法写入输出 '{$path}'：文件夹 '{$dir}' 不存在。请检查该文件夹是否存在且可写
error-output-temp-file = 无法写入输出 '{$path}'：无法在 '{$dir}' 中创建临时文件：{$source}。请检查该文件夹是否存在且可写
error-stdout-closed = 标准输出已被读取它的进程关闭（管道断开）
error-job-locked = 任务 '{$dir}' 正被另一个 sitelift 进程使用（锁文件 '{$dir}/job.lock' 被占用）；请等待它结束或将其停止，或换一个 --job 文件夹
error-job-running = 任务 '{$dir}' 仍在被运行中的 sitelift 写入（crawl、run 或 extract --job 占用着 '{$dir}/job.lock'）；请在该运行结束后再导出，或先将其停止（Ctrl-C）
error-job = 无法使用任务文件夹 '{$dir}'：{$message}
error-bad-start-url = '{$url}' 不是可抓取的 http(s) 网址：请给出完整网址，如 http://www.example.org.cn/
error-missing-scheme = '{$input}' 不是文件或文件夹；作为网址，它缺少协议头：要抓取它，请写成 http://{$input}（或 https://{$input}）
error-no-start-urls = 没有可抓取的内容：请在命令行或映射文件的 crawl.start_urls 中给出起始网址（或指定一个已有排队页面的 --job 文件夹）
error-bad-url-pattern = {$flag} {$pattern} 不是有效的正则表达式：{$problem}。模式是在完整网址中任意位置匹配的正则表达式，如 '/news/' 或 '\.pdf$'（要按字面匹配 . ( ) [ ] ? * + 时，在它前面加 '\'）
error-http-client = 无法启动 HTTP 客户端：{$message}
error-runtime = 无法启动抓取程序的网络运行时（工作线程和网络事件队列）：{$source}。系统拒绝分配它所需的资源：请检查打开文件数和进程数的上限（`ulimit -n`、`ulimit -u`）以及可用内存，然后重新运行同一命令
error-fetch-task-died = 抓取已停止：获取 {$url} 的任务意外结束（{$cause}）。没有任何丢失：到目前为止抓取的每个页面、提取的每条记录都已保存在任务 '{$job}' 中；再次运行同一命令（不要加 --fresh）即可继续，已保存的页面会跳过。这是程序缺陷：如果再次出现，请加 -vv 运行并报告日志
fetch-task-panicked = 任务崩溃（panic）："{$message}"
fetch-task-cancelled = 任务被取消
error-report = 无法生成报告：{$message}
error-seconds = '{$value}' 不是有效的秒数（须为 0 或以上的数，如 30 或 0.5）
error-export-invalid = '{$path}' 不是可以读取的 sitelift 导出文件：{$message}。请给出 sitelift 的 extract、run 或 export 写出的 records.jsonl、records.json 或 records.sqlite
export-not-an-export = 它既不是 SQLite 数据库，也不是 JSON（数组或 JSON Lines）
export-no-schema = 它是 SQLite 数据库，但没有 sitelift 写入的 schema_info 表
error-eval-input = 无法读取评测输入 '{$path}'：{$message}
error-floors-invalid = 得分下限文件 '{$path}' 无效：{$message}
    可用的键：[labels] title、published、time、author、editor、source、body、attachments_recall、attachments_precision（百分数）；[trafilatura] precision、recall、f1（0–1）
error-sqlite = SQLite 数据库 '{$path}' 出错：{$source}
error-diff-input = diff 无法读取 '{$path}'：{$message}。diff 能读取 JSON、JSON Lines 和 SQLite 导出文件，或装有 *.expected.json 文件的文件夹
error-unknown-field = 没有名为 '{$field}' 的记录字段：请使用以下字段之一：{$fields}（子字段如 encoding.used、provenance.title 等）
error-link-map = 链接映射 '{$source}'：{$message}
error-spool = 站点模型在临时文件夹中的缓存文件出错：{$message}。请清理 $TMPDIR 所在磁盘的空间（或把 TMPDIR 指向别处），或加 --no-site-model 运行
link-map-must-start = 模板必须以 '/'（新网站上的路径）或 http(s)://（完整网址）开头
link-map-unclosed = 从 '{$rest}' 开始的 '{"{"}' 没有对应的 '{"}"}'
link-map-unknown-placeholder = 不认识占位符 {"{"}{$name}{"}"}：可用的占位符有 {$known}
link-map-needs-id = 模板中必须有 {"{id}"} 或 {"{slug}"}，否则所有页面都会得到同一个路径
link-map-cannot-read = 无法读取该文件（{$error}）；请给出由 old_url,new_path 行组成的 CSV 文件，或 /articles/{"{id}"} 这样的模板
link-map-row-not-url = 第 {$row} 行：'{$url}' 不是完整的 http(s) 网址
link-map-row-no-path = 第 {$row} 行：{$url} 没有新路径
link-map-row-bad-path = 第 {$row} 行：{$url} 的新路径是 '{$path}'，既不是路径也不是 http(s) 网址；脚本或 data 网址会出现在每个指向该页面的链接里
link-map-row-twice = 第 {$row} 行：{$url} 被映射了两次（{$before} 和 {$new}）
link-map-attachment-needs = 附件模板中必须有 {"{name}"} 或 {"{sha256}"}
link-map-both-move = {$other} 和 {$url} 都会被移到 {$new}；请在模板中加上 {"{id}"}，或修改 CSV 文件
link-map-quote-unclosed = 第 {$line} 行：引号中的字段没有结束引号
export-stored-unreadable = 任务中存储的 {$url} 的记录无法读取（{$error}）；请重新运行 `sitelift extract --job`
qa-floors-unreadable = {$error}；请用 --floors <文件> 指定得分下限文件，或加 --no-floors 只报告得分、不做下限检查
qa-page-file = {$error}（页面文件的位置相对于标注文件所在的文件夹，除非给了 --pages）
qa-not-read-by-run = 对整个文件夹的运行没有读到这个页面（它是扩展名可识别的 HTML 页面吗？）
qa-devset-pages-missing = 开发集的页面文件夹不存在（共享语料库应放在仓库旁边）
qa-devset-not-manifest = 不是开发集清单文件（格式见 eval/devset/devset.toml）；TOML 解析器的英文原文：{$error}
qa-bless-export-only = 只能用另一个导出文件来接受（bless）导出文件的改动，不能用样例文件
qa-report-temp-file = 无法写入临时文件（{$error}）；请检查临时文件夹所在磁盘的空间

## What is wrong with a job folder (src/job/mod.rs), inside error-job

job-no-db = 文件夹中没有 job.sqlite；请指定 crawl 或 run 写出的任务文件夹（--job 或 run --out）
job-schema-version = 它由任务结构版本 {$found} 的 sitelift 写入，当前 sitelift 使用版本 {$expected}；请使用写入它的那个 sitelift，或加 --fresh 从头开始
job-damaged = job.sqlite 已损坏（{$problems}）；其中的页面和记录不可信。请先备份，然后二选一：抢救可读的部分（`sqlite3 {$db} .recover | sqlite3 {$dir}/recovered.sqlite`，把 recovered.sqlite 改名为 job.sqlite，再运行一次抓取以补齐缺失的内容），或加 --fresh 重新开始该任务

## Value names in `--help`, the usage line and clap's errors (src/help.rs), and the usage line's tag for any
## option. N stays N: the help texts say "N 条记录"

help-usage-options = [选项]
value-name-command = 命令
value-name-input = 输入
value-name-file = 文件
value-name-file-toml = 文件.toml
value-name-dir = 文件夹
value-name-path = 路径
value-name-url = 网址
value-name-url-path = 网址|路径
value-name-export = 导出文件
value-name-out = 输出文件
value-name-page = 页面
value-name-mapping = 映射文件
value-name-expected = 预期
value-name-actual = 实际
value-name-field = 字段
value-name-format = 格式
value-name-label = 编码名
value-name-lang = 语言
value-name-shell = 外壳
value-name-part = 部分
value-name-substring = 子串
value-name-template = 模板
value-name-template-csv = 模板|CSV
value-name-text = 文本
value-name-regex = 正则
value-name-n = N
value-name-secs = 秒数
value-name-ms = 毫秒数
value-name-mb = 兆字节数

## `--help` (src/help.rs): clap's headings, then the texts of src/cli.rs

help-usage = 用法：{"{"}usage{"}"}
help-options = 选项
help-arguments = 参数
help-flag-help = 显示帮助
help-flag-version = 显示版本
help-commands = 命令
help-about = 从旧版中文机构网站中提取干净的记录（文章）。
help-verbose = 在 stderr 上输出更多日志（-v：决策过程，-vv：细节，-vvv：正文候选块及其得分）
help-quiet = 不显示进度和摘要（以退出码 1 结束的运行仍会用一行说明原因）
help-progress-interval = 当 stderr 不是终端时（管道、日志文件）：两行纯文本进度之间的秒数（已处理页面、速率、队列、失败、剩余时间）
help-lang = 界面语言：zh（简体中文）或 en（英文）[默认：LC_ALL、LC_MESSAGES 或 LANG 为 zh_* 时，或 Windows 界面语言为中文时用 zh；否则用 en]
help-about-extract = 从 HTML 文件或本地镜像中提取记录（递归读取文件夹）
help-mapping = 站点映射文件（TOML，见 mappings/README.md）
help-base-url = 输入文件夹（或文件所在文件夹）的公开网址，用于把链接转为绝对网址
help-encoding = 强制使用某种解码（WHATWG 名称：gbk、gb18030、utf-8、big5 等），优先于页面的所有声明
help-all-pages = 同时导出不是文章的页面（列表页、索引页）
help-max-page-size = 拒绝大于此兆字节数的页面
help-extract-format = 输出格式；默认按 --out 的扩展名（.sqlite/.db、.json、.jsonl）确定，否则为 jsonl
help-extract-out = 输出文件（省略时写到 stdout；sqlite 格式必须指定）
help-extract-job = 重新提取此抓取任务中已保存的页面（不联网），而不是读取文件
help-extract-summary = 同时把本次运行的摘要以 JSON 写入此文件：各项计数、字段填充率，以及每个已跳过和失败的页面及原因
help-extract-inputs = HTML 文件或文件夹
help-about-crawl = 礼貌地把在线网站抓取到任务文件夹中；再次运行即继续该任务
help-fresh = 清除任务状态，从头开始
help-limit = 本次运行最多提取 N 条记录（试运行）；再次运行同一命令会提取接下来的 N 条
help-update = 重新抓取每个页面（条件请求），只重新导出有变化的记录
help-ignore-robots = 不读取也不遵守 robots.txt（会记录在日志中）
help-download-attachments = 把附件下载到任务的 attachments/ 文件夹
help-delay-ms = 对同一主机两次请求之间的毫秒数 [默认：250]
help-concurrency = 对同一主机的并发请求数 [默认：2]
help-timeout-ms = 整个请求的超时时间，单位毫秒 [默认：30000]
help-connect-timeout-ms = 连接超时时间，单位毫秒 [默认：10000]
help-retries = 遇到超时、连接错误、429 和 5xx 时的重试次数 [默认：3]
help-retry-base-ms = 首次重试前的等待毫秒数，每次重试翻倍，并带随机抖动 [默认：500]
help-max-retry-wait-ms = 重试前最长等待毫秒数；Retry-After 要求更久的主机会暂停到下次运行 [默认：120000]
help-max-host-errors = 熔断：连续多少个 429/5xx 响应后暂停该主机到下次运行（0：从不）[默认：10]
help-max-redirects = 每个网址最多跟随的重定向次数 [默认：10]
help-max-decoded-mb = 解码（解压）后页面的最大兆字节数；更大的响应会被截断 [默认：20]
help-max-attachment-mb = 附件的最大兆字节数 [默认：200]
help-user-agent = User-Agent 请求头 [默认：sitelift/VERSION (archival crawler …)]
help-include = 范围：只抓取匹配此正则表达式的网址（可重复；匹配任一即可），如 '/xwzx/'。在完整网址中任意位置匹配；起始网址总会抓取。追加到映射文件的 crawl.include
help-exclude = 范围：绝不抓取匹配此正则表达式的网址（可重复），如 '/print/' 或 '\.pdf$'。优先于 --include；追加到映射文件的 crawl.exclude
help-no-parent = 范围：只抓取起始网址所在文件夹之下的网址（http://host/news/index.html → http://host/news/…）
help-max-pages = 本次运行最多抓取 N 个页面（抓取成功或失败都算）；其余留在队列中等下次运行
help-max-depth = 陷阱限制：离起始网址的链接层数；列表的后续页（下一页）不计入 [默认：30]
help-max-list-pages = 陷阱限制：通过分页（下一页、尾页、页码）到达的同一列表的页数 [默认：2000]
help-max-path-variants = 陷阱限制：同一文件夹下（不计数字）名称不同的路径数（路径中的令牌或会话 ID）[默认：1000]
help-max-pages-per-host = 陷阱限制：每个主机排队的网址数 [默认：100000]
help-max-pages-per-pattern = 陷阱限制：网址只有数字不同的页面数 [默认：100000]
help-max-query-variants = 陷阱限制：同一路径上的查询字符串数 [默认：1000]
help-crawl-job = 任务文件夹（不存在则创建；已存在则继续）
help-crawl-urls = 起始网址（默认：映射文件的 crawl.start_urls，或任务中已有的）
help-about-run = 抓取网站（或读取镜像），提取并导出到文件夹：records.sqlite、records.jsonl 和 summary.json（本次运行的统计，以及每个已跳过和失败的页面及原因）
help-run-out = 输出文件夹：records.sqlite、records.jsonl、summary.json、attachments.jsonl（以及任务本身，除非指定了 --job）
help-run-job = 任务文件夹 [默认：--out 文件夹]
help-run-inputs = 要抓取的起始网址，或要读取的本地文件 / 镜像文件夹
help-about-status = 任务的统计：各状态的页面数、按原因分类的失败、记录数、字段填充率、用时和速率
help-status-job = 任务文件夹
help-status-json = 以 JSON 输出状态
help-about-report = 用于质检的单个独立 HTML 页面（或 JSON 统计）：字段填充率、分布、已跳过和失败的页面、编码审计，以及可搜索的全部记录表
help-report-job = 抓取任务文件夹：记录、已跳过和失败的页面、附件
help-report-input = 用导出文件（JSON、JSON Lines 或 SQLite）代替任务
help-report-html = 把 HTML 报告写到这里
help-report-format = 同时以 JSON 输出统计（到 stdout，或到 --json-out）；只支持 `json` 格式
help-report-json-out = 把 JSON 统计写入此文件，而不是 stdout
help-about-export = 为新平台导出任务：链接改写为新路径的记录、重定向映射（CSV、nginx、Apache）、无法解析的链接以及附件文件
help-export-job = 要导出的抓取任务文件夹
help-export-out = 输出文件夹：records.jsonl、records.sqlite、redirects.*、unresolved-links.csv、attachments/
help-export-link-map = 每个迁移页面的新位置：模板如 `/articles/{"{"}yyyy{"}"}/{"{"}id{"}"}`（占位符 {"{"}id{"}"} {"{"}slug{"}"} {"{"}yyyy{"}"} {"{"}mm{"}"} {"{"}dd{"}"}），或由 `old_url,new_path` 行组成的 CSV 文件
help-export-attachment-map = 每个已下载附件的新位置：模板中可用 {"{"}name{"}"}（保存的文件名）、{"{"}sha256{"}"}、{"{"}ext{"}"}
help-no-site-model = 逐页单独提取：不使用站点模型（不按模板归类，也不做第二遍处理）
help-default = [默认：{$value}]
help-possible-values = [可选值：{$values}]
help-about-help = 显示本帮助，或显示指定命令的帮助
help-help-subcommand = 要查看帮助的命令
help-about-check-mapping = 检查映射文件是否有效；加 --page 时，逐个字段显示它从该页面提取出的内容
help-check-mapping-mapping = 要检查的映射文件
help-check-mapping-page = 用映射文件试提取的页面
help-check-mapping-base-url = 该页面的公开网址（默认：映射文件中的 site.base_url 加上页面文件名）
help-check-mapping-json = 以 JSON 输出提取结果，而不是字段表
help-about-eval = 评测提取效果：开发集（调优部分和检验部分）、人工标注的页面，或 trafilatura 基准。有得分低于下限（eval/floors.toml）时退出码为 1，输入无法读取时为 2
help-eval-devset = 开发集（eval/devset/devset.toml 或其所在文件夹）：调优部分和检验部分并列评分，并给出各自的页面类型混淆情况和正文基准得分
help-eval-part = 与 --devset 同用：只评这一部分（同时列出它的错误项）
help-eval-labels = 人工标注文件（labels.json，格式见语料库的 README）：对每个已标注页面的每个字段评分
help-eval-kinds = 与 --labels 同用：人工标注的页面类型（kinds.json：页面 → 文章/非文章），用来评判默认运行保留和跳过了哪些页面
help-eval-all-pages = 评测同时导出非文章页面的运行（默认评测的是跳过非文章页面的默认运行，漏掉一篇文章会让它所有字段都计为错误）
help-eval-trafilatura = trafilatura 的 evaldata.json：用 trafilatura 的基准方法给正文评分
help-eval-pages = 页面所在文件夹（默认：标注文件或 evaldata 文件所在的文件夹）
help-eval-mapping = 使用此站点映射文件运行
help-eval-site-model = 与 --devset 同用：对每个开发集页面所在文件夹的全部页面启用站点模型一次性提取，再用这次运行的结果给开发集页面评分（每个页面都有同站的其他页面，与对整站运行时相同）
help-eval-records = 与 --devset 同用：不做提取，直接用这些导出的记录（某次运行或某个作业的 records.jsonl、.json 或 .sqlite，例如一次爬取的结果）给开发集页面评分。记录的 URL 或源路径以某个页面的文件名结尾，即为该页面的记录；只评测有记录来自的文件夹，其中没有记录的开发集页面算作未导出
help-eval-files = 只评测文件名包含此文字的页面（如某个网站的文件夹，用来评测它的映射文件）。可用逗号分隔多个，或重复使用此参数，包含其中任何一个的页面都会被选中
help-eval-json = 同时把得分和错误项以 JSON 写入此文件
help-eval-floors = 得分下限文件（默认 eval/floors.toml；带 --files、--mapping 或 --records 时默认不检查下限）
help-eval-no-floors = 只报告得分，不做回归检查
help-eval-misses = 最多显示多少条错误项
help-about-diff = 逐个字段比较两组记录（导出文件或样例文件夹）。相同时退出码为 0，有差异时为 1，输入无法读取时为 2
help-diff-expected = 预期的记录：JSON、JSON Lines 或 SQLite 导出文件，或装有 *.expected.json 样例的文件夹
help-diff-actual = 实际的记录，格式同上
help-diff-ignore = 比较时不看此字段（可重复使用；子字段写成 `encoding.replacements` 这样）
help-diff-normalize-whitespace = 把连续的空白（包括 U+3000 全角空格和 U+00A0）都当作一个空格，并忽略首尾空白
help-diff-format = 输出格式：text 供人阅读，json 供程序处理
help-diff-bless = 用“实际”的记录改写“预期”的记录（样例文件：只改每个文件已有的字段；导出文件：整体改写）
help-about-completions = 输出 bash、zsh、fish 或 PowerShell 的命令补全脚本（输出到 stdout，或用 --out 写入文件）
help-completions-shell = 要生成补全脚本的外壳（shell）
help-completions-out = 把脚本写入此文件（UTF-8），而不是 stdout
help-about-man = 生成本命令行的手册页：输出 sitelift.1 到 stdout；加 --dir 时为每个命令各写一页（sitelift.1、sitelift-run.1 等）到文件夹中，供打包使用
help-man-dir = 把 sitelift.1 和每个命令的手册页写入此文件夹（不存在则创建），而不是把 sitelift.1 输出到 stdout
help-about-mapping = 生成供审阅的站点映射文件：`mapping draft` 学习站点模型，把每个模板中字段的位置转成选择器
help-about-mapping-draft = 根据任务或文件的站点模型起草映射文件：为每个模板给出标题、信息行、正文和面包屑导航的选择器，要去除的重复区块和页面类型规则，并注明每个模板的页面数和示例页面
help-mapping-draft-job = 从此任务中已保存的页面学习（不联网）
help-mapping-draft-out = 映射文件（TOML）写到这里
help-mapping-draft-base-url = 输入文件夹的公开网址，用于把链接转为绝对网址（与 extract 相同）
help-mapping-draft-encoding = 强制使用某种解码（WHATWG 名称：gbk、gb18030、utf-8、big5 等）
help-mapping-draft-inputs = HTML 文件或文件夹（整个网站或镜像：每个模板至少需要 5 个页面）

## clap's usage errors (src/help.rs; English prints clap's own text, which these follow)

clap-unknown-argument = 无法识别的参数 '{$arg}'
clap-invalid-value = 参数 '{$arg}' 的值 '{$value}' 无效
clap-value-validation = 参数 '{$arg}' 的值 '{$value}' 无效：{$reason}
clap-missing-required = 缺少必需的参数：{$arg}
clap-invalid-subcommand = 没有 '{$command}' 这个命令
clap-missing-subcommand = 缺少命令，请给出其中之一：{$commands}
clap-conflict = 参数 '{$arg}' 不能与 '{$prior}' 同时使用
clap-wrong-values = 参数 '{$arg}' 的值的个数不对
clap-possible-values = [可选值：{$values}]
clap-suggest = 提示：是不是想用 {$suggestion}？
clap-tip = 提示：{$tip}
clap-value-required = 参数 '{$arg}' 需要一个值，但没有给出
clap-used-twice = 参数 '{$arg}' 只能使用一次
clap-number-too-large = 数值太大
clap-number-too-small = 数值太小
clap-not-a-whole-number = 不是整数
clap-not-a-number = 不是数字
clap-tip-as-value = 提示：要把 '{$arg}' 作为值传入，请写成 '-- {$arg}'
clap-tip-remove-dashes = 提示：有 '{$arg}' 这个命令；要使用它，请去掉它前面的 '--'
clap-try-help = 查看详细说明请加 '--help'。

## The HTML report (src/qa/report/html.rs)

report-card-records = 记录
report-card-pages-skipped = 已跳过的页面
report-card-pages-failed = 失败的页面
report-card-attachments-downloaded = 已下载的附件
report-card-crawl-time = 抓取用时
report-card-warnings = 警告
report-card-pages-with-u-fffd = 含 U+FFFD 的页面
report-card-links-not-migrated = 未迁移的链接
report-h-summary = 运行摘要
report-h-fields = 字段
report-h-values = 字段值
report-h-pages = 未导出的页面
report-h-encoding = 编码审计
report-h-links = 指向未迁移页面的链接
report-title = sitelift 报告
report-subtitle = {$source} · 记录 {$records} 条 · 生成于 {$when}
report-source-job = 任务 {$path}
report-source-export = 导出文件 {$path}
report-when = {$date} {$time}（UTC）
report-nav-summary = 摘要
report-nav-fields = 字段
report-nav-values = 字段值
report-nav-pages = 未导出的页面
report-nav-encoding = 编码
report-nav-links = 链接
report-nav-records = 记录
report-h-records = 记录
report-filter = 筛选：标题、网址、日期、来源、作者、栏目……
report-prev = ← 上一页
report-next = 下一页 →
report-noscript = 记录表需要 JavaScript；上面的统计不需要。
report-seconds = {$secs} 秒
report-no-records = 没有记录
report-per-year-label = 每年的记录数
report-undated = 无日期
report-none = 无
report-more = …… 另有 {$n} 个
report-h-templates = 模板（站点模型）
report-templates-intro = {$templates} 个模板（每个至少 {$min} 个页面）覆盖了 {$pages} 个页面中的 {$modelled} 个；站点模型改动了 {$changed} 个页面（从正文中去掉重复区块、按模板位置取字段、按模板确定页面类型）。
report-th-template = 模板
report-th-pages = 页面数
report-th-kind = 类型
report-th-records = 记录数
report-th-fill-rate = 填充率
report-th-examples = 示例
report-th-anomalies = 异常
report-anomaly-missing-field = 缺少同模板其他记录都有的字段的记录
report-anomaly-repeated-in-body = 正文中仍含重复区块的记录
report-anomaly-kind-differs = 页面类型与模板不一致的页面
report-n-pages = {$n} 个页面
report-n-pages-of = {$n} 个页面
report-stripped-blocks = 从正文中去掉的重复区块
report-th-field = 字段
report-th-produced-by = 提取依据
report-h-per-year = 各年发布数量
report-top-sources = 来源排行
report-top-authors = 作者排行
report-top-editors = 编辑排行
report-h-categories = 栏目
report-no-category = 没有记录带栏目信息
report-export-only = 导出文件中只有记录：要查看已跳过和失败的页面，请对任务生成报告（--job DIR）
report-h-failed = 失败
report-h-skipped = 已跳过
report-h-warnings = 记录警告
report-th-declared = 声明的编码
report-th-used = 实际使用
report-th-chosen-by = 判定依据
report-mismatch = 页面声明的是另一种编码
report-encoding-totals = {$mismatched} 条记录声明的编码与实际使用的不同；{$records} 条记录含有 {$chars} 个替换字符（U+FFFD，即乱码）。
report-links-all-resolved = 已迁移主机上的所有链接都指向已迁移的页面或附件
report-links-intro = 记录正文中有 {$links} 个链接指向旧网站上 {$targets} 个不在记录中的页面或文件；这些链接保持原样。
report-th-link = 链接
report-th-links = 链接数
report-th-example-on = 出现位置（示例）
report-th-why = 原因
report-js-shown = 共 {$total} 条记录，符合条件 {$matching} 条
report-js-showing = ，显示第 {$from}–{$to} 条
report-js-page = 第 {$page} / {$pages} 页
report-js-encoding = 声明 {$declared}，实际使用 {$used}（依据 {$by}），替换字符 {$replacements} 个
report-js-nothing = 无
report-replacements = {$n} 个替换字符；声明 {$declared}，实际按 {$used} 解码（依据 {$by}）
report-js-no-alt = （无替代文字）
report-js-image = [图片]
report-js-body = 正文（已清理）

## Record fields, as summaries, status, diff and the report name them (the JSON keys stay as they are)

field-id = 编号
field-url = 网址
field-source-path = 源文件
field-title = 标题
field-published = 发布日期
field-author = 作者
field-editor = 编辑
field-source = 来源
field-category = 栏目
field-body-html = 正文 HTML
field-body-text = 正文
field-attachments = 附件
field-images = 图片
field-encoding = 编码
field-provenance = 提取依据
field-content-hash = 内容哈希
field-warnings = 警告
field-body = 正文
rule-family-generic = 通用规则
rule-family-mapping = 映射选择器
rule-family-pattern = 映射模式
rule-family-site-model = 站点模型

## The step that chose a page's encoding (record.encoding.by: the stored word, shown in the report and
## check-mapping)
decoded-by-override = --encoding 参数
decoded-by-bom = BOM（字节顺序标记）
decoded-by-header = HTTP 响应头
decoded-by-meta = 页面的 meta 声明
decoded-by-utf8 = 未声明，内容是有效的 UTF-8
decoded-by-detected = 未声明，按内容检测

## A URL's or an attachment's state in the job (frontier, attachments, outcomes), as the operator reads it
state-queued = 排队中
state-fetched = 已抓取
state-failed = 失败
state-skipped = 已跳过
state-done = 已完成
state-extracted = 已提取

## Why a link was left pointing at the old site (unresolved-links.csv's reason column, the report's links;
## src/handover/why.rs). $state and $outcome are a state-* word, $detail the stored reason shown localized.
unresolved-attachment-not-downloaded = 附件未下载（{$state}）
unresolved-attachment-not-downloaded-with = 附件未下载（{$state}）：{$detail}
unresolved-image = 图片：抓取不下载图片
unresolved-no-new-path = 已迁移，但链接映射没有给它新路径
unresolved-not-migrated = 未迁移（{$outcome}）
unresolved-not-migrated-with = 未迁移（{$outcome}）：{$detail}
unresolved-not-fetched = 未迁移：{$state}
unresolved-not-fetched-with = 未迁移：{$state}：{$detail}
unresolved-attachment-never-downloaded = 附件从未下载（抓取时没有加 --download-attachments？）
unresolved-never-crawled = 未迁移：从未抓取（不在抓取范围内，或没有页面链接到它）
unresolved-not-in-export = 不是本导出中的记录
report-link-why = {$kind}：{$why}

## `sitelift diff` (src/qa/diff/render.rs, src/commands/diff.rs)

diff-expected = --- 预期 {$path}（{$n} 条记录）
diff-actual = +++ 实际 {$path}（{$n} 条记录）
diff-missing = 缺少的记录（预期中有，实际中没有）：{$n} 条
diff-extra = 多出的记录（实际中有，预期中没有）：{$n} 条
diff-not-skipped-list = 应跳过却未跳过的页面（样例标明 _skipped，实际却生成了记录）：{$n} 个
diff-case-mapping = （此样例需要 --mapping {$mapping}：见样例文件中的 _mapping 指令）
diff-field = {$label}（{$field}）
diff-text-differs = {$field}：文本不同
diff-side-expected = 预期
diff-side-actual = 实际
diff-totals = 共比较 {$compared} 条：相同 {$equal} 条，不同 {$differ} 条；缺少 {$missing} 条，多出 {$extra} 条{$not_skipped}
diff-not-skipped = ，应跳过却未跳过 {$n} 个
diff-fields = 有差异的字段（记录数）：{$fields}
diff-needs-mapping = 有 {$n} 个不同的样例需要用映射文件提取：请先加 --mapping {$mapping}（见其 _mapping 指令）重新提取这些页面，再进行比较
diff-equal = 完全相同
diff-blessed = 已更新：{$records} 条记录，写入 {$files} 个文件{$left}
diff-blessed-left = ；还有 {$n} 处差异需要手工修正（缺少、多出或应跳过却未跳过的记录）
diff-wrote = 已写入 {$file}

## Why a page has no record (src/outcome.rs, src/job/skips.rs, src/crawl/scope.rs)

reason-empty-file = 空文件
reason-continuation = 续页：已合并到 {$first}
reason-list-page = 列表页：符合 crawl.follow，已跟踪其中的链接，不导出
reason-internal = 提取时发生内部错误（{$what}）；其他页面不受影响——请报告此页面
reason-too-large = 页面过大（{$size} MB，超过 {$max} MB 的上限）：如需处理，请调大 --max-page-size（单位 MB）
reason-binary = 二进制内容（{$kind}），不是 HTML 页面
reason-too-deep = 标签嵌套过深（约 {$depth} 层，上限 {$limit}）：页面已损坏或有恶意；请修复或删除（嵌套越深，解析和提取越慢，按平方增长）
reason-unreadable = 无法读取文件：{$error}
reason-frameset = 框架集页面：内容在 {$count} 个框架中（{$frames}），请改为提取这些页面
reason-login-page = 登录页（整页是密码表单）
reason-error-page = 错误页（网站提示页面或栏目不存在）
reason-list-one-pager = 列表页：仅一个指向其他页面的条目，并有翻页
reason-list-linked-pager = 列表页：{$items} 个指向其他页面的同类条目，并有翻页
reason-list-linked = 列表页：{$items} 个指向其他页面的同类条目
reason-list-records-pager = 列表页：{$items} 条同类记录，并有翻页
reason-list-records = 列表页：{$items} 条同类记录
reason-dated-links = 列表页：{$links} 个带日期的链接，且没有文章元数据
reason-no-body = 未找到文章正文（没有含正文的区块）
reason-no-text = 没有文章文字（最佳区块只有 {$chars} 个字符）
reason-person-card = 没有文章文字：正文只是一张个人信息卡（职称、研究方向、联系方式）
reason-people-table = 没有文章文字：正文只是一张人员名单表（姓名、职务、联系方式）
reason-index-page = 索引页：{$sections} 个栏目区块，各有一个指向整个栏目的“更多”链接
reason-only-metadata = 没有文章文字：正文只有元数据行（{$line}）
reason-kinds-url-not-article = 映射文件声明：网址符合 kinds.not_article {$pattern}，不是文章页
reason-kinds-url-article = 映射文件声明：网址符合 kinds.article {$pattern}，是文章页
reason-kinds-has-not-article = 映射文件声明：页面含有 kinds.not_article_selector {$selector}，不是文章页
reason-kinds-has-article = 映射文件声明：页面含有 kinds.article_selector {$selector}，是文章页
trap-depth = 陷阱限制：深度 {$depth} 超过 max_depth {$max}
trap-pattern = 陷阱限制：符合网址模式 {$pattern} 的页面超过 {$max} 个
trap-query = 陷阱限制：{$path} 的查询参数变体超过 {$max} 个
trap-host = 陷阱限制：{$host} 已有 {$max} 个网址在队列中或已完成（--max-pages-per-host）
trap-path-variants = 陷阱限制：{$folder} 下名称不同的路径超过 {$max} 个（路径中含令牌或会话 ID？）；如确为真实页面，请调大 --max-path-variants
trap-list-pages = 陷阱限制：经翻页到达的列表 {$list} 的页面超过 {$max} 个（--max-list-pages）
scope-other-host = 超出范围（其他网站）
scope-exclude = 已排除
scope-not-included = 不在包含范围内
scope-parent = 在起始目录之外
reason-scope-other-host = 超出范围：主机 {$host} 不是起始网址的主机（也不在 crawl.allowed_hosts 中）；要一并抓取，请把它加入映射文件的 crawl.allowed_hosts
reason-scope-excluded = 已排除：匹配 {$from} 的模式 {$pattern}
reason-scope-not-included = 不在包含范围内：不匹配任何 {$from} 模式
reason-scope-parent = 在起始目录之外：--no-parent 使抓取只限于起始网址所在的文件夹之下
reason-attachment-other-host = 附件在其他主机上（{$host}）：要下载它，请把该主机加入映射文件的 crawl.allowed_hosts
reason-attachment-no-file = 无法在 attachments/ 下创建文件：{$error}
group-attachment-other-host = 附件在其他主机上
group-attachment-no-file = 无法在 attachments/ 下创建文件

## Why a URL could not be fetched (src/source/http.rs); the job keeps the English text, the error quoted as it is

fetch-attempts = {$reason}（共尝试 {$n} 次）
fetch-timeout = 超时：{$secs} 秒内没有收到完整的响应
fetch-connect = 连接失败：无法连接到 {$host}（{$error}）；请检查地址和端口是否正确、网站是否正常运行（可用浏览器打开试试），以及代理或防火墙设置
fetch-bad-body = 响应内容有误：{$error}
fetch-request = 请求失败：{$error}
fetch-store = 无法保存响应内容：{$error}
fetch-too-large = 页面过大：解压后超过 {$mb} MB（已截断；可能是压缩炸弹）；确实需要时可用 --max-decoded-mb 调高上限
fetch-store-file = 无法保存文件：{$error}
fetch-halted = 未发出请求：抓取正在停止，或该网站已暂停抓取
crawl-redirected-again = 已重定向到 {$url}（该网址已抓取过）
crawl-redirected = 已重定向到 {$url}
crawl-not-html = 不是 HTML 页面（Content-Type {$type}）
crawl-robots = 因 robots.txt 未抓取：{$reason}
crawl-robots-unreachable = 无法读取 robots.txt（{$reason}）
crawl-robots-disallows = robots.txt 禁止抓取此页
crawl-bad-redirect = 重定向有误：HTTP {$status} 没有可用的 Location
crawl-redirect-loop = 重定向循环：{$chain}
crawl-too-many-redirects = 重定向次数过多（超过 {$max} 次）：{$chain}
crawl-redirect-out-of-scope = 重定向到范围之外：{$from} → {$to}

## Group headings of skips, failures and record warnings

group-empty-file = 空文件
group-continuation = 续页
group-list-page = 列表页
group-frameset-page = 框架页
group-login-page = 登录页
group-error-page = 错误页
group-no-article-body = 未找到正文
group-no-article-text = 正文文字过少
group-internal = 提取时内部错误
group-too-large = 页面过大
group-body-too-large = 页面过大（解压后）
group-binary = 二进制内容
group-too-deep = 标签嵌套过深
group-unreadable = 无法读取文件
group-stored-unreadable = 已存储的记录无法读取
group-trap-limit = 陷阱限制
group-redirected = 已重定向到其他网址
group-unknown = 未知
group-mapping-declared = 映射文件声明的非文章页
group-timeout = 超时
group-connect = 连接失败
group-bad-body = 响应内容有误
group-request = 请求失败
group-store = 无法保存响应内容
group-halted = 未发出请求
group-robots = robots.txt 的限制
group-robots-disallows = robots.txt 禁止抓取
group-not-html = 不是 HTML 页面
group-bad-redirect = 重定向有误
group-redirect-loop = 重定向循环
group-too-many-redirects = 重定向次数过多
group-redirect-out-of-scope = 重定向到范围之外
group-merged-part = 已合并分页 {$rest}
group-mapping-selector = 映射选择器 {$rest} 未匹配，已改用通用规则
group-not-an-article = 非文章页（因 --all-pages 仍导出）
group-kept-by-model = 站点模型判定为文章而保留
group-no-page-url = 没有页面网址
group-mapping-pattern = 映射模式 '{$key}' 未匹配，已改用通用规则
group-stopped-merging = 合并 {$n} 个分页后停止
group-later-part-missing = 分页 {$part} 无法取得
group-later-part-left-out = 分页 {$part} 未合并
group-unsafe-link = {$field}中的不安全链接已删除
group-undecodable = 有 {$n} 个字符无法按 {$encoding} 解码

## A record's warnings (src/warnings.rs); the record keeps the English text

warn-mapping-selector = 映射选择器 '{$key}'（{$selector}）在本页没有匹配，已改用通用规则
warn-mapping-pattern = 映射模式 '{$key}' 在本页没有匹配，已改用通用规则
warn-not-an-article = 不是文章页（{$reason}）；因加了 --all-pages 仍导出
warn-stopped-merging = 已合并 {$n} 个分页，其余分页不再合并
warn-later-part-missing = 分页 {$part} 有链接但无法取得；记录只含已找到的分页
warn-later-part-left-out = 分页 {$part} 未合并：{$reason}
warn-merged-part = 已合并分页 {$part}
warn-unsafe-link = {$field}中的不安全链接已删除：'{$link}'（只保留 http(s) 链接和相对链接）
warn-no-page-url = 没有页面网址：相对链接按原样保留；请加 --base-url，或在映射文件中设置 site.base_url
warn-undecodable = 有 {$n} 个字符无法按 {$encoding} 解码（显示为 U+FFFD）；请检查页面编码，或加 --encoding 指定
warn-kept-by-model = 站点模型判定为文章而保留：模板 {$template} 的 {$pages} 个页面中有 {$articles} 个是文章（单看本页，像是：{$reason}）

## `sitelift check-mapping` (src/commands/check_mapping.rs)

cm-ok = 映射文件有效：{$path}
cm-site = 站点
cm-selector = 选择器 {$css}
cm-generic = （通用规则）
cm-pattern = 正则 {$re}
cm-remove = {$n} 个选择器
cm-page-mapping = 映射文件  {$path}：有效
cm-page = 页面      {$path}
cm-page-skipped = 页面已跳过：{$reason}
cm-page-failed = 页面处理失败：{$reason}
cm-selectors = 选择器：
cm-matches = （匹配 {$n} 处）
cm-matches-nothing = <- 没有匹配：改用通用规则
cm-fields = 字段：
cm-null = （空）
cm-none = 无
cm-field-body = 正文
cm-body = {$chars} 个字符，{$paragraphs} 段
cm-first = 首段
cm-last = 末段
cm-encoding = 声明 {$declared}，实际使用 {$used}（依据 {$by}），{$n} 个替换字符
cm-warning = 警告：{$warning}

## `sitelift eval`: headings, tables and floors (src/commands/eval.rs, src/qa)

eval-labels-heading = 标注文件 {$path} — {$n} 个页面
eval-devset-heading = 开发集 {$manifest}（随机种子 {$seed}；子集：{$sets}）
eval-benchmark-heading = trafilatura 基准测试 {$path}
eval-part-heading = {$part}部分：
eval-part-tune = 调优
eval-part-check = 检验
eval-part-pages = {$part}（{$n} 个页面）
eval-th-field = 字段
eval-th-right = 正确
eval-th-total = 总数
eval-body-unlabelled = （{$n} 个页面没有正文标注，不计正文得分）
eval-no-record = {$page} 没有记录：{$reason}
eval-outcome-skipped = 已跳过：{$reason}
eval-outcome-failed = 失败：{$reason}
eval-articles-dropped = 漏掉的文章
eval-non-articles-exported = 误导出的非文章页
eval-n-of = {$total} 个中 {$n} 个
eval-benchmark-f1 = 基准测试正文 F1
eval-f1-pages = {$f1}（{$n} 个页面）
eval-bench-counts = 页面 {$pages}   TP {$tp}  FN {$fn_}  FP {$fp}  TN {$tn}
eval-bench-scores = 精确率 {$precision}   召回率 {$recall}   F1 {$f1}   准确率 {$accuracy}
eval-bench-pages = {$empty} 个页面没有正文文字，{$failed} 个失败；用时 {$secs} 秒，每秒 {$rate} 个页面
eval-bench-failed = 失败 {$page}：{$reason}
eval-kinds = 页面类型：文章 {$articles} 篇，漏掉 {$dropped} 篇；非文章页 {$non_articles} 个，误导出 {$exported} 个
eval-article-dropped = 漏掉的文章  {$page}  （{$outcome}）
eval-non-article-exported = 误导出的非文章页  {$page}  （记录标题「{$title}」；标注：{$label}）
eval-breach-percent = {$name} {$value}% 低于下限 {$floor}%
eval-breach = {$name} {$value} 低于下限 {$floor}
score-title = 标题
score-published = 发布日期
score-time = 发布时间
score-author = 作者
score-editor = 编辑
score-source = 来源
score-body = 正文
score-attachments-recall = 附件召回率
score-attachments-precision = 附件精确率

## A library's words inside an error (src/error.rs Detail, src/i18n/os.rs): in English the library's words as
## they are; in another language what went wrong and what to do, the library's words kept after that

mapping-unknown-key = 第 {$line} 行第 {$column} 列的键 '{$key}' 不认识（可能拼错了）；可用的键：{$keys}
mapping-base-url = 键 'site.base_url' 的值 {$value} 不是完整的网址：要以 http:// 或 https:// 开头，例如 "http://www.example.org.cn/"（网址解析器的英文原文：{$detail}）
mapping-timezone = 键 'site.timezone' 的值 {$value} 既不是 "+08:00" 这样的时差，也不是 "Asia/Shanghai" 这样的时区名
mapping-encoding = 键 'site.encoding'：不认识编码名 '{$label}'；请用 WHATWG 编码名，如 utf-8、gbk、gb18030、big5、shift_jis
mapping-toml-trap-line = 第 {$line} 行的 '{$key}' 被读成了 '{$table}.{$key}'：在 TOML 里，写在 [{$table}] 表头之后的键都属于这个表。'{$key}' 是顶层键：请把它移到第一个 [表名] 表头之前（文件开头）
mapping-toml-trap = '{$key}' 被读成了 '{$table}.{$key}'：在 TOML 里，写在 [{$table}] 表头之后的键都属于这个表。'{$key}' 是顶层键：请把它移到第一个 [表名] 表头之前（文件开头）
mapping-at-line = （第 {$line} 行）
detail-with-words = {$said}（英文原文：{$words}）
detail-toml = 第 {$line} 行第 {$column} 列有误：TOML 写法不对，或者键名、值不是这里应有的（常见原因：键名拼错、文字值缺少引号、方括号或引号没有成对、同一个键写了两次）。请改正这一处后再运行。下面是 TOML 解析器的英文原文（问题和位置已在上面说明）：
    {$text}
detail-toml-anywhere = TOML 写法不对，或者键名、值不是应有的（常见原因：键名拼错、文字值缺少引号、方括号或引号没有成对、同一个键写了两次）。请改正后再运行。下面是 TOML 解析器的英文原文（问题已在上面说明）：
    {$text}
detail-json-syntax = 第 {$line} 行第 {$column} 列不是有效的 JSON（文件可能被截断、被其他程序改动过，或者根本不是 JSON 文件）；请确认给的是正确的文件（英文原文：{$text}）
detail-json-eof = JSON 在第 {$line} 行第 {$column} 列提前结束：文件不完整（可能是写到一半时被中断）；请重新生成该文件（英文原文：{$text}）
detail-json-data = 第 {$line} 行第 {$column} 列：JSON 本身有效，但内容不是这里要求的格式（缺少字段或类型不对）；请确认给的是正确的文件（英文原文：{$text}）
detail-json-io = 读取 JSON 时出错（英文原文：{$text}）
sqlite-not-a-database = 这不是 SQLite 数据库文件（或文件头已损坏）；请确认给的是 sitelift 写出的 .sqlite 文件
sqlite-corrupt = 数据库已损坏；请用备份，或重新运行写出它的命令
sqlite-busy = 数据库正被另一个程序使用；请等它结束或关闭该程序后再试
sqlite-read-only = 数据库无法写入（文件或所在文件夹是只读的）；请检查权限
sqlite-cannot-open = 无法打开数据库；请检查路径是否存在、是否有权限访问
sqlite-disk-full = 磁盘已满；请腾出空间后再试
sqlite-permission-denied = 权限不足，无法访问数据库；请检查文件权限
sqlite-io-failure = 读写磁盘失败；请检查磁盘和剩余空间

## 操作系统错误（src/i18n/os.rs）：括号里保留系统错误码

os-error-with-code = {$message}（os error {$code}）
os-error-in-system-words = 系统报告的错误（操作系统的英文原文：{$words}）

os-error-not-found = 找不到文件或目录
os-error-permission-denied = 权限不足，无法访问
os-error-already-exists = 已经存在
os-error-is-a-directory = 这是一个文件夹，不是文件
os-error-not-a-directory = 不是文件夹
os-error-directory-not-empty = 文件夹不是空的
os-error-read-only-filesystem = 文件系统是只读的
os-error-storage-full = 磁盘空间已满
os-error-quota-exceeded = 超出磁盘配额
os-error-file-too-large = 文件太大
os-error-resource-busy = 资源正忙
os-error-crosses-devices = 不能跨设备链接或移动
os-error-too-many-links = 链接过多
os-error-invalid-filename = 文件名无效
os-error-connection-refused = 连接被拒绝
os-error-connection-reset = 连接被对方重置
os-error-connection-aborted = 连接已中断
os-error-not-connected = 未连接
os-error-host-unreachable = 无法访问该主机
os-error-network-unreachable = 网络不可达
os-error-network-down = 网络已断开
os-error-addr-in-use = 地址已被占用
os-error-addr-not-available = 地址不可用
os-error-timed-out = 操作超时
os-error-broken-pipe = 管道已断开
os-error-would-block = 操作会被阻塞
os-error-interrupted = 操作被中断
os-error-invalid-input = 参数无效
os-error-invalid-data = 数据无效
os-error-unexpected-eof = 文件意外结束
os-error-write-zero = 无法写入数据
os-error-unsupported = 不支持此操作
os-error-out-of-memory = 内存不足

## HTTP 状态说明（src/source/http.rs）：任务中保存的是英文（HTTP 404 Not Found），显示时换成这些说法

http-status = HTTP {$code} {$reason}
http-reason-400 = 请求有误
http-reason-401 = 需要登录认证
http-reason-403 = 禁止访问
http-reason-404 = 找不到页面
http-reason-405 = 不允许的请求方法
http-reason-408 = 请求超时
http-reason-410 = 页面已永久删除
http-reason-429 = 请求过多
http-reason-500 = 服务器内部错误
http-reason-502 = 网关错误
http-reason-503 = 服务暂时不可用
http-reason-504 = 网关超时
# 其他状态码：按类别说明（$class 为 client、server 或 other）
http-reason-other = { $class ->
    [client] 请求未被接受
    [server] 服务器出错
   *[other] 非正常状态
}
