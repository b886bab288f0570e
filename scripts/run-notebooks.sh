#!/usr/bin/env bash
# Executes every notebook in notebooks/ with `jupyter nbconvert --execute`, failing on the first
# cell error. Outputs go to a temporary folder: the committed notebooks stay output-free.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$PATH"
node scripts/build-notebook-lib.mjs
out=$(mktemp -d)
status=0
for notebook in notebooks/*.ipynb; do
  name=$(basename "$notebook" .ipynb)
  echo "executing $notebook"
  if ! jupyter nbconvert --to notebook --execute --ExecutePreprocessor.timeout=600 \
      --output-dir "$out" --output "$name" "$notebook" >"$out/$name.log" 2>&1; then
    echo "FAILED: $notebook" >&2
    grep -v -i 'debugger\|frozen_modules\|PYDEVD' "$out/$name.log" | tail -40 >&2
    status=1
  fi
done
mkdir -p test/artifacts/notebooks && cp "$out"/*.ipynb test/artifacts/notebooks/ 2>/dev/null || true
exit $status
