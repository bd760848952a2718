"""Render a JSON Lines file of trips on a Dask distributed cluster with `tripmap render --jsonl`.

The driver splits the input into partitions, pipes each partition through one `tripmap render
--jsonl` process on a Dask worker, collects the result lines, and checks that every line gave
what it should: lines whose id starts with `t-` rendered, lines whose id starts with `bad-`,
lines with no readable id, and repeated ids failed (the convention of
`examples/gen_trips.rs`; `--no-expect` skips the check for other inputs).

Lines are partitioned by the same stable hash of the id as `tripmap --shard` (64-bit FNV-1a of
the id's UTF-8 bytes; lines with no readable id by line number), so a repeated id always meets its
first occurrence in one process, where tripmap reports it.

    python driver.py trips.jsonl --tripmap target/release/tripmap --workers 2 --out maps
    python driver.py trips.jsonl --tripmap /opt/tripmap --scheduler tcp://10.0.0.5:8786 --out /shared/maps
    python driver.py trips.jsonl --tripmap tripmap --workers 2 --inline -- --format geojson

Arguments after `--` go to every `tripmap render --jsonl` (such as `--format geojson,svg`).
On a real cluster, `--tripmap`, `--out` and `--stage` must name the same paths on every worker
(a shared file system or object-store mount); without `--stage` the partitions travel to the
workers through Dask (see README.md here).

Prints one JSON summary line on standard output; exits 1 if any line did not give what it
should, 2 on a usage or cluster error.
"""

import argparse
import array
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time


def fnv1a_64(data: bytes) -> int:
    """64-bit FNV-1a, as tripmap's `--shard` (offset basis 0xcbf29ce484222325, prime 0x100000001b3)."""
    h = 0xCBF29CE484222325
    for b in data:
        h = ((h ^ b) * 0x100000001B3) & 0xFFFFFFFFFFFFFFFF
    return h


def line_id(line: bytes):
    """The line's string id, or None when the line is not a JSON object with one."""
    try:
        obj = json.loads(line)
    except ValueError:
        return None
    if isinstance(obj, dict) and isinstance(obj.get("id"), str):
        return obj["id"]
    return None


def read_lines(path: str):
    """The input's lines as (line number, line bytes), blank lines skipped."""
    with open(path, "rb") as f:
        numbered = ((n, l.rstrip(b"\r\n")) for n, l in enumerate(f, start=1))
        return [(n, l) for n, l in numbered if l.strip()]


def split(lines, partitions: int):
    """`lines` in `partitions` partitions by the id's hash (by line number without an id).
    Each partition is its file line numbers (an array the driver keeps) and its lines joined by
    newlines (one byte string, which Dask sends as it is, where a list of lines would be
    serialized element by element)."""
    parts = [(array.array("q"), []) for _ in range(partitions)]
    for number, line in lines:
        i = line_id(line)
        k = fnv1a_64(i.encode()) % partitions if i is not None else (number - 1) % partitions
        parts[k][0].append(number)
        parts[k][1].append(line)
    return [(numbers, b"\n".join(text) + b"\n") for numbers, text in parts if numbers]


def stage(partitions, folder):
    """Each partition's lines written to `folder` (part-K.jsonl): the partitions with the
    files' paths in place of their lines. A worker's tripmap then reads its partition from the
    file, and no lines travel through Dask or through the worker's Python."""
    staged = []
    for k, (numbers, text) in enumerate(partitions):
        path = os.path.join(folder, f"part-{k}.jsonl")
        with open(path, "wb") as f:
            f.write(text)
        staged.append((numbers, path))
    return staged


