#!/usr/bin/env python3
"""check_recall.py — compare `privlint inventory --format json` with a corpus's expected.json.

    python3 bench/check_recall.py CORPUS/expected.json inventory.json [--json OUT] [-v]

PASS when every planted processor, data category and cookie is in the inventory, and no negative
control is: no control vendor among the processors, no look-alike field (`email_verified`,
`stripe_customer_id`, ...) among the categories' evidence, no control cookie. It also reports,
without failing on them, evidence-level recall (each planted line: found at that path and line?),
`declared` flags that disagree with the corpus's privacy.toml, and anything reported that was
neither planted nor a control (candidate false positives, or generator vocabulary to fix).
Exit 0 on PASS, 1 on FAIL, 2 on unreadable input. Python 3.11+, stdlib only.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict


def evidence_index(items, key, with_kind=False):
    """{subject: {(path, line[, kind]), ...}} from inventory processors/categories/cookies."""
    out = defaultdict(set)
    for it in items:
        for ev in it.get("evidence", []):
            out[it[key]].add((ev["path"], ev["line"]) + ((ev.get("kind"),) if with_kind else ()))
    return out


def check(expected: dict, inv: dict) -> dict:
    procs = {p["id"]: p for p in inv.get("processors", [])}
    cats = {c["category"]: c for c in inv.get("categories", [])}
    cookies = {c["name"]: c for c in inv.get("cookies", [])}
    pev = evidence_index(inv.get("processors", []), "id")
    pevk = evidence_index(inv.get("processors", []), "id", with_kind=True)
    cev = evidence_index(inv.get("categories", []), "category")
    kev = evidence_index(inv.get("cookies", []), "name")
    r: dict = {"fail": []}

    def recall(kind, exp, got, ev_index, slack=0, with_kind=False):
        """`slack`: a reported line up to that many lines above the planted one also counts
        (a multi-line cookie literal is reported where the call starts)."""
        missing = sorted(s for s in exp if s not in got)
        ev_total, ev_missed = 0, []
        for subject, d in exp.items():
            for ev in d["evidence"]:
                ev_total += 1
                found = ev_index.get(subject, set())
                ek = (ev["kind"],) if with_kind else ()
                if not any((ev["path"], ev["line"] - k) + ek in found for k in range(slack + 1)):
                    ev_missed.append({"subject": subject, **ev})
        r[kind] = {"planted": len(exp), "found": len(exp) - len(missing), "missing": missing,
                   "evidence_planted": ev_total, "evidence_found": ev_total - len(ev_missed),
                   "evidence_missed": ev_missed}
        if missing:
            r["fail"].append(f"{kind}: {len(missing)} planted not reported: {', '.join(missing)}")

    recall("processors", expected["processors"], procs, pevk, with_kind=True)
    recall("categories", expected["categories"], cats, cev)
    recall("cookies", expected["cookies"], cookies, kev, slack=3)

    # Negative controls.
    ctl = expected["controls"]
    bad_vendors = {v: sorted(pev.get(v, set())) for v in ctl["vendors"] if v in procs}
    field_locs = {(f["path"], f["line"]): f["field"] for f in ctl["fields"]}
    bad_fields = []
    for c in inv.get("categories", []):
        for ev in c.get("evidence", []):
            if (ev["path"], ev["line"]) in field_locs:
                bad_fields.append({"category": c["category"], "path": ev["path"], "line": ev["line"],
                                   "field": ev.get("field")})
    bad_cookies = sorted({k["name"] for k in ctl["cookies"] if k["name"] in cookies})
    r["controls"] = {"vendors": len(ctl["vendors"]), "vendors_reported": bad_vendors,
                     "fields": len(ctl["fields"]), "fields_reported": bad_fields,
                     "cookies": len(ctl["cookies"]), "cookies_reported": bad_cookies}
    if bad_vendors:
        r["fail"].append(f"control vendors reported: {', '.join(bad_vendors)}")
    if bad_fields:
        r["fail"].append(f"look-alike fields reported: {', '.join(sorted({b['field'] or '?' for b in bad_fields}))}")
    if bad_cookies:
        r["fail"].append(f"control cookies reported: {', '.join(bad_cookies)}")

    # Informational: declared flags, and what was reported that nobody planted.
    r["declared_mismatch"] = sorted(
        [f"processor {s}: expected declared={d['declared']}, got {procs[s].get('declared')}"
         for s, d in expected["processors"].items() if s in procs and procs[s].get("declared") != d["declared"]]
        + [f"category {s}: expected declared={d['declared']}, got {cats[s].get('declared')}"
           for s, d in expected["categories"].items() if s in cats and cats[s].get("declared") != d["declared"]])
    planted_locs = {(e["path"], e["line"]) for k in ("categories",) for d in expected[k].values() for e in d["evidence"]}
    r["unexpected"] = {
        "processors": {p: sorted(pev[p])[:5] for p in procs if p not in expected["processors"] and p not in ctl["vendors"]},
        "categories": {c: sorted(x for x in cev[c] if x not in planted_locs)[:5]
                       for c in cats if any(x not in planted_locs for x in cev[c])},
        "cookies": sorted(k for k in cookies if k not in expected["cookies"] and k not in {c["name"] for c in ctl["cookies"]}),
    }
    r["pass"] = not r["fail"]
    return r


def summary_line(r: dict) -> str:
    p, c, k = r["processors"], r["categories"], r["cookies"]
    ctl = r["controls"]
    return (f"{'PASS' if r['pass'] else 'FAIL'}: processors {p['found']}/{p['planted']}, "
            f"categories {c['found']}/{c['planted']}, cookies {k['found']}/{k['planted']}; "
            f"evidence lines {p['evidence_found'] + c['evidence_found'] + k['evidence_found']}/"
            f"{p['evidence_planted'] + c['evidence_planted'] + k['evidence_planted']}; "
            f"controls reported: vendors {len(ctl['vendors_reported'])}/{ctl['vendors']}, "
            f"fields {len(ctl['fields_reported'])}/{ctl['fields']}, cookies {len(ctl['cookies_reported'])}/{ctl['cookies']}")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("expected")
    ap.add_argument("inventory")
    ap.add_argument("--json", help="write the full result as JSON to this file")
    ap.add_argument("-v", "--verbose", action="store_true", help="list every missed evidence line")
    a = ap.parse_args(argv)
    try:
        expected = json.load(open(a.expected))
        inv = json.load(open(a.inventory))
    except (OSError, ValueError) as e:
        print(f"check_recall: {e}", file=sys.stderr)
        return 2
    r = check(expected, inv)
    if a.json:
        with open(a.json, "w") as f:
            json.dump(r, f, indent=1)
    print(summary_line(r))
    for msg in r["fail"]:
        print(f"  FAIL {msg}")
    for kind in ("processors", "categories", "cookies"):
        missed = r[kind]["evidence_missed"]
        if missed:
            print(f"  {kind}: {len(missed)} planted evidence lines not reported")
            for m in missed if a.verbose else missed[:8]:
                print(f"    {m['path']}:{m['line']} {m['kind']} {m['subject']}")
            if not a.verbose and len(missed) > 8:
                print(f"    ... ({len(missed) - 8} more; -v lists all)")
    for ctl in ("vendors_reported",):
        for v, locs in r["controls"][ctl].items():
            print(f"  control vendor {v} reported at " + ", ".join(f"{p}:{l}" for p, l in locs[:5]))
    for b in r["controls"]["fields_reported"]:
        print(f"  look-alike {b['path']}:{b['line']} `{b['field']}` reported as {b['category']}")
    for m in r["declared_mismatch"]:
        print(f"  declared flag: {m}")
    u = r["unexpected"]
    for p, locs in u["processors"].items():
        print(f"  note: unplanted processor {p} at " + ", ".join(f"{x}:{y}" for x, y in locs))
    for c, locs in u["categories"].items():
        print(f"  note: unplanted {c} at " + ", ".join(f"{x}:{y}" for x, y in locs))
    for k in u["cookies"]:
        print(f"  note: unplanted cookie {k}")
    return 0 if r["pass"] else 1


if __name__ == "__main__":
    sys.exit(main())
