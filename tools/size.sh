#!/usr/bin/env bash
# Size report of a release build: raw and gzip -9 bytes of each file in dist/, and the total.
# With CEILING (bytes), fails when the gzip total is above it (`make size` passes the Makefile's
# SIZE_CEILING).
set -euo pipefail

dist=${1:-dist}
[ -d "$dist" ] || { echo "no $dist/: run make build first" >&2; exit 1; }

printf '%-52s %10s %10s\n' "file (dist/)" "raw B" "gzip -9 B"
total_raw=0 total_gz=0
while IFS= read -r -d '' file; do
    raw=$(stat -c %s "$file")
    gz=$(gzip -9 -c "$file" | wc -c)
    total_raw=$((total_raw + raw)) total_gz=$((total_gz + gz))
    printf '%-52s %10d %10d\n' "${file#"$dist"/}" "$raw" "$gz"
done < <(find "$dist" -type f -print0 | sort -z)
awk -v raw="$total_raw" -v gz="$total_gz" \
    'BEGIN { printf "%-52s %10d %10d  (%.1f KiB raw, %.1f KiB gzip)\n", "total", raw, gz, raw / 1024, gz / 1024 }'
if [ -n "${CEILING:-}" ]; then
    if [ "$total_gz" -gt "$CEILING" ]; then
        echo "size: the release build is $total_gz B gzip, $((total_gz - CEILING)) B over the ceiling of $CEILING B" >&2
        exit 1
    fi
    echo "size: $total_gz B gzip, $((CEILING - total_gz)) B under the ceiling of $CEILING B"
fi
