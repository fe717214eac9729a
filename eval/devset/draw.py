#!/usr/bin/env python3
"""Draw the dev set of issue 8 at random with a fixed seed, and split it once into tune and check parts.

Run from the repository root: `python3 eval/devset/draw.py` (reads ../shared/corpus, writes eval/devset/draw.json).
The draw is reproducible: the same corpus and seed give the same file. Nothing here looks at the extractor.

- Pages: from the sorted file lists of nku/, gne/ and netease-gbk/, minus the 110 pages of labels.json and
  labels-2.json, one rng.sample per folder with the same rng object, in that order. Every drawn page is labelled
  with its kind (kinds.json); its articles are labelled field by field (labels.json).
- Benchmark pages: trafilatura-eval pages whose language is not English (by <html lang>, else by the share of
  English function words in their 'with' snippets), scored for body only with the benchmark's own snippets.
- Split: per folder, the drawn list is shuffled with the same rng and its first two thirds are the tune part.
  labels-2.json / kinds-2.json (drawn and labelled outside the project) belong to the check part as a whole.
- The first draw left out only the pages of labels.json and labels-2.json, so three of its pages are also among
  kinds-2.json's non-articles. Each is replaced, after everything above and with the same rng, by a page drawn
  from the rest of its folder, which takes its part (the outside set stays whole in the check part).
- Second draw (more tune signal, issue 8): with its own seed (SEED_2) and rng, DRAW_2 pages per folder from what
  the first draw, labels.json, labels-2.json and kinds-2.json left, split the same way; its pages carry
  "draw": 2. Adding it leaves every page and part of the first draw as it was.
- Third draw (fifth-session tune misses were down to a handful, issue 8): the same again with SEED_3 and DRAW_3
  from what the earlier draws left (gne/ has no page left); its pages carry "draw": 3.
- Fourth draw (seventh session: tune misses again down to a handful, issue 8): SEED_4 and DRAW_4 from what the
  earlier draws left (netease-gbk/ has no page left); its pages carry "draw": 4.
- Fifth draw (eighth session: tune misses down to a handful again, issue 8): SEED_5 and DRAW_5 from what the
  earlier draws left; its pages carry "draw": 5.
- Sixth draw (ninth session: tune misses down to a handful again, issue 8): SEED_6 and DRAW_6 from what the
  earlier draws left; its pages carry "draw": 6.
- Seventh draw (tenth session: tune misses down to a handful again, issue 8): SEED_7 and DRAW_7 from what the
  earlier draws left; its pages carry "draw": 7.
- Eighth draw (eleventh session: tune misses down to a handful again, issue 8): SEED_8 and DRAW_8 from what the
  earlier draws left; its pages carry "draw": 8.
- Ninth draw (twelfth session: tune misses down to a handful again, issue 8): SEED_9 and DRAW_9 from what the
  earlier draws left; its pages carry "draw": 9.
- Tenth draw (thirteenth session: tune misses down to a handful again, issue 8): SEED_10 and DRAW_10 from what the
  earlier draws left; its pages carry "draw": 10.
- Eleventh draw (fourteenth session: tune misses down to a handful again, issue 8): SEED_11 and DRAW_11 from what
  the earlier draws left; its pages carry "draw": 11.
- Twelfth draw (fifteenth session: tune misses down to a handful again, issue 8): SEED_12 and DRAW_12, the last
  31 nku pages the earlier draws left (the corpus has no undrawn page after it); its pages carry "draw": 12.
"""
import json
import os
import random
import re

SEED = 20261206
CORPUS = os.path.join("..", "shared", "corpus")
DRAW = {"nku": 240, "gne": 30, "netease-gbk": 30}
SEED_2 = 20261207
DRAW_2 = {"nku": 60, "gne": 10, "netease-gbk": 10}
SEED_3 = 20261208
DRAW_3 = {"nku": 84, "netease-gbk": 3}
SEED_4 = 20261209
DRAW_4 = {"nku": 105}
SEED_5 = 20261210
DRAW_5 = {"nku": 105}
SEED_6 = 20261211
DRAW_6 = {"nku": 105}
SEED_7 = 20261212
DRAW_7 = {"nku": 140}
SEED_8 = 20261213
DRAW_8 = {"nku": 140}
SEED_9 = 20261214
DRAW_9 = {"nku": 140}
SEED_10 = 20261215
DRAW_10 = {"nku": 140}
SEED_11 = 20261216
DRAW_11 = {"nku": 140}
SEED_12 = 20261217
DRAW_12 = {"nku": 31}
TUNE_SHARE = 2 / 3
ENGLISH_WORDS = {"the", "and", "of", "to", "in", "is", "for", "that", "with", "on", "are", "was", "this", "by"}


def labelled():
    seen = set()
    for name in ("labels.json", "labels-2.json"):
        for item in json.load(open(os.path.join(CORPUS, name), encoding="utf-8")):
            seen.add(item["file"])
    return seen


