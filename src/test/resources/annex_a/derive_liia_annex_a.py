#!/usr/bin/env python3
"""Derive the independent Annex A contract used by AnnexALiiaContractTest from liia-tools-pipeline's
Annex_A_schema.yml (SocialFinanceDigitalLabs/liia-tools-pipeline HEAD 4aff918, MIT, (c) 2022 Social Finance
Digital Labs): liia_annex_a_columns.csv (list, position, header, kind, canbeblank, categories: the name of the column's
category set) and liia_annex_a_categories.csv (category set, liia_code, accepted value: every value liia's cleaner accepts for that
column, lower-cased and trimmed as liia compares them). Run from this folder:
  python3 derive_liia_annex_a.py ../../../../../shared/reference/liia-tools-pipeline/Annex_A_schema.yml
"""
import csv, sys, yaml

schema = yaml.safe_load(open(sys.argv[1], encoding="utf-8"))["column_map"]
cols, cats, sets = [], {}, {}
for lst, columns in schema.items():
    for pos, (header, spec) in enumerate(columns.items()):
        kind = next((k for k in ("category", "date", "numeric", "string") if k in spec), "string")
        cols.append([lst, pos, header, kind, str(spec.get("canbeblank", True)).lower(), ""])
        if kind != "category" or header == "LA of Placement":
            continue
        rows = set()
        for entry in spec["category"]:
            code = "yes" if entry["code"] is True else "no" if entry["code"] is False else str(entry["code"])
            for name in [entry["code"]] + list(entry.get("name") or []):
                n = "a) yes" if name is True and name is entry["code"] else str(name)
                if name is True or name is False:
                    n = code
                rows.add((code, n.strip().lower()))
        same = next((h for h, r in cats.items() if r == rows), None)
        if header in cats and cats[header] != rows:
            raise SystemExit("header " + header + " has different categories in different lists")
        if same is None:
            cats[header] = rows
        sets[(lst, header)] = same or header
with open("liia_annex_a_columns.csv", "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["list", "position", "header", "kind", "canbeblank", "categories"])
    for c in cols:
        c[5] = sets.get((c[0], c[2]), "")
        w.writerow(c)
with open("liia_annex_a_categories.csv", "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["categories", "liia_code", "accepted"])
    for header in sorted(cats):
        for code, name in sorted(cats[header]):
            w.writerow([header, code, name])
