//! The vocabulary of the generic heuristics: every marker word, phrase and tuning weight they rely on, in one
//! place and each with its reason. A reviewer sees the whole vocabulary at once — which words make a line
//! chrome, which class names mark an article container, how short a note must be — instead of finding it
//! spread over the rules that use it, and a new site's words are added in this one file. The rules themselves
//! (how the words are matched, in what order) stay in their modules; limits that only bound one function's
//! work (nodes walked, characters compared) stay beside that function.

// ——— Page chrome and footers (analysis.rs): what makes a block navigation or site furniture.

/// A footer- or sidebar-named element holding at least this much prose (and few links) holds the article.
pub const CHROME_ARTICLE_MIN_CHARS: usize = 500;

/// Sentence marks such a footer- or sidebar-named element needs beside [`CHROME_ARTICLE_MIN_CHARS`] to hold the
/// article: a footer's notices are phrases and numbers.
pub const CHROME_ARTICLE_MIN_PUNCT: usize = 5;

/// A navigation-named element whose text is less than this share links, and that holds sentences, is a layout
/// column, not a menu.
pub const NAV_MAX_PROSE_LINK_DENSITY: f32 = 0.3;

/// Sentence marks a navigation-named element needs beside [`NAV_MAX_PROSE_LINK_DENSITY`] to be a layout column.
pub const NAV_PROSE_MIN_PUNCT: usize = 2;

/// A footer line is short: a longer line that mentions 版权所有 or 技术支持 is text (bytes of UTF-8, 300 or so
/// Chinese characters).
pub const FOOTER_LINE_MAX_BYTES: usize = 900;

/// Full sentences in a line that make it prose, whatever footer words it mentions (`…请联系技术支持获取。`):
/// a footer's notices are phrases and numbers, hardly ever two sentences.
pub const PROSE_MIN_SENTENCES: usize = 2;

/// Class/id words of cookie and consent banners and pop-ups: chrome wherever the word sits in a name
/// (`avia_cookie_text`), whatever the element holds.
pub const BANNER_WORDS: [&str; 8] = [
    "cookie", "cookies", "consent", "gdpr", "cmplz", "popup", "popmake", "modal",
];

/// Class/id words that name content: a name token holding one (`sidebar-and-content-body`, `main-nav-content`) is
/// not chrome, whatever chrome word it also has.
pub const CONTENT_NAME_WORDS: [&str; 6] = ["content", "main", "article", "body", "post", "entry"];

/// Class/id words of page chrome when they are the first or last part of a name (`footer`, `site-footer`,
/// `nav_main`, `left-menu`).
pub const CHROME_NAME_WORDS: [&str; 9] = [
    "footer",
    "foot",
    "copyright",
    "sidebar",
    "nav",
    "menu",
    "navbar",
    "newsletter",
    "subscribe",
];

/// Those of [`CHROME_NAME_WORDS`] that make the element navigation (links by nature) rather than other chrome.
pub const NAVIGATION_NAME_WORDS: [&str; 3] = ["nav", "menu", "navbar"];

/// Footer and site-chrome phrases (copyright, ICP licence, visitor counters, browser advice): a short line with
/// one never belongs to an article.
pub const FOOTER_MARKERS: [&str; 14] = [
    "版权所有",
    "copyright",
    "©",
    "icp备",
    "icp证",
    "公网安备",
    "技术支持",
    "您是第",
    "网站地图",
    "页面生成时间",
    "本站访问",
    "访问人数",
    "建议使用",
    "最佳浏览",
];

/// How link text that is a URL starts (访问地址：http://…): such a link is content, not navigation.
pub const URL_PREFIXES: [&str; 4] = ["http://", "https://", "www.", "mailto:"];

// ——— The body (body.rs): which container holds the article, and what inside it is not article text.

/// Containers that CMS families use only for the article body.
pub const BODY_MARKERS: [&str; 24] = [
    "trs_editor",
    "wp_articlecontent",
    "v_news_content",
    "article-content",
    "articlecontent",
    "article_content",
    "art_content",
    "artibody",
    "article_body",
    "articlebody",
    "news_content",
    "newscontent",
    "news-content",
    "con_text",
    "content_text",
    "zoom",
    "endtext",
    "post_text",
    "text_content",
    "detail-content",
    "detail_content",
    "read_content",
    "custom_unionstyle",
    "ccontent",
];

/// How a `<title>` that greets the visitor starts (欢迎光临本站, Welcome to …): it names the site, never a page.
pub const SITE_GREETINGS: [&str; 5] = ["欢迎光临", "欢迎访问", "欢迎来到", "欢迎您", "welcome to"];

/// Those of [`CHROME_MARKERS`] that name the page's closing block (address, copyright, licence): text found only
/// there is the site's, never a page's own.
pub const FOOTER_NAME_WORDS: [&str; 3] = ["footer", "foot", "copyright"];

