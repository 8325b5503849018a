#!/usr/bin/env python3
"""bench.py — the benchmark driver behind bench/run.sh (issue 8). Run it through run.sh, which
builds privlint and installs the tools; run.sh passes --privlint, --rg and --semgrep.

For each synthetic corpus (bench/gen_corpus.py at 1x, 4x, 16x a base size; cached), or for one
checkout (--repo PATH), it times `privlint check --format json` and `privlint inventory --format
json` at --jobs 1 and 2 (wall clock by the harness, CPU and peak RSS by `/usr/bin/time -v`;
median of --runs runs after --warmup), checks that every run's output is identical (the check
summary's duration_ms aside), checks recall with bench/check_recall.py, times `check --staged`
with one staged file, and times the same files with `rg -F` over the catalog's literals (the
floor: no parsing at all) and with semgrep rules generated from the catalog. It prints one
Markdown report. Python 3.11+, stdlib only.
"""

from __future__ import annotations

import argparse
import datetime as dt
import fnmatch
import hashlib
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import tomllib
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
sys.dont_write_bytecode = True  # no __pycache__ in the checkout
import check_recall  # noqa: E402

# ---------------------------------------------------------------------------------------------
# Running and measuring
# ---------------------------------------------------------------------------------------------


def gnu_time(cmd: list[str], cwd: Path, stdout_path: Path, env=None) -> dict:
    """One run under `/usr/bin/time -v`: wall (perf_counter), user+sys CPU, peak RSS, exit code."""
    with tempfile.NamedTemporaryFile("r", suffix=".time", delete=False) as tf:
        tpath = tf.name
    try:
        with open(stdout_path, "wb") as out:
            t0 = time.perf_counter()
            p = subprocess.run(["/usr/bin/time", "-v", "-o", tpath, *cmd], cwd=cwd, stdout=out,
                               stderr=subprocess.PIPE, env=env)
            wall = time.perf_counter() - t0
        rep = Path(tpath).read_text()
    finally:
        os.unlink(tpath)

    def field(name):
        m = re.search(rf"{re.escape(name)}: ([0-9.]+)", rep)
        return float(m.group(1)) if m else float("nan")
    return {"wall": wall, "cpu": field("User time (seconds)") + field("System time (seconds)"),
            "rss_kb": field("Maximum resident set size (kbytes)"), "rc": p.returncode,
            "stderr": p.stderr.decode(errors="replace")[-2000:]}


def normalized_hash(path: Path) -> str:
    """Hash of an output, with the timing field of `check --format json` blanked."""
    data = path.read_bytes()
    try:
        doc = json.loads(data)
        if isinstance(doc, dict) and isinstance(doc.get("summary"), dict):
            doc["summary"].pop("duration_ms", None)
        data = json.dumps(doc, sort_keys=True).encode()
    except ValueError:
        pass
    return hashlib.sha256(data).hexdigest()


def measure(cmd, cwd, runs, warmup, outdir: Path, tag: str, keep_output=True, env=None) -> dict:
    """Median of `runs` timed runs after `warmup` untimed ones; output hashes of every run."""
    samples, hashes = [], set()
    for i in range(warmup + runs):
        out = outdir / f"{tag}.{i}.out"
        s = gnu_time(cmd, cwd, out, env)
        if keep_output:
            hashes.add(normalized_hash(out))
        if i >= warmup:
            samples.append(s)
        if i + 1 < warmup + runs:
            out.unlink()
        else:
            out.rename(outdir / f"{tag}.out")
    med = lambda k: statistics.median(s[k] for s in samples)  # noqa: E731
    return {"wall": med("wall"), "cpu": med("cpu"), "rss_kb": med("rss_kb"),
            "rss_max_kb": max(s["rss_kb"] for s in samples), "walls": [s["wall"] for s in samples],
            "rcs": sorted({s["rc"] for s in samples}), "hashes": hashes, "output": outdir / f"{tag}.out",
            "stderr": samples[-1]["stderr"]}


def sh(cmd, cwd=None, check=True, **kw) -> subprocess.CompletedProcess:
    return subprocess.run(cmd, cwd=cwd, check=check, text=True, capture_output=True, **kw)


# ---------------------------------------------------------------------------------------------
# Which files privlint reads (a mirror of src/walk.rs, to hand rg and semgrep the same files)
# ---------------------------------------------------------------------------------------------

