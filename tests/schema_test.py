#!/usr/bin/env python3
"""Issue 13, standards for integrators: the JSON the real binary writes
against the JSON Schemas in schema/ (draft 2020-12), and `tsunagu export
--format hsds` against the Open Referral HSDS 3.0 schemas.

Usage: python3 tests/schema_test.py PATH_TO_TSUNAGU REPO_ROOT HSDS_DIR

Validated: `query --format json` and `batch --format jsonl` (tsunagu.result)
and `explain --format json`, with and without --why-not (tsunagu.explain),
for the text of every case of tests/cases/*.yaml; batch error records of
every kind the input can raise; documents that must be rejected (so that
the test can fail); and every service object of the HSDS export, its ids
UUIDs, unique, and the same on a second run. Exits non-zero at the first
failure, naming the case. Needs Debian's python3-jsonschema (4.x) and
python3-yaml; no network: HSDS `$ref`s resolve by file name in HSDS_DIR.
"""
import concurrent.futures
import glob
import json
import os
import subprocess
import sys
import tempfile
import uuid

try:
    import jsonschema
    import yaml
    from jsonschema import Draft202012Validator
except ImportError as e:  # the suite must not pass without checking
    sys.exit(f"schema_test: {e}: install python3-jsonschema and python3-yaml (scripts/install-deps)")

if len(sys.argv) != 4:
    sys.exit("usage: python3 tests/schema_test.py PATH_TO_TSUNAGU REPO_ROOT HSDS_DIR")
TSUNAGU, ROOT, HSDS_DIR = sys.argv[1:]
# A fixed moment: a Thursday morning, so open_now and next_open take values.
AT = "2026-12-03 10:00"
ENV = dict(os.environ)
for k in ("TSUNAGU_DATA", "TSUNAGU_RULES", "TSUNAGU_LANG"):
    ENV.pop(k, None)
CHECKS = 0


def fail(what):
    print(f"schema_test: FAIL: {what}", file=sys.stderr)
    sys.exit(1)


def run(args, stdin=None, rc=0):
    p = subprocess.run([TSUNAGU] + args, input=stdin, capture_output=True, env=ENV)
    if p.returncode != rc:
        fail(f"tsunagu {' '.join(args)[:200]}: exit {p.returncode}, expected {rc}\n{p.stderr.decode(errors='replace')}")
    return p.stdout.decode()


def validator(schema, registry_or_resolver=None):
    Draft202012Validator.check_schema(schema)
    kwargs = {"format_checker": Draft202012Validator.FORMAT_CHECKER}
    if registry_or_resolver is not None:
        kwargs.update(registry_or_resolver)
    return Draft202012Validator(schema, **kwargs)


def check(v, doc, what):
    global CHECKS
    errors = sorted(v.iter_errors(doc), key=lambda e: list(e.absolute_path))
    if errors:
        e = errors[0]
        fail(f"{what}: {e.message[:300]} at /{'/'.join(map(str, e.absolute_path))} "
             f"(schema /{'/'.join(map(str, e.absolute_schema_path))})")
    CHECKS += 1


def rejects(v, doc, what):
    global CHECKS
    if v.is_valid(doc):
        fail(f"a wrong document passed: {what}")
    CHECKS += 1