def render_partition(lines, tripmap, out, inline, extra, drop_outputs=False):
    """On a worker: one `tripmap render --jsonl` over a partition, given as its lines (bytes) or
    the path of its staged file (str); its result lines as they came (joined by newlines), exit
    code, standard error, the peak memory of tripmap and of the worker, and the seconds taken.

    Lines given as bytes are written to tripmap's standard input from a thread while the
    results are read, so neither side waits for the other. With `drop_outputs`, a result line is
    kept only up to its outputs (tripmap writes `id`, `line` and `ok` or `error` first), as
    megabytes of inline layers would cost the driver as much CPU to read as the rendering. The
    worker parses nothing: the driver reads the lines it gets back.
    tripmap's own peak memory comes from /usr/bin/time where it exists."""
    staged = isinstance(lines, str)
    args = [tripmap, "render", "--jsonl", lines if staged else "-", "--jobs", "1"]
    if out:
        args += ["-o", out]
    if inline:
        args += ["--inline"]
    args += list(extra)
    timer = os.path.exists("/usr/bin/time")
    if timer:
        args = ["/usr/bin/time", "-f", "tripmap-peak-kib %M"] + args
    started = time.monotonic()
    # Large pipe buffers: a result line with inline layers is often tens of kilobytes, and
    # Python's default 8 KiB buffer reads it in many small pieces.
    proc = subprocess.Popen(args, stdin=subprocess.DEVNULL if staged else subprocess.PIPE,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, bufsize=1 << 20)

    def feed():
        if staged:
            return
        try:
            proc.stdin.write(lines)
        except BrokenPipeError:
            pass
        finally:
            proc.stdin.close()

    errors = []
    feeder = threading.Thread(target=feed)
    drainer = threading.Thread(target=lambda: errors.append(proc.stderr.read()))
    feeder.start()
    drainer.start()
    results = []
    for raw in proc.stdout:
        # `,"outputs":` cannot occur earlier: it would be inside a JSON string (an id or an
        # error's message), where quotes are escaped.
        cut = raw.find(b',"outputs":') if drop_outputs else -1
        results.append(raw[:cut] + b"}" if cut > 0 else raw.rstrip(b"\n"))
    feeder.join()
    drainer.join()
    code = proc.wait()
    seconds = time.monotonic() - started
    stderr = errors[0].decode(errors="replace") if errors else ""
    peak_kib = 0
    if timer:
        kept = []
        for l in stderr.splitlines():
            if l.startswith("tripmap-peak-kib "):
                peak_kib = int(l.split()[1])
            else:
                kept.append(l)
        stderr = "\n".join(kept)
    if code not in (0, 1):
        raise RuntimeError(f"tripmap exited {code}: {stderr}")
    worker_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    # The results go back as one byte string, for the same reason as the partitions.
    return {"results": b"\n".join(results), "count": len(results), "code": code, "peak_kib": peak_kib,
            "worker_kib": worker_kib, "seconds": seconds, "stderr": stderr}


def expected_ok(lines):
    """What each line should give (line number -> ok?), by the generator's convention."""
    seen = set()
    want = {}
    for number, line in lines:
        i = line_id(line)
        if i is None or i.startswith("bad-") or i in seen:
            want[number] = False
        else:
            want[number] = True
        if i is not None:
            seen.add(i)
    return want


# Lines per partition by default: a worker holds one partition and its results at a time.
PART_LINES = 5000

# A LocalCluster's background work, cut to what a batch run needs. Idle, its driver and two
# workers took 1.25 s of CPU in 10 s (about 6 % of a two-core machine, taken from the
# rendering); with these, 0.17 s. None of it is wanted here: no dashboard reads the profile or
# the system monitor, and a memory check a second is often enough for processes of tens of MB.
QUIET_LOCAL_CLUSTER = {
    # The statistical profiler samples each running task's stack every 10 ms.
    "distributed.worker.profile.enabled": False,
    # The event loop's blocked-loop check, every 20 ms in every process.
    "distributed.admin.tick.interval": "1s",
    # CPU, memory and network figures for the dashboard, every 500 ms.
    "distributed.admin.system-monitor.interval": "2s",
    # Memory checks, every 100 ms.
    "distributed.worker.memory.monitor-interval": "1s",
    "distributed.nanny.memory.monitor-interval": "1s",
}


def results_of(outcome, numbers, inline):
    """A partition's result lines read, each with the file's line number in place of the
    partition's, and without its outputs unless they are `inline` (with `-o` they are only
    the files' paths)."""
    if outcome["count"] != len(numbers):
        raise RuntimeError(f"{len(numbers)} lines in, {outcome['count']} results out")
    results = [json.loads(line) for line in outcome["results"].split(b"\n")] if numbers else []
    for r in results:
        r["line"] = numbers[r["line"] - 1]
        if not inline:
            r.pop("outputs", None)
    return results


