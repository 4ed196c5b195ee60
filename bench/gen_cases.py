#!/usr/bin/env python3
"""Synthetic intake cases for the batch benchmark.

Usage: bench/gen_cases.py N [--format text|csv|jsonl] [--seed S] > cases.txt

Each case joins 2-5 fragments (ages, withdrawal, care, money, work,
disability, neighbourhood, admin, unknown words) in Japanese or English,
so the mix of facts, rules and unrecognised words resembles real intake
notes. Deterministic for a given seed.
"""
import argparse
import json
import random

JA = [
    "{p}代の母が要介護", "父{p}歳", "親が{p}代", "{c}歳の息子が{d}年ひきこもっている", "{c}代の娘が家から出ない",
    "本人は相談を嫌がる", "母親だけが相談したい", "生活が苦しい", "借金がある", "家賃を滞納している",
    "国民年金の保険料が払えない", "障害年金について知りたい", "発達障害の診断はあるが手帳はない", "うつで通院中",
    "働きたい", "無職で収入がない", "就労準備をしたい", "居場所がほしい", "家族会に参加したい", "ダブルケア",
    "近所の人が心配している", "一人暮らしの高齢者", "生活保護を受給中", "認知症の症状がある", "障害はない",
    "経済的な問題はない", "ケアマネに相談した", "住民票を移したい", "国保の保険料", "ゲームばかりしている",
]
EN = [
    "mother in her {p}s needs care", "father is {p}", "parent over {p}", "{c}-year-old son has been withdrawn for {d} years",
    "daughter {c} never leaves her room", "he refuses to talk to anyone", "only the mother wants advice",
    "financial hardship", "they are in debt", "behind on rent", "cannot pay national pension premiums",
    "asking about disability pension", "diagnosed with autism but no certificate", "depression",
    "wants to work", "unemployed with no income", "not ready to work yet", "looking for a place to go",
    "family group", "neighbours are worried", "lives alone", "on welfare", "dementia", "no disability",
    "no money problems", "talked to the care manager", "plays video games all night",
]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("n", type=int)
    ap.add_argument("--format", default="text", choices=["text", "csv", "jsonl"])
    ap.add_argument("--seed", type=int, default=8050)
    args = ap.parse_args()
    rnd = random.Random(args.seed)
    if args.format == "csv":
        print("id,text")
    for i in range(1, args.n + 1):
        ja = rnd.random() < 0.6
        pool = JA if ja else EN
        parts = [rnd.choice(pool).format(p=rnd.choice([70, 75, 80, 85, 90]), c=rnd.randint(18, 60),
                                         d=rnd.randint(1, 20)) for _ in range(rnd.randint(2, 5))]
        text = ("、" if ja else ", ").join(parts) + ("。" if ja else ".")
        if args.format == "text":
            print(text)
        elif args.format == "csv":
            print(f'case-{i},"{text}"')
        else:
            print(json.dumps({"id": f"case-{i}", "text": text}, ensure_ascii=False))


if __name__ == "__main__":
    main()