/// Class/id words of page chrome, which makes an element a poor body candidate.
pub const CHROME_MARKERS: [&str; 21] = [
    "cookie",
    "consent",
    "popup",
    "modal",
    "subnav",
    "login",
    "footer",
    "foot",
    "nav",
    "menu",
    "sidebar",
    "comment",
    "comments",
    "respond",
    "replies",
    "share",
    "related",
    "copyright",
    "header",
    "banner",
    "breadcrumb",
];

/// Lines inside the body that are reading aids or navigation, not article text.
pub const CHROME_LINES: [&str; 27] = [
    "上一篇",
    "下一篇",
    "上一条",
    "下一条",
    "上一页",
    "下一页",
    "相关文章",
    "相关链接",
    "相关阅读",
    "相关新闻",
    "相关报道",
    "延伸阅读",
    "推荐阅读",
    "打印本页",
    "打印此页",
    "关闭窗口",
    "【打印】",
    "【关闭】",
    "字体：",
    "字号：",
    "分享到",
    "分享至",
    "分享：",
    "扫一扫",
    "返回顶部",
    "收藏本页",
    "加入收藏",
];

/// Score kept by an element whose class or id is a chrome word ([`CHROME_MARKERS`]): a poor body candidate, yet
/// not ruled out.
pub const CHROME_NAME_WEIGHT: f32 = 0.3;

/// Score kept by a list, a list item or a heading: rarely the article (a comment, a teaser list).
pub const LIST_TAG_WEIGHT: f32 = 0.6;

/// Share of the densest block's score an article container ([`BODY_MARKERS`]) needs to be taken as the body.
pub const MARKED_CONTAINER_MIN_SHARE: f32 = 0.5;

/// A boilerplate-named element or a form inside the body's container is dropped only while it scores below this
/// share of the container: one holding most of the text is a wrapper with an odd name.
pub const BOILERPLATE_MAX_SCORE_SHARE: f32 = 0.4;

/// Link text an element inside the body needs before its link density can make it a link box.
pub const LINK_BOX_MIN_LINK_CHARS: usize = 12;

/// Nodes a line of linked names may have (`中心成员：` and a dozen names in spans): more is a box, not a line.
pub const PEOPLE_LINE_MAX_NODES: usize = 80;

/// Linked text a paragraph needs to be prose that a link wraps rather than a linked headline: two sentences
/// worth (a headline is rarely longer, and never ends with a full stop).
pub const LINKED_PROSE_MIN_CHARS: usize = 40;

/// Link density above which an element inside the body is a link box, not text (unless it holds an attachment).
pub const LINK_BOX_MIN_DENSITY: f32 = 0.65;

/// A sibling of the densest block's section joins the body as another section of the same text when it scores
/// at least this share of the block: a page built of several `<section class="about">` parts (goals, functions,
/// features) is one text, and its weakest part is still prose, not a teaser.
pub const SECTION_MIN_SHARE: f32 = 0.25;

/// Sentence punctuation a sibling section needs to count as prose (a section of tiles or slogans has none).
pub const SECTION_MIN_PUNCT: usize = 2;

/// Link share above which a sibling section is a list of links, not a part of the text.
pub const SECTION_MAX_LINK_DENSITY: f32 = 0.3;

/// Text outside links that an article container may hold beyond its densest block before it is taken for a
/// wrapper of more than the article: as much again, plus a few lines (captions, a lead, a short last paragraph).
pub const MARKED_ANCESTOR_SLACK_CHARS: usize = 200;

/// Marks a newspaper sets before a byline (`■张国骥`, `◆ 林晓`): typography, not part of the name.
pub const BYLINE_MARKS: [char; 8] = ['■', '□', '◆', '◇', '●', '○', '▲', '★'];

/// Width (Latin letters; a Chinese character counts two) from which a block with sentence punctuation is a
/// paragraph of the article: about two lines of text, longer than any heading, caption or call to action.
pub const TAIL_PARAGRAPH_MIN_WIDTH: usize = 100;

/// Class/id words of elements that are never article text when they sit inside the article's container.
pub const BOILERPLATE_WORDS: [&str; 53] = [
    "caption",
    "credit",
    "credits",
    "byline",
    "meta",
    "dateline",
    "author",
    "toc",
    "disclaimer",
    "posted",
    "comment",
    "comments",
    "respond",
    "reply",
    "replies",
    "subscribe",
    "subscription",
    "newsletter",
    "related",
    "relatedposts",
    "yarpp",
    "share",
    "sharing",
    "sharedaddy",
    "social",
    "sidebar",
    "teaser",
    "teasers",
    "promo",
    "advert",
    "advertisement",
    "ads",
    "sponsor",
    "sponsored",
    "tags",
    "tagcloud",
    "categories",
    "breadcrumb",
    "breadcrumbs",
    "pagination",
    "pager",
    "navigation",
    "nav",
    "footer",
    "rating",
    "cookie",
    "popup",
    "modal",
    "signup",
    "disqus",
    "authorbox",
    "postmeta",
    "readmore",
];

