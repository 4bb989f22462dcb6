#!/usr/bin/env bash
# Side-by-side 2-D LJ benchmark, interleaved so that all sides see the same machine load:
# simd (LjBenchmark, backend simd), cpu (the same, backend cpu; skip with CPU=0) and LAMMPS (/work/shared/bench/lammps-lj.sh).
# Prints one line per repeat, then medians and ratios against LAMMPS (1 MPI task, 1 thread).
# Usage: compute-simd/lj-vs-lammps.sh ATOMS_PER_SIDE STEPS [REPEATS=3] [THREADS=1]
# Needs: ./mvnw -o -q -B -pl compute-simd -am compile, and `lmp` (apt-get install -y lammps).
set -euo pipefail
nx=${1:?atoms per side} steps=${2:?steps} reps=${3:-3} threads=${4:-1}
root=$(cd "$(dirname "$0")/.." && pwd)
java=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java
cp="$root/core-model/target/classes:$root/compute-spi/target/classes:$root/compute-simd/target/classes"
lammps=${LAMMPS_LJ:-/work/shared/bench/lammps-lj.sh}
withcpu=${CPU:-1}
ours() { "$java" --add-modules jdk.incubator.vector -cp "$cp" io.live2.compute.LjBenchmark $((nx * nx)) "$steps" "$1" "$threads" 2>/dev/null | awk '/^atom-steps/ {print $2}'; }
s=() c=() l=()
for r in $(seq "$reps"); do
  so=$(ours simd)
  co=NA; if [ "$withcpu" = 1 ]; then co=$(ours cpu); c+=("$co"); fi
  lo=$(bash "$lammps" "$nx" "$steps" | awk '/^atom-steps/ {print $2}')
  s+=("$so") l+=("$lo")
  echo "run $r: simd $so cpu $co lammps $lo simd/lammps $(awk -v a="$so" -v b="$lo" 'BEGIN {printf "%.3f", a / b}') load $(cut -d' ' -f1 /proc/loadavg)"
done
median() { printf '%s\n' "$@" | sort -g | awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }
ms=$(median "${s[@]}") ml=$(median "${l[@]}")
mc=NA; [ "$withcpu" = 1 ] && mc=$(median "${c[@]}")
echo "atoms $((nx * nx)) steps $steps threads $threads: median simd $ms cpu $mc lammps $ml simd/lammps $(awk -v a="$ms" -v b="$ml" 'BEGIN {printf "%.3f", a / b}') cpu/lammps $(awk -v a="$mc" -v b="$ml" 'BEGIN {if (a == "NA") print "NA"; else printf "%.3f", a / b}')"