READ_EXT = set("js jsx mjs cjs ts tsx mts cts vue svelte astro py pyi go rb rake gemspec ru java php rs "
               "cs kt kts swift dart scala groovy ex exs c cc cpp h hpp m mm html htm erb ejs hbs handlebars "
               "njk jinja jinja2 j2 liquid twig tmpl gohtml mustache haml slim cshtml razor sql prisma "
               "graphql graphqls gql proto yml yaml json toml ini cfg conf properties tf tfvars hcl xml plist".split())
MANIFESTS = {"package.json", "pyproject.toml", "pipfile", "go.mod", "cargo.toml", "gemfile", "pom.xml",
             "build.gradle", "build.gradle.kts", "libs.versions.toml", "composer.json", "packages.config"}


def walk_lists() -> tuple[set, set, set]:
    """SKIP_DIRS, NON_SHIPPED_DIRS and SKIP_FILES, read from src/walk.rs."""
    src = (ROOT / "src" / "walk.rs").read_text() if (ROOT / "src" / "walk.rs").exists() else ""

    def const(name):
        m = re.search(rf"const {name}: &\[&str\] = &\[(.*?)\];", src, re.S)
        return set(re.findall(r'"([^"]+)"', m.group(1))) if m else set()
    return (const("SKIP_DIRS") or {"node_modules", "vendor", "dist", "build", "target", ".git"},
            const("NON_SHIPPED_DIRS") or {"test", "tests", "spec", "docs", "examples", "fixtures"},
            const("SKIP_FILES") or {"privacy.toml"})


def privlint_files(root: Path, rg: str | None) -> list[str]:
    """Relative paths of the files privlint would read under `root` (approximately)."""
    skip_dirs, non_shipped, skip_files = walk_lists()
    excludes = []
    pol = root / "privacy.toml"
    if pol.exists():
        try:
            excludes = tomllib.loads(pol.read_text()).get("scan", {}).get("exclude", [])
        except (tomllib.TOMLDecodeError, OSError):
            pass
    if rg:  # rg honours .gitignore the way the ignore crate does
        out = sh([rg, "--files", "--hidden", "--no-require-git", "-g", "!.git"], cwd=root, check=False).stdout
        paths = [p for p in out.splitlines() if p]
    else:
        paths = [str(Path(d, f).relative_to(root)) for d, _, fs in os.walk(root) for f in fs]
    keep = []
    for rel in sorted(paths):
        parts = rel.split("/")
        name, dirs = parts[-1], parts[:-1]
        low = name.lower()
        if any(d in skip_dirs for d in dirs) or any(d.lower() in non_shipped for d in dirs):
            continue
        if low in skip_files or any(x in low for x in (".min.", ".bundle.", ".chunk.")) or low.endswith((".map", ".d.ts")):
            continue
        if any(x in low for x in (".test.", ".spec.", ".stories.", ".cy.", ".e2e.")) or low.endswith(
                ("_test.go", "_test.py", "_spec.rb", "_test.rb", ".md", ".mdx", ".rst", ".adoc")) or (
                low.startswith("test_") and low.endswith(".py")) or low == "conftest.py" or name.endswith(
                ("Test.java", "Tests.java", "Test.kt", "Tests.cs", "Test.php")):
            continue
        if any(fnmatch.fnmatch(rel, g) or rel.startswith(g.rstrip("/") + "/") for g in excludes):
            continue
        ext = low.rsplit(".", 1)[-1] if "." in low else ""
        is_manifest = low in MANIFESTS or low.endswith((".csproj", ".fsproj", ".vbproj")) or (
            low.startswith("requirements") and low.endswith((".txt", ".in")))
        is_env = low == ".env" or low.startswith(".env.") or low.endswith(".env")
        if not (is_manifest or is_env or ext in READ_EXT or low.endswith(".blade.php")):
            continue
        try:
            if (root / rel).stat().st_size > 2 * 1024 * 1024:
                continue
        except OSError:
            continue
        keep.append(rel)
    return keep


# ---------------------------------------------------------------------------------------------
# rg and semgrep inputs, generated from the catalog
# ---------------------------------------------------------------------------------------------


def catalog() -> list[dict]:
    return [tomllib.loads(f.read_text()) for f in sorted((ROOT / "rules" / "processors").glob("*.toml"))]