/// How the short lines of European blog and newspaper widgets start: share, rating, print and comment bars,
/// post meta (tags, categories, "posted in"), "read more" links, newsletter prompts.
pub const WIDGET_LINE_STARTS: [&str; 32] = [
    "teilen",
    "share",
    "artikel bewerten",
    "bewerten",
    "kommentar",
    "comment",
    "drucken",
    "print",
    "weiterlesen",
    "read more",
    "mehr lesen",
    "zurück zu",
    "permalink",
    "permalien",
    "tags:",
    "tag:",
    "schlagworte",
    "schlagwörter",
    "kategorie",
    "category",
    "categories",
    "themen:",
    "posted in",
    "filed under",
    "this entry was posted",
    "aktualisiert am",
    "bild anzeigen",
    "newsletter",
    "abonniere",
    "subscribe",
    "compartir",
    "udostępnij",
];

/// A widget line is short and is not a sentence.
pub const WIDGET_LINE_MAX_CHARS: usize = 60;

/// Whole lines that are share or reading widgets (`微信`, `微博`, `QQ空间`, `评论`).
pub const SOCIAL_WORDS: [&str; 16] = [
    "微信",
    "微博",
    "QQ",
    "QQ空间",
    "Qzone",
    "朋友圈",
    "分享",
    "评论",
    "收藏",
    "打印",
    "关闭",
    "返回",
    "复制链接",
    "新浪微博",
    "腾讯微博",
    "豆瓣",
];

/// How far above a line its table cell may be (`td > p > span`) for the line to be read as a cell of a grid.
pub const GRID_CELL_MAX_DEPTH: usize = 4;

/// Rows of at least [`GRID_MIN_COLUMNS`] cells that make a table a grid of data (a price list, a timetable): a
/// toolbar of `打印 关闭` buttons is one row, a layout table's rows hold a cell or two.
pub const GRID_MIN_ROWS: usize = 3;

/// Cells a row of a grid of data holds at least (see [`GRID_MIN_ROWS`]).
pub const GRID_MIN_COLUMNS: usize = 3;

/// Headings after which a container holds no more article text (related links, recommendations, pagers).
pub const END_MARKERS: [&str; 73] = [
    "相关文章",
    "相关推荐",
    "为你推荐",
    "为您推荐",
    "热门评论",
    "网友评论",
    "我要评论",
    "发表评论",
    "全部评论",
    "热门文章",
    "相关链接",
    "相关阅读",
    "相关新闻",
    "相关报道",
    "延伸阅读",
    "推荐阅读",
    "热点推荐",
    "热门推荐",
    "猜你喜欢",
    "更多阅读",
    "往期回顾",
    "上一篇",
    "下一篇",
    // The same headings on European sites (trafilatura's benchmark, mirrored foreign-language pages).
    "related articles",
    "related posts",
    "you may also like",
    "read more",
    "more stories",
    "weitere artikel",
    "weitere beiträge",
    "mehr zum thema",
    "beiträge zum thema",
    "das könnte dich auch interessieren",
    "das könnte sie auch interessieren",
    "auch interessant",
    "lesen sie auch",
    "artículos relacionados",
    "te puede interesar",
    "zobacz także",
    "ähnliche themen",
    "ähnliche artikel",
    "temas relacionados",
    "noticias relacionadas",
    "más noticias",
    "vous aimerez aussi",
    "à lire aussi",
    "czytaj także",
    // Comment sections, rating and share bars, author boxes and "more from us" headings of European blogs and
    // newspapers.
    "notas relacionadas",
    "kommentare",
    "kommentar schreiben",
    "artikel bewerten",
    "artikel teilen",
    "mit freunden teilen",
    "empfehlungen aus der redaktion",
    "mehr interessantes",
    "verwandte themen",
    "verwandte artikel",
    "sie könnten auch",
    "this entry was posted",
    "leave a comment",
    "leave a reply",
    "share this",
    "you might also like",
    "about the author",
    "if you enjoyed",
    "comentarios",
    "deja un comentario",
    "para comentar",
    "commentaires",
    "sur le même sujet",
    "komentarze",
    "do dyskusji",
    "bisher keine kommentare",
];

