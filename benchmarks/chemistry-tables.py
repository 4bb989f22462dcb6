#!/usr/bin/env python3
"""Markdown tables of what a run made, for docs/chemistry-results.md.

Usage: benchmarks/chemistry-tables.py RUN_DIR [PER_PAIR]

Reads RUN_DIR/results/products.json (written by the analysis) and prints: the new heavy-atom bonds by element pair,
the largest molecule, and for C-C, C-N and C-O the PER_PAIR (default 5) smallest and PER_PAIR largest products with
such a cross-feed bond. Every SMILES printed is read back through CDK by `live find` (LIVE, default ./live): the
formula CDK derives from it must equal the formula the analysis recorded, and the species must be found by its
InChIKey; a product that fails either check is printed with "CHECK FAILED" and the script exits 1.
"""
import json
import os
import subprocess
import sys


def main():
    run = sys.argv[1]
    per_pair = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    live = os.environ.get("LIVE", "./live")
    with open(os.path.join(run, "results", "products.json")) as f:
        made = json.load(f)

    print("| element pair | distinct new bonds formed | present at the end |")
    print("|---|---:|---:|")
    final = made["new_heavy_atom_bonds_final"]
    for pair, n in sorted(made["new_heavy_atom_bonds"].items()):
        print(f"| {pair} | {n} | {final.get(pair, 0)} |")
    big = made["largest_molecule"]
    print()
    print(f"Largest molecule: {big['formula']} `{big['smiles']}`, {big['heavy_atoms']} heavy atoms, "
          f"first at {big['first_time_ps']:.2f} ps{' (a feed species)' if big['feed'] else ''}.")
    print(f"Products: {made['products_total']} species not in the first frame, "
          f"{made['products_cross_feed']} of them with a bond between heavy atoms of different feed molecules.")

    chosen = []
    for pair in ("C-C", "C-N", "C-O"):
        with_pair = [p for p in made["products"] if pair in p["cross_feed_pairs"]]
        by_size = sorted(with_pair, key=lambda p: (p["heavy_atoms"], p["first_step"], p["key"]))
        picks = by_size[:per_pair] + [p for p in by_size[-per_pair:] if p not in by_size[:per_pair]]
        chosen.append((pair, len(with_pair), picks))

    smiles = sorted({p["smiles"] for _, _, picks in chosen for p in picks})
    checked = cdk_check(live, run, smiles) if smiles else {}
    failed = False
    for pair, count, picks in chosen:
        print()
        print(f"**{pair}**: {count} products; the {per_pair} smallest and the {per_pair} largest")
        print()
        print("| formula | SMILES | CDK check | heavy atoms | new bonds | first seen | peak | pathway (first formation of each species) |")
        print("|---|---|---|---:|---|---:|---:|---|")
        for p in picks:
            cdk_formula, found = checked.get(p["smiles"], (None, False))
            ok = cdk_formula == p["formula"] and found
            failed |= not ok
            mark = "✓ " + cdk_formula if ok else f"CHECK FAILED (CDK: {cdk_formula}, found: {found})"
            steps = pathway(p)
            print(f"| {p['formula']} | `{p['smiles']}` | {mark} | {p['heavy_atoms']} | {', '.join(p['cross_feed_pairs'])} "
                  f"| {p['first_time_ps']:.2f} ps | {p['abundance_peak']} | {steps} |")
    sys.exit(1 if failed else 0)


def pathway(p, longest=6):
    """The pathway in full up to `longest` reactions; a longer one by its count and its last three (the rest is in
    products.json), so the tables stay readable."""
    events = [f"{r['time_ps']:.2f} ps {r['equation']}" for r in p["pathway"]]
    more = "; …" if p.get("pathway_truncated") else ""
    if len(events) <= longest:
        return "; ".join(events) + more
    return f"{len(events)} reactions{more}, the last three: " + "; ".join(events[-3:])


def cdk_check(live, run, smiles):
    """SMILES -> (formula CDK derives from it, whether live find matched a species of the run)."""
    out = subprocess.run([live, "find", run, *smiles], check=True, capture_output=True, text=True).stdout
    rows = [line for line in out.splitlines() if line.startswith("| `")]
    result = {}
    for s, line in zip(smiles, rows):
        cells = [c.strip() for c in line.strip("|").split("|")]
        result[s] = (cells[1], cells[2] == "yes")
    return result


if __name__ == "__main__":
    main()
