#!/usr/bin/env python3
"""The report of bench/run.sh: machine, then per module the time, ratio and
memory tables of an interleaved-rounds run.

Usage: bench/report.py RESULTS_TSV MACHINE_FILE [--update DOC]

With --update, the report is not printed: its parts replace the blocks of
DOC (docs/performance.md) between `<!-- bench-report:machine -->` or
`<!-- bench-report:module NAME -->` and the next `<!-- /bench-report -->`.

RESULTS_TSV holds the raw lines of bench/run.sh, each prefixed with the
module and the round:

    <module> <round> BENCH <impl> <case> <ns_per_op> <ops_per_s> <peak_rss_kb> <samples> <iters> <min_ns> <max_ns>
    <module> <round> CHECK <impl> <case> <hash>
    -        <round|all> LOAD <other work %> <this run %>

Statistics: a BENCH line is one run of a case (the median of its samples).
Times are the median over the rounds of those medians, with their min and
max. A ratio peer / libwetee is taken within each round, from runs made
seconds apart, and reported as the median over the rounds with its min and
max: that cancels most of the drift of other work on a shared machine, which
a ratio of two separately-taken medians would not.
"""
import statistics
import sys
from collections import defaultdict

BASE = "libwetee"
SPREAD = 1.25  # a ratio whose max / min exceeds this is marked


def human(ns, unit=None):
    """ns in the unit that suits `unit` (default: ns itself), 3 significant digits."""
    u = unit if unit is not None else ns
    for scale, name in ((1e9, "s"), (1e6, "ms"), (1e3, "µs"), (1, "ns")):
        if u >= scale or scale == 1:
            v = ns / scale
            digits = 0 if v >= 100 else (1 if v >= 10 else 2)
            return f"{v:.{digits}f}", name
    raise AssertionError


def time_cell(values):
    med = statistics.median(values)
    m, unit = human(med)
    if len(values) == 1:
        return f"{m} {unit}"
    lo, _ = human(min(values), med)
    hi, _ = human(max(values), med)
    return f"{m} {unit} [{lo}–{hi}]"


def ratio_fmt(r):
    if r >= 100:
        return f"{r:.0f}"
    if r >= 10:
        return f"{r:.1f}"
    return f"{r:.2f}"


def ratio_cell(values):
    med = statistics.median(values)
    cell = f"{ratio_fmt(med)}×"
    if len(values) > 1:
        cell += f" [{ratio_fmt(min(values))}–{ratio_fmt(max(values))}]"
        if min(values) > 0 and max(values) / min(values) > SPREAD:
            cell += " †"
    return cell