/// Phrases of the notes that portals and newsrooms put under an article (reprint notices, disclaimers, app and
/// account prompts, hotlines, keyword and feedback bars) and above it (原标题): lines carrying one are not text.
pub const EDGE_PHRASES: [&str; 26] = [
    "本文来自",
    "不得转载",
    "转载请注明",
    "转载请联系",
    "特别声明",
    "免责声明",
    "版权声明",
    "声明：",
    "报料",
    "正文已结束",
    "原标题",
    "仅代表作者",
    "仅代表个人",
    "欢迎关注",
    "长按识别",
    "更多精彩",
    "关键词",
    "我要反馈",
    "更多猛料",
    "阅读原文",
    "原文链接",
    "原文地址",
    "返回腾讯网",
    "返回网易",
    "返回首页",
    "本文为",
];

/// Names of the media that notes under an article point to (`下载南开大学客户端`, `扫描二维码关注公众号`). A prompt
/// naming one is short; a longer line naming one is prose that mentions it (`…津云等新媒体或媒体客户端全面转发了…`).
pub const EDGE_MEDIA_WORDS: [&str; 4] = ["公众号", "客户端", "app", "二维码"];

/// A note that names only a medium ([`EDGE_MEDIA_WORDS`]) is a prompt of a line or two (`扫码下载客户端，阅读更多
/// 精彩内容`); a narrative paragraph naming outlets and apps is longer.
pub const EDGE_MEDIA_NOTE_MAX_CHARS: usize = 60;

/// An edge note is short: a longer line with one of the phrases is prose that mentions it.
pub const EDGE_NOTE_MAX_CHARS: usize = 120;

/// A metadata line under the text (责任编辑：X, 校对：Y, 本文来源：Z) is short.
pub const EDGE_META_MAX_CHARS: usize = 60;

/// A link line at the text's edge (a keyword bar, a "more" link) is short.
pub const EDGE_LINKS_MAX_CHARS: usize = 40;

/// A paragraph with this much sentence text outside its links is prose even when a link inside it carries a note's
/// phrase (`…仍将持续。返回腾讯网首页>>`): the phrase must then be in the paragraph's own text.
pub const EDGE_PROSE_CHARS: usize = 20;

/// Lines at the body's start that may be a page header's fields (headline, company, 时间, 地点, 浏览量).
pub const HEADER_FIELDS_MAX_LINES: usize = 8;

// ——— The headline (title.rs).

/// `<meta>` names that carry the headline, in order of trust (a CMS's own field before Open Graph and Dublin Core).
pub const TITLE_META: [&str; 4] = ["articletitle", "og:title", "title", "dc.title"];

/// Badges that portals put before a headline (`原创 标题`): not part of it.
pub const BADGES: [&str; 5] = ["原创", "置顶", "独家", "热门", "推荐"];

/// Class/id words of the element that holds a profile's name.
pub const NAME_MARKERS: [&str; 4] = ["name", "xm", "xingming", "teacher_name"];

/// Class/id words of a headline element besides `title` itself (`bt` and `biaoti` are 标题 in pinyin).
pub const HEADING_NAME_WORDS: [&str; 6] = ["tit", "bt", "biaoti", "headline", "heading", "subject"];

/// Endings of site and institution names (`新华网`, `某某大学人文社会科学研究部`, `青川省科学技术协会`): a
/// `<title>` part ending so is the site, not the headline.
pub const SITE_NAME_ENDINGS: [&str; 21] = [
    "网",
    "网站",
    "官网",
    "门户",
    "大学",
    "学院",
    "学校",
    "部",
    "处",
    "中心",
    "协会",
    "学会",
    "科协",
    "政府",
    "局",
    "委员会",
    "厅",
    "研究院",
    "研究所",
    "集团",
    "公司",
];

// ——— Metadata lines (meta.rs): dates, sources, writers, event particulars.

/// `<meta>` names that carry the publication date (government CMS fields, Open Graph, Dublin Core), in order of trust.
pub const DATE_META: [&str; 11] = [
    "pubdate",
    "publishdate",
    "firstpublishedtime",
    "article:published_time",
    "publish_time",
    "publishtime",
    "og:release_date",
    "dc.date.issued",
    "dc.date",
    "releasedate",
    "date",
];

/// `<meta>` names that carry the article's source (the newsroom or office it came from).
pub const SOURCE_META: [&str; 3] = ["contentsource", "source", "article:source"];

/// Labels of an event's particulars (where, who speaks).
pub const EVENT_LABELS: [&str; 7] = ["地点", "会场", "主讲人", "主讲", "报告人", "主持人", "嘉宾"];

/// Lines of the container read after the text's end: past them the container holds other stories' metadata.
pub const CONTAINER_TAIL_LINES: usize = 30;

/// Class/id words a template gives the element holding the writer's name.
pub const WRITER_WORDS: [&str; 3] = ["author", "writer", "byline"];

/// How far up from a header line its writer class may sit (`<div class="author"><p><span>…`).
pub const WRITER_CLASS_REACH: usize = 3;

