"""Which of the validator's reports on our SSDA903 return are its own defects (docs/returns.md, "What the validator
says"), each recognised by the exact shape the defect needs, so a real error of the same rule still fails.

Usage: ssda903_defects.py ISSUES_CSV RETURN_DIR PREVIOUS_DIR_OR_- YEAR_END (e.g. 2026)
Prints the rules and children left over (real failures) and exits 1 when there are any.
"""
import csv
import datetime as dt
import os
import sys

issues_csv, folder, previous, year_end = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
start, end = dt.date(year_end - 1, 4, 1), dt.date(year_end, 3, 31)


def table(d, name):
    path = os.path.join(d, name)
    return list(csv.DictReader(open(path, newline=""))) if d != "-" and os.path.exists(path) else []


def day(s):
    return dt.datetime.strptime(s, "%d/%m/%Y").date() if s else None


eps, prev_eps = table(folder, "episodes.csv"), table(previous, "episodes.csv")
header = {r["CHILD"]: r for r in table(folder, "header.csv")}
prev_header = {r["CHILD"]: r for r in table(previous, "header.csv")}
missing = table(folder, "missing.csv")
text = open(issues_csv).read().strip()
issues = list(csv.DictReader(text.splitlines())) if text else []
eps_of = {}
for r in eps + prev_eps:
    eps_of.setdefault(r["CHILD"], []).append(r)


def birthday(child, years):
    dob = day(header[child]["DOB"])
    return dob.replace(year=dob.year + years) if not (dob.month == 2 and dob.day == 29) else dt.date(dob.year + years, 3, 1)


def is_defect(rule, child, row):
    if rule == "1002":
        # The rule's own NOTE: it sees two years. Our OC3 cohort comes from the young person's episodes in the
        # warehouse, so one with none in either file left care before last year began (at 16-18).
        return child not in eps_of
    if rule == "1001":
        if birthday(child, 20) <= end:
            return True  # "drop children over 20": the left merge then flags every one of them instead
        short = {i for t in (eps, prev_eps) for i, r in enumerate(t) if r["LS"] in ("V3", "V4")}
        if any(i in short for t in (eps, prev_eps) for i, r in enumerate(t) if r["CHILD"] == child):
            return True  # drop() by index label: a V3/V4 row this year removes last year's row of that number
        if child not in eps_of:  # no episode in the two years: left care before them (as for 1002)
            return True
        return min(day(r["DECOM"]) for r in eps_of[child]) < dt.date(year_end - 2, 4, 1)
    if rule == "218":
        return row is not None and row.get("LS") in ("V3", "V4")  # rule 214 forbids the URN it asks for
    if rule in ("575", "577"):
        # rule 365 writes the year end into every open DEC in place; the child's episode is in fact open
        m = [r for r in missing if r["CHILD"] == child and not r["MIS_END"]]
        return bool(m) and any(not r["DEC"] and day(r["DECOM"]) <= day(x["MIS_START"])
                               for r in eps if r["CHILD"] == child for x in m)
    if rule == "624":
        # A care leaver not looked after this year: 628 forbids MOTHER, 612 forbids MC_DOB without MOTHER, and
        # 624 forbids dropping last year's MC_DOB. No return passes all three.
        h = header.get(child, {})
        return (child not in {r["CHILD"] for r in eps} and not h.get("MOTHER") and not h.get("MC_DOB")
                and bool(prev_header.get(child, {}).get("MC_DOB")))
    if rule == "632":
        # compares DATE_PERM with the child's first episode in the file; the record belongs to the child's later
        # start in the year (care ended by the order, then began again), and is before that start
        perm = [r for r in table(folder, "previous_permanence.csv") if r["CHILD"] == child]
        starts = [day(r["DECOM"]) for r in eps if r["CHILD"] == child and r["RNE"] == "S"]
        return bool(perm) and bool(starts) and perm[0]["DATE_PERM"][:2] != "zz" \
            and day(perm[0]["DATE_PERM"]) < max(starts)
    if rule == "SW12STG2":
        # checks each (episode, social worker episode) pair, so a second worker fails the first's episode;
        # DfE's rule asks that some social worker episode covers it
        sw = [x for x in table(folder, "sw_episodes.csv") if x["CHILD"] == child]
        return row is not None and any(
            (day(x["SW_DECOM"]) <= (day(row["DEC"]) or end) and row["REC"] != "X1")
            or (day(x["SW_DECOM"]) >= day(row["DECOM"]) and row["RNE"] == "S") for x in sw)
    if rule == "146":
        # 2024-25's rule lists supported accommodation as lower-case "k3"; DfE's code (and rule 371) is K3
        return year_end == 2025 and row is not None and row.get("PLACE") == "K3"
    return False


# Added by hand (docs/returns.md, "What the team still adds by hand"): the SSD does not hold the item.
BY_HAND = {"159"}
left, explained = set(), {}
for i in issues:
    rule, child = i["rule_code"], i["child_id"]
    row = eps[int(i["row_id"])] if i["tables_affected"] == "Episodes" and i["row_id"].isdigit() \
        and int(i["row_id"]) < len(eps) else None
    if rule in BY_HAND or is_defect(rule, child, row):
        explained.setdefault(rule, set()).add(child)
    else:
        left.add((rule, child))
for rule, children in sorted(explained.items()):
    print(f"  {rule}: {len(children)} child(ren), {'added by hand' if rule in BY_HAND else 'validator defect'}")
if left:
    print("FAILED:", sorted(left))
    sys.exit(1)