def rg_patterns(path: Path) -> int:
    """Every package name, host and env name of the catalog, one literal per line."""
    lits = set()
    for p in catalog():
        for names in p.get("packages", {}).values():
            lits.update(n.removesuffix(":*") for n in names)
        lits.update(h.removeprefix("*.") for h in p.get("hosts", []))
        lits.update(e.rstrip("*") for e in p.get("env", []))
    lits = sorted(x for x in lits if len(x) >= 3)
    path.write_text("\n".join(lits) + "\n")
    return len(lits)


def semgrep_rules(path: Path) -> int:
    """One rule per vendor and language (JS/TS, Python, Go): its import paths and API hosts.
    Written with json: YAML is a superset of JSON."""
    def host_re(hosts):
        alts = []
        for h in hosts:
            if h.startswith("*."):
                alts.append(r"([a-z0-9-]+\.)*" + re.escape(h[2:]))
            else:
                alts.append(re.escape(h))
        rx = r"^(https?:)?//(" + "|".join(alts) + r")([/:?#]|$)"
        return '"=~/' + rx.replace("/", r"\/") + '/"'

    def path_re(mods):
        return "^(" + "|".join(re.escape(m) for m in mods) + r")(/.*)?$"

    rules = []
    for p in catalog():
        pk, im, hosts = p.get("packages", {}), p.get("imports", {}), p.get("hosts", [])
        js = pk.get("npm", []) + im.get("js", [])
        py = im.get("python", [])
        go = pk.get("go", [])
        host = [{"pattern": host_re(hosts)}] if hosts else []
        per_lang = [
            ("js", ["javascript", "typescript"],
             [{"pattern": f'import "=~/{path_re(js).replace("/", chr(92) + "/")}/"'},
              {"pattern": f'require("=~/{path_re(js).replace("/", chr(92) + "/")}/")'}] if js else []),
            ("py", ["python"], [{"pattern": f"import {m}"} for m in py if re.fullmatch(r"[A-Za-z_][\w.]*", m)]),
            ("go", ["go"], [{"pattern": f'import "=~/{path_re(go).replace("/", chr(92) + "/")}/"'}] if go else []),
        ]
        for suffix, langs, imports in per_lang:
            pats = imports + host
            if pats:
                rules.append({"id": f"{p['id']}-{suffix}", "languages": langs, "severity": "INFO",
                              "message": f"{p['name']} used", "pattern-either": pats})
    path.write_text(json.dumps({"rules": rules}, indent=1) + "\n")
    return len(rules)


# ---------------------------------------------------------------------------------------------
# Corpora and the staged repository
# ---------------------------------------------------------------------------------------------


# The generated corpus's top-level directories (see gen_corpus.py's LANG_DIRS).
LANG_OF_DIR = {"web": "TS/JS (+ Prisma, GraphQL, HTML)", "api": "Python", "svc-go": "Go (+ proto)",
               "billing-rb": "Ruby (+ ERB)", "orders-java": "Java", "worker-rs": "Rust", "portal-php": "PHP (+ Blade)",
               "db": "SQL"}


def file_hash(*paths: Path) -> str:
    h = hashlib.sha256()
    for p in paths:
        h.update(p.read_bytes())
    return h.hexdigest()[:10]


def get_corpus(cache: Path, lines: int, seed: int, known: Path) -> Path:
    """The corpus of `lines` lines, generated once per (size, seed, generator, catalog)."""
    key = file_hash(HERE / "gen_corpus.py", known)
    d = cache / f"corpus-{lines}-s{seed}-{key}"
    if (d / "expected.json").exists():
        return d
    tmp = cache / f".tmp-{d.name}"
    shutil.rmtree(tmp, ignore_errors=True)
    print(f"  generating {d.name} ...", file=sys.stderr)
    sh([sys.executable, str(HERE / "gen_corpus.py"), "--lines", str(lines), "--out", str(tmp), "--seed", str(seed),
        "--known-catalog", str(known)])
    tmp.rename(d)
    return d