/// A name, a pen name or a media account: longer is a sentence or a description.
pub const WRITER_MAX_CHARS: usize = 20;

/// How many blocks before the body the header may start when the headline is not known.
pub const BYLINE_HEADER_REACH: usize = 8;

/// A paragraph this long (visible characters outside links) is the article's text proper; shorter lines before
/// the first one (photo captions, a lead, a credit) are still the header, where metadata lines are read.
pub const FULL_PARAGRAPH_MIN_CHARS: usize = 60;

/// How many of the text's first blocks may hold a byline line (after a caption or a lead).
pub const BYLINE_BODY_LINES: usize = 3;

/// How many of the body's last blocks (and blocks after it) may hold a byline line.
pub const BYLINE_TAIL_LINES: usize = 3;

/// The longest name written in Chinese characters without a dot that a byline's role word vouches for: Uyghur and
/// Kazakh names run to six or seven characters (阿不都热合曼); longer runs after a role are phrases.
pub const TRANSLITERATED_NAME_MAX_CHARS: usize = 7;

/// The longest label of a roster line (`工作人员：鲍萍`, `办公室主任：王晓`): a role, not a sentence.
pub const ROSTER_LABEL_MAX_CHARS: usize = 6;

/// A byline line is short.
pub const BYLINE_LINE_MAX_CHARS: usize = 40;

/// The first few page lines after the body that may carry its date (a gallery's caption area, then the date).
pub const DATE_AFTER_BODY_LINES: usize = 3;

// ——— Names and bylines (people.rs).

/// Words of a page's interface that sit where a name could (a follow button beside the author's name).
pub const INTERFACE_WORDS: [&str; 26] = [
    "关注",
    "分享",
    "分享到",
    "评论",
    "收藏",
    "点赞",
    "举报",
    "订阅",
    "登录",
    "注册",
    "原创",
    "转发",
    "打印",
    "关闭",
    "返回",
    "首页",
    "更多",
    "置顶",
    "推荐",
    "热门",
    "佚名",
    "字号",
    "字体",
    "来源",
    "编辑",
    "作者",
];

/// Endings of institutions and columns, never of a personal name (研究院, 宣传部, 新闻网).
pub const INSTITUTION_ENDINGS: [&str; 16] = [
    "院", "部", "处", "所", "网", "报", "社", "局", "会", "室", "组", "站", "厅", "办", "校", "系",
];

/// Endings of posts and titles (党委书记, 副院长, 办公室主任, 教授): a word that ends so names an office, not a person.
pub const POST_ENDINGS: [&str; 16] = [
    "书记", "院长", "校长", "主任", "部长", "处长", "所长", "馆长", "局长", "主席", "委员", "秘书",
    "教授", "经理", "总编", "老师",
];

/// How the names of a site's columns end (新闻动态, 通知公告, 学术活动): a word in a name's place that ends so is a
/// column, not a person.
pub const COLUMN_ENDINGS: [&str; 14] = [
    "动态", "新闻", "公告", "通知", "要闻", "快讯", "资讯", "信息", "专题", "头条", "活动", "工作",
    "聚焦", "视点",
];

/// Names that mean "nobody": an author field with one of these is null.
pub const NO_ONE: [&str; 6] = ["佚名", "未知", "匿名", "网络", "网络整理", "不详"];

/// Role words written after the names (`陈智 整合`, `张三 报道`): not names.
pub const ROLE_SUFFIXES: [&str; 9] = [
    "整合", "整理", "报道", "编译", "采写", "综合", "供稿", "摄", "撰写",
];

/// The most common Chinese surnames (single characters), covering most of the population.
/// Two-character surnames: a four-character Chinese name is one of these and a two-character given name
/// (欧阳晓明); any other four characters under a heading are a phrase (常用表格, 管理团队).
pub const COMPOUND_SURNAMES: [&str; 20] = [
    "欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙", "夏侯", "令狐",
    "宇文", "司徒", "端木", "独孤", "南宫", "西门", "呼延", "轩辕",
];

pub const SURNAMES: &str = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝";

