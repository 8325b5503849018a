#!/usr/bin/env python3
"""gen_corpus.py — a deterministic synthetic corpus for privlint's benchmark (issue 8).

    python3 bench/gen_corpus.py --lines 30000 --out /tmp/corpus [--seed 8]

Writes a multi-language service ("Acme Platform": TS/JS web app, Python API, Go service, Ruby
billing app, Java orders service, Rust worker, PHP portal, SQL migrations, a Prisma schema and
every ecosystem's manifest) of about --lines lines. Into it, it PLANTS items drawn from privlint's
own catalog (rules/processors, rules/data, rules/cookies, read with tomllib): processor SDK
dependencies and imports, API hosts in fetch/requests calls, env var reads, script tags,
personal-data columns and fields, and cookies set. It also writes NEGATIVE CONTROLS that must not
be reported: other vendors named only in comments, tests/ and spec/ dirs, dev-only dependencies,
docs, look-alike identifiers (`email_verified`, `stripe_customer_id`, the catalog's own no_match
examples) and cookies set only in tests or comments.

Besides the code it writes DIR/privacy.toml (declaring a subset of what is planted) and
DIR/expected.json (every planted processor id with its files and evidence lines, every planted
data category and cookie name, and the controls), which bench/check_recall.py compares with
`privlint inventory --format json`.

Same --seed and --lines → byte-identical output. The planted set depends on --seed only; the
filler (and the extra uses planted in it) on --seed and --lines. Python 3.11+, stdlib only.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import shutil
import sys
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

GENERATOR_VERSION = 1
RULES = Path(__file__).resolve().parent.parent / "rules"

# ---------------------------------------------------------------------------------------------
# The catalog, and a Python mirror of its matching rules (used only to choose unambiguous inputs)
# ---------------------------------------------------------------------------------------------

# Mirrors src/catalog/data.rs: trailing words that only describe storage are skipped.
STORAGE_WORDS = {"encrypted", "enc", "hash", "hashed", "digest", "raw", "plain", "plaintext",
                 "cipher", "ciphertext", "value", "text", "str", "string", "field", "input"}


def tokenize(ident: str) -> list[str]:
    """`billingEmailAddress` → billing, email, address (as privlint splits identifiers)."""
    tokens, cur = [], ""
    for i, c in enumerate(ident):
        if not c.isalnum():
            if cur:
                tokens.append(cur)
                cur = ""
            continue
        if c.isupper() and cur:
            prev = ident[i - 1]
            next_lower = i + 1 < len(ident) and ident[i + 1].islower()
            if prev.islower() or prev.isdigit() or (prev.isupper() and next_lower):
                tokens.append(cur)
                cur = ""
        cur += c.lower()
    if cur:
        tokens.append(cur)
    return tokens


def snake(t: list[str]) -> str:
    return "_".join(t)


def camel(t: list[str]) -> str:
    return t[0] + "".join(w.capitalize() for w in t[1:])


def pascal(t: list[str]) -> str:
    return "".join(w.capitalize() for w in t)


class DataClassifier:
    """Which rules/data type an identifier names (longest pattern wins), or None."""

    def __init__(self, types: list[dict]):
        self.types = types
        self.patterns = []
        for i, t in enumerate(types):
            for p in t["patterns"]:
                self.patterns.append((i, tokenize(p)))
        self.patterns.sort(key=lambda x: (-len(x[1]), x[0]))
        self.excludes = {i: [tokenize(e) for e in t.get("exclude", [])] for i, t in enumerate(types)}
        self.cache: dict[str, int | None] = {}

    @staticmethod
    def _ends_with(tokens, pat):
        if not pat or len(pat) > len(tokens):
            return False
        start = len(tokens) - len(pat)
        for k, p in enumerate(pat):
            tok = tokens[start + k]
            last = k + 1 == len(pat)
            if not (tok == p or (last and (tok[:-1] == p and tok.endswith("s")
                                            or tok[:-2] == p and tok.endswith("es")))):
                return False
        return True

    def classify(self, ident: str) -> int | None:
        if ident in self.cache:
            return self.cache[ident]
        tokens = tokenize(ident)
        while len(tokens) > 1 and tokens[-1] in STORAGE_WORDS:
            tokens.pop()
        found = None
        for i, pat in self.patterns:
            if self._ends_with(tokens, pat):
                if not any(self._ends_with(tokens, e) for e in self.excludes[i]):
                    found = i
                break
        self.cache[ident] = found
        return found


class Catalog:
    """rules/processors, rules/data and rules/cookies, with owner look-ups for identifiers."""

    def __init__(self, rules: Path, known: dict | None = None):
        self.procs = {}
        for f in sorted((rules / "processors").glob("*.toml")):
            d = tomllib.loads(f.read_text())
            self.procs[d["id"]] = d
        self.data = [tomllib.loads(f.read_text()) for f in sorted((rules / "data").glob("*.toml"))]
        self.cookies = [tomllib.loads(f.read_text()) for f in sorted((rules / "cookies").glob("*.toml"))]
        if known:
            self.restrict(known)
        self.classifier = DataClassifier(self.data)

    def restrict(self, known: dict):
        """Keep only what a given binary knows (`privlint rules --format json`): a prebuilt binary
        may predate entries added to rules/ since, and planting those would count as misses."""
        kp = {p["id"]: p for p in known.get("processors", [])}
        for pid in list(self.procs):
            if pid not in kp:
                del self.procs[pid]
                continue
            p, k = self.procs[pid], kp[pid]
            for key in ("hosts", "env", "scripts"):
                p[key] = [x for x in p.get(key, []) if x in k.get(key, [])]
            for eco, names in p.get("packages", {}).items():
                p["packages"][eco] = [x for x in names if x in k.get("packages", {}).get(eco, [])]
        kd = {d["id"] for d in known.get("data", [])}
        self.data = [d for d in self.data if d["id"] in kd]
        kc = {c["name"] for c in known.get("cookies", [])}
        for c in self.cookies:
            c["cookies"] = [x for x in c["cookies"] if x["name"] in kc]
        self.cookies = [c for c in self.cookies if c["cookies"] and c.get("processor", next(iter(kp), None)) in kp]

    # -- who would a given identifier be attributed to? ---------------------------------------
    def pkg_owners(self, eco: str, name: str) -> set[str]:
        out = set()
        for pid, p in self.procs.items():
            for cand in p.get("packages", {}).get(eco, []):
                if eco == "maven" and cand.endswith(":*"):
                    if name.split(":")[0] == cand[:-2]:
                        out.add(pid)
                elif eco == "go":
                    if name == cand or name.startswith(cand + "/"):
                        out.add(pid)
                elif cand.lower() == name.lower():
                    out.add(pid)
        return out

    def import_owners(self, lang: str, path: str) -> set[str]:
        sep = {"python": ".", "java": ".", "php": "\\", "ruby": "/", "js": "/", "rust": "::"}[lang]
        eco = {"python": "pypi", "js": "npm", "rust": "cargo"}.get(lang)
        out = set()
        for pid, p in self.procs.items():
            cands = list(p.get("imports", {}).get(lang, []))
            if eco == "npm":
                cands += p.get("packages", {}).get("npm", [])
            if eco == "cargo":
                cands += [c.replace("-", "_") for c in p.get("packages", {}).get("cargo", [])]
            for c in cands:
                if path == c or path.startswith(c + sep):
                    out.add(pid)
        return out

    @staticmethod
    def host_match(host: str, pat: str) -> bool:
        if pat.startswith("*."):
            return host.endswith(pat[1:]) or host == pat[2:]
        return host == pat

    def host_owners(self, host: str) -> set[str]:
        return {pid for pid, p in self.procs.items() if any(self.host_match(host, h) for h in p.get("hosts", []))}

    @staticmethod
    def env_match(name: str, pat: str) -> bool:
        return name.startswith(pat[:-1]) if pat.endswith("*") else name == pat

    def env_owners(self, name: str) -> set[str]:
        return {pid for pid, p in self.procs.items() if any(self.env_match(name, e) for e in p.get("env", []))}

    def script_owners(self, url: str) -> set[str]:
        out = {pid for pid, p in self.procs.items() if any(url.startswith(s) for s in p.get("scripts", []))}
        return out | self.host_owners(url.split("/")[0])


# ---------------------------------------------------------------------------------------------
# Per-language facts about each vendor: the identifiers that point at it and at nothing else
# ---------------------------------------------------------------------------------------------

# language → (ecosystem, import flavour)
LANGS = {
    "ts": ("npm", "js"), "py": ("pypi", "python"), "go": ("go", None), "rb": ("gem", "ruby"),
    "java": ("maven", "java"), "rs": ("cargo", "rust"), "php": ("composer", "php"),
}


@dataclass
class VendorIdents:
    pid: str
    name: str
    pkg: dict = field(default_factory=dict)      # lang → manifest package name
    imp: dict = field(default_factory=dict)      # lang → import path
    host: str | None = None
    env: str | None = None
    script: str | None = None


def vendor_idents(cat: Catalog, pid: str) -> VendorIdents:
    """The first identifiers of each kind that privlint could attribute to `pid` alone."""
    p = cat.procs[pid]
    v = VendorIdents(pid, p["name"])
    pk, im = p.get("packages", {}), p.get("imports", {})
    for lang, (eco, flav) in LANGS.items():
        for name in pk.get(eco, []):
            if eco == "maven" and name.endswith(":*"):
                name = name[:-2] + ":" + name[:-2].split(".")[-1] + "-java"
            if cat.pkg_owners(eco, name) != {pid}:
                continue
            if lang == "go":
                imp = name
            elif lang == "ts":
                imp = name
            elif lang == "rs":
                imp = (im.get("rust") or [name.replace("-", "_")])[0]
            else:
                cands = im.get(flav, [])
                imp = cands[0] if cands else None
                if imp is None:
                    continue
                if lang == "java":
                    imp = imp + ".ApiClient"
                if lang == "php":
                    imp = imp.rstrip("\\") + "\\Client"
            owners = (cat.pkg_owners("go", imp) if lang == "go"
                      else cat.import_owners(flav, imp))
            if owners != {pid}:
                continue
            v.pkg[lang], v.imp[lang] = name, imp
            break
    for h in p.get("hosts", []):
        host = "api." + h[2:] if h.startswith("*.") else h
        if cat.host_owners(host) == {pid}:
            v.host = host
            break
    for e in p.get("env", []):
        env = e[:-1] + "API_KEY" if e.endswith("*") else e
        if re.fullmatch(r"[A-Z][A-Z0-9_]*", env) and cat.env_owners(env) == {pid}:
            v.env = env
            break
    for s in p.get("scripts", []):
        url = s + ("sdk.js" if s.endswith("/") else "")
        if cat.script_owners(url) == {pid}:
            v.script = url
            break
    return v


# ---------------------------------------------------------------------------------------------
# Files with evidence bookkeeping
# ---------------------------------------------------------------------------------------------


class Src:
    """One generated file: a list of lines, and the evidence planted at known line numbers."""

    def __init__(self, corpus: "Corpus", path: str, shipped: bool = True):
        self.corpus, self.path, self.shipped = corpus, path, shipped
        self.lines: list[str] = []

    def add(self, *lines: str):
        for block in lines:
            self.lines.extend(block.split("\n"))

    def plant(self, line: str, kind: str, subject: str, **extra):
        """Add `line` as planted evidence of `subject` (a processor id, category or cookie)."""
        self.lines.append(line)
        self.corpus.record(kind, subject, self.path, len(self.lines), **extra)

    def control(self, line: str, kind: str, subject: str, **extra):
        """Add `line` as a negative control: evidence of `subject` privlint must NOT report."""
        self.lines.append(line)
        self.corpus.record_control(kind, subject, self.path, len(self.lines), **extra)


class Corpus:
    def __init__(self, out: Path):
        self.out = out
        self.files: dict[str, Src] = {}
        self.planted: list[dict] = []
        self.controls: list[dict] = []

    def file(self, path: str, shipped: bool = True) -> Src:
        if path not in self.files:
            self.files[path] = Src(self, path, shipped)
        return self.files[path]

    def record(self, kind, subject, path, line, **extra):
        self.planted.append({"kind": kind, "subject": subject, "path": path, "line": line, **extra})

    def record_control(self, kind, subject, path, line, **extra):
        self.controls.append({"kind": kind, "subject": subject, "path": path, "line": line, **extra})

    def total_lines(self) -> int:
        return sum(len(f.lines) for f in self.files.values())

    def write(self):
        for path, f in sorted(self.files.items()):
            dest = self.out / path
            dest.parent.mkdir(parents=True, exist_ok=True)
            dest.write_text("\n".join(f.lines) + "\n")


def T(text: str, **kw) -> str:
    """Fill `<<name>>` placeholders (templates are full of braces, so no str.format)."""
    for k, v in kw.items():
        text = text.replace(f"<<{k}>>", str(v))
    assert "<<" not in text, text
    return text


# ---------------------------------------------------------------------------------------------
# Neutral vocabulary for the filler (checked against the data classifier at start-up)
# ---------------------------------------------------------------------------------------------

NOUNS = ["shipment", "parcel", "pallet", "sku", "warehouse", "batch", "lot", "stock", "supplier",
         "bin", "rack", "crate", "ledger", "quota", "forecast", "metric", "report", "job", "task",
         "widget", "gadget", "catalog", "variant", "bundle", "discount", "coupon", "tariff",
         "manifest", "invoice", "shelf", "dock", "freight", "backlog", "sprint", "asset",
         "sensor", "reading", "gauge", "ticket", "kiosk", "fleet", "depot"]
VERBS = ["load", "sync", "reconcile", "allocate", "rebalance", "audit", "forecast", "export",
         "index", "prune", "merge", "split", "score", "rank", "refresh", "validate", "normalize",
         "publish", "archive", "restore", "compact", "schedule", "replay", "snapshot"]
STATUSES = ["open", "held", "queued", "done", "failed", "archived"]
NEUTRAL_ENV = ["ACME_INTERNAL_API", "ACME_REGION_CODE", "ACME_BATCH_SIZE", "ACME_WORKER_POOL",
               "ACME_FEATURE_FLAGS_PATH", "DATABASE_URL", "PORT", "LOG_LEVEL", "ACME_QUEUE_URL"]
INTERNAL_HOSTS = ["inventory.internal.acme.example", "ledger.internal.acme.example",
                  "metrics.internal.acme.example", "queue.internal.acme.example"]

# Columns every table gets; `user_id`/`created_at` are realistic and must not count as data.
BASE_COLUMNS = ["id", "user_id", "status", "created_at", "updated_at"]
NEUTRAL_COLUMNS = ["sku", "quantity", "unit_cost_cents", "warehouse_code", "batch_number",
                   "priority", "notes_count", "revision", "currency", "weight_grams"]
# The brief's own look-alikes; more come from the catalog's no_match examples.
LOOKALIKE_FIELDS = ["email_verified", "stripe_customer_id", "email_sent_at", "phone_verified_at",
                    "password_changed_at", "email_template", "address_validated", "name_locked"]


class Vocab:
    def __init__(self, cat: Catalog):
        cls = cat.classifier.classify
        self.nouns = sorted({n for n in NOUNS if cls(n) is None})
        self.verbs = sorted({v for v in VERBS if cls(v) is None})
        self.neutral_columns = [c for c in NEUTRAL_COLUMNS if cls(c) is None]
        for e in NEUTRAL_ENV:
            assert not cat.env_owners(e), e
        for h in INTERNAL_HOSTS:
            assert not cat.host_owners(h), h


# ---------------------------------------------------------------------------------------------
# The generator
# ---------------------------------------------------------------------------------------------

LANG_DIRS = {"ts": "web", "py": "api", "go": "svc-go", "rb": "billing-rb", "java": "orders-java",
             "rs": "worker-rs", "php": "portal-php"}
# Share of the filler lines by language (SQL migrations are filler too).
FILLER_WEIGHTS = [("ts", 30), ("py", 17), ("go", 14), ("java", 12), ("rb", 8), ("rs", 7),
                  ("php", 7), ("sql", 4), ("js", 1)]
PLANT_PER_LANG = {"ts": 8, "py": 6, "go": 5, "rb": 4, "java": 4, "rs": 3, "php": 4}
HOST_ONLY = 6
SCRIPT_VENDORS = 4
CONTROL_VENDORS = 10
DATA_TYPES = 40


def family(pid: str) -> str:
    return pid.split("-")[0]


class Generator:
    def __init__(self, lines: int, out: Path, seed: int, known: dict | None = None):
        self.target = lines
        self.seed = seed
        self.cat = Catalog(RULES, known)
        self.vocab = Vocab(self.cat)
        self.c = Corpus(out)
        self.pick = random.Random(f"plant:{seed}")          # the planted set: seed only
        self.rng = random.Random(f"fill:{seed}:{lines}")     # the filler: seed and size
        self.deps: dict[str, list[tuple[str, str, bool, str | None]]] = {l: [] for l in LANGS}
        self.idents = {pid: vendor_idents(self.cat, pid) for pid in self.cat.procs}
        self.by_lang: dict[str, list[str]] = {l: [] for l in LANGS}  # planted SDK vendors by language
        self.counter = 0

    # -- choosing what to plant ---------------------------------------------------------------
    def choose(self):
        used: set[str] = set()
        fams: set[str] = set()

        def take(pool, n):
            pool = sorted(p for p in pool if p not in used and family(p) not in fams)
            self.pick.shuffle(pool)
            got = []
            for p in pool:
                if len(got) == n:
                    break
                if family(p) in fams:
                    continue
                got.append(p)
                used.add(p)
                fams.add(family(p))
            return got

        self.sdk = {}
        for lang, n in PLANT_PER_LANG.items():
            pool = [pid for pid, v in self.idents.items() if lang in v.pkg and v.host and v.env]
            self.sdk[lang] = take(pool, n)
        self.host_only = take([pid for pid, v in self.idents.items() if v.host and v.env], HOST_ONLY)
        self.script_only = take([pid for pid, v in self.idents.items() if v.script], SCRIPT_VENDORS)
        # Controls: unused vendor families, each with a package in some language, a host and env.
        self.control_vendors = take(
            [pid for pid, v in self.idents.items() if v.pkg and v.host and v.env], CONTROL_VENDORS)
        self.planted_ids = sorted(set(sum(self.sdk.values(), [])) | set(self.host_only) | set(self.script_only))

        # Data types: the classifier must send a catalog example (re-cased) back to its own type.
        cls = self.cat.classifier.classify
        cand = []
        for i, t in enumerate(self.cat.data):
            names = [tokenize(e) for e in t.get("examples", {}).get("match", [])]
            names = [n for n in names if n and cls(snake(n)) == i and cls(camel(n)) == i]
            if names:
                cand.append((t["id"], i, names))
        self.pick.shuffle(cand)
        self.data_types = sorted(cand[:DATA_TYPES])
        # Look-alike controls: the brief's list plus every catalog no_match that names nothing.
        la = set(LOOKALIKE_FIELDS)
        for t in self.cat.data:
            la.update(snake(tokenize(e)) for e in t.get("examples", {}).get("no_match", []) if tokenize(e))
        self.lookalikes = sorted(f for f in la if cls(f) is None and cls(camel(tokenize(f))) is None
                                 and f not in ("id", "user_id"))

    # -- small helpers ------------------------------------------------------------------------
    def uid(self) -> int:
        self.counter += 1
        return self.counter

    def words(self, n=2) -> list[str]:
        return self.rng.sample(self.vocab.nouns, n)

    def verb(self) -> str:
        return self.rng.choice(self.vocab.verbs)

    def host_url(self, host, path="/v1/events"):
        return f"https://{host}{path}"

    # -- integration files, one per planted SDK vendor ----------------------------------------
    def plant_sdk(self, lang: str, pid: str, i: int):
        """One integration module for `pid`. `i` (its index in the language) picks the syntax of
        the import, the env read and the host, cycling so every form appears in every corpus."""
        v = self.idents[pid]
        base = LANG_DIRS[lang]
        slug = re.sub(r"[^a-z0-9]+", "_", pid)
        alias = pascal(tokenize(slug)) or "Sdk"
        dev_only = lang == "ts" and i == 3  # a devDependency imported from shipped code is a use
        self.deps[lang].append((v.pkg[lang], "1.4.2", dev_only, None if dev_only else pid))
        getattr(self, f"sdk_{lang}")(base, slug, alias, v, i)

    def sdk_ts(self, base, slug, alias, v, i):
        ext = "js" if i % 8 == 3 else "ts"
        f = self.c.file(f"{base}/src/lib/integrations/{slug.replace('_', '-')}.{ext}")
        pkg, a = v.imp["ts"], camel(tokenize(alias))
        f.add(f"// {v.name} client: the only module that talks to {v.name}.")
        imports = [
            (f"import {alias} from '{pkg}'", f"new {alias}(apiKey)"),
            (f"import {{ createClient as {a}CreateClient }} from '{pkg}'", f"{a}CreateClient({{ apiKey }})"),
            (f"import * as {alias} from '{pkg}'", f"{alias}.init(apiKey)"),
            (f"const {alias} = require('{pkg}')", f"new {alias}(apiKey)"),
            (f"import {{ Client as {alias} }} from '{pkg}/server'", f"new {alias}(apiKey)"),
            (f"import '{pkg}'", "globalThis"),
            (None, f"(await import('{pkg}')).default"),
            (f"import {alias}, {{ type Options as {alias}Options }} from '{pkg}'", f"new {alias}(apiKey)"),
        ]
        imp, make = imports[i % len(imports)]
        if imp:
            f.plant(imp, "import", v.pid)
        envs = [f"process.env.{v.env}", f"process.env['{v.env}']", None, f"import.meta.env.VITE_{v.env}",
                f"process.env.NEXT_PUBLIC_{v.env}"]
        env = envs[i % len(envs)]
        f.add("import { logger } from '../logger'" if ext == "ts" else "const { logger } = require('../logger')", "")
        if env is None:
            f.plant(f"const {{ {v.env} }} = process.env", "env", v.pid)
            f.add(f"const apiKey = {v.env} ?? ''")
        else:
            f.plant(f"const apiKey = {env} ?? ''", "env", v.pid)
        if make.startswith("(await"):
            f.add(f"export async function {a}Client() {{")
            f.plant(f"  const {alias} = {make}", "import", v.pid)
            f.add(f"  return new {alias}(apiKey)", "}", "")
        else:
            f.add(f"export const {a}Client = {make}", "")
        url = self.host_url(v.host)
        hosts = [
            (f"  const res = await fetch('{url}', {{", ["    method: 'POST',"]),
            (f"  const res = await fetch(`https://{v.host}/v1/${{kind}}`, {{", ["    method: 'POST',"]),
            (f"  const res = await fetch(new URL('/v1/events', 'https://{v.host}'), {{", ["    method: 'POST',"]),
            (f"  const res = await fetch(\"{url}\", {{", ["    method: 'POST',"]),
        ]
        h, rest = hosts[i % len(hosts)]
        f.add(f"export async function push{alias}Event(kind: string, payload: Record<string, unknown>) {{" if ext == "ts"
              else f"async function push{alias}Event(kind, payload) {{")
        f.plant(h, "host", v.pid)
        f.add(*rest,
              "    headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },",
              "    body: JSON.stringify({ kind, payload }),",
              "  })",
              f"  if (!res.ok) logger.warn(`{v.name} returned ${{res.status}} for ${{kind}}`)",
              "  return res.ok",
              "}")
        if ext == "js":
            f.add(f"module.exports = {{ push{alias}Event, {a}Client }}")

    def sdk_py(self, base, slug, alias, v, i):
        f = self.c.file(f"{base}/app/integrations/{slug}.py")
        mod = v.imp["py"]
        f.add(f'"""{v.name} client: the only module that talks to {v.name}."""', "",
              "import logging", "import os", "", "import httpx", "import requests")
        lazy = i % 5 == 4
        imports = [f"import {mod}", f"import {mod} as vendor_sdk", f"from {mod} import Client",
                   f"from {mod} import *  # noqa: F403"]
        if not lazy:
            f.plant(imports[i % len(imports)], "import", v.pid)
        f.add("", "logger = logging.getLogger(__name__)")
        envs = [f'os.environ["{v.env}"]', f'os.getenv("{v.env}")', f'os.environ.get("{v.env}", "")',
                f'os.getenv("{v.env}", default="")']
        f.plant(f"API_KEY = {envs[i % len(envs)]}", "env", v.pid)
        if i % 4 == 2:
            f.plant(f'BASE_URL = "https://{v.host}"', "host", v.pid)
            host_line = None
        else:
            host_line = [f'    resp = requests.post("{self.host_url(v.host)}", json={{"kind": kind, "payload": payload}},',
                         f'    resp = requests.post(f"https://{v.host}/v1/{{kind}}", json={{"kind": kind, "payload": payload}},',
                         None,
                         f"    resp = requests.post('{self.host_url(v.host)}', json={{'kind': kind, 'payload': payload}},"][i % 4]
        f.add("", "", f"def push_{slug}_event(kind: str, payload: dict) -> bool:")
        if lazy:
            f.plant(f"    import {mod}  # heavy import, only when sending", "import", v.pid)
        if host_line:
            f.plant(host_line, "host", v.pid)
        else:
            f.add(f'    resp = requests.post(BASE_URL + "/v1/events", json={{"kind": kind, "payload": payload}},')
        f.add('                         headers={"Authorization": f"Bearer {API_KEY}"}, timeout=10)',
              "    if resp.status_code >= 300:",
              f'        logger.warning("{v.name} returned %s for %s", resp.status_code, kind)',
              "    return resp.ok")

    def sdk_go(self, base, slug, alias, v, i):
        pkg = re.sub(r"[^a-z0-9]", "", slug) or "sdk"
        imp = v.imp["go"]
        last = [s for s in imp.split("/") if not re.fullmatch(r"v\d+", s)][-1]
        gal = re.sub(r"[^a-z0-9]", "", last.lower()) or "sdk"
        if gal[0].isdigit():
            gal = "x" + gal
        f = self.c.file(f"{base}/internal/integrations/{pkg}/client.go")
        f.add(f"// Package {pkg} wraps the {v.name} API.", f"package {pkg}", "")
        single = i % 5 == 4
        if single:
            f.plant(f'import {gal} "{imp}"', "import", v.pid)
            f.add("", "import (")
        else:
            f.add("import (")
        f.add('\t"bytes"', '\t"fmt"', '\t"net/http"', '\t"os"')
        if not single:
            f.add("")
            form = [f'\t{gal} "{imp}"', f'\t"{imp}"', f'\t{gal} "{imp}/client"', f'\t_ "{imp}"'][i % 4]
            if form.startswith('\t"') and not imp.endswith(last):
                form = f'\t{gal} "{imp}"'
            if form.startswith('\t"'):
                gal = last.replace("-", "")  # the package name an unaliased import binds
                form = f'\t{gal} "{imp}"' if not re.fullmatch(r"[a-z][a-z0-9]*", gal) else form
            f.plant(form, "import", v.pid)
        f.add(")", "")
        if not (not single and i % 4 == 3):
            f.add(f"var _ = {gal}.Version", "")
        if i % 3 == 1:
            f.plant(f'const baseURL = "https://{v.host}"', "host", v.pid)
            f.add("")
        f.add("// Push sends one event.", "func Push(kind string, body []byte) error {")
        if i % 2:
            f.plant(f'\tkey, ok := os.LookupEnv("{v.env}")', "env", v.pid)
            f.add("\tif !ok {", '\t\treturn fmt.Errorf("missing key")', "\t}")
        else:
            f.plant(f'\tkey := os.Getenv("{v.env}")', "env", v.pid)
        if i % 3 == 1:
            f.add('\treq, err := http.NewRequest(http.MethodPost, baseURL+"/v1/events?kind="+kind, bytes.NewReader(body))')
        elif i % 3 == 2:
            f.plant(f'\treq, err := http.NewRequest(http.MethodPost, fmt.Sprintf("https://{v.host}/v1/%s", kind), bytes.NewReader(body))',
                    "host", v.pid)
        else:
            f.plant(f'\treq, err := http.NewRequest(http.MethodPost, "{self.host_url(v.host)}?kind="+kind, bytes.NewReader(body))',
                    "host", v.pid)
        f.add("\tif err != nil {", "\t\treturn err", "\t}",
              '\treq.Header.Set("Authorization", "Bearer "+key)',
              "\tresp, err := http.DefaultClient.Do(req)", "\tif err != nil {", "\t\treturn err", "\t}",
              "\tdefer resp.Body.Close()", "\tif resp.StatusCode >= 300 {",
              f'\t\treturn fmt.Errorf("{v.name} returned %d", resp.StatusCode)', "\t}", "\treturn nil", "}")

    def sdk_rb(self, base, slug, alias, v, i):
        f = self.c.file(f"{base}/app/services/{slug}_client.rb")
        f.add(f"# {v.name} client: the only class that talks to {v.name}.")
        f.plant([f'require "{v.imp["rb"]}"', f"require '{v.imp['rb']}'", f'require("{v.imp["rb"]}")'][i % 3],
                "import", v.pid)
        f.add('require "json"', 'require "net/http"', "", f"class {alias}Client")
        f.plant([f'  API_KEY = ENV.fetch("{v.env}")', f'  API_KEY = ENV["{v.env}"]',
                 f"  API_KEY = ENV.fetch('{v.env}', nil)"][i % 3], "env", v.pid)
        if i % 2:
            f.plant(f'  ENDPOINT = URI("{self.host_url(v.host)}")', "host", v.pid)
            f.add("", "  def push(kind, payload)")
        else:
            f.add('  ENDPOINT = nil', "", "  def push(kind, payload)")
            f.plant(f'    endpoint = URI("https://{v.host}/v1/#{{kind}}")', "host", v.pid)
        f.add('    res = Net::HTTP.post(ENDPOINT || endpoint, { kind: kind, payload: payload }.to_json,',
              '                         "Authorization" => "Bearer #{API_KEY}", "Content-Type" => "application/json")',
              f'    Rails.logger.warn("{v.name} returned #{{res.code}}") unless res.is_a?(Net::HTTPSuccess)',
              "    res", "  end", "end")

    def sdk_java(self, base, slug, alias, v, i):
        f = self.c.file(f"{base}/src/main/java/com/acme/orders/integrations/{alias}Gateway.java")
        f.add("package com.acme.orders.integrations;", "")
        prefix = v.imp["java"].rsplit(".", 1)[0]
        f.plant([f"import {v.imp['java']};", f"import {prefix}.*;", f"import static {v.imp['java']}.create;"][i % 3],
                "import", v.pid)
        f.add("import java.net.URI;", "import java.net.http.HttpClient;", "import java.net.http.HttpRequest;",
              "import java.net.http.HttpResponse;", "import org.springframework.beans.factory.annotation.Value;", "",
              f"/** {v.name} gateway. */", f"public class {alias}Gateway {{")
        f.plant(f'    private final String apiKey = System.getenv("{v.env}");', "env", v.pid)
        if i % 2:
            f.plant(f'    @Value("${{acme.{slug}.url:https://{v.host}}}")', "host", v.pid)
            f.add("    private String baseUrl;")
        f.add("    private final HttpClient http = HttpClient.newHttpClient();", "",
              "    public int push(String kind, String json) throws Exception {")
        if i % 2:
            f.add('        HttpRequest req = HttpRequest.newBuilder(URI.create(baseUrl + "/v1/events"))')
        else:
            f.plant(f'        HttpRequest req = HttpRequest.newBuilder(URI.create("{self.host_url(v.host)}"))',
                    "host", v.pid)
        f.add('                .header("Authorization", "Bearer " + apiKey)',
              "                .POST(HttpRequest.BodyPublishers.ofString(json))", "                .build();",
              "        return http.send(req, HttpResponse.BodyHandlers.ofString()).statusCode();", "    }", "}")

    def sdk_rs(self, base, slug, alias, v, i):
        f = self.c.file(f"{base}/src/integrations/{slug}.rs")
        crate = v.imp["rs"]
        f.add(f"//! {v.name} client.", "")
        f.plant([f"use {crate} as vendor_sdk;", f"use {crate}::{{self as vendor_sdk, Client as _}};",
                 f"extern crate {crate} as vendor_sdk;"][i % 3], "import", v.pid)
        f.add("use std::env;", "", "pub struct Client {", "    http: reqwest::Client,", "    key: String,", "}", "",
              "impl Client {", "    pub fn from_env() -> Self {")
        f.plant([f'        let key = std::env::var("{v.env}").unwrap_or_default();',
                 f'        let key = env::var("{v.env}").unwrap_or_default();',
                 f'        let key = env::var_os("{v.env}").map(|k| k.to_string_lossy().into_owned()).unwrap_or_default();'][i % 3],
                "env", v.pid)
        f.add("        Self { http: reqwest::Client::new(), key }", "    }", "",
              "    pub async fn push(&self, kind: &str, body: String) -> reqwest::Result<reqwest::Response> {",
              "        let _ = vendor_sdk::VERSION;")
        f.plant([f'        self.http.post("{self.host_url(v.host)}").bearer_auth(&self.key).body(body).send().await',
                 f'        self.http.post(format!("https://{v.host}/v1/{{kind}}")).bearer_auth(&self.key).body(body).send().await'][i % 2],
                "host", v.pid)
        f.add("    }", "}")

    def sdk_php(self, base, slug, alias, v, i):
        f = self.c.file(f"{base}/app/Services/{alias}Service.php")
        f.add("<?php", "", "namespace App\\Services;", "")
        ns = v.imp["php"].rsplit("\\", 1)[0]
        f.plant([f"use {v.imp['php']};", f"use {ns}\\{{Client, Webhook}};", f"use {v.imp['php']} as VendorClient;"][i % 3],
                "import", v.pid)
        f.add("use GuzzleHttp\\Client as Guzzle;", "use Illuminate\\Support\\Facades\\Http;", "use Illuminate\\Support\\Facades\\Log;", "",
              f"class {alias}Service", "{", "    public function push(string $kind, array $payload): bool", "    {")
        f.plant([f"        $key = env('{v.env}');", f"        $key = getenv('{v.env}');", f"        $key = $_ENV['{v.env}'] ?? null;"][i % 3],
                "env", v.pid)
        if i % 2:
            f.plant(f"        $http = new Guzzle(['base_uri' => 'https://{v.host}']);", "host", v.pid)
            f.add("        $res = $http->post('/v1/events', ['json' => ['kind' => $kind, 'payload' => $payload]]);",
                  "        if ($res->getStatusCode() >= 300) {")
        else:
            f.plant(f"        $res = Http::withToken($key)->post(\"https://{v.host}/v1/{{$kind}}\", ['payload' => $payload]);",
                    "host", v.pid)
            f.add("        if ($res->failed()) {")
        f.add(f"            Log::warning('{v.name} call failed', ['kind' => $kind]);",
              "        }", "        return true;", "    }", "}")

    def plant_host_only(self, pid: str, lang: str):
        """A vendor reached over plain HTTP: no SDK, just its API host and key."""
        v = self.idents[pid]
        slug = re.sub(r"[^a-z0-9]+", "_", pid)
        base = LANG_DIRS[lang]
        url = self.host_url(v.host, "/v2/submit")
        if lang == "ts":
            f = self.c.file(f"{base}/src/lib/webhooks/{slug.replace('_', '-')}.ts")
            f.add(f"// Outbound webhook to {v.name}.", f"export async function notify{pascal(tokenize(slug))}(body: string) {{")
            f.plant(f"  const token = process.env.{v.env}", "env", pid)
            f.plant(f"  return fetch('{url}', {{ method: 'POST', body, headers: {{ authorization: `Bearer ${{token}}` }} }})", "host", pid)
            f.add("}")
        elif lang == "py":
            f = self.c.file(f"{base}/app/webhooks/{slug}.py")
            f.add(f'"""Outbound webhook to {v.name}."""', "import os", "", "import httpx", "", "",
                  f"def notify_{slug}(body: bytes) -> int:")
            f.plant(f'    token = os.getenv("{v.env}")', "env", pid)
            f.plant(f'    return httpx.post("{url}", content=body, headers={{"Authorization": f"Bearer {{token}}"}}).status_code', "host", pid)
        else:  # go
            f = self.c.file(f"{base}/internal/webhooks/{slug}.go")
            f.add("package webhooks", "", "import (", '\t"bytes"', '\t"net/http"', '\t"os"', ")", "",
                  f"func Notify{pascal(tokenize(slug))}(body []byte) (*http.Response, error) {{")
            f.plant(f'\treq, _ := http.NewRequest("POST", "{url}", bytes.NewReader(body))', "host", pid)
            f.plant(f'\treq.Header.Set("Authorization", "Bearer "+os.Getenv("{v.env}"))', "env", pid)
            f.add("\treturn http.DefaultClient.Do(req)", "}")

    def plant_scripts(self):
        """Script tags in the template language of each app: HTML, ERB, Blade, and a JSX <Script>."""
        styles = [
            ("web/src/templates/layout.html", '  <script async src="https://<<u>>"></script>'),
            ("billing-rb/app/views/layouts/application.html.erb", '    <%= javascript_include_tag "https://<<u>>", async: true %>'),
            ("portal-php/resources/views/layouts/app.blade.php", '    <script defer src="https://<<u>>"></script>'),
            ("web/src/app/layout.tsx", '        <Script src="https://<<u>>" strategy="afterInteractive" />'),
        ]
        heads = {
            "html": ["<!doctype html>", '<html lang="en">', "<head>", '  <meta charset="utf-8">',
                     "  <title>Acme Platform</title>"],
            "erb": ["<!DOCTYPE html>", "<html>", "  <head>", "    <title>Acme Billing</title>", "    <%= csrf_meta_tags %>"],
            "php": ["<!DOCTYPE html>", "<html lang=\"{{ str_replace('_', '-', app()->getLocale()) }}\">", "<head>",
                    "    <title>{{ config('app.name') }}</title>"],
            "tsx": ["import Script from 'next/script'", "import type { ReactNode } from 'react'", "",
                    "export default function RootLayout({ children }: { children: ReactNode }) {", "  return (",
                    '    <html lang="en">', "      <head>"],
        }
        tails = {
            "html": ["</head>", "<body>", '  <div id="root"></div>', "</body>", "</html>"],
            "erb": ["  </head>", "  <body><%= yield %></body>", "</html>"],
            "php": ["</head>", "<body>@yield('content')</body>", "</html>"],
            "tsx": ["      </head>", "      <body>{children}</body>", "    </html>", "  )", "}"],
        }
        used = []
        for i, pid in enumerate(self.script_only):
            path, tpl = styles[i % len(styles)]
            kind = path.rsplit(".", 1)[-1]
            f = self.c.file(path)
            if not f.lines:
                f.add(*heads[kind])
                used.append((f, kind))
            f.plant(T(tpl, u=self.idents[pid].script), "script", pid)
        for f, kind in used:
            f.add(*tails[kind])

    def plant_config(self):
        """Deployment config: env names and API hosts as YAML/JSON values."""
        f = self.c.file("deploy/helm/values.yaml")
        f.add("# Helm values for the platform chart.", "image:", "  repository: ghcr.io/acme/platform", "  tag: 3.2.0",
              "env:", "  - name: ACME_REGION_CODE", "    value: eu-west-1")
        for k, pid in enumerate(sorted(set(sum(self.sdk.values(), [])))):
            if k % 3 == 0:
                f.plant(f"  - name: {self.idents[pid].env}", "env", pid)
                f.add("    valueFrom:", f"      secretKeyRef: {{ name: platform, key: {pid} }}")
        f.add("webhooks:")
        for pid in self.host_only:
            f.plant(f"  {pid}: https://{self.idents[pid].host}/v2/submit", "host", pid)
        for pid in self.control_vendors[:3]:
            f.control(f"  # {pid}: https://{self.idents[pid].host}/v1 (disabled)", "comment", pid)
        j = self.c.file("web/config/integrations.json")
        j.add("{", '  "timeoutMs": 5000,', '  "endpoints": {')
        hosts = self.host_only[:3]
        for k, pid in enumerate(hosts):
            j.plant(f'    "{pid}": "https://{self.idents[pid].host}/v2"' + ("," if k + 1 < len(hosts) else ""), "host", pid)
        j.add("  }", "}")

    def plant_unread(self):
        """Controls in places privlint never reads: dependencies, build output, minified bundles,
        stories, mocks, e2e tests, examples; and look-alikes in shipped code."""
        for k, pid in enumerate(self.control_vendors):
            v = self.idents[pid]
            slug = re.sub(r"[^a-z0-9]+", "_", pid)
            pkg = v.pkg.get("ts") or slug
            where = [
                (f"web/node_modules/{pkg}/index.js", "vendored"),
                (f"web/dist/assets/{slug}-4f9c2a.js", "build-output"),
                (f"web/public/{slug}.min.js", "minified"),
                (f"web/src/components/{pascal(tokenize(slug))}Banner.stories.tsx", "story"),
                (f"web/src/__mocks__/{slug}.ts", "mock"),
                (f"web/e2e/{slug}.spec.ts", "e2e"),
                (f"web/examples/{slug}.ts", "example"),
            ][k % 7]
            f = self.c.file(where[0], shipped=False)
            f.control(f"import vendorSdk from '{pkg}'", where[1], pid)
            f.control(f"export const endpoint = 'https://{v.host}/v1/collect?key=' + process.env.{v.env}", where[1], pid)
            f.add("export default vendorSdk")
            # Look-alike hosts and the vendor's name in shipped code: none of these is a use.
            s = self.c.file(f"web/src/lib/legacy/{slug.replace('_', '-')}-lookalikes.ts")
            s.control(f"export const MIRROR = 'https://{v.host}.mirror.acme.example/v1'", "lookalike-host", pid)
            s.control(f"export const CONTACT = 'billing@{v.host}'", "lookalike-host", pid)
            s.control(f"export const NOTE = '{v.name} export was retired'", "lookalike", pid)
            p = self.c.file(f"api/app/legacy/{slug}_docstring.py")
            p.control(f'"""Retired: this module used to call https://{v.host}/v1 with {v.env}."""', "docstring", pid)
            p.add("", "RETIRED = True")

    def plant_env_example(self):
        f = self.c.file(".env.example")
        f.add("# Copy to .env and fill in. Never commit real keys.")
        for e in NEUTRAL_ENV:
            f.add(f"{e}=")
        for pid in self.planted_ids:
            v = self.idents[pid]
            if v.env and pid not in self.script_only:
                f.plant(f"{v.env}=", "env", pid)

    # -- negative controls: vendors that are named but never used ----------------------------
    def plant_controls(self):
        docs = self.c.file("docs/integrations.md", shipped=False)
        docs.add("# Integrations we evaluated", "")
        for pid in self.control_vendors:
            v = self.idents[pid]
            lang = self.pick.choice(sorted(v.pkg))
            slug = re.sub(r"[^a-z0-9]+", "_", pid)
            # docs
            docs.control(f"- {v.name}: `{v.pkg[lang]}`, `https://{v.host}/`, `{v.env}` (rejected: no DPA)", "docs", pid)
            # a dev/test-only dependency
            if lang != "go":
                self.deps[lang].append((v.pkg[lang], "2.0.0", True, pid))
            # a test that mocks it
            self.control_test(lang, pid, slug, v)
            # comments in shipped code, a look-alike identifier and the vendor's name as a string
            f = self.c.file(f"web/src/lib/legacy/{slug.replace('_', '-')}-migration.ts")
            f.add(f"// {v.name} was removed in 2025 (see docs/integrations.md).")
            f.control(f"// import {pascal(tokenize(slug))} from '{v.pkg.get('ts', v.pkg[lang])}'", "comment", pid)
            f.control(f"// await fetch('https://{v.host}/v1/events', {{ headers: {{ key: process.env.{v.env} }} }})", "comment", pid)
            f.control(f"export const {camel(tokenize(slug))}Enabled = false", "lookalike", pid)
            f.control(f"export const LEGACY_PROVIDER = '{pid}'", "lookalike", pid)
            f.add("export function legacyProviderLabel(): string {",
                  f"  return {camel(tokenize(slug))}Enabled ? LEGACY_PROVIDER : 'none'", "}")
            p = self.c.file(f"api/app/legacy/{slug}_notes.py")
            p.add(f'"""Notes on the {v.name} migration."""')
            p.control(f"# import {v.imp.get('py', slug)}", "comment", pid)
            p.control(f'# requests.post("https://{v.host}/v1/events", headers={{"key": os.environ["{v.env}"]}})', "comment", pid)
            p.control(f"{slug.upper()}_CUSTOMER_ID_COLUMN = \"{slug}_customer_id\"", "lookalike", pid)

    def control_test(self, lang, pid, slug, v):
        base = LANG_DIRS[lang]
        a = pascal(tokenize(slug))
        if lang == "ts":
            f = self.c.file(f"{base}/tests/{slug.replace('_', '-')}.test.ts", shipped=False)
            f.control(f"import {a} from '{v.imp['ts']}'", "test", pid)
            f.add("import { expect, test } from 'vitest'", "", "test('mock', async () => {")
            f.control(f"  process.env.{v.env} = 'test'", "test", pid)
            f.control(f"  const res = await fetch('https://{v.host}/v1/ping')", "test", pid)
            f.add(f"  expect(new {a}('k')).toBeTruthy()", "  expect(res.ok).toBe(true)", "})")
        elif lang == "py":
            f = self.c.file(f"{base}/tests/test_{slug}.py", shipped=False)
            f.add("import os", "", "import requests")
            f.control(f"import {v.imp['py']}", "test", pid)
            f.add("", "", f"def test_{slug}_mock():")
            f.control(f'    os.environ["{v.env}"] = "test"', "test", pid)
            f.control(f'    assert requests.get("https://{v.host}/v1/ping").status_code == 200', "test", pid)
        elif lang == "go":
            f = self.c.file(f"{base}/internal/legacy/{slug}_test.go", shipped=False)
            f.add("package legacy", "", "import (", '\t"net/http"', '\t"os"', '\t"testing"', "")
            f.control(f'\tvendor "{v.imp["go"]}"', "test", pid)
            f.add(")", "", "func TestMock(t *testing.T) {", "\t_ = vendor.Version")
            f.control(f'\tos.Setenv("{v.env}", "test")', "test", pid)
            f.control(f'\tif _, err := http.Get("https://{v.host}/v1/ping"); err != nil {{', "test", pid)
            f.add("\t\tt.Fatal(err)", "\t}", "}")
        elif lang == "rb":
            f = self.c.file(f"{base}/spec/services/{slug}_spec.rb", shipped=False)
            f.control(f'require "{v.imp["rb"]}"', "test", pid)
            f.add("", f'RSpec.describe "{v.name} mock" do', '  it "pings" do')
            f.control(f'    stub_request(:get, "https://{v.host}/v1/ping")', "test", pid)
            f.control(f'    expect(ENV.fetch("{v.env}", "test")).to be_a(String)', "test", pid)
            f.add("  end", "end")
        elif lang == "java":
            f = self.c.file(f"{base}/src/test/java/com/acme/orders/{a}GatewayTest.java", shipped=False)
            f.add("package com.acme.orders;", "")
            f.control(f"import {v.imp['java']};", "test", pid)
            f.add("import org.junit.jupiter.api.Test;", "", f"class {a}GatewayTest {{", "    @Test",
                  "    void mock() {")
            f.control(f'        String url = "https://{v.host}/v1/ping" + System.getenv("{v.env}");', "test", pid)
            f.add("        assert url != null;", "    }", "}")
        elif lang == "rs":
            f = self.c.file(f"{base}/tests/{slug}.rs", shipped=False)
            f.control(f"use {v.imp['rs']} as vendor_sdk;", "test", pid)
            f.add("", "#[test]", "fn mock() {")
            f.control(f'    let url = format!("https://{v.host}/v1/ping?k={{}}", std::env::var("{v.env}").unwrap_or_default());', "test", pid)
            f.add("    assert!(!url.is_empty());", "}")
        elif lang == "php":
            f = self.c.file(f"{base}/tests/Feature/{a}Test.php", shipped=False)
            f.add("<?php", "", "namespace Tests\\Feature;", "")
            f.control(f"use {v.imp['php']};", "test", pid)
            f.add("", f"class {a}Test extends TestCase", "{", "    public function testMock(): void", "    {")
            f.control(f"        Http::fake(['https://{v.host}/*' => Http::response([], 200)]);", "test", pid)
            f.control(f"        $this->assertNotNull(getenv('{v.env}'));", "test", pid)
            f.add("    }", "}")

    # -- personal data: tables and models in every schema language ---------------------------
    SINKS = ["sql", "alter", "prisma", "django", "sqlalchemy", "pydantic", "go", "proto", "java", "rust",
             "diesel", "rails", "schemarb", "laravel", "ts", "typeorm", "drizzle", "mongoose", "zod", "graphql"]

    def plant_data(self):
        tables: dict[str, list] = {s: [] for s in self.SINKS}
        for did, idx, names in self.data_types:
            cat = self.cat.data[idx]["category"]
            for sink in self.pick.sample(self.SINKS, 3):
                tables[sink].append((did, cat, self.pick.choice(names)))
        self.pick.shuffle(self.lookalikes)
        lookalikes = list(self.lookalikes)
        tnames = ["profiles", "accounts", "members", "contacts", "applicants", "subscribers",
                  "travellers", "patients", "drivers", "tenants"]
        for sink in self.SINKS:
            fields = tables[sink]
            chunks = [fields[i:i + 5] for i in range(0, len(fields), 5)] or [[]]
            for n, chunk in enumerate(chunks):
                la = [lookalikes.pop() for _ in range(2) if lookalikes]
                getattr(self, f"schema_{sink}")(f"{tnames[n % len(tnames)]}", n, chunk, la)

    @staticmethod
    def col_type(field_tokens):
        """A realistic type: booleans for *_verified, timestamps for *_at, dates for birth dates."""
        last = field_tokens[-1]
        if last in ("verified", "enabled", "validated", "locked", "confirmed", "opted", "in"):
            kind = "bool"
        elif last in ("at", "on"):
            kind = "ts"
        elif last in ("count", "length", "number") and field_tokens[0] not in ("card", "phone"):
            kind = "int"
        else:
            kind = "str"
        return kind

    def schema_fields(self, chunk, la):
        """(tokens, category or None, kind) for planted fields, look-alikes and neutral columns."""
        out = []
        for did, cat, toks in chunk:
            k = "date" if "date_of_birth" in cat else "str"
            out.append((toks, cat, k))
        for f in la:
            t = tokenize(f)
            out.append((t, None, self.col_type(t)))
        for c in self.rng.sample(self.vocab.neutral_columns, 2):
            out.append((tokenize(c), "", "int" if c.endswith(("cents", "count", "grams", "number", "quantity", "priority", "revision")) else "str"))
        return out

    def emit_field(self, f: Src, line: str, toks, cat):
        if cat:
            f.plant(line, "field", cat, field=snake(toks))
        elif cat is None:
            f.control(line, "field", snake(toks))
        else:
            f.add(line)

    def schema_sql(self, table, n, chunk, la):
        f = self.c.file(f"db/migrations/{20260100 + n:08d}_create_{table}.sql")
        types = {"str": "text", "int": "integer", "bool": "boolean not null default false",
                 "ts": "timestamptz", "date": "date"}
        f.add(f"-- {table}: created by the onboarding flow", f"CREATE TABLE {table} (",
              "  id bigserial PRIMARY KEY,", "  user_id bigint NOT NULL REFERENCES users (id),")
        for toks, cat, k in self.schema_fields(chunk, la):
            self.emit_field(f, f"  {snake(toks)} {types[k]},", toks, cat)
        f.add("  created_at timestamptz NOT NULL DEFAULT now()", ");", "",
              f"CREATE INDEX {table}_user_id_idx ON {table} (user_id);")

    def schema_prisma(self, table, n, chunk, la):
        f = self.c.file("web/prisma/schema.prisma")
        if not f.lines:
            f.add("generator client {", '  provider = "prisma-client-js"', "}", "", "datasource db {",
                  '  provider = "postgresql"', '  url      = env("DATABASE_URL")', "}")
        types = {"str": "String?", "int": "Int", "bool": "Boolean @default(false)", "ts": "DateTime?", "date": "DateTime? @db.Date"}
        f.add("", f"model {pascal(tokenize(table))}{n} {{", "  id        Int      @id @default(autoincrement())",
              "  userId    Int")
        for toks, cat, k in self.schema_fields(chunk, la):
            self.emit_field(f, f"  {camel(toks)} {types[k]}", toks, cat)
        f.add("  createdAt DateTime @default(now())", "}")

    def schema_django(self, table, n, chunk, la):
        f = self.c.file("api/app/models.py")
        if not f.lines:
            f.add('"""Django models."""', "from django.conf import settings", "from django.db import models")
        types = {"str": "models.CharField(max_length=255, blank=True)", "int": "models.IntegerField(default=0)",
                 "bool": "models.BooleanField(default=False)", "ts": "models.DateTimeField(null=True)",
                 "date": "models.DateField(null=True)"}
        f.add("", "", f"class {pascal(tokenize(table))}{n}(models.Model):",
              "    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)")
        for toks, cat, k in self.schema_fields(chunk, la):
            self.emit_field(f, f"    {snake(toks)} = {types[k]}", toks, cat)
        f.add("    created_at = models.DateTimeField(auto_now_add=True)")

    def schema_go(self, table, n, chunk, la):
        f = self.c.file("svc-go/internal/store/models.go")
        if not f.lines:
            f.add("// Package store holds the database models.", "package store", "", 'import "time"', "",
                  "var _ time.Time")
        types = {"str": "string", "int": "int64", "bool": "bool", "ts": "*time.Time", "date": "time.Time"}
        f.add("", f"type {pascal(tokenize(table))}{n} struct {{", '\tID        int64     `db:"id" json:"id"`',
              '\tUserID    int64     `db:"user_id" json:"user_id"`')
        for toks, cat, k in self.schema_fields(chunk, la):
            self.emit_field(f, f'\t{pascal(toks)} {types[k]} `db:"{snake(toks)}" json:"{snake(toks)}"`', toks, cat)
        f.add('\tCreatedAt time.Time `db:"created_at" json:"created_at"`', "}")

    def schema_java(self, table, n, chunk, la):
        cls = f"{pascal(tokenize(table))}{n}"
        f = self.c.file(f"orders-java/src/main/java/com/acme/orders/model/{cls}.java")
        types = {"str": "String", "int": "long", "bool": "boolean", "ts": "Instant", "date": "LocalDate"}
        f.add("package com.acme.orders.model;", "", "import jakarta.persistence.Column;",
              "import jakarta.persistence.Entity;", "import jakarta.persistence.Id;",
              "import jakarta.persistence.Table;", "import java.time.Instant;", "import java.time.LocalDate;", "",
              "@Entity", f'@Table(name = "{table}_{n}")', f"public class {cls} {{", "", "    @Id",
              "    private Long id;", "", '    @Column(name = "user_id")', "    private Long userId;")
        for toks, cat, k in self.schema_fields(chunk, la):
            f.add("", f'    @Column(name = "{snake(toks)}")')
            self.emit_field(f, f"    private {types[k]} {camel(toks)};", toks, cat)
        f.add("", "    public Long getId() { return id; }", "}")

    def schema_rust(self, table, n, chunk, la):
        f = self.c.file("worker-rs/src/models.rs")
        if not f.lines:
            f.add("//! Rows the worker reads.", "", "use chrono::{DateTime, NaiveDate, Utc};", "use serde::Serialize;")
        types = {"str": "Option<String>", "int": "i64", "bool": "bool", "ts": "Option<DateTime<Utc>>", "date": "Option<NaiveDate>"}
        f.add("", "#[derive(Debug, Clone, Serialize, sqlx::FromRow)]", f"pub struct {pascal(tokenize(table))}{n} {{",
              "    pub id: i64,", "    pub user_id: i64,")
        for toks, cat, k in self.schema_fields(chunk, la):
            self.emit_field(f, f"    pub {snake(toks)}: {types[k]},", toks, cat)
        f.add("    pub created_at: DateTime<Utc>,", "}")

    def schema_rails(self, table, n, chunk, la):
        f = self.c.file(f"billing-rb/db/migrate/{20260101000000 + n * 100}_create_{table}.rb")
        types = {"str": "string", "int": "integer", "bool": "boolean", "ts": "datetime", "date": "date"}
        f.add(f"class Create{pascal(tokenize(table))} < ActiveRecord::Migration[7.2]", "  def change",
              f"    create_table :{table} do |t|", "      t.references :user, null: false, foreign_key: true")
        for toks, cat, k in self.schema_fields(chunk, la):
            self.emit_field(f, f"      t.{types[k]} :{snake(toks)}", toks, cat)
        f.add("      t.timestamps", "    end", "  end", "end")

    def schema_laravel(self, table, n, chunk, la):
        f = self.c.file(f"portal-php/database/migrations/2026_01_{n + 10:02d}_000000_create_{table}_table.php")
        types = {"str": "string", "int": "integer", "bool": "boolean", "ts": "timestamp", "date": "date"}
        f.add("<?php", "", "use Illuminate\\Database\\Migrations\\Migration;", "use Illuminate\\Database\\Schema\\Blueprint;",
              "use Illuminate\\Support\\Facades\\Schema;", "", "return new class extends Migration", "{",
              "    public function up(): void", "    {", f"        Schema::create('{table}', function (Blueprint $table) {{",
              "            $table->id();", "            $table->foreignId('user_id')->constrained();")
        for toks, cat, k in self.schema_fields(chunk, la):
            self.emit_field(f, f"            $table->{types[k]}('{snake(toks)}')->nullable();", toks, cat)
        f.add("            $table->timestamps();", "        });", "    }", "};")

    def schema_ts(self, table, n, chunk, la):
        f = self.c.file("web/src/types/models.ts")
        if not f.lines:
            f.add("// Shapes of the rows the web app reads from the API.")
        types = {"str": "string | null", "int": "number", "bool": "boolean", "ts": "Date | null", "date": "string | null"}
        f.add("", f"export interface {pascal(tokenize(table))}{n} {{", "  id: number", "  userId: number")
        for toks, cat, k in self.schema_fields(chunk, la):
            self.emit_field(f, f"  {camel(toks)}: {types[k]}", toks, cat)
        f.add("  createdAt: Date", "}")

    def schema_alter(self, table, n, chunk, la):
        f = self.c.file(f"db/migrations/{20260150 + n:08d}_alter_{table}.sql")
        types = {"str": "varchar(255)", "int": "integer", "bool": "boolean DEFAULT false", "ts": "timestamptz", "date": "date"}
        f.add(f"-- {table}: fields added later", "BEGIN;")
        for toks, cat, k in self.schema_fields(chunk, la):
            self.emit_field(f, f"ALTER TABLE {table} ADD COLUMN IF NOT EXISTS {snake(toks)} {types[k]};", toks, cat)
        f.add("COMMIT;")

    def schema_sqlalchemy(self, table, n, chunk, la):
        f = self.c.file("api/app/db/tables.py")
        if not f.lines:
            f.add('"""SQLAlchemy tables used by the reporting jobs."""', "from datetime import date, datetime", "",
                  "from sqlalchemy import Boolean, Date, DateTime, ForeignKey, Integer, String",
                  "from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column", "", "",
                  "class Base(DeclarativeBase):", "    pass")
        types = {"str": "Mapped[str | None] = mapped_column(String(255))", "int": "Mapped[int] = mapped_column(Integer, default=0)",
                 "bool": "Mapped[bool] = mapped_column(Boolean, default=False)",
                 "ts": "Mapped[datetime | None] = mapped_column(DateTime)", "date": "Mapped[date | None] = mapped_column(Date)"}
        f.add("", "", f"class {pascal(tokenize(table))}Row{n}(Base):", f'    __tablename__ = "{table}_{n}"', "",
              "    id: Mapped[int] = mapped_column(primary_key=True)",
              '    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))')
        for toks, cat, k in self.schema_fields(chunk, la):
            self.emit_field(f, f"    {snake(toks)}: {types[k]}", toks, cat)

    def schema_pydantic(self, table, n, chunk, la):
        f = self.c.file("api/app/schemas.py")
        if not f.lines:
            f.add('"""Request and response bodies."""', "from datetime import date, datetime", "",
                  "from pydantic import BaseModel")
        types = {"str": "str | None = None", "int": "int = 0", "bool": "bool = False", "ts": "datetime | None = None",
                 "date": "date | None = None"}
        f.add("", "", f"class {pascal(tokenize(table))}Body{n}(BaseModel):", "    user_id: int")
        for toks, cat, k in self.schema_fields(chunk, la):
            self.emit_field(f, f"    {snake(toks)}: {types[k]}", toks, cat)

    def schema_schemarb(self, table, n, chunk, la):
        f = self.c.file("billing-rb/db/schema.rb")
        if not f.lines:
            f.add("# This file is auto-generated from the current state of the database.",
                  "ActiveRecord::Schema[7.2].define(version: 2026_03_02_101500) do", '  enable_extension "plpgsql"')
        types = {"str": "string", "int": "integer", "bool": "boolean", "ts": "datetime", "date": "date"}
        f.add("", f'  create_table "{table}_{n}", force: :cascade do |t|', '    t.bigint "user_id", null: false')
        for toks, cat, k in self.schema_fields(chunk, la):
            self.emit_field(f, f'    t.{types[k]} "{snake(toks)}"', toks, cat)
        f.add('    t.datetime "created_at", null: false', "  end")

    def schema_typeorm(self, table, n, chunk, la):
        cls = f"{pascal(tokenize(table))}Entity{n}"
        f = self.c.file(f"web/src/entities/{cls}.ts")
        types = {"str": ("'varchar', nullable: true", "string | null"), "int": ("'integer', default: 0", "number"),
                 "bool": ("'boolean', default: false", "boolean"), "ts": ("'timestamptz', nullable: true", "Date | null"),
                 "date": ("'date', nullable: true", "string | null")}
        f.add("import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm'", "", f"@Entity('{table}_{n}')",
              f"export class {cls} {{", "  @PrimaryGeneratedColumn()", "  id!: number", "", "  @Column()", "  userId!: number")
        for toks, cat, k in self.schema_fields(chunk, la):
            f.add("", f"  @Column({{ type: {types[k][0]} }})")
            self.emit_field(f, f"  {camel(toks)}!: {types[k][1]}", toks, cat)
        f.add("}")

    def schema_drizzle(self, table, n, chunk, la):
        f = self.c.file("web/src/db/schema.ts")
        if not f.lines:
            f.add("import { boolean, date, integer, pgTable, serial, text, timestamp } from 'drizzle-orm/pg-core'")
        types = {"str": "text", "int": "integer", "bool": "boolean", "ts": "timestamp", "date": "date"}
        f.add("", f"export const {camel(tokenize(table))}{n} = pgTable('{table}_{n}', {{", "  id: serial('id').primaryKey(),",
              "  userId: integer('user_id').notNull(),")
        for toks, cat, k in self.schema_fields(chunk, la):
            self.emit_field(f, f"  {camel(toks)}: {types[k]}('{snake(toks)}'),", toks, cat)
        f.add("})")

    def schema_mongoose(self, table, n, chunk, la):
        f = self.c.file(f"web/src/models/{table}-{n}.ts")
        types = {"str": "{ type: String }", "int": "{ type: Number, default: 0 }", "bool": "{ type: Boolean, default: false }",
                 "ts": "{ type: Date }", "date": "{ type: Date }"}
        f.add("import { Schema, model } from 'mongoose'", "", f"const {camel(tokenize(table))}Schema = new Schema(",
              "  {", "    userId: { type: Schema.Types.ObjectId, ref: 'User', required: true },")
        for toks, cat, k in self.schema_fields(chunk, la):
            self.emit_field(f, f"    {camel(toks)}: {types[k]},", toks, cat)
        f.add("  },", "  { timestamps: true },", ")", "",
              f"export const {pascal(tokenize(table))}Model{n} = model('{pascal(tokenize(table))}{n}', {camel(tokenize(table))}Schema)")

    def schema_zod(self, table, n, chunk, la):
        f = self.c.file("web/src/validation/bodies.ts")
        if not f.lines:
            f.add("import { z } from 'zod'")
        types = {"str": "z.string().nullable()", "int": "z.number().int()", "bool": "z.boolean()",
                 "ts": "z.coerce.date().nullable()", "date": "z.string().date().nullable()"}
        f.add("", f"export const {pascal(tokenize(table))}Input{n} = z.object({{", "  userId: z.number().int(),")
        for toks, cat, k in self.schema_fields(chunk, la):
            self.emit_field(f, f"  {camel(toks)}: {types[k]},", toks, cat)
        f.add("})")

    def schema_diesel(self, table, n, chunk, la):
        f = self.c.file("worker-rs/src/schema.rs")
        if not f.lines:
            f.add("// @generated automatically by Diesel CLI.")
        types = {"str": "Nullable<Text>", "int": "Int8", "bool": "Bool", "ts": "Nullable<Timestamptz>", "date": "Nullable<Date>"}
        f.add("", "diesel::table! {", f"    {table}_{n} (id) {{", "        id -> Int8,", "        user_id -> Int8,")
        for toks, cat, k in self.schema_fields(chunk, la):
            self.emit_field(f, f"        {snake(toks)} -> {types[k]},", toks, cat)
        f.add("    }", "}")

    def schema_graphql(self, table, n, chunk, la):
        f = self.c.file("web/src/graphql/schema.graphql")
        if not f.lines:
            f.add("scalar DateTime", "scalar Date")
        types = {"str": "String", "int": "Int!", "bool": "Boolean!", "ts": "DateTime", "date": "Date"}
        f.add("", f"type {pascal(tokenize(table))}{n} {{", "  id: ID!", "  userId: ID!")
        for toks, cat, k in self.schema_fields(chunk, la):
            self.emit_field(f, f"  {camel(toks)}: {types[k]}", toks, cat)
        f.add("}")

    def schema_proto(self, table, n, chunk, la):
        f = self.c.file("svc-go/proto/acme/v1/records.proto")
        if not f.lines:
            f.add('syntax = "proto3";', "", "package acme.v1;", "", 'import "google/protobuf/timestamp.proto";')
        types = {"str": "string", "int": "int64", "bool": "bool", "ts": "google.protobuf.Timestamp", "date": "string"}
        f.add("", f"message {pascal(tokenize(table))}{n} {{", "  int64 id = 1;", "  int64 user_id = 2;")
        for j, (toks, cat, k) in enumerate(self.schema_fields(chunk, la)):
            self.emit_field(f, f"  {types[k]} {snake(toks)} = {j + 3};", toks, cat)
        f.add("}")

    # -- cookies ------------------------------------------------------------------------------
    # variant → (file, head lines, the setting line with <<n>> for the name, tail lines)
    COOKIE_VARIANTS = {
        "ts": ("web/src/server/cookies.ts", ["import type { Response } from 'express'", "",
               "export function setSessionCookies(res: Response, value: string) {"],
               "  res.cookie('<<n>>', value, { httpOnly: true, secure: true, sameSite: 'lax', maxAge: 3600_000 })", ["}"]),
        "ts_next": ("web/src/app/api/session/route.ts", ["import { cookies } from 'next/headers'", "",
                    "export async function POST(request: Request) {", "  const value = crypto.randomUUID()"],
                    "  cookies().set('<<n>>', value, { httpOnly: true, secure: true, sameSite: 'lax', path: '/' })",
                    ["  return new Response(null, { status: 204 })", "}"]),
        "ts_header": ("web/src/server/raw-cookies.ts", ["import type { ServerResponse } from 'node:http'", "",
                      "export function setRaw(res: ServerResponse, value: string) {"],
                      "  res.setHeader('Set-Cookie', `<<n>>=${value}; Path=/; HttpOnly; Secure; SameSite=Lax`)", ["}"]),
        "ts_doc": ("web/src/client/preferences.ts", ["// Client-side preference cookies.",
                   "export function rememberPreferences(value: string) {"],
                   "  document.cookie = `<<n>>=${encodeURIComponent(value)}; Path=/; Max-Age=31536000; SameSite=Lax; Secure`", ["}"]),
        "py": ("api/app/views/session.py", ['"""Session views."""', "from django.http import HttpResponse", "", "",
               "def start_session(request, value: str) -> HttpResponse:", "    response = HttpResponse(status=204)"],
               '    response.set_cookie("<<n>>", value, max_age=3600, secure=True, httponly=True, samesite="Lax")',
               ["    return response"]),
        "py_kw": ("api/app/views/fastapi_session.py", ['"""FastAPI session endpoints."""',
                  "from fastapi import APIRouter, Response", "", "router = APIRouter()", "", "",
                  '@router.post("/session")', "def start(response: Response, value: str = \"\") -> dict:"],
                  '    response.set_cookie(key="<<n>>", value=value, max_age=3600, secure=True, httponly=True, samesite="lax")',
                  ['    return {"ok": True}']),
        "go": ("svc-go/internal/httpapi/cookies.go", ["package httpapi", "", 'import "net/http"', "",
               "func setCookies(w http.ResponseWriter, value string) {"],
               '\thttp.SetCookie(w, &http.Cookie{Name: "<<n>>", Value: value, Path: "/", HttpOnly: true, Secure: true, SameSite: http.SameSiteLaxMode})',
               ["}"]),
        "go_multi": ("svc-go/internal/httpapi/session.go", ["package httpapi", "", 'import "net/http"', "",
                     "func startSession(w http.ResponseWriter, value string) {", "\thttp.SetCookie(w, &http.Cookie{"],
                     '\t\tName:     "<<n>>",',
                     ["\t\tValue:    value,", '\t\tPath:     "/",', "\t\tHttpOnly: true,", "\t\tSecure:   true,",
                      "\t\tSameSite: http.SameSiteStrictMode,", "\t})", "}"]),
        "rb": ("billing-rb/app/controllers/sessions_controller.rb", ["class SessionsController < ApplicationController",
               "  def create", "    value = SecureRandom.hex(32)"],
               '    cookies["<<n>>"] = { value: value, httponly: true, secure: true, same_site: :lax }',
               ["    head :no_content", "  end", "end"]),
        "rb_signed": ("billing-rb/app/controllers/preferences_controller.rb", ["class PreferencesController < ApplicationController",
                      "  def update", "    value = params.require(:value)"],
                      "    cookies.signed[:<<n>>] = { value: value, expires: 1.year, httponly: true, secure: true }",
                      ["    head :no_content", "  end", "end"]),
        "java": ("orders-java/src/main/java/com/acme/orders/web/SessionController.java",
                 ["package com.acme.orders.web;", "", "import org.springframework.http.HttpHeaders;",
                  "import org.springframework.http.ResponseCookie;", "import org.springframework.http.ResponseEntity;",
                  "import org.springframework.web.bind.annotation.PostMapping;",
                  "import org.springframework.web.bind.annotation.RestController;", "", "@RestController",
                  "public class SessionController {", "", '    @PostMapping("/session")',
                  "    public ResponseEntity<Void> start() {", "        String value = java.util.UUID.randomUUID().toString();",
                  "        HttpHeaders headers = new HttpHeaders();"],
                 '        headers.add(HttpHeaders.SET_COOKIE, ResponseCookie.from("<<n>>", value).httpOnly(true).secure(true).sameSite("Lax").path("/").build().toString());',
                 ["        return ResponseEntity.noContent().headers(headers).build();", "    }", "}"]),
        "java_servlet": ("orders-java/src/main/java/com/acme/orders/web/LegacyServlet.java",
                         ["package com.acme.orders.web;", "", "import jakarta.servlet.http.Cookie;",
                          "import jakarta.servlet.http.HttpServlet;", "import jakarta.servlet.http.HttpServletRequest;",
                          "import jakarta.servlet.http.HttpServletResponse;", "", "public class LegacyServlet extends HttpServlet {",
                          "    @Override", "    protected void doPost(HttpServletRequest req, HttpServletResponse resp) {",
                          '        String value = req.getParameter("v");'],
                         '        Cookie c = new Cookie("<<n>>", value);',
                         ["        c.setHttpOnly(true);", "        c.setSecure(true);", "        resp.addCookie(c);", "    }", "}"]),
        "rs": ("worker-rs/src/web.rs", ["use axum_extra::extract::cookie::{Cookie, CookieJar};", "",
               "pub fn set_cookies(jar: CookieJar, value: &str) -> CookieJar {"],
               '    let jar = jar.add(Cookie::build(("<<n>>", value.to_owned())).path("/").http_only(true).secure(true));',
               ["    jar", "}"]),
        "php": ("portal-php/app/Http/Controllers/SessionController.php",
                ["<?php", "", "namespace App\\Http\\Controllers;", "", "class SessionController extends Controller",
                 "{", "    public function store(): void", "    {", "        $value = bin2hex(random_bytes(16));"],
                "        setcookie('<<n>>', $value, ['expires' => time() + 3600, 'path' => '/', 'secure' => true, 'httponly' => true, 'samesite' => 'Lax']);",
                ["    }", "}"]),
        "php_queue": ("portal-php/app/Http/Controllers/ConsentController.php",
                      ["<?php", "", "namespace App\\Http\\Controllers;", "", "use Illuminate\\Support\\Facades\\Cookie;", "",
                       "class ConsentController extends Controller", "{", "    public function store(): void", "    {",
                       "        $value = request('choice', 'essential');"],
                      "        Cookie::queue('<<n>>', $value, 60 * 24 * 365);", ["    }", "}"]),
    }

    def choose_cookies(self):
        fw = {c["vendor"]: c for c in self.cat.cookies if "processor" not in c}

        def concrete(name):
            return name.replace("*", "acme")

        def framework(vendor, default):
            return concrete(fw[vendor]["cookies"][0]["name"]) if vendor in fw else default
        plan = [("ts", "acme_sid"), ("ts", framework("Express", "acme_csrf")), ("ts_next", "acme_onboarding"),
                ("ts_header", "acme_edge"), ("ts_doc", "acme_theme"), ("py", "acme_locale"),
                ("py", framework("Django", "acme_csrf_py")), ("py_kw", "acme_api_session"), ("go", "acme_device"),
                ("go_multi", "acme_go_session"), ("rb", "_acme_session"), ("rb_signed", "acme_currency"),
                ("java", framework("Java Servlet", "acme_jsession")), ("java", "acme_remember"),
                ("java_servlet", "acme_legacy_pref"), ("rs", "acme_worker_session"),
                ("php", framework("Laravel", "acme_php_session")), ("php_queue", "acme_consent")]
        # Vendor cookies of planted processors, set first-party (consent banners do this).
        for c in self.cat.cookies:
            if c.get("processor") in self.planted_ids:
                plan.append(("ts_doc", concrete(c["cookies"][0]["name"])))
        return plan

    def plant_cookies(self):
        self.cookie_plan = self.choose_cookies()
        files: dict[str, Src] = {}
        seen = set()
        for variant, name in self.cookie_plan:
            if name in seen:
                continue
            seen.add(name)
            path, head, line, _ = self.COOKIE_VARIANTS[variant]
            if variant not in files:
                files[variant] = self.c.file(path)
                files[variant].add(*head)
            elif variant == "go_multi":   # one cookie per struct literal
                files[variant].add("\t})", "\thttp.SetCookie(w, &http.Cookie{")
            files[variant].plant(T(line, n=name), "cookie", name)
        for variant, f in files.items():
            f.add(*self.COOKIE_VARIANTS[variant][3])
        # Control cookies: set only in a test, in a comment, or only read.
        t = self.c.file("web/tests/cookies.test.ts", shipped=False)
        t.add("import { test } from 'vitest'", "", "test('sets legacy cookie', () => {", "  const res = mockResponse()")
        t.control("  res.cookie('acme_legacy_tracker', 'x', { maxAge: 1 })", "cookie", "acme_legacy_tracker")
        t.add("})")
        c = self.c.file("web/src/server/read-cookies.ts")
        c.add("import type { Request } from 'express'", "")
        c.control("// res.cookie('acme_old_banner', '1') -- removed with the old banner", "cookie", "acme_old_banner")
        c.add("export function readPrefs(req: Request) {")
        c.control("  return req.cookies['acme_read_only_pref'] ?? null", "cookie", "acme_read_only_pref")
        c.add("}")

    # -- filler: realistic code that names nothing personal -----------------------------------
    def filler_file(self, lang: str):
        n = self.uid()
        a, b = self.words(2)
        nfun = self.rng.randint(5, 18)
        extra = None
        langs_for_extra = {"js": "ts"}.get(lang, lang)
        if lang != "sql" and self.by_lang.get(langs_for_extra) and self.rng.random() < 0.12:
            extra = self.rng.choice(self.by_lang[langs_for_extra])
        getattr(self, f"fill_{lang}")(n, a, b, nfun, extra)

    def fn_names(self, nfun):
        seen = set()
        out = []
        while len(out) < nfun:
            v, x, y = self.verb(), *self.words(2)
            key = (v, x, y)
            if key not in seen:
                seen.add(key)
                out.append((v, x, y))
        return out

    def fill_ts(self, n, a, b, nfun, extra):
        f = self.c.file(f"web/src/modules/{a}/{b}-{n}.ts")
        f.add(f"// {a.capitalize()} {b} handlers.", "import { logger } from '../../lib/logger'")
        if extra:
            v = self.idents[extra]
            f.plant(f"import {{ init as {camel(tokenize(extra))}Init }} from '{v.imp['ts']}'", "import", extra)
        f.add("", f"const INTERNAL_API = process.env.{self.rng.choice(NEUTRAL_ENV[:2])} ?? 'https://{self.rng.choice(INTERNAL_HOSTS)}'",
              "", f"export interface {pascal([a, 'record'])} {{", "  sku: string", "  quantity: number",
              "  unitCost: number", "  status: string", "  warehouseCode: string", "}")
        if n % 3 == 0:  # generic arrow functions: valid TypeScript that a JSX-mode parser rejects
            f.add("", f"export const first{pascal([a])} = <T>(xs: T[]): T | undefined => xs[0]",
                  f"export const {camel(['count', a])} = async <T extends {{ quantity: number }}>(xs: T[]) => xs.reduce((s, x) => s + x.quantity, 0)")
        for v, x, y in self.fn_names(nfun):
            fn = camel([v, x, y])
            thr = self.rng.randint(3, 500)
            st = self.rng.choice(STATUSES)
            f.add("", f"export async function {fn}(items: {pascal([a, 'record'])}[], threshold = {thr}): Promise<number> {{",
                  "  let total = 0", "  for (const item of items) {", "    if (item.quantity > threshold) {",
                  "      total += item.quantity * item.unitCost", f"    }} else if (item.status === '{st}') {{",
                  f"      logger.info(`{x} ${{item.sku}} {st} at ${{item.warehouseCode}}`)", "    }", "  }",
                  f"  const res = await fetch(`${{INTERNAL_API}}/v1/{x}/{y}/{v}`, {{ method: 'POST', body: JSON.stringify({{ total }}) }})",
                  f"  if (!res.ok) throw new Error(`{v} {x} failed: ${{res.status}}`)", "  return total", "}")
        if extra:
            v = self.idents[extra]
            f.add("", "export async function forwardTotals(total: number) {")
            f.plant(f"  const key = process.env.{v.env}", "env", extra)
            f.add(f"  {camel(tokenize(extra))}Init({{ key }})", "  return total", "}")

    def fill_js(self, n, a, b, nfun, extra):
        f = self.c.file(f"web/src/legacy/{a}-{b}-{n}.js")
        f.add("'use strict'", "", "const path = require('node:path')")
        if extra:
            f.plant(f"const vendorSdk = require('{self.idents[extra].imp['ts']}')", "import", extra)
        f.add("")
        for v, x, y in self.fn_names(nfun):
            f.add(f"function {camel([v, x, y])}(rows, limit) {{", f"  const out = rows.filter((r) => r.quantity <= limit)",
                  f"  console.log('{v} {x}', path.basename(__filename), out.length)", "  return out", "}", "",
                  f"module.exports.{camel([v, x, y])} = {camel([v, x, y])}", "")
        if extra:
            f.add("module.exports.sdk = vendorSdk")

    def fill_py(self, n, a, b, nfun, extra):
        f = self.c.file(f"api/app/{a}/{b}_{n}.py")
        f.add(f'"""{a.capitalize()} {b} jobs."""', "from __future__ import annotations", "", "import logging",
              "import os", "from dataclasses import dataclass", "", "import httpx")
        if extra:
            v = self.idents[extra]
            mod = v.imp["py"]
            f.plant(f"import {mod} as vendor_sdk", "import", extra)
        f.add("", "logger = logging.getLogger(__name__)",
              f'INTERNAL_API = os.environ.get("{self.rng.choice(NEUTRAL_ENV[:2])}", "https://{self.rng.choice(INTERNAL_HOSTS)}")',
              "", "", "@dataclass", f"class {pascal([a, 'record'])}:", "    sku: str", "    quantity: int",
              "    unit_cost: float", '    status: str = "open"')
        for v, x, y in self.fn_names(nfun):
            st = self.rng.choice(STATUSES)
            f.add("", "", f"def {snake([v, x, y])}(items: list[{pascal([a, 'record'])}], threshold: int = {self.rng.randint(3, 500)}) -> float:",
                  "    total = 0.0", "    for item in items:", "        if item.quantity > threshold:",
                  "            total += item.quantity * item.unit_cost", f'        elif item.status == "{st}":',
                  f'            logger.info("{x} %s {st}", item.sku)',
                  f'    httpx.post(f"{{INTERNAL_API}}/v1/{x}/{y}/{v}", json={{"total": total}}, timeout=10)',
                  "    return total")
        if extra:
            v = self.idents[extra]
            f.add("", "", "def vendor_key() -> str | None:")
            f.plant(f'    return os.environ.get("{v.env}")', "env", extra)

    def fill_go(self, n, a, b, nfun, extra):
        f = self.c.file(f"svc-go/internal/{a}/{b}_{n}.go")
        f.add(f"package {a}", "", "import (", '\t"bytes"', '\t"encoding/json"', '\t"fmt"', '\t"log"', '\t"net/http"', '\t"os"', ")",
              "", f"// {pascal([b, 'record', str(n)])} is one {b} row.", f"type {pascal([b, 'record', str(n)])} struct {{",
              '\tSku      string  `json:"sku"`', '\tQuantity int     `json:"quantity"`', '\tUnitCost float64 `json:"unit_cost"`',
              '\tStatus   string  `json:"status"`', "}", "",
              f'var internalAPI{n} = os.Getenv("{self.rng.choice(NEUTRAL_ENV[:2])}")')
        rec = pascal([b, "record", str(n)])
        for v, x, y in self.fn_names(nfun):
            st = self.rng.choice(STATUSES)
            f.add("", f"func {pascal([v, x, y])}{n}(items []{rec}, threshold int) (float64, error) {{", "\ttotal := 0.0",
                  "\tfor _, item := range items {", "\t\tif item.Quantity > threshold {",
                  "\t\t\ttotal += float64(item.Quantity) * item.UnitCost", f'\t\t}} else if item.Status == "{st}" {{',
                  f'\t\t\tlog.Printf("{x} %s {st}", item.Sku)', "\t\t}", "\t}",
                  '\tbody, _ := json.Marshal(map[string]float64{"total": total})',
                  f'\tresp, err := http.Post(internalAPI{n}+"/v1/{x}/{y}/{v}", "application/json", bytes.NewReader(body))',
                  "\tif err != nil {", f'\t\treturn 0, fmt.Errorf("{v} {x}: %w", err)', "\t}", "\tresp.Body.Close()",
                  "\treturn total, nil", "}")
        if extra:
            v = self.idents[extra]
            f.add("", f"func vendorKey{n}() string {{")
            f.plant(f'\treturn os.Getenv("{v.env}")', "env", extra)
            f.add("}")

    def fill_rb(self, n, a, b, nfun, extra):
        f = self.c.file(f"billing-rb/app/{a}/{b}_{n}.rb")
        if extra:
            f.plant(f'require "{self.idents[extra].imp["rb"]}"', "import", extra)
        f.add('require "net/http"', "", f"module {pascal([a])}", f"  class {pascal([b, 'job', str(n)])}",
              f'    INTERNAL_API = ENV.fetch("{self.rng.choice(NEUTRAL_ENV[:2])}", "https://{self.rng.choice(INTERNAL_HOSTS)}")')
        for v, x, y in self.fn_names(nfun):
            st = self.rng.choice(STATUSES)
            f.add("", f"    def {snake([v, x, y])}(items, threshold = {self.rng.randint(3, 500)})", "      total = 0",
                  "      items.each do |item|", "        if item.quantity > threshold",
                  "          total += item.quantity * item.unit_cost", f'        elsif item.status == "{st}"',
                  f'          Rails.logger.info("{x} #{{item.sku}} {st}")', "        end", "      end",
                  f'      Net::HTTP.post(URI("#{{INTERNAL_API}}/v1/{x}/{y}/{v}"), {{ total: total }}.to_json)', "      total",
                  "    end")
        if extra:
            f.add("", "    def vendor_key")
            f.plant(f'      ENV["{self.idents[extra].env}"]', "env", extra)
            f.add("    end")
        f.add("  end", "end")

    def fill_java(self, n, a, b, nfun, extra):
        cls = pascal([b, "service", str(n)])
        f = self.c.file(f"orders-java/src/main/java/com/acme/orders/{a}/{cls}.java")
        f.add(f"package com.acme.orders.{a};", "")
        if extra:
            f.plant(f"import {self.idents[extra].imp['java']};", "import", extra)
        f.add("import java.net.URI;", "import java.net.http.HttpClient;", "import java.net.http.HttpRequest;",
              "import java.util.List;", "import org.slf4j.Logger;", "import org.slf4j.LoggerFactory;",
              "import org.springframework.stereotype.Service;", "", "@Service", f"public class {cls} {{", "",
              f"    private static final Logger log = LoggerFactory.getLogger({cls}.class);",
              f'    private static final String INTERNAL_API = System.getenv("{self.rng.choice(NEUTRAL_ENV[:2])}");',
              "    private final HttpClient http = HttpClient.newHttpClient();", "",
              "    public record Item(String sku, int quantity, double unitCost, String status) {}")
        for v, x, y in self.fn_names(nfun):
            st = self.rng.choice(STATUSES)
            f.add("", f"    public double {camel([v, x, y])}(List<Item> items, int threshold) throws Exception {{",
                  "        double total = 0;", "        for (Item item : items) {", "            if (item.quantity() > threshold) {",
                  "                total += item.quantity() * item.unitCost();", f'            }} else if ("{st}".equals(item.status())) {{',
                  f'                log.info("{x} {{}} {st}", item.sku());', "            }", "        }",
                  f'        http.send(HttpRequest.newBuilder(URI.create(INTERNAL_API + "/v1/{x}/{y}/{v}")).POST(HttpRequest.BodyPublishers.ofString("" + total)).build(),',
                  "                java.net.http.HttpResponse.BodyHandlers.discarding());", "        return total;", "    }")
        if extra:
            f.add("", "    public String vendorKey() {")
            f.plant(f'        return System.getenv("{self.idents[extra].env}");', "env", extra)
            f.add("    }")
        f.add("}")

    def fill_rs(self, n, a, b, nfun, extra):
        f = self.c.file(f"worker-rs/src/{a}/{b}_{n}.rs")
        f.add(f"//! {a} {b} jobs.", "", "use serde::Serialize;", "use tracing::info;")
        if extra:
            f.plant(f"use {self.idents[extra].imp['rs']} as vendor_sdk;", "import", extra)
        f.add("", "#[derive(Debug, Clone, Serialize)]", "pub struct Item {", "    pub sku: String, ",
              "    pub quantity: i64,", "    pub unit_cost: f64,", "    pub status: String,", "}", "",
              "fn internal_api() -> String {",
              f'    std::env::var("{self.rng.choice(NEUTRAL_ENV[:2])}").unwrap_or_else(|_| "https://{self.rng.choice(INTERNAL_HOSTS)}".into())',
              "}")
        for v, x, y in self.fn_names(nfun):
            st = self.rng.choice(STATUSES)
            f.add("", f"pub async fn {snake([v, x, y])}(http: &reqwest::Client, items: &[Item], threshold: i64) -> reqwest::Result<f64> {{",
                  "    let mut total = 0.0;", "    for item in items {", "        if item.quantity > threshold {",
                  "            total += item.quantity as f64 * item.unit_cost;", f'        }} else if item.status == "{st}" {{',
                  f'            info!(sku = %item.sku, "{x} {st}");', "        }", "    }",
                  f'    http.post(format!("{{}}/v1/{x}/{y}/{v}", internal_api())).body(total.to_string()).send().await?;',
                  "    Ok(total)", "}")
        if extra:
            f.add("", "pub fn vendor_key() -> Option<String> {", "    let _ = vendor_sdk::VERSION;")
            f.plant(f'    std::env::var("{self.idents[extra].env}").ok()', "env", extra)
            f.add("}")

    def fill_php(self, n, a, b, nfun, extra):
        cls = pascal([b, "service", str(n)])
        f = self.c.file(f"portal-php/app/{pascal([a])}/{cls}.php")
        f.add("<?php", "", f"namespace App\\{pascal([a])};", "")
        if extra:
            f.plant(f"use {self.idents[extra].imp['php']};", "import", extra)
        f.add("use Illuminate\\Support\\Facades\\Http;", "use Illuminate\\Support\\Facades\\Log;", "", f"class {cls}", "{")
        for v, x, y in self.fn_names(nfun):
            st = self.rng.choice(STATUSES)
            f.add(f"    public function {camel([v, x, y])}(array $items, int $threshold = {self.rng.randint(3, 500)}): float",
                  "    {", "        $total = 0.0;", "        foreach ($items as $item) {",
                  "            if ($item['quantity'] > $threshold) {", "                $total += $item['quantity'] * $item['unit_cost'];",
                  f"            }} elseif ($item['status'] === '{st}') {{", f"                Log::info('{x} ' . $item['sku'] . ' {st}');",
                  "            }", "        }",
                  f"        Http::post(env('{self.rng.choice(NEUTRAL_ENV[:2])}') . '/v1/{x}/{y}/{v}', ['total' => $total]);",
                  "        return $total;", "    }", "")
        if extra:
            f.add("    public function vendorKey(): ?string", "    {")
            f.plant(f"        return env('{self.idents[extra].env}');", "env", extra)
            f.add("    }")
        f.add("}")

    def fill_sql(self, n, a, b, nfun, extra):
        f = self.c.file(f"db/migrations/{20260200 + n:08d}_create_{a}_{b}.sql")
        f.add(f"-- {a} {b} tables")
        for k in range(max(2, nfun // 3)):
            t = f"{a}_{b}_{k}"
            cols = self.rng.sample(self.vocab.neutral_columns, 4)
            f.add(f"CREATE TABLE {t} (", "  id bigserial PRIMARY KEY,", "  user_id bigint,")
            for c in cols:
                f.add(f"  {c} {'integer' if c.endswith(('cents', 'count', 'grams', 'quantity', 'priority', 'revision')) else 'text'},")
            f.add("  status text NOT NULL DEFAULT 'open',", "  created_at timestamptz NOT NULL DEFAULT now()", ");",
                  f"CREATE INDEX {t}_status_idx ON {t} (status);", "")

    # -- manifests ----------------------------------------------------------------------------
    NEUTRAL_DEPS = {
        "ts": ["express", "zod", "pg", "pino", "dayjs", "undici", "react", "react-dom", "next", "typeorm",
               "drizzle-orm", "mongoose"],
        "py": ["django", "httpx", "requests", "pydantic", "celery", "gunicorn", "sqlalchemy", "fastapi"],
        "go": ["github.com/jackc/pgx/v5", "github.com/go-chi/chi/v5", "golang.org/x/sync"],
        "rb": ["rails", "pg", "puma", "bootsnap"],
        "java": ["org.springframework.boot:spring-boot-starter-web", "org.postgresql:postgresql"],
        "rs": ["tokio", "serde", "reqwest", "tracing", "sqlx", "axum-extra", "chrono"],
        "php": ["laravel/framework", "guzzlehttp/guzzle"],
    }
    NEUTRAL_DEV = {"ts": ["vitest", "typescript"], "py": ["pytest"], "rb": ["rspec-rails"],
                   "java": ["org.junit.jupiter:junit-jupiter"], "rs": ["wiremock"], "php": ["phpunit/phpunit"], "go": []}

    def write_manifests(self):
        for lang in LANGS:
            eco = LANGS[lang][0]
            deps = [(p, "1.0.0", False, None) for p in self.NEUTRAL_DEPS[lang]]
            deps += [(p, "1.0.0", True, None) for p in self.NEUTRAL_DEV[lang]]
            for p, *_ in deps:
                assert not self.cat.pkg_owners(eco, p), (eco, p)
            deps += self.deps[lang]
            getattr(self, f"manifest_{lang}")(deps)

    def dep_line(self, f: Src, line: str, pid, dev: bool):
        if pid is None:
            f.add(line)
        elif dev:
            f.control(line, "dev-dependency", pid)
        else:
            f.plant(line, "package", pid)

    def manifest_ts(self, deps):
        f = self.c.file("web/package.json")
        f.add("{", '  "name": "@acme/web",', '  "version": "3.2.0",', '  "private": true,', '  "type": "module",',
              '  "scripts": { "build": "tsc -p .", "test": "vitest run" },')
        for dev, key in ((False, "dependencies"), (True, "devDependencies")):
            rows = [d for d in deps if d[2] == dev]
            f.add(f'  "{key}": {{')
            for i, (p, ver, _, pid) in enumerate(rows):
                self.dep_line(f, f'    "{p}": "^{ver}"' + ("," if i + 1 < len(rows) else ""), pid, dev)
            f.add("  }" + ("," if not dev else ""))
        f.add("}")
        self.c.file("web/tsconfig.json").add('{ "compilerOptions": { "strict": true, "target": "es2022" } }')

    def manifest_py(self, deps):
        for dev, name in ((False, "requirements.txt"), (True, "requirements-dev.txt")):
            f = self.c.file(f"api/{name}")
            if dev:
                f.add("-r requirements.txt")
            for p, ver, d, pid in deps:
                if d == dev:
                    self.dep_line(f, f"{p}=={ver}", pid, dev)

    def manifest_go(self, deps):
        f = self.c.file("svc-go/go.mod")
        f.add("module github.com/acme/platform/svc-go", "", "go 1.23", "", "require (")
        for p, ver, d, pid in deps:
            if not d:
                self.dep_line(f, f"\t{p} v{ver}", pid, d)
        f.add(")")

    def manifest_rb(self, deps):
        f = self.c.file("billing-rb/Gemfile")
        f.add('source "https://rubygems.org"', "", 'ruby "3.3.6"', "")
        for p, ver, d, pid in deps:
            if not d:
                self.dep_line(f, f'gem "{p}", "~> {ver}"', pid, d)
        f.add("", "group :development, :test do")
        for p, ver, d, pid in deps:
            if d:
                self.dep_line(f, f'  gem "{p}", "~> {ver}"', pid, d)
        f.add("end")

    def manifest_java(self, deps):
        f = self.c.file("orders-java/pom.xml")
        f.add('<?xml version="1.0" encoding="UTF-8"?>', '<project xmlns="http://maven.apache.org/POM/4.0.0">',
              "  <modelVersion>4.0.0</modelVersion>", "  <groupId>com.acme</groupId>", "  <artifactId>orders</artifactId>",
              "  <version>1.0.0</version>", "  <dependencies>")
        for p, ver, d, pid in deps:
            g, a = p.split(":")
            f.add("    <dependency>", f"      <groupId>{g}</groupId>")
            self.dep_line(f, f"      <artifactId>{a}</artifactId>", pid, d)
            f.add(f"      <version>{ver}</version>")
            if d:
                f.add("      <scope>test</scope>")
            f.add("    </dependency>")
        f.add("  </dependencies>", "</project>")

    def manifest_rs(self, deps):
        f = self.c.file("worker-rs/Cargo.toml")
        f.add("[package]", 'name = "acme-worker"', 'version = "0.9.0"', 'edition = "2021"', "publish = false")
        for dev, hdr in ((False, "[dependencies]"), (True, "[dev-dependencies]")):
            f.add("", hdr)
            for p, ver, d, pid in deps:
                if d == dev:
                    self.dep_line(f, f'{p} = "{ver}"', pid, dev)

    def manifest_php(self, deps):
        f = self.c.file("portal-php/composer.json")
        f.add("{", '    "name": "acme/portal",', '    "type": "project",')
        for dev, key in ((False, "require"), (True, "require-dev")):
            rows = [d for d in deps if d[2] == dev]
            f.add(f'    "{key}": {{')
            if not dev:
                f.add('        "php": "^8.2",' if rows else '        "php": "^8.2"')
            for i, (p, ver, _, pid) in enumerate(rows):
                self.dep_line(f, f'        "{p}": "^{ver}"' + ("," if i + 1 < len(rows) else ""), pid, dev)
            f.add("    }" + ("," if not dev else ""))
        f.add("}")

    # -- the policy and the answer key --------------------------------------------------------
    def write_policy(self):
        prng = random.Random(f"policy:{self.seed}")
        cats = sorted({p["subject"] for p in self.c.planted if p["kind"] == "field"})
        self.declared_cats = sorted(prng.sample(cats, len(cats) * 3 // 5))
        self.declared_procs = sorted(prng.sample(self.planted_ids, len(self.planted_ids) * 3 // 5))
        cookies = sorted({name for _, name in self.cookie_plan})
        self.declared_cookies = sorted(prng.sample(cookies, len(cookies) // 2))
        f = self.c.file("privacy.toml")
        f.add("# Synthetic benchmark corpus: declares about 60% of what the code plants, so that check",
              "# has both clean and undeclared processors, categories and cookies to report.",
              "version = 1", 'name = "Acme Platform (synthetic)"', "", "[data]", "categories = [")
        for c in self.declared_cats:
            f.add(f'  "{c}",')
        f.add("]")
        for pid in self.declared_procs:
            pc = [c for c in self.cat.procs[pid].get("categories", []) if c in self.declared_cats]
            f.add("", f"[processors.{pid}]", f'purpose = "{self.cat.procs[pid]["kind"]}"',
                  f"categories = {json.dumps(pc)}")
        f.add("", "[cookies]", 'allow = ["essential"]')
        for name in self.declared_cookies:
            f.add("", "[[cookies.declared]]", f'name = "{name}"', 'category = "functional"')
        f.add("", "[claims]", "no_card_storage = true", 'password_hashing = ["argon2", "bcrypt"]', "",
              "[scan]", 'exclude = ["expected.json"]')

    def expected(self) -> dict:
        procs: dict[str, dict] = {}
        cats: dict[str, dict] = {}
        cookies: dict[str, dict] = {}
        for p in self.c.planted:
            ev = {"path": p["path"], "line": p["line"], "kind": p["kind"]}
            if p["kind"] == "field":
                d = cats.setdefault(p["subject"], {"files": [], "evidence": []})
                ev["field"] = p["field"]
            elif p["kind"] == "cookie":
                d = cookies.setdefault(p["subject"], {"files": [], "evidence": []})
            else:
                d = procs.setdefault(p["subject"], {"files": [], "evidence": []})
            d["evidence"].append(ev)
            if p["path"] not in d["files"]:
                d["files"].append(p["path"])
        for d in (*procs.values(), *cats.values(), *cookies.values()):
            d["files"].sort()
            d["evidence"].sort(key=lambda e: (e["path"], e["line"]))
        for pid in procs:
            procs[pid]["declared"] = pid in self.declared_procs
        for c in cats:
            cats[c]["declared"] = any(c == d or c.startswith(d + ".") for d in self.declared_cats)
        ctrl_v: dict[str, dict] = {}
        for p in self.c.controls:
            if p["kind"] in ("field", "cookie"):
                continue
            d = ctrl_v.setdefault(p["subject"], {"files": [], "evidence": []})
            d["evidence"].append({"path": p["path"], "line": p["line"], "kind": p["kind"]})
            if p["path"] not in d["files"]:
                d["files"].append(p["path"])
        for d in ctrl_v.values():
            d["files"].sort()
        lines = self.c.total_lines()
        return {
            "version": 1,
            "generator": {"version": GENERATOR_VERSION, "seed": self.seed, "lines_requested": self.target,
                          "lines_written": lines, "files_written": len(self.c.files),
                          "shipped_files": sum(1 for f in self.c.files.values() if f.shipped)},
            "processors": dict(sorted(procs.items())),
            "categories": dict(sorted(cats.items())),
            "cookies": dict(sorted(cookies.items())),
            "controls": {
                "vendors": dict(sorted(ctrl_v.items())),
                "fields": sorted(({"path": p["path"], "line": p["line"], "field": p["subject"]}
                                  for p in self.c.controls if p["kind"] == "field"),
                                 key=lambda e: (e["path"], e["line"])),
                "cookies": sorted(({"name": p["subject"], "path": p["path"], "line": p["line"]}
                                   for p in self.c.controls if p["kind"] == "cookie"),
                                  key=lambda e: e["name"]),
            },
        }

    # -- everything ---------------------------------------------------------------------------
    def run(self):
        self.choose()
        for lang, pids in self.sdk.items():
            for i, pid in enumerate(pids):
                self.plant_sdk(lang, pid, i)
                self.by_lang[lang].append(pid)
        for i, pid in enumerate(self.host_only):
            self.plant_host_only(pid, ["ts", "py", "go"][i % 3])
        self.plant_scripts()
        self.plant_env_example()
        self.plant_controls()
        self.plant_config()
        self.plant_unread()
        self.plant_data()
        if "billing-rb/db/schema.rb" in self.c.files:
            self.c.files["billing-rb/db/schema.rb"].add("end")
        self.plant_cookies()
        self.c.file("README.md").add("# Acme Platform", "",
                                     "Synthetic benchmark corpus generated by privlint's bench/gen_corpus.py.")
        self.c.file("web/src/lib/logger.ts").add("import pino from 'pino'", "", "export const logger = pino()")
        # Filler until the target size (manifests and the policy add a few hundred lines more).
        langs, weights = zip(*FILLER_WEIGHTS)
        while self.c.total_lines() < self.target - 300:
            self.filler_file(self.rng.choices(langs, weights)[0])
        self.write_manifests()
        self.write_policy()


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--lines", type=int, default=30000, help="approximate total lines (default 30000)")
    ap.add_argument("--out", type=Path, required=True, help="output directory (replaced if it exists)")
    ap.add_argument("--seed", type=int, default=8, help="RNG seed (default 8)")
    ap.add_argument("--known-catalog", type=Path, metavar="JSON",
                    help="`privlint rules --format json` of the binary under test: plant only what it knows")
    args = ap.parse_args(argv)
    known = json.loads(args.known_catalog.read_text()) if args.known_catalog else None
    if args.out.exists():
        if not (args.out / "expected.json").exists() and any(args.out.iterdir()):
            sys.exit(f"refusing to replace {args.out}: not empty and not a generated corpus")
        shutil.rmtree(args.out)
    args.out.mkdir(parents=True)
    g = Generator(args.lines, args.out, args.seed, known)
    g.run()
    g.c.write()
    exp = g.expected()
    (args.out / "expected.json").write_text(json.dumps(exp, indent=1, sort_keys=False) + "\n")
    gi = exp["generator"]
    print(f"wrote {gi['files_written']} files, {gi['lines_written']} lines to {args.out} "
          f"({len(exp['processors'])} processors, {len(exp['categories'])} categories, "
          f"{len(exp['cookies'])} cookies planted; {len(exp['controls']['vendors'])} control vendors)",
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