def outside_kinds():
    return set(json.load(open(os.path.join(CORPUS, "kinds-2.json"), encoding="utf-8")))


def replace_outside_pages(rng, pages, skip):
    """Replace drawn pages that the outside set (kinds-2.json) already holds; see the module doc."""
    outside = outside_kinds()
    drawn = {p["file"] for p in pages}
    for i, p in enumerate(pages):
        if p["file"] not in outside:
            continue
        folder = p["file"].split("/")[0]
        names = sorted(os.listdir(os.path.join(CORPUS, folder)))
        pool = [f"{folder}/{n}" for n in names]
        pool = [f for f in pool if f not in skip and f not in drawn and f not in outside]
        new = rng.choice(pool)
        drawn.add(new)
        pages[i] = {"file": new, "part": p["part"], "replaces": p["file"]}


def split(rng, files):
    files = list(files)
    rng.shuffle(files)
    cut = round(len(files) * TUNE_SHARE)
    return [{"file": f, "part": "tune" if i < cut else "check"} for i, f in enumerate(files)]


def later_draw(taken, seed, sizes, number):
    """The later draws (second to sixth); see the module doc."""
    rng = random.Random(seed)
    pages = []
    for folder, n in sizes.items():
        names = sorted(os.listdir(os.path.join(CORPUS, folder)))
        pool = [f"{folder}/{name}" for name in names if f"{folder}/{name}" not in taken]
        for p in split(rng, rng.sample(pool, min(n, len(pool)))):
            pages.append({**p, "draw": number})
    return pages


def language(path, snippets):
    head = open(path, "rb").read(4096).decode("latin-1").lower()
    m = re.search(r"<html[^>]*\blang\s*=\s*[\"']?([a-z]{2})", head)
    if m:
        return m.group(1)
    words = re.findall(r"[a-z]+", " ".join(snippets).lower())
    english = sum(w in ENGLISH_WORDS for w in words)
    return "en" if words and english / len(words) > 0.08 else "other"


def main():
    rng = random.Random(SEED)
    skip = labelled()
    pages = []
    for folder, n in DRAW.items():
        names = sorted(os.listdir(os.path.join(CORPUS, folder)))
        pool = [f"{folder}/{name}" for name in names if f"{folder}/{name}" not in skip]
        pages += split(rng, rng.sample(pool, min(n, len(pool))))
    evaldata = json.load(open(os.path.join(CORPUS, "trafilatura-eval", "evaldata.json"), encoding="utf-8"))
    foreign = []
    for url in sorted(evaldata):
        item = evaldata[url]
        path = os.path.join(CORPUS, "trafilatura-eval", item["file"])
        if os.path.exists(path) and language(path, item.get("with", [])) != "en":
            foreign.append(item["file"])
    benchmark = split(rng, foreign)
    replace_outside_pages(rng, pages, skip)
    pages += later_draw(skip | outside_kinds() | {p["file"] for p in pages}, SEED_2, DRAW_2, 2)
    pages += later_draw(skip | outside_kinds() | {p["file"] for p in pages}, SEED_3, DRAW_3, 3)
    pages += later_draw(skip | outside_kinds() | {p["file"] for p in pages}, SEED_4, DRAW_4, 4)
    pages += later_draw(skip | outside_kinds() | {p["file"] for p in pages}, SEED_5, DRAW_5, 5)
    pages += later_draw(skip | outside_kinds() | {p["file"] for p in pages}, SEED_6, DRAW_6, 6)
    pages += later_draw(skip | outside_kinds() | {p["file"] for p in pages}, SEED_7, DRAW_7, 7)
    pages += later_draw(skip | outside_kinds() | {p["file"] for p in pages}, SEED_8, DRAW_8, 8)
    pages += later_draw(skip | outside_kinds() | {p["file"] for p in pages}, SEED_9, DRAW_9, 9)
    pages += later_draw(skip | outside_kinds() | {p["file"] for p in pages}, SEED_10, DRAW_10, 10)
    pages += later_draw(skip | outside_kinds() | {p["file"] for p in pages}, SEED_11, DRAW_11, 11)
    pages += later_draw(skip | outside_kinds() | {p["file"] for p in pages}, SEED_12, DRAW_12, 12)
    out = {
        "seed": SEED,
        "method": __doc__.strip(),
        "pages": pages,
        "benchmark": benchmark,
    }
    with open(os.path.join("eval", "devset", "draw.json"), "w", encoding="utf-8") as f:
        json.dump(out, f, ensure_ascii=False, indent=1)
        f.write("\n")
    tune = sum(p["part"] == "tune" for p in pages)
    print(f"{len(pages)} pages ({tune} tune, {len(pages) - tune} check); "
          f"{len(benchmark)} non-English benchmark pages "
          f"({sum(p['part'] == 'tune' for p in benchmark)} tune)")


if __name__ == "__main__":
    main()