/// The syllables of Mandarin as written in pinyin without tones (ü as v). A Chinese name in Latin letters
/// (`Jiang Pei`, `WANG Canjuan`, `Yang Ju-ping`) is made of them; English words almost never are.
pub const PINYIN_SYLLABLES: &str = "a ai an ang ao ba bai ban bang bao bei ben beng bi bian biao bie bin bing bo bu \
    ca cai can cang cao ce cen ceng cha chai chan chang chao che chen cheng chi chong chou chu chua chuai chuan \
    chuang chui chun chuo ci cong cou cu cuan cui cun cuo da dai dan dang dao de dei den deng di dia dian diao die \
    ding diu dong dou du duan dui dun duo e ei en eng er fa fan fang fei fen feng fo fou fu ga gai gan gang gao ge \
    gei gen geng gong gou gu gua guai guan guang gui gun guo ha hai han hang hao he hei hen heng hong hou hu hua \
    huai huan huang hui hun huo ji jia jian jiang jiao jie jin jing jiong jiu ju juan jue jun ka kai kan kang kao \
    ke kei ken keng kong kou ku kua kuai kuan kuang kui kun kuo la lai lan lang lao le lei leng li lia lian liang \
    liao lie lin ling liu lo long lou lu luan lue lun luo lv lve ma mai man mang mao me mei men meng mi mian miao \
    mie min ming miu mo mou mu na nai nan nang nao ne nei nen neng ni nian niang niao nie nin ning niu nong nou nu \
    nuan nue nuo nv nve o ou pa pai pan pang pao pei pen peng pi pian piao pie pin ping po pou pu qi qia qian qiang \
    qiao qie qin qing qiong qiu qu quan que qun ran rang rao re ren reng ri rong rou ru rua ruan rui run ruo sa sai \
    san sang sao se sen seng sha shai shan shang shao she shei shen sheng shi shou shu shua shuai shuan shuang shui \
    shun shuo si song sou su suan sui sun suo ta tai tan tang tao te teng ti tian tiao tie ting tong tou tu tuan \
    tui tun tuo wa wai wan wang wei wen weng wo wu xi xia xian xiang xiao xie xin xing xiong xiu xu xuan xue xun ya \
    yan yang yao ye yi yin ying yo yong you yu yuan yue yun za zai zan zang zao ze zei zen zeng zha zhai zhan zhang \
    zhao zhe zhei zhen zheng zhi zhong zhou zhu zhua zhuai zhuan zhuang zhui zhun zhuo zi zong zou zu zuan zui zun \
    zuo";

/// The most syllables one word of a romanized Chinese name has: a surname (Ouyang) or a given name written as
/// one word (Xiaoqin, Canjuan). A longer word is not such a name.
pub const PINYIN_WORD_MAX_SYLLABLES: usize = 2;

/// Qualifiers that may stand before a role word (本报记者, 学生记者, 实习生, 特约撰稿, 融媒体记者).
pub const ROLE_QUALIFIERS: [&str; 11] = [
    "专栏",
    "本报",
    "本网",
    "本台",
    "学生",
    "实习",
    "特约",
    "见习",
    "融媒体",
    "全媒体",
    "首席",
];

/// How the name of a newsroom before a role word ends (南开新闻网, 海河传媒中心, 《棱镜》, 澎湃新闻, 央视, a radio
/// station's 新闻广播).
pub const NEWSROOM_ENDINGS: [&str; 13] = [
    "网",
    "报",
    "社",
    "台",
    "视",
    "中心",
    "客户端",
    "新闻",
    "》",
    "刊",
    "杂志",
    "频道",
    "广播",
];

/// The label a closing credit may open with before its outlet and byline (`（来源：新华社客户端 记者 张建新）`).
pub const CREDIT_SOURCE_LABEL: &str = "来源";

/// Words every byline has one of (roles of writers and photographers): a line without one is not parsed.
pub const BYLINE_ROLE_HINTS: [&str; 12] = [
    "记者",
    "通讯员",
    "作者",
    "撰稿",
    "撰文",
    "执笔",
    "文字",
    "文/",
    "文／",
    "图/",
    "摄影",
    "实习生",
];

// ——— The breadcrumb (breadcrumb.rs).

/// Labels that open a breadcrumb line (当前位置：首页 > 新闻): the line after them is the category path.
pub const BREADCRUMB_LABELS: [&str; 9] = [
    "当前位置",
    "您现在的位置",
    "您的位置",
    "所在位置",
    "现在位置",
    "当前的位置",
    "您现在所在位置",
    "您所在的位置",
    "位置：",
];

/// The bare label among [`BREADCRUMB_LABELS`]: it opens a breadcrumb only standing on its own — glued to a word
/// before it (`具体位置：省身楼四层`, `办公位置：`) it is a field of the text.
pub const BREADCRUMB_BARE_LABEL: &str = "位置：";

/// Class/id words of the element that holds a breadcrumb when no label opens it (`dqwz` is 当前位置 in pinyin).
pub const BREADCRUMB_CLASS_WORDS: [&str; 7] = [
    "breadcrumb",
    "bread",
    "crumb",
    "position",
    "location",
    "weizhi",
    "dqwz",
];

/// Breadcrumb items that name no category (the home page, the article itself): left out of the path.
pub const BREADCRUMB_DROPPED: [&str; 9] = [
    "首页",
    "网站首页",
    "主页",
    "正文",
    "内容",
    "详情",
    "正文内容",
    "home",
    "Home",
];

