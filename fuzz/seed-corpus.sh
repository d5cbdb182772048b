#!/usr/bin/env bash
# Seeds both targets' corpora with the seed plans and a new plan from each
# template (made by the real binary), so the fuzzers start from real plans.
set -euo pipefail
cd "$(dirname "$0")/.."
for target in load layout; do
    mkdir -p "fuzz/corpus/$target"
    cp seeds/*.ron "fuzz/corpus/$target/"
    cargo run --quiet -- templates | cut -f1 | while read -r id; do
        rm -f "fuzz/corpus/$target/template-$id.ron"
        cargo run --quiet -- new --template "$id" -o "fuzz/corpus/$target/template-$id.ron" 2>/dev/null
    done
done
