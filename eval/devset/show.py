#!/usr/bin/env python3
"""Print a corpus page as labellers read it: decoded text, one block per line, links and images marked.

`python3 eval/devset/show.py nku/0123….html [--source]` (paths relative to ../shared/corpus). Independent of the
extractor on purpose: labels must not be read off sitelift's output. --source prints the decoded HTML instead.
"""
import html.parser
import os
import re
import sys

CORPUS = os.path.join(os.path.dirname(__file__), "..", "..", "..", "shared", "corpus")
BLOCKS = {"p", "div", "br", "tr", "li", "h1", "h2", "h3", "h4", "h5", "h6", "table", "ul", "ol", "dl", "dt", "dd",
          "section", "article", "header", "footer", "nav", "aside", "form", "center", "blockquote", "pre", "hr",
          "title", "td", "th"}
SKIP = {"script", "style", "noscript", "template", "head"}


def decode(data):
    head = data[:65536].decode("latin-1").lower()
    m = re.search(r"<meta[^>]*charset\s*=\s*[\"']?([a-z0-9_-]+)", head)
    label = m.group(1) if m else "utf-8"
    if label in ("gb2312", "gbk", "gb18030", "x-gbk"):
        label = "gb18030"
    try:
        return data.decode(label)
    except (UnicodeDecodeError, LookupError):
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError:
            return data.decode("gb18030", errors="replace")


class Text(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.out, self.skip, self.title = [], 0, None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "title":
            self.title = ""
        if tag in SKIP and tag != "head":
            self.skip += 1
        if tag in BLOCKS:
            self.out.append("\n")
        if tag in ("td", "th"):
            self.out.append(" | ")
        if tag == "a" and a.get("href"):
            self.out.append("⟦a " + a["href"][:160] + "⟧")
        if tag == "img":
            self.out.append("⟦img " + (a.get("alt") or "") + " " + (a.get("src") or "")[:100] + "⟧")
        if tag in ("iframe", "embed", "frame") and a.get("src"):
            self.out.append("⟦" + tag + " " + a["src"][:160] + "⟧")
        if tag == "input" and (a.get("type") or "").lower() == "password":
            self.out.append("⟦password-box⟧")

    def handle_endtag(self, tag):
        if tag in SKIP and tag != "head":
            self.skip = max(0, self.skip - 1)
        if tag == "a":
            self.out.append("⟦/a⟧")
        if tag in BLOCKS:
            self.out.append("\n")

    def handle_data(self, data):
        if self.title == "":
            self.title = data.strip()
        if not self.skip:
            self.out.append(data)


def text_of(page_html):
    t = Text()
    t.feed(page_html)
    lines = [re.sub(r"[ \t\r\f\v\u00a0]+", " ", line).strip() for line in "".join(t.out).split("\n")]
    return t.title, "\n".join(line for line in lines if line and line != "|")


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    page = decode(open(os.path.join(CORPUS, args[0]), "rb").read())
    if "--source" in sys.argv:
        print(page)
        return
    title, text = text_of(page)
    print(f"<title>: {title}\n")
    print(text)


if __name__ == "__main__":
    main()