// ——— Page kinds (classify.rs): login and error pages, pages with no article text.

/// A page whose main block is a login form holds at most this much text besides it (a line of instructions); a
/// short article with a 会员登录 box beside it is still an article.
pub const LOGIN_PAGE_MAX_TEXT: usize = 300;

/// The smallest element holding both a login form and the page's main block holds at most this much text when the
/// form is the page (a login box with a line of instructions); a 会员登录 box in a sidebar shares only the page
/// wrapper with the article, which holds the navigation and every panel too.
pub const LOGIN_AREA_MAX_CHARS: usize = 800;

/// An error page says so in a line or two.
pub const ERROR_PAGE_MAX_TEXT: usize = 120;

/// What CMS error pages say (访问地址无效，找不到对应的栏目; 您访问的页面不存在; 404 Not Found).
pub const ERROR_PHRASES: [&str; 11] = [
    "访问地址无效",
    "找不到",
    "不存在",
    "已被删除",
    "无法访问",
    "出错了",
    "没有找到",
    "无权访问",
    "404",
    "not found",
    "页面错误",
];

/// An article's header shows its date once or twice (published, updated); more dated lines between the headline
/// and the text are a list's dates.
pub const HEAD_DATED_LINES_MAX: usize = 3;

/// Dated links needed before they outweigh a page without article metadata.
pub const DATED_LINKS_MIN: usize = 8;

/// A body of metadata lines only (来源, 发布时间 …) up to this long is a header without text: two or three
/// such lines fit, a short notice has a sentence.
pub const METADATA_ONLY_MAX_TEXT: usize = 120;

/// Fields of a person's card on a profile page (post, research field, unit): a body made of these lines and
/// contact lines alone is the card of a profile whose text is empty, not an article.
pub const PERSON_CARD_LABELS: [&str; 13] = [
    "职称",
    "职务",
    "行政职务",
    "负责事务",
    "研究方向",
    "研究领域",
    "研究中心",
    "导师类别",
    "academic title",
    "research field",
    "research center",
    "research interests",
    "position",
];

/// Contact fields that a person's card shows beside [`PERSON_CARD_LABELS`] (a contact page shows them alone,
/// and is an article).
pub const CONTACT_CARD_LABELS: [&str; 14] = [
    "部门",
    "办公电话",
    "电话",
    "电子邮箱",
    "邮箱",
    "办公室号",
    "办公地址",
    "办公室",
    "接待时间",
    "phone",
    "tel",
    "email",
    "e-mail",
    "address",
];

/// Link texts that lead from one section of a page to the whole column it previews (decorations such as `>>`,
/// `+`, `[ ]` aside): a home page or hub has one per section, an article page at most a sidebar's. Not the
/// English "more", which news sites also put under every teaser of a sidebar, each to one story. Each holds 更 or
/// 查: the scans for these links pass over texts without either (a test keeps it so).
pub const MORE_LINK_WORDS: [&str; 4] = ["更多", "查看更多", "更多内容", "查看全部"];

/// Sections with their own "more" link ([`MORE_LINK_WORDS`], distinct targets) that make an undated page an
/// index: none of the tune part's articles has more than two.
pub const INDEX_MORE_LINKS_MIN: usize = 3;

/// A person's card names at least this many of [`PERSON_CARD_LABELS`]: one could be a notice's line.
pub const PERSON_CARD_MIN_FIELDS: usize = 2;

/// The headings of a profile's CV sections (tab labels and the captions inside the panes), in the two languages
/// school templates use: standing alone under a card they are an empty CV's frame, not text of its own.
pub const CV_SECTION_HEADINGS: [&str; 22] = [
    "个人简介",
    "工作经历",
    "教育经历",
    "教育背景",
    "科研成果",
    "学术成果",
    "社会兼职",
    "教授课程",
    "讲授课程",
    "荣誉称号",
    "获奖情况",
    "personal profile",
    "profile",
    "work experience",
    "education",
    "achievement",
    "achievements",
    "social appointments",
    "courses taught",
    "honor title",
    "honors",
    "publications",
];

/// What an empty pane of a profile shows instead of text.
pub const EMPTY_PANE_WORDS: [&str; 4] = ["n/a", "暂无", "暂无内容", "无"];

/// A card's line is short: a longer line is text.
pub const CARD_LINE_MAX_CHARS: usize = 60;

/// A profile's card lines sit together: the first field and the last are at most this many blocks apart (name,
/// post, research field, phone, email, office).
pub const PROFILE_CARD_SPAN_BLOCKS: usize = 8;

/// Levels climbed from a card that won the body alone to the element that also holds the CV panes (card box,
/// left column, row, table cell of a template).
pub const PROFILE_CLIMB_MAX: usize = 6;