def staged_repo(cache: Path, src: Path, is_corpus: bool, files: list[str]) -> tuple[Path, str] | None:
    """A fresh git repository holding a copy of `src`'s working tree (what .gitignore does not
    exclude), committed, with one file modified and staged. The checkout itself is never touched."""
    git = ["git", "-c", "user.name=bench", "-c", "user.email=bench@example.invalid", "-c", "commit.gpgsign=false"]
    d = cache / f"staged-{src.name}-{hashlib.sha256(str(src).encode()).hexdigest()[:8]}"
    if not (d / ".git").exists():
        shutil.rmtree(d, ignore_errors=True)
        listing = sh(["git", "ls-files", "-co", "--exclude-standard", "-z"], cwd=src, check=False)
        if listing.returncode == 0 and not is_corpus:
            rels = [x for x in listing.stdout.split("\0") if x]
        else:
            rels = [str(Path(dp, f).relative_to(src)) for dp, dn, fs in os.walk(src) if ".git" not in Path(dp).parts
                    for f in fs]
        for rel in rels:
            if (src / rel).is_file() and not (src / rel).is_symlink():
                (d / rel).parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(src / rel, d / rel)
        sh(git + ["init", "-q"], cwd=d)
        sh(git + ["add", "-A"], cwd=d)
        sh(git + ["commit", "-qm", "snapshot"], cwd=d)
    sh(git + ["reset", "-q", "--hard", "HEAD"], cwd=d)
    # A shipped source file, the kind a commit touches; in a corpus, one that uses an undeclared
    # processor, so that --staged has findings to report.
    cands = [f for f in files if f.endswith((".ts", ".tsx", ".py", ".go", ".rb", ".java", ".rs", ".php", ".js"))]
    preferred = []
    if is_corpus:
        exp = json.loads((src / "expected.json").read_text())
        preferred = [f for p in exp["processors"].values() if not p["declared"] for f in p["files"] if f in cands]
    cands = [f for f in (preferred or sorted(cands) or files) if (d / f).is_file()]
    if not cands:
        return None
    target = cands[0]
    with open(d / target, "a") as fh:
        fh.write("\n")
    sh(git + ["add", "--", target], cwd=d)
    return d, target


# ---------------------------------------------------------------------------------------------
# Report helpers
# ---------------------------------------------------------------------------------------------


def secs(x):
    return f"{x:.3f} s" if x < 10 else f"{x:.1f} s"


def mib(kb):
    return f"{kb / 1024:.0f} MiB"


def machine() -> str:
    cpu = "unknown CPU"
    try:
        m = re.search(r"model name\s*:\s*(.+)", Path("/proc/cpuinfo").read_text())
        cpu = m.group(1).strip() if m else cpu
    except OSError:
        pass
    mem = "?"
    try:
        for line in sh(["free", "-g"]).stdout.splitlines():
            if line.startswith("Mem:"):
                mem = line.split()[1]
    except (OSError, subprocess.CalledProcessError):
        pass
    return f"{cpu}, {os.cpu_count()} cores (`nproc`: {sh(['nproc']).stdout.strip()}), {mem} GiB RAM (`free -g`), {platform.system()} {platform.release()}"


# ---------------------------------------------------------------------------------------------
# The benchmark
# ---------------------------------------------------------------------------------------------


