#!/bin/sh
# Copies PROJ's reference values for the projections tripmap implements into
# tests/fixtures/proj/vectors.tsv (read by tests/proj_vectors.rs).
#
# Usage: scripts/extract_proj_vectors.sh /path/to/proj-test-vectors
# The source directory holds proj_forward_all.tsv and proj_inverse_selected.tsv, extracted from
# PROJ's test/gie/*.gie (OSGeo/PROJ commit 52da98bd, MIT licence). Column 7 is the PROJ
# projection name. Output columns: direction, proj_string, in_1, in_2, out_1, out_2,
# tolerance_m, proj, source, reproduced_by_proj_9.5.1, note.
set -eu
src=${1:?usage: $0 proj-test-vectors-dir}
out=tests/fixtures/proj/vectors.tsv
names='merc|webmerc|eqc|eqearth|natearth|lcc|aeqd|ortho'
{
    printf 'direction\tproj_string\tin_1\tin_2\tout_1\tout_2\ttolerance_m\tproj\tsource\treproduced_by_proj_9.5.1\tnote\n'
    awk -F'\t' -v OFS='\t' -v re="^($names)\$" 'NR > 1 && $7 ~ re { print "forward", $0 }' "$src/proj_forward_all.tsv"
    awk -F'\t' -v OFS='\t' -v re="^($names)\$" 'NR > 1 && $7 ~ re { print "inverse", $0 }' "$src/proj_inverse_selected.tsv"
} > "$out"
echo "wrote $(($(wc -l < "$out") - 1)) rows to $out"