/// The element holding a profile's card and CV is text, not a menu: links are at most this share of its text.
pub const PROFILE_MAX_LINK_DENSITY: f32 = 0.2;

/// What the element holding a profile's card and CV may add besides them: the tab labels over the panes (个人简介
/// 科研成果 社会兼职 …) and a caption; more is another part of the page.
pub const PROFILE_SLACK_CHARS: usize = 150;

/// A best block shorter than this (with no attachment and no image) is no article text.
pub const EMPTY_TEXT_MAX: usize = 20;

/// On a page without a headline of its own, a body of one line this short and no sentence is no article text:
/// a footer's e-mail line, a row of posts; a one-sentence notice has its headline.
pub const ONE_LINE_MAX_CHARS: usize = 40;

// ——— Lists of links and pagers (lists.rs): the evidence that a page is a column list, not an article.

/// Items a list needs to be evidence on its own: fewer could be a short "related" box or an article's numbered
/// links.
pub const LIST_MIN_ITEMS: usize = 5;

/// With a pager beside it, a list of this many items is a list page (the last page of a column may hold two; one
/// item that starts with a link could be a paragraph of a multi-page article).
pub const LIST_MIN_ITEMS_WITH_PAGER: usize = 2;

/// An item "starts with" its link when at most this many visible characters come before the link (a date, a
/// number, a bullet).
pub const ITEM_LEAD_MAX_CHARS: usize = 12;

/// Share of the items that must start with a link to a distinct page.
pub const LINKED_ITEM_SHARE: f32 = 0.8;

/// Share of the main block's text the list's items must hold: the list *is* the page, not a box in an article.
pub const LIST_TEXT_SHARE: f32 = 0.6;

/// How far up from the chosen block the list may sit (the chosen block can be one item or the list's wrapper).
pub const LIST_ANCESTOR_LEVELS: usize = 3;

/// Records under a pager need at least this many items (a multi-page article's pager has paragraphs beside it,
/// not records).
pub const RECORDS_MIN_ITEMS: usize = 3;

/// A record holds at most this many sentences (a teaser); more is article prose.
pub const RECORD_MAX_SENTENCES: usize = 1;

/// A record is short: a date, a title, a place, a name card.
pub const RECORD_MAX_CHARS: usize = 200;

/// Linked items average at most this much text (a title and a teaser); sections of an article that start with
/// a link are longer.
pub const LINKED_ITEM_MAX_AVG_CHARS: usize = 600;

/// A chosen block scoring below this holds no real text (a pager, a heading, one short line): the page's list,
/// if it has one, is looked for anywhere outside the page chrome.
pub const WEAK_BODY_SCORE: f32 = 60.0;

/// Outside the chosen block, a list must hold at least this many times its text to be the page's content.
pub const PAGE_LIST_TEXT_RATIO: usize = 2;

/// A card whose thumbnail links to the same page as its title link leads with that title when the title is at
/// least this long: an avatar beside a user name (a forum post) links to a profile under a shorter name.
pub const CARD_TITLE_MIN_CHARS: usize = 16;

/// Outside the chosen block, linked items must read like titles (average link text this long) or carry dates:
/// menus of short column names are on every page.
pub const TITLE_LINK_MIN_CHARS: usize = 8;

/// Link lists inside an article's container smaller than this share of its text are boxes beside the text
/// (related stories, hot lists, a column's latest items), not the text.
pub const BOX_MAX_TEXT_SHARE: f32 = 0.5;

/// Items a box of links needs: two linked lines may be a sentence's references.
pub const BOX_MIN_ITEMS: usize = 3;

/// Chinese pager words: unambiguous in a short line (a multi-page article has them too, so a pager is only
/// evidence beside a list).
pub const PAGER_WORDS: [&str; 7] = [
    "下一页",
    "下页",
    "尾页",
    "末页",
    "上一页",
    "下一頁",
    "末 页",
];

/// Latin pager words count only beside page numbers (`1 2 3 Next »`): "next" alone is a post navigation.
pub const LATIN_PAGER_WORDS: [&str; 5] = ["next", "last", "»", "›", "weiter"];

/// A pager's four Latin buttons: three of them beside one page number (`First Previous 1 Next Last`) are a
/// pager of a single page, where [`LATIN_PAGER_WORDS`] want two numbers.
pub const LATIN_PAGER_BUTTONS: [&str; 4] = ["first", "prev", "next", "last"];

/// How many of [`LATIN_PAGER_BUTTONS`] make a pager with a single page number.
pub const LATIN_PAGER_BUTTONS_MIN: usize = 3;

/// A pager line is short.
pub const PAGER_MAX_CHARS: usize = 120;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_more_link_word_holds_a_letter_the_scans_look_for() {
        assert!(MORE_LINK_WORDS.iter().all(|w| w.contains(['更', '查'])));
    }
}
