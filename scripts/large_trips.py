#!/usr/bin/env python3
"""Writes the two large trips used to measure map speed (issue 20), deterministically:

  large_trips.py OUT_DIR
    OUT_DIR/world-100000.kml   100,000 distinct stops spread over the world (KML placemarks)
    OUT_DIR/europe-3420.csv    3,420 dated stops packed into Europe (dense: clustering, labels)

The same generator (a 64-bit LCG) is in benches/render.rs, so the bench and these files agree.
"""
import sys
from pathlib import Path

MASK = (1 << 64) - 1


def lcg(seed):
    state = seed
    while True:
        state = (state * 6364136223846793005 + 1442695040888963407) & MASK
        yield (state >> 11) / float(1 << 53)


def world_kml(n):
    r = lcg(0x2545F4914F6CDD1D)
    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           '<kml xmlns="http://www.opengis.net/kml/2.2"><Document>']
    for i in range(n):
        lat = next(r) * 140.0 - 70.0
        lon = next(r) * 360.0 - 180.0
        out.append(f'<Placemark><name>Stop {i}</name>'
                   f'<Point><coordinates>{lon:.5f},{lat:.5f}</coordinates></Point></Placemark>')
    out.append('</Document></kml>')
    return "\n".join(out) + "\n"


def europe_csv(n):
    r = lcg(0x9E3779B97F4A7C15)
    rows = ["name,lat,lon,arrive"]
    for i in range(n):
        lat = next(r) * 25.0 + 36.0
        lon = next(r) * 40.0 - 10.0
        day = i // 12
        rows.append(f"Stop {i},{lat:.5f},{lon:.5f},2024-01-01T00:00:00Z+{day}")
    return rows


def main():
    out = Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    (out / "world-100000.kml").write_text(world_kml(100_000))
    rows = europe_csv(3420)
    # Arrival dates: 12 stops a day from 2024-01-01 (plain dates, as a travel log would have).
    import datetime
    fixed = [rows[0]]
    for i, row in enumerate(rows[1:]):
        name, lat, lon, _ = row.split(",")
        day = datetime.date(2024, 1, 1) + datetime.timedelta(days=i // 12)
        fixed.append(f"{name},{lat},{lon},{day.isoformat()}")
    (out / "europe-3420.csv").write_text("\n".join(fixed) + "\n")


if __name__ == "__main__":
    main()
