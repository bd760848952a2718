#!/usr/bin/env python3
"""Makes the synthetic 'recorded' ship and steamer tracks of the desk corpus (Svalbard, Disko Bay,
Lake Geneva): a shortest path on water between the stops, found by A* on a grid of water cells
(Natural Earth 1:10m land, or lakes for a lake), thinned, then densified with a few metres of
seeded jitter and interpolated times by the script that wrote the trip. No real recording was
available offline; these stand in for a phone's or a ship's log. Run once, by hand; nothing in the
project runs it.

usage: sea_track.py NE_10M_GEOJSON_GZ LAT0 LON0 LAT1 LON1 DLAT DLON land|lake LAT,LON LAT,LON ...
prints the waypoints as JSON. Needs numpy and shapely (pip install shapely).
"""
import gzip, heapq, json, math, sys
import numpy as np
import shapely
from shapely.geometry import box, shape
from shapely.ops import unary_union


def main():
    src, lat0, lon0, lat1, lon1, dlat, dlon, kind, *stops = sys.argv[1:]
    lat0, lon0, lat1, lon1, dlat, dlon = map(float, (lat0, lon0, lat1, lon1, dlat, dlon))
    stops = [tuple(map(float, s.split(','))) for s in stops]
    clip = box(lon0, lat0, lon1, lat1)
    shapes = [shape(f['geometry']) for f in json.load(gzip.open(src))['features']]
    area = unary_union([s.intersection(clip) for s in shapes if s.intersects(clip)])
    lats, lons = np.arange(lat0, lat1, dlat), np.arange(lon0, lon1, dlon)
    lo, la = np.meshgrid(lons, lats)
    inside = shapely.contains_xy(area, lo.ravel(), la.ravel()).reshape(la.shape)
    water = inside if kind == 'lake' else ~inside
    coslat = math.cos(math.radians((lat0 + lat1) / 2))

    def nearest(p):
        d = (la - p[0]) ** 2 + ((lo - p[1]) * coslat) ** 2
        d[~water] = np.inf
        i = int(d.argmin())
        return divmod(i, len(lons))

    def astar(s, t):
        h = lambda c: math.hypot(lats[c[0]] - lats[t[0]], (lons[c[1]] - lons[t[1]]) * coslat)
        queue, came, cost = [(h(s), 0.0, s)], {s: None}, {s: 0.0}
        while queue:
            _, g, c = heapq.heappop(queue)
            if c == t:
                break
            if g > cost[c]:
                continue
            for di in (-1, 0, 1):
                for dj in (-1, 0, 1):
                    n = (c[0] + di, c[1] + dj)
                    if n == c or not (0 <= n[0] < len(lats) and 0 <= n[1] < len(lons)) or not water[n]:
                        continue
                    ng = g + math.hypot(di * dlat, dj * dlon * coslat)
                    if ng < cost.get(n, math.inf):
                        cost[n], came[n] = ng, c
                        heapq.heappush(queue, (ng + h(n), ng, n))
        out, c = [], t
        while c is not None:
            out.append(c)
            c = came[c]
        return out[::-1]

    track = [stops[0]]
    for a, b in zip(stops, stops[1:]):
        cells = astar(nearest(a), nearest(b))
        pts = [(round(float(lats[i]), 4), round(float(lons[j]), 4)) for i, j in cells]
        track += pts[::4] + [pts[-1], b]
    print(json.dumps(track))


if __name__ == '__main__':
    main()
