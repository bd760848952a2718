#!/usr/bin/env python3
"""Side-by-side TSPLIB comparison: PyPI fast-tsp and Google OR-tools (guided local search) on the
instances in benches/data/tsplib, with the same time budget per instance (default 1 s, one
thread), next to tripmap's own numbers from `cargo run --release --example tsplib_table`.

Not run in CI. Needs: python3 -m venv .venv && .venv/bin/pip install fast-tsp ortools
Usage: .venv/bin/python scripts/compare_tsp.py [--time-limit 1] [--no-tripmap]
"""
import argparse
import math
import os
import re
import subprocess
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = os.path.join(ROOT, "benches", "data", "tsplib")


def parse(path):
    """(metric, coords) of a TSPLIB .tsp file with NODE_COORD_SECTION."""
    metric, coords, inside = None, [], False
    for line in open(path):
        line = line.strip()
        if not line or line == "EOF":
            continue
        if inside:
            _, x, y = line.split()
            coords.append((float(x), float(y)))
        elif line.startswith("NODE_COORD_SECTION"):
            inside = True
        elif line.split(":")[0].strip() == "EDGE_WEIGHT_TYPE":
            metric = line.split(":")[1].strip()
    return metric, coords


def matrix(metric, coords):
    """TSPLIB integer distances (GEO: degrees.minutes on a 6378.388 km sphere; EUC_2D: rounded)."""
    n = len(coords)
    if metric == "EUC_2D":
        return [[int(math.hypot(a[0] - b[0], a[1] - b[1]) + 0.5) for b in coords] for a in coords]

    def rad(v):
        deg = math.trunc(v)
        return 3.141592 * (deg + 5.0 * (v - deg) / 3.0) / 180.0

    ll = [(rad(x), rad(y)) for x, y in coords]
    m = [[0] * n for _ in range(n)]
    for i in range(n):
        for j in range(i + 1, n):
            q1 = math.cos(ll[i][1] - ll[j][1])
            q2 = math.cos(ll[i][0] - ll[j][0])
            q3 = math.cos(ll[i][0] + ll[j][0])
            d = int(6378.388 * math.acos(0.5 * ((1.0 + q1) * q2 - (1.0 - q1) * q3)) + 1.0)
            m[i][j] = m[j][i] = d
    return m


def length(m, tour):
    return sum(m[tour[k]][tour[(k + 1) % len(tour)]] for k in range(len(tour)))


def run_fast_tsp(m, limit):
    import fast_tsp

    return length(m, fast_tsp.find_tour(m, duration_seconds=limit, max_threads=1))


def run_ortools(m, limit):
    from ortools.constraint_solver import pywrapcp, routing_enums_pb2

    n = len(m)
    manager = pywrapcp.RoutingIndexManager(n, 1, 0)
    routing = pywrapcp.RoutingModel(manager)
    # A matrix callback evaluated in C++ (no Python call per arc), where this OR-tools has it.
    if hasattr(routing, "RegisterTransitMatrix"):
        cb = routing.RegisterTransitMatrix(m)
    else:
        cb = routing.RegisterTransitCallback(lambda a, b: m[manager.IndexToNode(a)][manager.IndexToNode(b)])
    routing.SetArcCostEvaluatorOfAllVehicles(cb)
    params = pywrapcp.DefaultRoutingSearchParameters()
    params.first_solution_strategy = routing_enums_pb2.FirstSolutionStrategy.PATH_CHEAPEST_ARC
    params.local_search_metaheuristic = routing_enums_pb2.LocalSearchMetaheuristic.GUIDED_LOCAL_SEARCH
    params.time_limit.FromMilliseconds(int(limit * 1000))
    sol = routing.SolveWithParameters(params)
    idx, tour = routing.Start(0), []
    while not routing.IsEnd(idx):
        tour.append(manager.IndexToNode(idx))
        idx = sol.Value(routing.NextVar(idx))
    return length(m, tour)


def tripmap_table(limit):
    out = subprocess.run(
        ["cargo", "run", "--release", "--quiet", "--example", "tsplib_table", "--", "--time-limit", str(limit)],
        cwd=ROOT, check=True, capture_output=True, text=True).stdout
    rows = {}
    for line in out.splitlines():
        cells = [c.strip() for c in line.strip("|").split("|")]
        if len(cells) >= 5 and re.fullmatch(r"[0-9.]+", cells[4] or "x"):
            rows[cells[0]] = float(cells[4])
    return rows


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--time-limit", type=float, default=1.0)
    ap.add_argument("--no-tripmap", action="store_true")
    args = ap.parse_args()
    ours = {} if args.no_tripmap else tripmap_table(args.time_limit)
    print("| instance | optimum | tripmap | gap % | fast-tsp | gap % | OR-tools GLS | gap % |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    gaps = {"tripmap": [], "fast-tsp": [], "ortools": []}
    for line in open(os.path.join(DATA, "optima.tsv")).read().splitlines()[1:]:
        name, _, _, opt = line.split("\t")[:4]
        opt = float(opt)
        m = matrix(*parse(os.path.join(DATA, name + ".tsp")))
        results = {"tripmap": ours.get(name), "fast-tsp": run_fast_tsp(m, args.time_limit),
                   "ortools": run_ortools(m, args.time_limit)}
        cells = [name, f"{opt:.0f}"]
        for key in ("tripmap", "fast-tsp", "ortools"):
            v = results[key]
            if v is None:
                cells += ["-", "-"]
            else:
                g = 100.0 * (v - opt) / opt
                gaps[key].append(g)
                cells += [f"{v:.0f}", f"{g:.3f}"]
        print("| " + " | ".join(cells) + " |", flush=True)
    for key, g in gaps.items():
        if g:
            print(f"{key}: mean gap {sum(g) / len(g):.3f} %, worst {max(g):.3f} % ({args.time_limit} s each)")


if __name__ == "__main__":
    start = time.time()
    main()
