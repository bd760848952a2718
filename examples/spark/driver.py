"""Render a JSON Lines file of trips with Spark: `RDD.pipe` through `tripmap render --jsonl`.

Lines are keyed by the same stable hash of the id as `tripmap --shard` (64-bit FNV-1a of the
id's UTF-8 bytes; lines with no readable id by line number) and partitioned by it, so a repeated
id meets its first occurrence in one tripmap process. Each partition is piped through one
`tripmap render --jsonl - --jobs 1`; the result lines are collected and checked by the
convention of examples/gen_trips.rs (ids `t-N` render, `bad-N` and id-less lines fail, a
repeated id fails the second time).

    spark-submit driver.py trips.jsonl --tripmap /opt/tripmap/tripmap --partitions 8
    python driver.py trips.jsonl --tripmap target/release/tripmap --master 'local[2]' -- --format geojson

Arguments after `--` go to every `tripmap render --jsonl`. Prints one JSON summary line;
exits 1 if any line did not give what it should.
"""

import argparse
import json
import shlex
import sys
import time
from collections import Counter, defaultdict


def fnv1a_64(data: bytes) -> int:
    """64-bit FNV-1a, as tripmap's `--shard`."""
    h = 0xCBF29CE484222325
    for b in data:
        h = ((h ^ b) * 0x100000001B3) & 0xFFFFFFFFFFFFFFFF
    return h


def line_id(line: str):
    """The line's string id, or None."""
    try:
        obj = json.loads(line)
    except ValueError:
        return None
    return obj["id"] if isinstance(obj, dict) and isinstance(obj.get("id"), str) else None


def main():
    argv = sys.argv[1:]
    extra = argv[argv.index("--") + 1:] if "--" in argv else []
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("input")
    p.add_argument("--tripmap", required=True, help="path of the tripmap binary on the executors")
    p.add_argument("--master", default=None, help="Spark master (default: spark-submit's, or local[2])")
    p.add_argument("--partitions", type=int, default=8)
    a = p.parse_args(argv[:argv.index("--")] if "--" in argv else argv)

    from pyspark import SparkConf, SparkContext

    conf = SparkConf().setAppName("tripmap-stream")
    if a.master or not conf.contains("spark.master"):
        conf = conf.setMaster(a.master or "local[2]")
    sc = SparkContext(conf=conf)
    sc.setLogLevel("ERROR")
    n = a.partitions
    with open(a.input, encoding="utf-8", errors="replace") as f:
        lines = [l.rstrip("\r\n") for l in f]
    lines = [(i + 1, l) for i, l in enumerate(lines) if l.strip()]
    started = time.monotonic()

    def key(item):
        number, line = item
        i = line_id(line)
        k = fnv1a_64(i.encode()) % n if i is not None else (number - 1) % n
        return (k, line)

    command = [a.tripmap, "render", "--jsonl", "-", "--jobs", "1", "--inline"] + extra
    rdd = (sc.parallelize(lines, n).map(key).partitionBy(n, lambda k: k).values()
           .pipe(" ".join(shlex.quote(c) for c in command), checkCode=False))
    results = [json.loads(r) for r in rdd.collect()]
    seconds = time.monotonic() - started
    sc.stop()

    # Expected, by id: how many lines, and whether the first should render.
    occurrences = Counter(line_id(l) for _, l in lines)
    got = defaultdict(list)
    for r in results:
        got[r["id"]].append(r["ok"])
    unexpected = []
    for i, count in occurrences.items():
        oks = got.get(i, [])
        want_ok = 1 if i is not None and i.startswith("t-") else 0
        if len(oks) != count or sum(oks) != want_ok:
            unexpected.append(i)
    print(json.dumps({
        "lines": len(lines), "results": len(results),
        "ok": sum(r["ok"] for r in results), "failed": sum(not r["ok"] for r in results),
        "unexpected": len(unexpected), "unexpected_ids": unexpected[:20],
        "seconds": round(seconds, 3),
    }))
    sys.exit(1 if unexpected else 0)


if __name__ == "__main__":
    main()
