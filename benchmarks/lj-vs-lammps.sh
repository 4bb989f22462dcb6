#!/usr/bin/env bash
# Side-by-side 2-D LJ benchmark: ours (LjBenchmark, backend cpu) and LAMMPS (/work/shared/bench/lammps-lj.sh),
# interleaved so both see the same machine load. Prints one line per run and the medians and their ratio.
# Usage: benchmarks/lj-vs-lammps.sh ATOMS_PER_SIDE STEPS [REPEATS=3] [THREADS=1]
# Needs: compiled classes (./mvnw -o -q -B -pl compute-spi -am compile) and `lmp` (apt-get install -y lammps).
set -euo pipefail
nx=${1:?atoms per side} steps=${2:?steps} reps=${3:-3} threads=${4:-1}
root=$(cd "$(dirname "$0")/.." && pwd)
java=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java
cp="$root/core-model/target/classes:$root/compute-spi/target/classes"
lammps=${LAMMPS_LJ:-/work/shared/bench/lammps-lj.sh}
ours=() theirs=()
for r in $(seq "$reps"); do
  o=$("$java" -cp "$cp" io.live2.compute.LjBenchmark $((nx * nx)) "$steps" cpu "$threads" | awk '/^atom-steps/ {print $2}')
  l=$(bash "$lammps" "$nx" "$steps" | awk '/^atom-steps/ {print $2}')
  echo "run $r: ours $o lammps $l ratio $(awk -v a="$o" -v b="$l" 'BEGIN {printf "%.3f", a / b}') load $(cut -d' ' -f1 /proc/loadavg)"
  ours+=("$o") theirs+=("$l")
done
median() { printf '%s\n' "$@" | sort -g | awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }
mo=$(median "${ours[@]}") ml=$(median "${theirs[@]}")
echo "atoms $((nx * nx)) steps $steps threads $threads: median ours $mo lammps $ml ratio $(awk -v a="$mo" -v b="$ml" 'BEGIN {printf "%.3f", a / b}')"