def run_windowed(client, partitions, window, a):
    """Each partition rendered on the cluster, at most `window` partitions in flight (sent
    with their task, released when their outcome is back), so a worker's memory does not
    grow with the input; the outcomes in partition order."""
    from dask.distributed import as_completed

    def submit(k):
        lines = partitions[k][1]
        if not isinstance(lines, str):
            # hash=False: a key from a counter, not from hashing megabytes of lines in Python
            # (which cost the driver more CPU than sending them).
            [lines] = client.scatter([lines], hash=False)
        return client.submit(render_partition, lines, tripmap=a.tripmap, out=a.out,
                             inline=a.inline, extra=a.extra, drop_outputs=a.drop_outputs,
                             pure=False, key=f"partition-{k}")

    outcomes = [None] * len(partitions)
    index = {}
    pending = as_completed()
    nxt = 0
    while nxt < min(window, len(partitions)):
        f = submit(nxt)
        index[f.key] = nxt
        pending.add(f)
        nxt += 1
    for f in pending:
        outcome = f.result()
        k = index.pop(f.key)
        outcome["results"] = results_of(outcome, partitions[k][0], a.inline)
        outcomes[k] = outcome
        f.release()
        if nxt < len(partitions):
            g = submit(nxt)
            index[g.key] = nxt
            pending.add(g)
            nxt += 1
    return outcomes


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0],
                                epilog="Arguments after -- go to tripmap render --jsonl.")
    p.add_argument("input", help="JSON Lines file, one trip per line")
    p.add_argument("--tripmap", required=True, help="path of the tripmap binary on the workers")
    p.add_argument("--scheduler", help="address of a running Dask scheduler (default: a LocalCluster)")
    p.add_argument("--workers", type=int, default=2, help="LocalCluster worker processes (default 2)")
    p.add_argument("--partitions", type=int, default=0,
                   help="partitions (default: one per 5,000 lines, at least 4 per worker)")
    p.add_argument("--out", help="folder for the trips' folders (tripmap -o)")
    p.add_argument("--inline", action="store_true", help="outputs in the result lines")
    p.add_argument("--results", help="write every result line here, in line order")
    p.add_argument("--drop-outputs", action="store_true",
                   help="bring back only each line's id, ok and error (for timing --inline runs)")
    p.add_argument("--no-expect", action="store_true", help="do not check results against ids")
    p.add_argument("--stage", help="folder at the same path on every worker to write the "
                   "partitions into (in a folder of the run's own, removed at the end), as "
                   "files tripmap reads (default with a LocalCluster: the system's temporary "
                   "folder; with --scheduler: none, the partitions go through Dask)")
    p.add_argument("--no-stage", action="store_true",
                   help="send the partitions through Dask even to a LocalCluster")
    argv = sys.argv[1:]
    extra = argv[argv.index("--") + 1:] if "--" in argv else []
    a = p.parse_args(argv[:argv.index("--")] if "--" in argv else argv)
    a.extra = extra

    from dask.distributed import Client, LocalCluster

    started = time.monotonic()
    if a.scheduler:
        client = Client(a.scheduler)
        cluster = None
    else:
        import dask
        dask.config.set(QUIET_LOCAL_CLUSTER)
        cluster = LocalCluster(n_workers=a.workers, threads_per_worker=1, processes=True,
                               dashboard_address=None)
        client = Client(cluster)
    workers = len(client.scheduler_info()["workers"])
    numbered = read_lines(a.input)
    partitions = split(numbered, a.partitions or max(4 * max(workers, 1), -(-len(numbered) // PART_LINES)))
    cluster_ready = time.monotonic()
    # The run's own folder for its partition files (in --stage DIR, or a temporary one for a
    # LocalCluster), so two runs staging into one DIR never meet; removed when the run ends.
    folder = None
    if not a.no_stage and (a.stage or cluster is not None):
        folder = tempfile.mkdtemp(prefix="tripmap-dask-", dir=a.stage)
    try:
        if folder:
            # Timed with the rendering, as sending the partitions through Dask is.
            partitions = stage(partitions, folder)
        outcomes = run_windowed(client, partitions, 2 * max(workers, 1), a)
    finally:
        if folder:
            shutil.rmtree(folder, ignore_errors=True)
    finished = time.monotonic()
    client.close()
    if cluster is not None:
        cluster.close()

    results = sorted((r for o in outcomes for r in o["results"]), key=lambda r: r["line"])
    if a.results:
        with open(a.results, "w") as f:
            for r in results:
                f.write(json.dumps(r) + "\n")
    lines = numbered
    unexpected = []
    if not a.no_expect:
        want = expected_ok(lines)
        got = {r["line"]: r["ok"] for r in results}
        unexpected = [n for n in sorted(want) if got.get(n) != want[n]]
    summary = {
        "workers": workers,
        "partitions": len(partitions),
        "lines": len(lines),
        "results": len(results),
        "ok": sum(r["ok"] for r in results),
        "failed": sum(not r["ok"] for r in results),
        "unexpected_lines": unexpected[:20],
        "unexpected": len(unexpected),
        "render_seconds": round(finished - cluster_ready, 3),
        "total_seconds": round(finished - started, 3),
        "tripmap_peak_rss_mib": round(max(o["peak_kib"] for o in outcomes) / 1024, 1),
        "worker_peak_rss_mib": round(max(o["worker_kib"] for o in outcomes) / 1024, 1),
    }
    print(json.dumps(summary))
    sys.exit(1 if unexpected or len(results) != len(lines) else 0)


if __name__ == "__main__":
    main()
