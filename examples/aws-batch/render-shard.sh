#!/bin/sh
# One AWS Batch array child: render shard AWS_BATCH_JOB_ARRAY_INDEX of SHARDS of the JSON Lines
# file at $TRIPS (S3) into $OUT/<id>/ (S3), with the result lines in $OUT/results/.
# The image holds tripmap and the AWS CLI. Exit 1 when some lines were bad trips (the result
# lines say which); the job definition does not retry those.
set -eu
work=$(mktemp -d)
aws s3 cp --quiet "$TRIPS" "$work/trips.jsonl"
code=0
tripmap render --jsonl "$work/trips.jsonl" --shard "auto/$SHARDS" --jobs 1 \
  -o "$work/maps" --results "$work/results.jsonl" || code=$?
[ "$code" -le 1 ] || exit "$code"
aws s3 cp --quiet --recursive "$work/maps" "$OUT/"
aws s3 cp --quiet "$work/results.jsonl" "$OUT/results/shard-$AWS_BATCH_JOB_ARRAY_INDEX.jsonl"
exit "$code"