def bench_target(a, name: str, root: Path, work: Path, is_corpus: bool) -> dict:
    print(f"== {name}: {root}", file=sys.stderr)
    files = privlint_files(root, a.rg)
    nbytes = sum((root / f).stat().st_size for f in files)
    nlines = 0
    for f in files:
        with open(root / f, "rb") as fh:
            nlines += fh.read().count(b"\n")
    res = {"name": name, "root": root, "files": files, "bytes": nbytes, "lines": nlines, "timings": {}}
    # A checkout without privacy.toml: `check` would exit 2, so use a draft from `privlint init`,
    # written outside the checkout (privlint never writes into the scanned repo).
    policy = []
    if not any((d / "privacy.toml").exists() for d in (root, *root.parents)):
        draft = work / f"{name}-draft-privacy.toml"
        sh([a.privlint, "init", str(root), "--output", str(draft)])
        policy = ["--policy", str(draft)]
        res["draft_policy"] = draft
    a.policy_args = policy
    for cmd in ("check", "inventory"):
        for j in a.jobs:
            tag = f"{name}-{cmd}-j{j}"
            print(f"  privlint {cmd} --jobs {j}", file=sys.stderr)
            m = measure([a.privlint, cmd, ".", "--format", "json", "--jobs", str(j), *policy], root, a.runs,
                        a.warmup, work, tag)
            res["timings"][(cmd, j)] = m
    chk = res["timings"][("check", a.jobs[-1])]
    try:
        summ = json.loads(chk["output"].read_text())["summary"]
        res["files_scanned"] = summ.get("files_scanned")
        res["file_issues"] = summ.get("file_issues", [])
    except (ValueError, KeyError):
        res["files_scanned"], res["file_issues"] = None, []
    # Determinism: every run of each command, at every --jobs, printed the same thing.
    res["deterministic"] = {cmd: len(set().union(*(res["timings"][(cmd, j)]["hashes"] for j in a.jobs))) == 1
                            for cmd in ("check", "inventory")}
    if is_corpus:
        inv = json.loads(res["timings"][("inventory", a.jobs[-1])]["output"].read_text())
        exp = json.loads((root / "expected.json").read_text())
        res["recall"] = check_recall.check(exp, inv)
        (work / f"{name}-recall.json").write_text(json.dumps(res["recall"], indent=1, default=str))
    # Baselines on the same files.
    listing = work / f"{name}.files"
    listing.write_text("\n".join(files) + "\n")
    argv_ok = sum(len(f) + 1 for f in files) < 1_500_000
    targets = files if argv_ok else ["."]
    if a.rg:
        for j in a.jobs:
            print(f"  rg -F -j {j}", file=sys.stderr)
            res["timings"][("rg", j)] = measure([a.rg, "-F", "-f", str(a.patterns), "-c", "--no-messages", "-j", str(j),
                                                 "--", *targets], root, a.runs, a.warmup, work, f"{name}-rg-j{j}",
                                                keep_output=False)
    if a.semgrep and nlines > a.semgrep_max_lines:
        res["semgrep_skipped"] = f"skipped: {nlines:,} lines > --semgrep-max-lines {a.semgrep_max_lines:,}"
    elif a.semgrep:
        j = a.jobs[-1]
        print(f"  semgrep -j {j} ({a.semgrep_runs} run(s))", file=sys.stderr)
        env = dict(os.environ, SEMGREP_SEND_METRICS="off", SEMGREP_ENABLE_VERSION_CHECK="0")
        sg = [a.semgrep, "scan", "--config", str(a.rules), "--metrics=off", "--disable-version-check", "--json",
              "-q", "--no-git-ignore", "-j", str(j), "--", *targets]
        m = measure(sg, root, a.semgrep_runs, 0, work, f"{name}-semgrep-j{j}", keep_output=False, env=env)
        try:
            sgo = json.loads(m["output"].read_text())
            m["findings"] = len(sgo.get("results", []))
            m["errors"] = len(sgo.get("errors", []))
            m["vendors"] = len({r["check_id"].rsplit("-", 1)[0] for r in sgo.get("results", [])})
        except ValueError:
            m["findings"] = m["errors"] = m["vendors"] = None
        res["timings"][("semgrep", j)] = m
    # Throughput by language (the corpus's top-level directories), on the largest corpus.
    if is_corpus and name == a.largest and a.by_language:
        res["by_language"] = []
        for d, lang in LANG_OF_DIR.items():
            sub = [f for f in files if f.startswith(d + "/")]
            if not sub:
                continue
            print(f"  privlint inventory {d} --jobs 1", file=sys.stderr)
            m = measure([a.privlint, "inventory", d, "--format", "json", "--jobs", "1", *policy], root, a.runs, a.warmup, work,
                        f"{name}-lang-{d}", keep_output=False)
            lines = sum((root / f).read_bytes().count(b"\n") for f in sub)
            res["by_language"].append((d, lang, len(sub), lines, sum((root / f).stat().st_size for f in sub), m))
    # --staged with one staged file.
    if a.staged_on in ("all", name) or (a.staged_on == "largest" and name == a.largest):
        st = staged_repo(a.cache, root, is_corpus, files)
        if st:
            d, target = st
            print(f"  privlint check --staged ({target})", file=sys.stderr)
            m = measure([a.privlint, "check", "--staged", "--format", "json", *policy], d, a.runs, a.warmup, work,
                        f"{name}-staged")
            try:
                doc = json.loads(m["output"].read_text())
                m["findings"] = len(doc.get("findings", []))
                m["paths"] = sorted({f["path"] for f in doc.get("findings", [])})
            except ValueError:
                m["findings"], m["paths"] = None, []
            res["staged"] = (target, m)
    return res


