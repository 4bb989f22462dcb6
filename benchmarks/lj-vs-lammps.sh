#!/usr/bin/env bash
# Side-by-side 2-D LJ benchmark, the comparison of issue 4: `./live bench lj` with 1 thread, LAMMPS on one core
# (shared/bench/lammps-lj.sh), `./live bench lj` with 2 threads, interleaved in that order so all three see the
# same machine load. Prints one line per repeat, then the column medians and the ratios to LAMMPS.
# Usage: benchmarks/lj-vs-lammps.sh ATOMS_PER_SIDE STEPS [REPEATS=5] [BACKEND=auto]
#   benchmarks/lj-vs-lammps.sh 100 2000 7     # 10,000 atoms
#   benchmarks/lj-vs-lammps.sh 316 1000 5     # 99,856 atoms (the lattice is square; 100,000 is not)
# Needs `lmp` (apt-get install -y lammps); ./live builds the distribution itself when it is missing or stale.
set -euo pipefail
nx=${1:?atoms per side} steps=${2:?steps} reps=${3:-5} backend=${4:-auto}
root=$(cd "$(dirname "$0")/.." && pwd)
lammps=${LAMMPS_LJ:-$root/../shared/bench/lammps-lj.sh}
[ -f "$lammps" ] || lammps=/work/shared/bench/lammps-lj.sh

ours() { "$root/live" bench lj --particles $((nx * nx)) --steps "$steps" --backend "$backend" --threads "$1" 2>/dev/null; }
rate() { awk '/^atom-steps\/s:/ {print $2}'; }
ran() { sed -n 's/^backend: \([^ ]*\).*/\1/p'; }   # the backend named on live bench's first line
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a / b}'; }
median() { printf '%s\n' "$@" | sort -g | awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }

echo "atoms $((nx * nx)) steps $steps repeats $reps; $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
one=() lmp=() two=() r1=() r2=()
for r in $(seq "$reps"); do
  out=$(ours 1)   # the first call builds ./live when needed; the build is outside the timed step loop
  a=$(rate <<<"$out")
  [ "$r" = 1 ] && echo "backend $backend -> $(ran <<<"$out")"
  l=$(bash "$lammps" "$nx" "$steps" | rate)
  b=$(ours 2 | rate)
  one+=("$a") lmp+=("$l") two+=("$b") r1+=("$(ratio "$a" "$l")") r2+=("$(ratio "$b" "$l")")
  echo "repeat $r: 1 thread $a  lammps $l  2 threads $b  ratios ${r1[-1]} / ${r2[-1]}  load $(cut -d' ' -f1 /proc/loadavg)"
done
m1=$(median "${one[@]}") ml=$(median "${lmp[@]}") m2=$(median "${two[@]}")
echo "medians: 1 thread $m1  lammps $ml  2 threads $m2"
echo "ratio of medians: 1 thread $(ratio "$m1" "$ml")  2 threads $(ratio "$m2" "$ml")"
echo "median of per-run ratios: 1 thread $(median "${r1[@]}")  2 threads $(median "${r2[@]}")  (targets: >= 1.0 and >= 1.7)"
