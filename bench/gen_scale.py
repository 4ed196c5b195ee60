#!/usr/bin/env python3
"""Synthetic rule books and texts for bench/scale.sh (issue 16).

Usage: bench/gen_scale.py rules K OUTDIR   copies data/ and rules/ to OUTDIR
           and grows them to K times today's facts and rules
       bench/gen_scale.py cases K N        N batch cases (one a line) mixing
           bench/gen_cases.py fragments with phrases of the K-times book
       bench/gen_scale.py text SHAPE BYTES one case of about BYTES bytes:
           typical | subjects (many subject words) | unknown (thousands of
           distinct unknown words)

A synthetic fact has 8 Japanese and 4 English phrases (made-up katakana and
ASCII words, all distinct, none inside another), so the 100x lexicon stays
under the 4 MiB file limit; each synthetic rule sends one or two of them to
an agency and role of a shipped rule. Deterministic.
"""
import os
import random
import re
import shutil
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
KANA = "ヌネノハフヘホマムメモヤユヨラルレロワ"  # no letters of a shipped katakana phrase's start
LATIN = "bcdfghjklmnpqrstvwxz"


def digits(n, alphabet, width):
    out = []
    for _ in range(width):
        out.append(alphabet[n % len(alphabet)])
        n //= len(alphabet)
    return "".join(out)


def ja_phrase(fact, k):
    return "ゾゾ" + digits(fact * 8 + k, KANA, 5)


def en_phrase(fact, k):
    return "zq" + digits(fact * 4 + k, LATIN, 5)


def shipped_counts():
    lex = open(os.path.join(ROOT, "rules/lexicon.yaml"), encoding="utf-8").read()
    routing = open(os.path.join(ROOT, "rules/routing.yaml"), encoding="utf-8").read()
    facts = len(re.findall(r"^  - id: ", lex.split("\nfacts:", 1)[1], re.M))
    rules = len(re.findall(r"^- id: ", routing, re.M))
    targets = re.findall(r"\{agency: ([\w-]+), roles: \[([\w-]+)", routing)
    return facts, rules, sorted(set(targets))


def synthetic(k):
    facts, rules, _ = shipped_counts()
    return (k - 1) * facts, (k - 1) * rules


def gen_rules(k, out):
    shutil.copytree(os.path.join(ROOT, "data"), os.path.join(out, "data"))
    shutil.copytree(os.path.join(ROOT, "rules"), os.path.join(out, "rules"))
    nfacts, nrules = synthetic(k)
    _, _, targets = shipped_counts()
    lex = []
    for f in range(nfacts):
        lex.append(f"\n  - id: synth-{f}\n    label: {{ja: 合成{f}, en: synthetic {f}}}\n"
                   f"    area: admin\n    subject: household\n    ja:\n")
        lex.extend(f"      - {ja_phrase(f, i)}\n" for i in range(8))
        lex.append("    en:\n")
        lex.extend(f"      - {en_phrase(f, i)}\n" for i in range(4))
    with open(os.path.join(out, "rules/lexicon.yaml"), "a", encoding="utf-8") as fh:
        fh.write("".join(lex))
    rng = random.Random(k)
    out_rules = []
    for r in range(nrules):
        agency, role = targets[r % len(targets)]
        a = r % max(nfacts, 1)
        cond = f"any: [synth-{a}]" if r % 3 else f"all: [synth-{a}, synth-{rng.randrange(nfacts)}]"
        out_rules.append(f"\n- id: synth-rule-{r}\n  when:\n    {cond}\n  to:\n"
                         f"    - {{agency: {agency}, roles: [{role}], weight: 10}}\n"
                         f"  reason:\n    ja: \"合成ルール{r}\"\n    en: \"Synthetic rule {r}\"\n")
    with open(os.path.join(out, "rules/routing.yaml"), "a", encoding="utf-8") as fh:
        fh.write("".join(out_rules))


def gen_cases(k, n):
    base = subprocess.run([sys.executable, os.path.join(HERE, "gen_cases.py"), str(n)],
                          check=True, capture_output=True, text=True).stdout.splitlines()
    nfacts, _ = synthetic(k)
    rng = random.Random(7)
    for i, line in enumerate(base):
        # Half the cases carry one or two synthetic phrases, so the grown
        # rules fire as often as a case's facts allow.
        if nfacts and i % 2:
            f = rng.randrange(nfacts)
            line += "、" + ja_phrase(f, rng.randrange(8)) if rng.random() < 0.5 else " " + en_phrase(f, rng.randrange(4))
        print(line)


def gen_text(shape, size):
    rng = random.Random(size)
    if shape == "typical":
        unit = "親が80代、息子は無職で十年ひきこもっている。生活が苦しく、借金もある。"
        words = [unit]
    elif shape == "subjects":
        words = ["母は80代で父は82歳、息子と娘と兄と妹と祖母と本人と"]
    else:
        words = []
    out, n = [], 0
    while n < size:
        if shape == "unknown":
            w = "".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(7)) + " "
        else:
            w = words[0]
        out.append(w)
        n += len(w.encode("utf-8"))
    text = "".join(out)
    print(text.encode("utf-8")[:size].decode("utf-8", "ignore").strip())


def main():
    cmd = sys.argv[1]
    if cmd == "rules":
        gen_rules(int(sys.argv[2]), sys.argv[3])
    elif cmd == "cases":
        gen_cases(int(sys.argv[2]), int(sys.argv[3]))
    elif cmd == "text":
        gen_text(sys.argv[2], int(sys.argv[3]))
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
