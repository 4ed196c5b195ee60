#!/bin/sh
# Recall and false alarms of the crisis alerts on a scenario file of
# cases labelled before the engine ran (tests/cases/safety.yaml): among
# the cases that must alert (alert: true), how many raise an alert of
# the expected kind; among those that must not (alert: false), how many
# raise one. Usage: bench/safety_recall.sh [tsunagu] [cases.yaml]
set -eu
cd "$(dirname "$0")/.."
BIN=${1:-build/tsunagu}
CASES=${2:-tests/cases/safety.yaml}
/usr/bin/python3 - "$BIN" "$CASES" <<'PY'
import json, subprocess, sys, yaml
binary, path = sys.argv[1], sys.argv[2]
cases = yaml.safe_load(open(path, encoding="utf-8"))
must = hit = kind_hit = quiet = alarm = 0
for c in cases:
    if "alert" not in c:
        continue
    out = json.loads(subprocess.run([binary, "-f", "json", c["text"]], capture_output=True, text=True).stdout)
    kinds = {a["kind"] for a in out["alerts"]}
    if c["alert"]:
        must += 1
        hit += bool(kinds)
        want = c.get("alert_kind")
        want = [want] if isinstance(want, str) else (want or [])
        kind_hit += bool(kinds) and all(k in kinds for k in want)
    else:
        quiet += 1
        alarm += bool(kinds)
print(f"must alert: {hit}/{must} alerted ({100*hit/must:.1f}%), {kind_hit}/{must} with the expected kind ({100*kind_hit/must:.1f}%)")
print(f"must not alert: {alarm}/{quiet} false alarms ({100*alarm/quiet:.1f}%)")
PY
