#!/usr/bin/env bash
# Thermodynamics of the lj-fluid preset against LAMMPS at the benchmark's state point (rho* 0.7, T* 1.0, 2-D,
# cutoff 2.5 energy-shifted, dt 0.005), both under NVT Langevin with damping time 1 tau: the comparison of
# docs/validation.md "lj-fluid against LAMMPS". Prints the second-half mean and blocked standard error of the
# potential energy per atom and the pressure for each, and whether they agree within three combined errors.
# Usage: benchmarks/lj-nvt-vs-lammps.sh [ATOMS_PER_SIDE=50] [STEPS=50000] [SEED=1]
# Needs `lmp` (apt-get install -y lammps) and python3; ./live builds itself when missing or stale.
set -euo pipefail
nx=${1:-50} steps=${2:-50000} seed=${3:-1}
root=$(cd "$(dirname "$0")/.." && pwd)
here="$root/benchmarks/lammps"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
command -v lmp >/dev/null || { echo "lmp not found: apt-get install -y lammps" >&2; exit 2; }

cat >"$work/lj-nvt.json" <<JSON
{"preset": "lj-fluid", "particles": $((nx * nx)), "steps": $steps, "seed": $seed, "ensemble": "nvt", "friction": 1.0,
 "output": {"snapshot_every": 0, "checkpoint_every": 0, "trajectory_every": 0, "thermo_every": 100}}
JSON
"$root/live" run --config "$work/lj-nvt.json" --out "$work/live" >/dev/null
(cd "$work" && lmp -var nx "$nx" -var steps "$steps" -var seed $((4927 + seed)) -in "$here/lj2d-nvt.in" \
    -log "$work/lammps.log" -screen none)

echo "atoms $((nx * nx)) steps $steps (averages over steps > $((steps / 2)), a row every 100 steps)"
live=$(python3 "$here/block_stats.py" "$work/live/thermo.csv" $((nx * nx)))
lammps=$(python3 "$here/block_stats.py" "$work/lammps.log")
printf 'live:   %s\n' "$live" | sed '2s/^/        /'
printf 'lammps: %s\n' "$lammps" | sed '2s/^/        /'
paste <(printf '%s\n' "$live") <(printf '%s\n' "$lammps") | awk '{
    d = $3 - $12; s = sqrt($5 * $5 + $14 * $14);
    printf "%s: difference %.5f, combined sem %.5f, %.2f sigma: %s\n", $1, d, s, (s > 0 ? (d < 0 ? -d : d) / s : 0),
        ((d < 0 ? -d : d) <= 3 * s ? "agree" : "DISAGREE") }'
