#!/usr/bin/env python3
"""Check labels against the page text: every snippet must occur in the decoded, tag-stripped page.

`python3 eval/devset/verify.py FILE.labels.json [FILE.kinds.json]` — prints each label value that does not occur
(whitespace removed on both sides, including U+3000 and U+00A0) and exits 1 when any does; also checks that every
labelled article has kind "article" and dates have the YYYY-MM-DD[THH:MM] form.
"""
import json
import os
import re
import sys

sys.path.insert(0, os.path.dirname(__file__))
from show import CORPUS, decode, text_of  # noqa: E402

FIELDS = ("title", "source", "editor", "body_first", "body_last")


def squash(s):
    return re.sub(r"\s+", "", s.replace("\u3000", "").replace("\u00a0", ""))


def main():
    labels = json.load(open(sys.argv[1], encoding="utf-8"))
    kinds = json.load(open(sys.argv[2], encoding="utf-8")) if len(sys.argv) > 2 else None
    bad = 0
    for item in labels:
        raw = decode(open(os.path.join(CORPUS, item["file"]), "rb").read())
        title, text = text_of(raw)
        plain = squash(re.sub(r"⟦[^⟧]*⟧", "", text) + (title or ""))
        whole = squash(raw)

        def missing(field, value):
            nonlocal bad
            bad += 1
            print(f"{item['file']}  {field}: «{value}» does not occur in the page text")

        for field in FIELDS:
            if item.get(field) and squash(item[field]) not in plain:
                missing(field, item[field])
        for name in (item.get("author") or "").split():
            if squash(name) not in plain:
                missing("author", name)
        for snippet in item.get("body_absent", []):
            if squash(snippet) not in plain:
                missing("body_absent", snippet)
        for att in item.get("attachments", []):
            if att.get("name") and squash(att["name"]) not in plain:
                missing("attachment name", att["name"])
            if att.get("href") and squash(att["href"]).replace("&amp;", "&") not in whole.replace("&amp;", "&"):
                missing("attachment href", att["href"])
        pub = item.get("published")
        if pub and not re.fullmatch(r"\d{4}-\d{2}-\d{2}(T\d{2}:\d{2})?", pub):
            bad += 1
            print(f"{item['file']}  published: «{pub}» is not YYYY-MM-DD[THH:MM]")
        if kinds is not None and kinds.get(item["file"], {}).get("kind") != "article":
            bad += 1
            print(f"{item['file']}  has field labels but is not kind 'article' in the kinds file")
    if kinds is not None:
        arts = {k for k, v in kinds.items() if v["kind"] == "article"}
        for f in sorted(arts - {i["file"] for i in labels}):
            bad += 1
            print(f"{f}  is an article in the kinds file but has no field labels")
    print(f"{len(labels)} labelled page(s), {bad} problem(s)")
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
