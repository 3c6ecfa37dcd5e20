#!/usr/bin/env python3
"""Builds data/lexicons/entity_common_words.txt: words that news prose writes
in lower case mid-sentence (>= 90% of their mid-sentence uses, >= 5 uses).

The entities tagger reads it to true-case Title-Case lines (web headings such
as "Putco Confirms Buses Attacked"), where capitals say nothing about names.
Only counts leave the corpora: the list holds single words, no text.

    python3 scripts/common_words.py ../shared/corpora > data/lexicons/entity_common_words.txt
"""
import os
import re
import sys
from collections import Counter

WORD = re.compile(r"[A-Za-z][a-z]+(?:[-'][a-z]+)*|[^\sA-Za-z]")
ENDS = set(".!?:;\"“”'‘’(")


def main(root: str) -> None:
    low, cap = Counter(), Counter()
    files = 0
    for dirpath, _, names in os.walk(root):
        for name in names:
            if not name.endswith(".txt") or name.upper() == "README.TXT":
                continue
            with open(os.path.join(dirpath, name), encoding="utf-8", errors="replace") as f:
                lines = f.read().split("\n")[1:]  # the first line is the headline
            files += 1
            for line in lines:
                letters = [c for c in line if c.isalpha()]
                if not letters or sum(c.isupper() for c in letters) * 2 > len(letters):
                    continue  # empty or mostly capitals (headlines, tables)
                prev = "."
                for tok in WORD.findall(line):
                    if tok[0].isalpha():
                        if prev not in ENDS:
                            if tok.islower():
                                low[tok] += 1
                            elif tok[0].isupper() and tok[1:].islower():
                                cap[tok.lower()] += 1
                    prev = tok if not tok[0].isalpha() else "w"
    words = sorted(
        w for w, n in low.items() if n >= 5 and n >= 9 * cap[w] and len(w) > 1
    )
    print("# Common lower-case words of English news prose, one per line.")
    print("# Source: word counts computed by scripts/common_words.py over the BBC News")
    print("# 2004-05 and Reuters-21578 corpora (research datasets; only single words")
    print("# and no text are kept): a word is listed when >= 90% of its >= 5")
    print("# mid-sentence uses are lower case. Licence: this list is newsetl's own")
    print(f"# derived data, same licence as the project. {len(words)} words from {files} files.")
    for w in words:
        print(w)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "../shared/corpora")