def load(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


result_v = validator(load(os.path.join(ROOT, "schema/tsunagu.result.schema.json")))
explain_v = validator(load(os.path.join(ROOT, "schema/tsunagu.explain.schema.json")))

texts = []
for path in sorted(glob.glob(os.path.join(ROOT, "tests/cases/*.yaml"))):
    with open(path, encoding="utf-8") as f:
        for i, case in enumerate(yaml.safe_load(f) or []):
            texts.append((f"{os.path.basename(path)}#{i + 1}", case["text"]))
if len(texts) < 100:
    fail(f"only {len(texts)} scenario cases found under {ROOT}/tests/cases")

# ------------------------------------------------- tsunagu.result: batch
agency_ids = [a["id"] for a in json.loads(run(["agencies", "--format", "json"]))]
lines = "".join(json.dumps({"id": name, "text": text}, ensure_ascii=False) + "\n" for name, text in texts)
for at in (AT, "2026-12-31 23:00"):  # open now, and closed for the New Year
    out = run(["batch", "--input-format", "jsonl", "--at", at, "-"], stdin=lines.encode())
    records = [json.loads(line) for line in out.splitlines()]
    if len(records) != len(texts):
        fail(f"batch: {len(records)} records for {len(texts)} cases")
    for (name, _), r in zip(texts, records):
        check(result_v, r, f"batch --at '{at}' result of {name}")
    state = "open_now" if at == AT else "next_open"  # some agency must carry a value to check
    if not any(a[state] for r in records for a in r.get("agencies", [])):
        fail(f"batch --at '{at}': no agency has a {state} to check")

# ------------------------------------------- tsunagu.result: query, explain
jobs = []  # (validator, what, arguments)
for k, (name, text) in enumerate(texts):
    if k % 10 == 0:  # the pretty single-query form, for a sample (same objects)
        jobs.append((result_v, f"query -f json of {name}", ["query", "--format", "json", "--at", AT, "--", text]))
    jobs.append((explain_v, f"explain -f json of {name}", ["explain", "--format", "json", "--", text]))
    if k % 4 == 0:  # --why-not, each agency in turn
        agency = agency_ids[(k // 4) % len(agency_ids)]
        jobs.append((explain_v, f"explain -f json --why-not {agency} of {name}",
                     ["explain", "--format", "json", "--why-not", agency, "--", text]))
# The runs overlap with the validation (one process per case).
with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
    for (v, what, _), out in zip(jobs, pool.map(lambda job: run(job[2]), jobs)):
        check(v, json.loads(out), what)
# --top shortens only agencies; --lang en changes nothing in JSON.
check(result_v, json.loads(run(["--lang", "en", "--top", "1", "--format", "json", "--", texts[0][1]])), "query --top 1")

# Local offices: the fixture's cases, with an office chosen or not, and
# the reason either way.
with open(os.path.join(ROOT, "tests/fixtures/offices/cases.yaml"), encoding="utf-8") as f:
    office_cases = [case["text"] for case in yaml.safe_load(f)]
office_data = ["--data", os.path.join(ROOT, "tests/fixtures/offices")]
office_lines = "".join(json.dumps({"text": t}, ensure_ascii=False) + "\n" for t in office_cases)
chosen = 0
for line in run(office_data + ["batch", "--input-format", "jsonl", "--at", AT, "-"], stdin=office_lines.encode()).splitlines():
    r = json.loads(line)
    check(result_v, r, f"offices fixture: {r.get('input', '')[:60]}")
    chosen += sum(1 for a in r.get("agencies", []) if a.get("office"))
if chosen == 0:
    fail("offices fixture: no case chose an office to check")
for t in office_cases[:5]:
    check(explain_v, json.loads(run(office_data + ["explain", "--format", "json", "--", t])), f"offices explain: {t[:60]}")

# ------------------------------------------------ batch error records
bad_jsonl = (b'{"id": "a", "text": "\xff\xfe"}\n'          # invalid-utf8
             b'not json\n'                                  # json
             b'{"id": "d", "id": "e", "text": "x"}\n'      # duplicate-key
             b'{"id": "f", "text": "   "}\n'               # empty-text
             b'{"id": "g", "text": "x", "age": "old"}\n'   # bad-age
             b'{"id": "h", "text": "' + b"a" * 70000 + b'"}\n'  # too-long
             b'{"id": "ok", "text": "80\xe4\xbb\xa3\xe3\x81\xae\xe6\xaf\x8d"}\n'
             b'{"id": 7, "text": "son unemployed", "age": 45, "parent_age": 80}\n')  # ages from columns
bad_csv = (b"id,text,age\n"
           b"1,\"unclosed\n"                                # csv-quote (runs to the end)
           )
bad_csv2 = b"id,text\n1,a,b\n2,\"x\"y\n"
kinds = set()
for args, data in ((["--input-format", "jsonl"], bad_jsonl), (["--input-format", "csv"], bad_csv),
                   (["--input-format", "csv"], bad_csv2)):
    out = run(["batch"] + args + ["-"], stdin=data, rc=6)
    for line in out.splitlines():
        r = json.loads(line)
        check(result_v, r, f"batch error record {line[:120]}")
        if "error" in r:
            kinds.add(r["error"]["kind"])
# A byte that is not CP932, in input read as CP932 (0x81 then a quote).
out = run(["batch", "--encoding", "cp932", "--input-format", "text", "-"], stdin=b"\x82\xa0ok\n\x81\"bad\n", rc=6)
for line in out.splitlines():
    r = json.loads(line)
    check(result_v, r, f"batch --encoding cp932 record {line[:120]}")
    if "error" in r:
        kinds.add(r["error"]["kind"])
want = {"invalid-utf8", "invalid-cp932", "json", "duplicate-key", "empty-text", "bad-age", "too-long", "csv-quote", "csv-fields"}
if not want <= kinds:
    fail(f"batch error kinds not produced by the test input: {sorted(want - kinds)}")

# ------------------------------------------- wrong documents are rejected
good = json.loads(run(["query", "--format", "json", "--at", AT, "--", "親が80代、息子は無職、生活が苦しい"]))
open_agency = next(i for i, a in enumerate(good["agencies"]) if a["hours"])
closed = json.loads(run(["query", "--format", "json", "--at", "2026-12-31 23:00", "--", "親が80代、息子は無職、生活が苦しい"]))
closed_agency = next(i for i, a in enumerate(closed["agencies"]) if a["next_open"])
check(result_v, good, "the reference result")


def mutated(doc, change):
    d = json.loads(json.dumps(doc))
    change(d)
    return d


rejects(result_v, mutated(good, lambda d: d.update(extra=1)), "a key the format does not have")
rejects(result_v, mutated(good, lambda d: d.pop("data_version")), "no data_version")
rejects(result_v, mutated(good, lambda d: d.update(schema="tsunagu.result/1")), "another schema version")
rejects(result_v, mutated(good, lambda d: d["agencies"][0]["roles"][0].update({"from": "guess"})), "role from 'guess'")
rejects(result_v, mutated(good, lambda d: d["agencies"][0].update(checked_on="3 Dec 2026")), "checked_on not a date")
rejects(result_v, mutated(good, lambda d: d["agencies"][open_agency].update(open_now="yes")), "open_now a string")
rejects(result_v, mutated(closed, lambda d: d["agencies"][closed_agency].update(
    next_open=d["agencies"][closed_agency]["next_open"].replace("+09:00", "Z"))), "next_open in UTC")
rejects(result_v, mutated(closed, lambda d: d["agencies"][closed_agency].update(next_open="2027-01-04 09:00")),
        "next_open without T and offset")
rejects(result_v, mutated(good, lambda d: d["persons"][0].update(role="boss")), "an unknown subject")
rejects(result_v, mutated(good, lambda d: d["agencies"][open_agency].update(phone="025 278 8585")), "a phone with spaces")
rejects(result_v, {"schema": "tsunagu.result/2", "id": "1", "record": 1,
                   "error": {"kind": "oops", "message": "x", "line": 1}}, "an unknown error kind")
rejects(result_v, {"schema": "tsunagu.result/2", "id": "1", "record": 1, "data_version": "6fab42e405b4",
                   "error": {"kind": "json", "message": "x", "line": 1}}, "an error record with result keys")
ex = json.loads(run(["explain", "--format", "json", "--why-not", "saposute", "--", "息子は52歳で働きたいと言っている"]))
check(explain_v, ex, "the reference explain")
rejects(explain_v, mutated(ex, lambda d: d.pop("why_not")), "explain without why_not")
rejects(explain_v, mutated(ex, lambda d: d["why_not"].update(state="gone")), "why_not state 'gone'")
rejects(explain_v, mutated(ex, lambda d: d["tokens"][0].update(pos="noun-ish")), "an unknown part of speech")
rejects(explain_v, mutated(ex, lambda d: d["mentions"][0].update(negated=True)), "negated without its negation")
rejects(explain_v, mutated(ex, lambda d: d["why_not"]["routes"][0].update(areas=2)), "areas on a rule route")

# ------------------------------------------------------------ HSDS 3.0
hsds = {}
for path in glob.glob(os.path.join(HSDS_DIR, "*.json")):
    hsds[os.path.basename(path)] = load(path)
if "service.json" not in hsds:
    fail(f"no HSDS 3.0 service.json in {HSDS_DIR}")
try:  # jsonschema >= 4.18: a registry of the files, by name
    from referencing import Registry, Resource
    from referencing.jsonschema import DRAFT202012
    registry = Registry().with_resources(
        (name, Resource.from_contents(s, default_specification=DRAFT202012)) for name, s in hsds.items())
    refs = {"registry": registry}
except ImportError:  # Debian 12's 4.10: a resolver whose store maps the names
    refs = {"resolver": jsonschema.RefResolver(base_uri="", referrer={}, store=hsds)}
service_v = validator({"$ref": "service.json"}, refs)

export = run(["export", "--format", "hsds"])
services = json.loads(export)
if not isinstance(services, list) or len(services) != len(agency_ids):
    fail(f"export --format hsds: not an array of one service per agency ({len(agency_ids)})")
for s in services:
    check(service_v, s, f"HSDS service {s.get('name')}")
rejects(service_v, mutated(services[0], lambda d: d.pop("status")), "an HSDS service without status")
rejects(service_v, mutated(services[0], lambda d: d.update(id="hikikomori-center")), "an HSDS id that is no UUID")
rejects(service_v, mutated(services[0], lambda d: d["organization"].pop("description")), "an organization without description")


def ids(node, out):
    if isinstance(node, dict):
        for k, v in node.items():
            if k == "id" or k.endswith("_id"):
                out.append((k, v))
            ids(v, out)
    elif isinstance(node, list):
        for v in node:
            ids(v, out)
    return out


all_ids = ids(services, [])
for k, v in all_ids:
    u = uuid.UUID(v)
    if str(u) != v or u.version != 8 or u.variant != uuid.RFC_4122:
        fail(f"HSDS {k} {v} is not a lower-case RFC 9562 UUID version 8")
own = [v for k, v in ids(services, []) if k == "id"]
# An entity shared by services (a location, its address) keeps one id.
objects = {}
def collect(node):
    if isinstance(node, dict):
        if "id" in node:
            key = json.dumps({k: v for k, v in node.items()}, sort_keys=True)
            objects.setdefault(node["id"], set()).add(key)
        for v in node.values():
            collect(v)
    elif isinstance(node, list):
        for v in node:
            collect(v)
collect(services)
for i, shapes in objects.items():
    if len(shapes) != 1:
        fail(f"HSDS id {i} names two different objects")
services_by_id = {s["id"] for s in services}
for s in services:
    for key in ("phones", "schedules", "service_at_locations", "attributes"):
        for item in s.get(key, []):
            link = item.get("service_id", item.get("link_id"))
            if link != s["id"]:
                fail(f"HSDS {key} of {s['name']} links to {link}, not its service")
    if s["organization_id"] != s["organization"]["id"]:
        fail(f"HSDS organization_id of {s['name']} is not its organization's id")
if len(services_by_id) != len(services):
    fail("HSDS service ids are not unique")
english = json.loads(run(["--lang", "en", "export", "--format", "hsds"]))
for s in english:
    check(service_v, s, f"HSDS service (--lang en) {s.get('name')}")
if sorted(v for _, v in ids(english, [])) != sorted(v for _, v in all_ids):
    fail("HSDS ids differ between --lang ja and --lang en")
if english[0]["name"] != "Niigata City Hikikomori Support Center" or english[0]["alternate_name"] != services[0]["name"]:
    fail(f"HSDS --lang en: name {english[0]['name']!r}, alternate_name {english[0].get('alternate_name')!r}")
if run(["export", "--format", "hsds"]) != export:
    fail("export --format hsds: a second run gives other bytes (ids must be stable)")
hc = next(s for s in services if s["organization"]["name"] == "新潟市ひきこもり相談支援センター")
sched = hc["schedules"][0]
if (sched["freq"], sched["byday"], sched["opens_at"], sched["closes_at"]) != ("WEEKLY", "TU,WE,TH,FR,SA", "09:00+09:00", "18:00+09:00"):
    fail(f"HSDS schedule of hikikomori-center: {sched}")
CHECKS += 1

print(f"schema_test: all {CHECKS} checks passed ({len(texts)} scenario cases)")
