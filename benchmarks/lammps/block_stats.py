#!/usr/bin/env python3
"""Second-half means and blocked standard errors of the potential energy per atom and the pressure, from a Live
thermo.csv or a LAMMPS log (thermo_style custom step temp pe press), by the method of the engine's BlockAverages
(Flyvbjerg-Petersen blocking, level chosen by the Lee-Kent-Needs criterion B^3 > 2 n (s_B/s_0)^4; docs/validation.md
"Averages and their standard errors"). For a Live run it reproduces results.json's fields.

Usage: block_stats.py thermo.csv|log.lammps [ATOMS]    (ATOMS: Live's potential_energy is the system's; LAMMPS's
pe in lj units is already per atom)
"""
import math
import sys


def levels(x):
    out, block = [], 1
    x = list(x)
    while len(x) >= 2:
        n = len(x)
        m = sum(x) / n
        c0 = sum((v - m) ** 2 for v in x) / n
        out.append((block, n, math.sqrt(c0 / (n - 1))))
        x = [0.5 * (x[2 * i] + x[2 * i + 1]) for i in range(n // 2)]
        block *= 2
    return out


def estimate(x):
    n = len(x)
    mean = sum(x) / n
    ls = levels(x)
    s0 = ls[0][2]
    if s0 == 0:
        return mean, 0.0, 1
    for block, blocks, s in ls:
        if block ** 3 > 2.0 * n * (s / s0) ** 4 and blocks >= 4:
            return mean, s, block
    widest = max((l for l in ls if l[1] >= 4), key=lambda l: l[2], default=ls[0])
    return mean, widest[2], widest[0]


def read(path, atoms):
    rows = []
    with open(path) as f:
        lines = f.read().splitlines()
    if lines and lines[0].startswith("step,time_ps"):
        for l in lines[1:]:
            f = l.split(",")
            rows.append((int(f[0]), float(f[4]) / atoms, float(f[6])))
        return rows
    inside = False
    for l in lines:
        w = l.split()
        if w[:4] == ["Step", "Temp", "PotEng", "Press"]:
            inside = True
            continue
        if inside:
            if not w or not w[0].isdigit():
                inside = False
                continue
            rows.append((int(w[0]), float(w[2]), float(w[3])))
    return rows


def main():
    path = sys.argv[1]
    atoms = int(sys.argv[2]) if len(sys.argv) > 2 else 1
    rows = read(path, atoms)
    total = rows[-1][0]
    half = [r for r in rows if r[0] > total // 2]
    for name, col in (("potential_energy_per_atom", 1), ("pressure", 2)):
        mean, sem, block = estimate([r[col] for r in half])
        print(f"{name} mean {mean:.6f} sem {sem:.6f} (rows {len(half)}, block {block})")


if __name__ == "__main__":
    main()