def report(a, results: list[dict]) -> str:
    out = []
    p = out.append
    ver = sh([a.privlint, "--version"], check=False).stdout.strip() or "privlint"
    p("## privlint benchmark")
    p("")
    p(f"- **machine**: {machine()}")
    p(f"- **date**: {dt.datetime.now(dt.timezone.utc).strftime('%Y-%m-%d %H:%M UTC')}")
    p(f"- **binary**: {ver} (`{a.privlint}`)")
    p(f"- **command**: `{a.command}`")
    p(f"- **method**: median of {a.runs} runs after {a.warmup} warm-up; wall clock measured by the harness, "
      "CPU (user+sys) and peak RSS by `/usr/bin/time -v`; files = privlint's `files_scanned`; MB = bytes of the "
      "files privlint reads (rg and semgrep are given exactly that list)")
    p("")
    p("### privlint")
    p("")
    p("| target | lines | files | MB | command | jobs | wall | CPU | peak RSS | files/s | MB/s | exit |")
    p("|---|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|---|")
    for r in results:
        nfiles = r["files_scanned"] or len(r["files"])
        for cmd in ("check", "inventory"):
            for j in a.jobs:
                m = r["timings"][(cmd, j)]
                p(f"| {r['name']} | {r['lines']:,} | {nfiles:,} | {r['bytes'] / 1e6:.1f} | `{cmd} --format json` | {j} | "
                  f"{secs(m['wall'])} | {secs(m['cpu'])} | {mib(m['rss_kb'])} | {nfiles / m['wall']:,.0f} | "
                  f"{r['bytes'] / 1e6 / m['wall']:.1f} | {','.join(map(str, m['rcs']))} |")
    if any(("rg", j) in r["timings"] or ("semgrep", j) in r["timings"] for r in results for j in a.jobs):
        p("")
        p("### Baselines on the same files")
        p("")
        p("`rg -F -f patterns -c` over the catalog's literals (every package name, host and env name: "
          f"{a.npatterns} literals) is the floor: reading the bytes with no parsing at all. semgrep runs "
          f"{a.nrules} rules generated from the catalog (imports and hosts, JS/TS/Python/Go only).")
        p("")
        p("| target | files | jobs | privlint check | rg -F | privlint / rg | semgrep | semgrep / privlint | semgrep peak RSS | vendors semgrep flags |")
        p("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
        for r in results:
            for j in a.jobs:
                pl = r["timings"][("check", j)]
                rg = r["timings"].get(("rg", j))
                sg = r["timings"].get(("semgrep", j))
                rg_cols = f"{secs(rg['wall'])} | {pl['wall'] / rg['wall']:.1f}x" if rg else "n/a | n/a"
                if sg:
                    sg_cols = f"{secs(sg['wall'])} | {sg['wall'] / pl['wall']:.0f}x | {mib(sg['rss_kb'])} | {sg['vendors']}"
                elif j == a.jobs[-1] and "semgrep_skipped" in r:
                    sg_cols = f"{r['semgrep_skipped']} | — | — | —"
                else:
                    sg_cols = "— | — | — | —"
                p(f"| {r['name']} | {len(r['files']):,} | {j} | {secs(pl['wall'])} | {rg_cols} | {sg_cols} |")
    p("")
    p("### Correctness")
    p("")
    p("| target | recall vs expected.json (bench/check_recall.py) | output identical across runs and `--jobs` | files parsed best-effort |")
    p("|---|---|---|---:|")
    for r in results:
        rec = check_recall.summary_line(r["recall"]) if "recall" in r else "n/a (not a generated corpus)"
        det = ", ".join(f"{cmd}: {'PASS' if ok else 'FAIL'}" for cmd, ok in r["deterministic"].items())
        p(f"| {r['name']} | {rec} | {det} | {len(r['file_issues'])} |")
    for r in results:
        if r.get("draft_policy"):
            p(f"\nNote: {r['name']} has no privacy.toml; it was checked against a draft from `privlint init` "
              f"(`{r['draft_policy']}`).")
        reasons = {}
        for fi in r["file_issues"]:
            reasons.setdefault(fi["reason"], []).append(fi["path"])
        for reason, paths in sorted(reasons.items()):
            p(f"\n{r['name']}: {len(paths)} file(s) \"{reason}\", e.g. " + ", ".join(f"`{x}`" for x in paths[:3]))
    for r in results:
        if r["files_scanned"] is not None and r["files_scanned"] != len(r["files"]):
            p(f"\nNote: {r['name']}: privlint scanned {r['files_scanned']} files; the harness's mirror of its walk "
              f"listed {len(r['files'])} for rg and semgrep.")
    fails = [(r["name"], f) for r in results if "recall" in r for f in r["recall"]["fail"]]
    if fails:
        p("")
        for name, f in fails:
            p(f"- {name}: FAIL {f}")
    for r in results:
        if r.get("by_language"):
            p("")
            p(f"### Throughput by language ({r['name']} corpus, `inventory --jobs 1`, whole process)")
            p("")
            p("| directory | language | files | lines | wall | CPU | lines/s | MB/s |")
            p("|---|---|---:|---:|---:|---:|---:|---:|")
            for d, lang, nf, nl, nb, m in r["by_language"]:
                p(f"| `{d}/` | {lang} | {nf:,} | {nl:,} | {secs(m['wall'])} | {secs(m['cpu'])} | "
                  f"{nl / m['wall']:,.0f} | {nb / 1e6 / m['wall']:.1f} |")
    st = [(r, r["staged"]) for r in results if "staged" in r]
    if st:
        p("")
        p("### `check --staged` (one file staged)")
        p("")
        p("| target | files in repo | staged file | wall | CPU | peak RSS | findings reported | exit |")
        p("|---|---:|---|---:|---:|---:|---:|---|")
        for r, (target, m) in st:
            p(f"| {r['name']} | {len(r['files']):,} | `{target}` | {secs(m['wall'])} | {secs(m['cpu'])} | "
              f"{mib(m['rss_kb'])} | {m['findings']} (in {len(m['paths'])} file(s)) | {','.join(map(str, m['rcs']))} |")
    return "\n".join(out) + "\n"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--privlint", required=True, help="the privlint binary")
    ap.add_argument("--cache", type=Path, default=Path(os.environ.get("TMPDIR", "/tmp")) / "privlint-bench")
    ap.add_argument("--repo", type=Path, help="time this checkout instead of the synthetic corpora")
    ap.add_argument("--base", type=int, default=30000, help="lines of the 1x corpus (default 30000)")
    ap.add_argument("--sizes", default="1,4,16", help="corpus multiples of --base (default 1,4,16)")
    ap.add_argument("--seed", type=int, default=8)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--warmup", type=int, default=1)
    ap.add_argument("--jobs", default="1,2", help="--jobs values to time (default 1,2)")
    ap.add_argument("--rg", help="ripgrep binary (omit to skip the rg floor)")
    ap.add_argument("--semgrep", help="semgrep binary (omit to skip semgrep)")
    ap.add_argument("--semgrep-runs", type=int, default=1)
    ap.add_argument("--semgrep-max-lines", type=int, default=150_000,
                    help="skip semgrep on targets with more lines (default 150000: semgrep needs ~5 min for "
                         "120k lines and ~27 min for 480k on 2 cores)")
    ap.add_argument("--no-by-language", dest="by_language", action="store_false",
                    help="skip the per-language throughput table")
    ap.add_argument("--staged-on", default="largest", help="largest | all | none | a target name")
    ap.add_argument("--command", default=None, help="the command line shown in the report")
    ap.add_argument("--output", type=Path, help="also write the Markdown report here")
    a = ap.parse_args(argv)
    a.jobs = [int(x) for x in a.jobs.split(",")]
    a.command = a.command or "bench/bench.py " + " ".join(argv if argv is not None else sys.argv[1:])
    a.cache.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="run-", dir=a.cache))
    a.patterns = work / "catalog-literals.txt"
    a.npatterns = rg_patterns(a.patterns)
    a.rules = work / "semgrep-rules.yaml"
    a.nrules = semgrep_rules(a.rules)

    targets = []
    if a.repo:
        targets.append((a.repo.resolve().name, a.repo.resolve(), False))
    else:
        known = a.cache / f"known-{hashlib.sha256(Path(a.privlint).read_bytes()).hexdigest()[:10]}.json"
        if not known.exists():
            known.write_text(sh([a.privlint, "rules", "--format", "json"]).stdout)
        for k in [int(x) for x in a.sizes.split(",")]:
            targets.append((f"{k}x", get_corpus(a.cache, a.base * k, a.seed, known), True))
    a.largest = targets[-1][0]
    results = [bench_target(a, name, root, work, is_corpus) for name, root, is_corpus in targets]
    md = report(a, results)
    print(md)
    if a.output:
        a.output.write_text(md)
    print(f"(raw outputs and per-corpus recall JSON in {work})", file=sys.stderr)
    ok = all(r.get("recall", {"pass": True})["pass"] and all(r["deterministic"].values()) for r in results)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
