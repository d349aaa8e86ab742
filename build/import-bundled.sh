#!/bin/sh
# Regenerate the bundled packs in content_packs/ from the open corpora (see issue #4).
# Re-running it over the same corpora gives byte-identical sources.
#   build/import-bundled.sh [CORPUS_DIR]    (default: ../shared/corpus)
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
corpus=${1:-"$here/../shared/corpus"}
kit="$here/.venv/bin/kit"
[ -x "$kit" ] || kit="python3 -m kit"
$kit import wikiedu "$corpus/wikiedu-training" -o "$here/content_packs"
$kit import carpentries "$corpus/carpentries-lc-wikidata" -o "$here/content_packs" --id carpentries-lc-wikidata --pack-version 1.1.0
for src in "$here"/content_packs/wikiedu-* "$here"/content_packs/carpentries-*; do
    $kit pack validate "$src" >/dev/null
done
