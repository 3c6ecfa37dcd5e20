#!/usr/bin/env bash
# Throughput and memory of a full run over ../shared/corpora (both folders),
# release build, at --threads 1 and 2. Prints one line per thread count plus
# the per-extractor ms per 1,000 words from the run manifest.
#   scripts/bench.sh [extra input dirs...]
set -euo pipefail
cd "$(dirname "$0")/.."
corpora=${CORPORA:-../shared/corpora}
inputs=("$corpora/bbc" "$corpora/reuters21578/docs" "$@")
cargo build --release --quiet
bin=${CARGO_TARGET_DIR:-target}/release/newsetl
bytes=$(du -cb "${inputs[@]}" | tail -1 | cut -f1)
for t in 1 2; do
  out=$(mktemp -d)
  /usr/bin/time -v "$bin" run -q -t "$t" -o "$out" $(printf -- '-i %s ' "${inputs[@]}") 2>"$out.time" || true
  manifest=$(ls "$out"/_runs/*.json | head -1)
  python3 - "$manifest" "$out.time" "$bytes" "$t" <<'PY'
import json, re, sys
m = json.load(open(sys.argv[1])); tv = open(sys.argv[2]).read()
wall = m["timings"]["wall"]; rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", tv).group(1))
mb = int(sys.argv[3]) / 1e6
print(f"threads {sys.argv[4]}: {m['articles']} articles, {m['rejects']} rejects, {wall:.1f} s, "
      f"{m['articles']/wall:.0f} articles/s, {mb/wall:.1f} MB/s, peak RSS {rss/1024:.0f} MiB")
for name, x in sorted(m["timings"]["extractors"].items()):
    print(f"    {name:<9} {x['ms_per_1k_words']:.3f} ms per 1,000 words")
PY
  rm -rf "$out" "$out.time"
done
