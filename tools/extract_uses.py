#!/usr/bin/env python3
"""Extracts the claim dependency graph ("Uses:" lines) from the catalogue ../shared/claims.md into
reports/src/main/resources/twostage/claim-uses.tsv. Run from the project root: python3 tools/extract_uses.py"""
import re, sys, pathlib

root = pathlib.Path(__file__).resolve().parent.parent
md = (root.parent / "shared" / "claims.md").read_text(encoding="utf-8")
ids = [l.split("\t")[0] for l in (root / "theory/src/main/resources/twostage/claims.tsv").read_text().splitlines()
       if l and not l.startswith("#") and not l.startswith("id\t")]
by_suffix = {}
for i in ids:
    by_suffix.setdefault(i.split(" ", 1)[1], []).append(i)
abbrev = {"Prop": "Proposition", "Props": "Proposition", "Propositions": "Proposition", "Thm": "Theorem",
          "Cor": "Corollary", "Lemmas": "Lemma", "Assumptions": "Assumption", "Def": "Definition"}

def resolve(token):
    token = token.strip().rstrip(".")
    m = re.match(r"^(?:([A-Za-z]+)\s+)?([A-Z0-9]+\.\d+)$", token)
    if not m:
        return None
    word, num = m.group(1), m.group(2)
    word = abbrev.get(word, word)
    if word and f"{word} {num}" in ids:
        return f"{word} {num}"
    cands = by_suffix.get(num, [])
    return cands[0] if len(cands) == 1 else None

def expand(text):
    out = []
    text = text.replace(" and ", ", ")
    word = None
    for part in text.split(","):
        part = part.strip()
        r = re.match(r"^(?:([A-Za-z]+)\s+)?([A-Z])\.(\d+)\s*[–-]\s*(?:[A-Z]\.)?(\d+)$", part)
        if r:
            w = abbrev.get(r.group(1), r.group(1)) if r.group(1) else word
            for k in range(int(r.group(3)), int(r.group(4)) + 1):
                x = resolve(f"{w} {r.group(2)}.{k}" if w else f"{r.group(2)}.{k}")
                if x: out.append(x)
            continue
        m = re.match(r"^([A-Za-z]+)\s+", part)
        if m and m.group(1) in abbrev or (m and m.group(1) in ("Lemma", "Theorem", "Proposition", "Corollary", "Assumption", "Definition", "Remark")):
            word = abbrev.get(m.group(1), m.group(1))
        x = resolve(part)
        if x is None and word and re.match(r"^[A-Z0-9]+\.\d+$", part):
            x = resolve(f"{word} {part}")
        if x: out.append(x)
    return out

current = None
edges = []
for line in md.splitlines():
    if line.startswith("**"):
        h = re.match(r"^\*\*(.+?) \((?:p|pp)\.", line)
        current = h.group(1).strip() if h else None
        current = current if current in ids else None
    u = re.match(r"^- (?:Module: [^.]*\. )?Uses:?\s*(.*)$", line) or re.match(r"^- Module:.*?Uses:\s*(.*)$", line)
    if u and current:
        for dep in expand(u.group(1)):
            if dep != current and (dep, current) not in edges:
                edges.append((dep, current))
out = root / "reports/src/main/resources/twostage/claim-uses.tsv"
with out.open("w") as f:
    f.write("# Claim dependency graph: 'used' is used by 'user' (a result and what its proof or check relies on).\n")
    f.write("# Provenance: extracted by tools/extract_uses.py from the 'Uses:' lines of ../shared/claims.md (2026-12-03);\n")
    f.write("# references to closed forms (CF..) and equations are dropped; only catalogue IDs are kept.\n")
    f.write("used\tuser\n")
    for a, b in edges:
        f.write(f"{a}\t{b}\n")
print(len(edges), "edges", file=sys.stderr)
