#!/usr/bin/env bash
# Every GPU measurement of the screening engines, prepared here and run once on the GPU machine
# (an NVIDIA H200 with no .NET: see shared/GPU.md).
#
#   bash scripts/gpu-bench.sh pack   # here: a self-contained, compressed bench in .gpu/app.tar.xz
#   bash scripts/gpu-bench.sh run    # there, through the device tool:
#                                    #   run(command="bash scripts/gpu-bench.sh run", carry=[".gpu"], timeout_s=540)
#
# 'run' writes its reports to $OUT (the device tool brings them back) or artifacts/gpu: the
# device, 1M compounds (SIMD on 1 and 16 threads, CUDA: top-10 of 1, 100 and 1,000 queries,
# top-1000, thresholds 0.7 and 0.5, the device read ceiling, hits checked against SIMD), 10M
# compounds (the same on all threads), and the SIMD/CUDA crossover that AutoEngine encodes.
# Libraries are the bench's real compounds plus SYNTHETIC analogues (seed 2026).
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
case "${1:-}" in
  pack)
    grep -qx '/.gpu/' .git/info/exclude 2>/dev/null || echo /.gpu/ >> .git/info/exclude
    rm -rf /tmp/gpu-app
    dotnet publish compute/MedEdu.Bench -c Release -r linux-x64 --self-contained -o /tmp/gpu-app -nologo -v quiet || exit 1
    mkdir -p .gpu
    tar -C /tmp -cf - gpu-app | xz -T0 -6 > .gpu/app.tar.xz
    ls -la .gpu/app.tar.xz
    ;;
  run)
    out=${OUT:-artifacts/gpu}
    mkdir -p "$out"
    tar -C .gpu -xJf .gpu/app.tar.xz || exit 1
    bench=.gpu/gpu-app/MedEdu.Bench
    { nvidia-smi; nproc; free -g; } > "$out/machine.txt" 2>&1
    timeout 200 "$bench" screening --engines simd,cuda --size 1000000 --threads 1,all --repeats 5 2>&1 | tee "$out/screening-1m.txt"
    timeout 200 "$bench" screening --engines simd,cuda --size 10000000 --threads all --repeats 3 2>&1 | tee "$out/screening-10m.txt"
    timeout 100 "$bench" crossover --sizes 100000,1000000 --engine cuda --repeats 3 2>&1 | tee "$out/crossover.txt"
    ;;
  *)
    echo "usage: bash scripts/gpu-bench.sh pack|run" >&2
    exit 2
    ;;
esac
