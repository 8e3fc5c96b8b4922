"""Compare blind audit labels with stored corpus labels (audit20).
Prints agreement matrices, raw agreement, Cohen's kappa (with a bootstrap 95% interval),
and warn-vs-quiet agreement with Wilson 95% intervals, per language, for all pages and for
the auditor's high-confidence pages. Pages labelled `unsure` by either side are left out of
the binary question because the README leaves `unsure` out of scores."""
import json, math, random, sys

CLASSES = ["rogue", "affiliate", "licensed", "clinic", "info", "other", "unsure"]
WARN = {"rogue", "affiliate"}

def wilson(k, n, z=1.959964):
    if n == 0:
        return (float("nan"), float("nan"))
    p = k / n
    d = 1 + z * z / n
    c = (p + z * z / (2 * n)) / d
    h = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / d
    return (c - h, c + h)

def kappa(pairs):
    n = len(pairs)
    if n == 0:
        return float("nan")
    po = sum(a == b for a, b in pairs) / n
    ca, cb = {}, {}
    for a, b in pairs:
        ca[a] = ca.get(a, 0) + 1
        cb[b] = cb.get(b, 0) + 1
    pe = sum(ca.get(c, 0) * cb.get(c, 0) for c in set(ca) | set(cb)) / (n * n)
    return (po - pe) / (1 - pe) if pe < 1 else float("nan")

def boot_kappa(pairs, reps=4000, seed=20):
    rng = random.Random(seed)
    ks = sorted(kappa([rng.choice(pairs) for _ in pairs]) for _ in range(reps))
    ks = [k for k in ks if not math.isnan(k)]
    return ks[int(0.025 * len(ks))], ks[int(0.975 * len(ks)) - 1]

def matrix(pairs):
    rows = [c for c in CLASSES if any(a == c for a, _ in pairs)]
    cols = [c for c in CLASSES if any(b == c for _, b in pairs)]
    out = ["| stored \\ audit | " + " | ".join(cols) + " | total |", "|" + "---|" * (len(cols) + 2)]
    for r in rows:
        cells = [sum(1 for a, b in pairs if a == r and b == c) for c in cols]
        out.append(f"| {r} | " + " | ".join(str(x) if x else "." for x in cells) + f" | {sum(cells)} |")
    tot = [sum(1 for _, b in pairs if b == c) for c in cols]
    out.append("| total | " + " | ".join(map(str, tot)) + f" | {len(pairs)} |")
    return "\n".join(out)

def section(title, rows):
    pairs = [(r["stored"], r["audit"]) for r in rows]
    n = len(pairs)
    agree = sum(a == b for a, b in pairs)
    lo, hi = wilson(agree, n)
    k = kappa(pairs)
    klo, khi = boot_kappa(pairs)
    bin_rows = [r for r in rows if "unsure" not in (r["stored"], r["audit"])]
    bagree = sum((r["stored"] in WARN) == (r["audit"] in WARN) for r in bin_rows)
    blo, bhi = wilson(bagree, len(bin_rows))
    bk = kappa([(r["stored"] in WARN, r["audit"] in WARN) for r in bin_rows])
    sw = sum(r["stored"] in WARN for r in bin_rows)
    aw = sum(r["audit"] in WARN for r in bin_rows)
    s2q = sum(r["stored"] in WARN and r["audit"] not in WARN for r in bin_rows)
    q2s = sum(r["stored"] not in WARN and r["audit"] in WARN for r in bin_rows)
    print(f"### {title}\n")
    print(matrix(pairs) + "\n")
    print(f"- pages: {n}; raw 7-class agreement {agree}/{n} = {agree/n:.3f} (Wilson 95% {lo:.3f}–{hi:.3f})")
    print(f"- Cohen's kappa (7-class) {k:.3f} (bootstrap 95% {klo:.3f}–{khi:.3f})")
    print(f"- warn (rogue+affiliate) vs quiet, unsure excluded: {bagree}/{len(bin_rows)} = {bagree/len(bin_rows):.3f} "
          f"(Wilson 95% {blo:.3f}–{bhi:.3f}); binary kappa {bk:.3f}")
    print(f"- stored warn {sw}, audit warn {aw}; stored warn→audit quiet {s2q}, stored quiet→audit warn {q2s}\n")

def main():
    key = {r["id"]: r for r in json.load(open(sys.argv[1]))}
    rows = []
    for line in open(sys.argv[2], encoding="utf-8"):
        i, c, conf, reason = line.rstrip("\n").split("\t")
        k = key[i]
        rows.append({"id": i, "lang": k["lang"], "slug": k["slug"], "stored": k["class"], "audit": c, "conf": conf})
    for lang in ("ja", "en"):
        sub = [r for r in rows if r["lang"] == lang]
        if not sub:  # a sample of one language only (session 16's second draw)
            continue
        section(f"{lang}: all pages", sub)
        section(f"{lang}: auditor high-confidence pages only", [r for r in sub if r["conf"] == "high"])
    section("both languages: all pages", rows)
    json.dump(rows, open(sys.argv[3], "w"), indent=1, ensure_ascii=False)

main()
