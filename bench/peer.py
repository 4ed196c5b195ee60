#!/usr/bin/python3
"""The peer tsunagu's reading must beat: the same first steps in Python.

Reads cases (one per line) and, for each, normalises (NFKC, lower case),
splits clauses, reads Japanese with MeCab (mecab-python3, IPA dictionary)
and English with Snowball stems, finds the lexicon's phrases (read the
same way, rules/lexicon.yaml) on lemma streams, counts negations after
each, and writes one JSON line of facts per case. It stops there: no
household, rules, ranking or agencies, so it does less than tsunagu.

Debian: apt-get install python3-mecab python3-yaml python3-snowballstemmer
Usage: /usr/bin/python3 bench/peer.py rules/lexicon.yaml < cases.txt > out.jsonl
"""
import json
import re
import sys
import unicodedata

import MeCab
import snowballstemmer
import yaml

TAGGER = MeCab.Tagger("-r /dev/null -d /var/lib/mecab/dic/ipadic-utf8")
STEM = snowballstemmer.stemmer("english")
CLAUSE = re.compile(r"[、。「」『』・,.;:!?/\n]+")
FILLERS = {"は", "も", "が", "を", "ほとんど", "あまり", "全く", "めったに"}
NEGATIONS = {"ない", "ぬ", "ん"}
CARRIERS = {"て", "で", "いる", "しまう", "こと", "わけ", "する", "ある", "ます", "た", "だ"}


def read(text):
    """[(lemma, pos)] for a clause: MeCab for Japanese, stems for English."""
    words = []
    for part in re.findall(r"[a-z0-9]+|[^\x00-\x7f]+", text):
        if part.isascii():
            words.append((STEM.stemWord(part), "word"))
            continue
        node = TAGGER.parseToNode(part)
        while node:
            if node.surface:
                f = node.feature.split(",")
                lemma = f[6] if len(f) > 6 and f[6] != "*" else node.surface
                words.append((lemma, f[0]))
            node = node.next
    return words


def load(path):
    lexicon = {}
    for fact in yaml.safe_load(open(path, encoding="utf-8"))["facts"]:
        for phrase in (fact.get("ja") or []) + (fact.get("en") or []):
            norm = unicodedata.normalize("NFKC", phrase).lower()
            key = tuple(w for w, p in read(norm) if w not in FILLERS and w not in NEGATIONS)
            if key:
                lexicon.setdefault(key, fact["id"])
    return lexicon


def main():
    lexicon = load(sys.argv[1])
    longest = max(len(k) for k in lexicon)
    for line in sys.stdin:
        text = unicodedata.normalize("NFKC", line.rstrip("\n")).lower()
        facts = []
        for clause in CLAUSE.split(text):
            words = [w for w in read(clause) if w[0] not in FILLERS]
            i = 0
            while i < len(words):
                for n in range(min(longest, len(words) - i), 0, -1):
                    key = tuple(w for w, _ in words[i:i + n])
                    if key in lexicon:
                        j, negations = i + n, 0
                        while j < len(words) and (words[j][0] in CARRIERS or words[j][0] in NEGATIONS):
                            negations += words[j][0] in NEGATIONS
                            j += 1
                        facts.append({"fact": lexicon[key], "negated": negations % 2 == 1})
                        i += n - 1
                        break
                i += 1
        sys.stdout.write(json.dumps({"text": line.rstrip("\n"), "facts": facts}, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
