#!/usr/bin/env python3
"""Merge the labelling batches (batches/NN.kinds.json, NN.labels.json) into kinds.json and labels.json, in draw
order, checking that every drawn page has exactly one kind label. Run from the repository root after editing a
batch: `python3 eval/devset/merge.py && python3 eval/devset/verify.py eval/devset/labels.json eval/devset/kinds.json`.
"""
import glob
import json
import os

HERE = os.path.join("eval", "devset")


def main():
    draw = json.load(open(os.path.join(HERE, "draw.json"), encoding="utf-8"))
    order = [p["file"] for p in draw["pages"]]
    kinds, labels = {}, []
    for path in sorted(glob.glob(os.path.join(HERE, "batches", "*.pages.txt"))):
        stem = path[: -len(".pages.txt")]
        pages = open(path, encoding="utf-8").read().split()
        k = json.load(open(stem + ".kinds.json", encoding="utf-8"))
        if set(k) != set(pages):
            raise SystemExit(f"{stem}: kinds do not cover exactly the batch's pages")
        kinds.update(k)
        labels += json.load(open(stem + ".labels.json", encoding="utf-8"))
    if set(kinds) != set(order):
        raise SystemExit("the batches do not cover exactly the drawn pages")
    position = {f: i for i, f in enumerate(order)}
    labels.sort(key=lambda item: position[item["file"]])
    with open(os.path.join(HERE, "kinds.json"), "w", encoding="utf-8") as f:
        json.dump({p: kinds[p] for p in order}, f, ensure_ascii=False, indent=1)
        f.write("\n")
    with open(os.path.join(HERE, "labels.json"), "w", encoding="utf-8") as f:
        json.dump(labels, f, ensure_ascii=False, indent=1)
        f.write("\n")
    articles = sum(v["kind"] == "article" for v in kinds.values())
    print(f"{len(kinds)} pages ({articles} articles), {len(labels)} labelled field by field")


if __name__ == "__main__":
    main()