def main():
    args = sys.argv[1:]
    update = None
    if len(args) == 4 and args[2] == "--update":
        update = args[3]
    elif len(args) != 2:
        sys.exit("usage: bench/report.py RESULTS_TSV MACHINE_FILE [--update DOC]")
    raw, machine = args[0], args[1]
    modules = []  # in order of appearance
    impls = defaultdict(list)
    cases = defaultdict(list)
    ns = defaultdict(dict)  # (m, impl, case) -> {round: ns}
    rss = defaultdict(list)
    checks = defaultdict(set)  # (m, case) -> hashes
    nchecks = defaultdict(int)
    load = {}
    rounds = set()
    with open(raw) as f:
        for line in f:
            p = line.rstrip("\n").split("\t")
            if len(p) < 3:
                continue
            m, rnd, kind = p[0], p[1], p[2]
            if kind == "LOAD":
                load[rnd] = (p[3], p[4])
                continue
            if kind not in ("BENCH", "CHECK") or len(p) < 6:
                continue
            impl, case = p[3], p[4]
            if m not in modules:
                modules.append(m)
            if kind == "CHECK":
                checks[m, case].add(p[5])
                nchecks[m, case] += 1
                continue
            if impl not in impls[m]:
                impls[m].append(impl)
            if case not in cases[m]:
                cases[m].append(case)
            ns[m, impl, case][rnd] = float(p[5])
            rss[m, impl, case].append(int(p[7]))
            rounds.add(rnd)

    parts = {}  # "machine" / "module NAME" -> lines
    out = parts["machine"] = []
    with open(machine) as f:
        out += [l.rstrip("\n") for l in f if l.strip()]
    cpu = next((l[len("- CPU: "):] for l in parts["machine"] if l.startswith("- CPU: ")), "?")
    flags = next((l[len("- CPU flags of note: "):] for l in parts["machine"]
                  if l.startswith("- CPU flags of note: ")), "")
    per_round = [load[r][0] for r in sorted(load, key=lambda r: (r == "all", int(r) if r.isdigit() else 0))
                 if r != "all"]
    if "all" in load:
        out.append(f"- Other work during the run: {load['all'][0]}% of the machine's CPU time on average"
                   f" (per round: {', '.join(x + '%' for x in per_round)}); this run itself: {load['all'][1]}%")
    nr = len(rounds)
    any_spread = False
    other = load.get("all", ("?", "?"))[0]
    for m in modules:
        out = parts["module " + m] = [f"CPU: {cpu}{'; ' + flags if flags else ''}. Other work on the machine"
                                      f" during the run: {other}% of its CPU time.", ""]
        order = ([BASE] if BASE in impls[m] else []) + [i for i in impls[m] if i != BASE]
        peers = [i for i in order if i != BASE]
        out += [f"Module {m}: time per operation, median of {nr} round{'s' if nr != 1 else ''}"
                f" [min–max of the round medians]", ""]
        out.append("| case | " + " | ".join(order) + " | same output |")
        out.append("| --- |" + " ---: |" * len(order) + " :---: |")
        for c in cases[m]:
            row = [c]
            for i in order:
                v = ns.get((m, i, c))
                row.append(time_cell(list(v.values())) if v else "–")
            same = "**NO**" if len(checks[m, c]) > 1 else ("yes" if nchecks[m, c] > 1 else "–")
            out.append("| " + " | ".join(row) + f" | {same} |")
        if BASE in impls[m] and peers:
            out += ["", f"Module {m}: ratio peer / libwetee (above 1: libwetee is faster), taken per round;"
                    " median [min–max] over the rounds", ""]
            out.append("| case | " + " | ".join(peers) + " |")
            out.append("| --- |" + " ---: |" * len(peers))
            for c in cases[m]:
                base = ns.get((m, BASE, c), {})
                row = [c]
                for i in peers:
                    v = ns.get((m, i, c), {})
                    rs = [v[r] / base[r] for r in v if r in base and base[r] > 0]
                    cell = ratio_cell(rs) if rs else "–"
                    any_spread |= cell.endswith("†")
                    row.append(cell)
                out.append("| " + " | ".join(row) + " |")
        out += ["", f"Module {m}: peak resident memory of the process running the case"
                " (getrusage ru_maxrss, median over the rounds)", ""]
        out.append("| case | " + " | ".join(order) + " |")
        out.append("| --- |" + " ---: |" * len(order))
        for c in cases[m]:
            row = [c]
            for i in order:
                v = rss.get((m, i, c))
                row.append(f"{statistics.median(v) / 1024:.1f} MiB" if v else "–")
            out.append("| " + " | ".join(row) + " |")
    note = (f"† the ratio varied by more than {round((SPREAD - 1) * 100)}% between rounds"
            " (max / min): a noisy measurement.")
    for key, lines in parts.items():
        if key != "machine" and any(l.endswith("† |") or "† |" in l for l in lines):
            lines += ["", note]
    if update:
        update_doc(update, parts)
        return
    text = ["Machine:", ""] + parts["machine"]
    for key, lines in parts.items():
        if key != "machine":
            text += [""] + lines
    print("\n".join(text))


def update_doc(path, parts):
    """Replace the bench-report blocks of `path` with the parts of this report."""
    lines = open(path).read().split("\n")
    out, i, done = [], 0, set()
    while i < len(lines):
        line = lines[i]
        out.append(line)
        i += 1
        s = line.strip()
        if not (s.startswith("<!-- bench-report:") and s.endswith("-->")):
            continue
        key = s[len("<!-- bench-report:"):-len("-->")].strip()
        old = []
        while i < len(lines) and lines[i].strip() != "<!-- /bench-report -->":
            old.append(lines[i])
            i += 1
        if i == len(lines):
            sys.exit(f"{path}: {s} without <!-- /bench-report -->")
        if key in parts:
            out += [""] + parts[key] + [""]
            done.add(key)
        else:
            sys.stderr.write(f"report.py: this run did not measure '{key}'; its block in {path} is kept\n")
            out += old
        out.append(lines[i])
        i += 1
    missing = [k for k in parts if k not in done]
    if missing:
        sys.stderr.write(f"report.py: no block in {path} for: {', '.join(missing)}\n")
    open(path, "w").write("\n".join(out))

if __name__ == "__main__":
    main()
