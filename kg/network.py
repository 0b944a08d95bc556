"""The picture of who makes claims about whom: a force-directed layout and its inline SVG.

The layout is a small force simulation in the manner of ForceAtlas2 (Jacomy et al., 2014):
nodes repel each other in proportion to their degrees, so hubs keep apart and their leaves
gather round them; links pull their ends together; a pull to the centre, stronger on hubs,
keeps separate groups on the canvas; a cooling temperature bounds each step. It starts from a
circle in the order given, so the same edges always give the same picture. Labels then take
the first free place beside their node. The SVG is plain markup with no script or external
reference; every label is escaped, so graph text cannot inject markup.
"""

from __future__ import annotations

import html
import math
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

Point = tuple[float, float]
Box = tuple[float, float, float, float]  # left, top, right, bottom

_REPULSION = 1 / 300  # of the canvas area: how far apart two leaves settle
_GRAVITY = 0.03
_LABEL_ROOM = 150.0  # horizontal room kept for a label beside a node at the edge of the canvas
_LABEL_CHARS = 30  # longer labels are cut (the node's tooltip has the whole name)
_HUBS = 5  # the most connected nodes get bold labels
_CHAR_WIDTH, _LABEL_HEIGHT = 6.8, 14.0  # of 12px sans-serif text, roughly


@dataclass(frozen=True)
class Edge:
    """Statements by ``source``'s side on claims about ``target`` (as in ``accusations-network``)."""

    source: str
    target: str
    assertions: int
    denials: int
    claims: int

    @property
    def kind(self) -> str:
        """``assert``, ``deny`` or ``mixed``: which stances the edge carries."""
        if self.assertions and self.denials:
            return "mixed"
        return "deny" if self.denials else "assert"


def layout(nodes: Sequence[str], links: Iterable[tuple[str, str]], *, width: float, height: float,
           iterations: int = 400) -> dict[str, Point]:
    """Positions inside ``width`` × ``height`` for ``nodes``; ``links`` between unknown nodes are ignored.

    >>> pos = layout(["a", "b", "c"], [("a", "b")], width=100, height=100)
    >>> sorted(pos) == ["a", "b", "c"] and all(0 <= x <= 100 and 0 <= y <= 100 for x, y in pos.values())
    True
    """
    n = len(nodes)
    if n == 0:
        return {}
    cx, cy = width / 2, height / 2
    if n == 1:
        return {nodes[0]: (cx, cy)}
    index = {name: i for i, name in enumerate(nodes)}
    pairs = {(index[a], index[b]) for a, b in links if a in index and b in index and a != b}
    mass = [1] * n
    for i, j in pairs:
        mass[i] += 1
        mass[j] += 1
    radius = min(width, height) * 0.4
    xs = [cx + radius * math.cos(2 * math.pi * i / n) for i in range(n)]
    ys = [cy + radius * math.sin(2 * math.pi * i / n) for i in range(n)]
    repulsion = width * height * _REPULSION
    start = width / 10
    for step in range(iterations):
        dx = [0.0] * n
        dy = [0.0] * n
        for i in range(n):
            for j in range(i + 1, n):
                ddx, ddy = xs[i] - xs[j], ys[i] - ys[j]
                push = repulsion * mass[i] * mass[j] / max(ddx * ddx + ddy * ddy, 0.01)
                dx[i] += ddx * push
                dy[i] += ddy * push
                dx[j] -= ddx * push
                dy[j] -= ddy * push
        for i, j in pairs:
            ddx, ddy = xs[i] - xs[j], ys[i] - ys[j]
            dx[i] -= ddx
            dy[i] -= ddy
            dx[j] += ddx
            dy[j] += ddy
        temperature = start * (1 - step / iterations)
        for i in range(n):
            dx[i] -= (xs[i] - cx) * _GRAVITY * mass[i]
            dy[i] -= (ys[i] - cy) * _GRAVITY * mass[i]
            length = max(math.hypot(dx[i], dy[i]), 0.01)
            xs[i] += dx[i] / length * min(length, temperature)
            ys[i] += dy[i] / length * min(length, temperature)
    return _fit(nodes, xs, ys, width, height)


def _fit(nodes: Sequence[str], xs: list[float], ys: list[float], width: float, height: float
         ) -> dict[str, Point]:
    # Scale the drawing to the canvas, keeping room at the sides for labels.
    margin_x, margin_y = min(_LABEL_ROOM, width / 4), min(30.0, height / 4)
    span_x = max(max(xs) - min(xs), 1e-9)
    span_y = max(max(ys) - min(ys), 1e-9)
    scale_x = (width - 2 * margin_x) / span_x
    scale_y = (height - 2 * margin_y) / span_y
    return {name: (margin_x + (x - min(xs)) * scale_x, margin_y + (y - min(ys)) * scale_y)
            for name, x, y in zip(nodes, xs, ys, strict=True)}


def place_labels(nodes: Sequence[str], pos: dict[str, Point], radius: dict[str, float], *,
                 width: float, height: float) -> dict[str, tuple[float, float, str]]:
    """``(x, y, text-anchor)`` for each node's label.

    Of the places outward (level, raised, lowered), inward, above and below the node that stay on the
    canvas, the label takes the first that overlaps no label placed before it (``nodes`` come in order
    of importance) and no node; else the one that overlaps fewest.
    """
    circles = {name: (x - radius[name], y - radius[name], x + radius[name], y + radius[name])
               for name, (x, y) in pos.items()}
    placed: list[Box] = []
    out: dict[str, tuple[float, float, str]] = {}
    for name in nodes:
        x, y = pos[name]
        r = radius[name]
        w, h = _CHAR_WIDTH * len(_short(name)), _LABEL_HEIGHT
        right = [(x + r + 4, y + 4 + dy, "start", (x + r + 4, y - h / 2 + dy, x + r + 4 + w, y + h / 2 + dy))
                 for dy in (0, -h / 2 - r, h / 2 + r)]
        left = [(x - r - 4, y + 4 + dy, "end", (x - r - 4 - w, y - h / 2 + dy, x - r - 4, y + h / 2 + dy))
                for dy in (0, -h / 2 - r, h / 2 + r)]
        above = (x, y - r - 5, "middle", (x - w / 2, y - r - 5 - h, x + w / 2, y - r - 5))
        below = (x, y + r + 14, "middle", (x - w / 2, y + r + 1, x + w / 2, y + r + 1 + h))
        # Outward first: labels pointing away from the middle leave the crowded centre clear.
        sides = [*right, *left] if x >= width / 2 else [*left, *right]
        candidates = [c for c in (*sides, above, below)
                      if c[3][0] >= 0 and c[3][1] >= 0 and c[3][2] <= width and c[3][3] <= height] or sides
        obstacles = [*placed, *(box for other, box in circles.items() if other != name)]
        chosen = min(candidates, key=lambda c: sum(_overlap(c[3], b) for b in obstacles))
        placed.append(chosen[3])
        out[name] = (chosen[0], chosen[1], chosen[2])
    return out


def _overlap(a: Box, b: Box) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _short(name: str) -> str:
    return name if len(name) <= _LABEL_CHARS else name[: _LABEL_CHARS - 1].rstrip() + "…"


def network_svg(edges: Sequence[Edge], *, width: int = 1120, height: int = 720) -> str:
    """An inline ``<svg>`` of ``edges``: arrows from speaker side to the actor the claims are about.

    Arrow width grows with the number of statements; its class (``e-assert``, ``e-deny``, ``e-mixed``)
    says which stances it carries. Groups carry ``data-actor`` / ``data-from`` / ``data-to`` so a
    page script can highlight one actor's edges.
    """
    weight: dict[str, int] = defaultdict(int)
    speaks: set[str] = set()
    for e in edges:
        weight[e.source] += e.assertions + e.denials
        weight[e.target] += e.assertions + e.denials
        speaks.add(e.source)
    # Heaviest first: they start spread around the circle and are drawn last, on top.
    nodes = sorted(weight, key=lambda name: (-weight[name], name.casefold()))
    pos = layout(nodes, [(e.source, e.target) for e in edges], width=width, height=height)
    radius = {name: 4 + 1.6 * math.sqrt(weight[name]) for name in nodes}
    out = [f'<svg class="network" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
           f'role="img" aria-label="Who makes claims about whom">',
           "<defs>", *(_marker(kind) for kind in ("assert", "deny", "mixed")), "</defs>", '<g class="edges">']
    out += [_edge(e, pos, radius) for e in edges]
    out.append('</g><g class="nodes">')
    labels = place_labels(nodes, pos, radius, width=width, height=height)
    hubs = set(nodes[:_HUBS])
    for name in reversed(nodes):
        x, y = pos[name]
        label_x, label_y, anchor = labels[name]
        role = "speaker" if name in speaks else "subject"
        hub = " hub" if name in hubs else ""
        tip = f"{name}: {weight[name]} statement(s) on its edges"
        out.append(f'<g class="node n-{role}{hub}" data-actor="{_e(name)}"><title>{_e(tip)}</title>'
                   f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{radius[name]:.1f}"/>'
                   f'<text x="{label_x:.1f}" y="{label_y:.1f}" text-anchor="{anchor}">'
                   f'{_e(_short(name))}</text></g>')
    out.append("</g></svg>")
    return "\n".join(out)


def _marker(kind: str) -> str:
    return (f'<marker id="arrow-{kind}" class="m-{kind}" viewBox="0 0 10 10" refX="9" refY="5" '
            f'markerUnits="userSpaceOnUse" markerWidth="10" markerHeight="10" orient="auto">'
            f'<path d="M0,0 L10,5 L0,10 z"/></marker>')


def _edge(e: Edge, pos: dict[str, Point], radius: dict[str, float]) -> str:
    (x1, y1), (x2, y2) = pos[e.source], pos[e.target]
    total = e.assertions + e.denials
    stroke = 1 + 0.9 * math.sqrt(total)
    tip = (f"{e.source} → {e.target}: {e.assertions} assertion(s), {e.denials} denial(s) "
           f"on {e.claims} claim(s)")
    if e.source == e.target:
        # A side's statements on claims about itself (often denials of accusations): a loop above it.
        r = radius[e.source]
        d = (f"M{x1 - r * 0.7:.1f},{y1 - r * 0.7:.1f} C{x1 - r - 26:.1f},{y1 - r - 40:.1f} "
             f"{x1 + r + 26:.1f},{y1 - r - 40:.1f} {x1 + r * 0.7:.1f},{y1 - r * 0.7:.1f}")
    else:
        length = max(math.hypot(x2 - x1, y2 - y1), 1e-9)
        ux, uy = (x2 - x1) / length, (y2 - y1) / length
        # Bend to the right of the direction of travel, so A→B and B→A do not overlap.
        bend = min(40.0, length * 0.15)
        qx, qy = (x1 + x2) / 2 - uy * bend, (y1 + y2) / 2 + ux * bend
        sx, sy = _towards(x1, y1, qx, qy, radius[e.source])
        ex, ey = _towards(x2, y2, qx, qy, radius[e.target] + 2)
        d = f"M{sx:.1f},{sy:.1f} Q{qx:.1f},{qy:.1f} {ex:.1f},{ey:.1f}"
    return (f'<g class="edge e-{e.kind}" data-from="{_e(e.source)}" data-to="{_e(e.target)}">'
            f'<title>{_e(tip)}</title>'
            f'<path d="{d}" stroke-width="{stroke:.1f}" marker-end="url(#arrow-{e.kind})"/></g>')


def _towards(x: float, y: float, tx: float, ty: float, distance: float) -> Point:
    length = max(math.hypot(tx - x, ty - y), 1e-9)
    return x + (tx - x) / length * distance, y + (ty - y) / length * distance


def _e(text: str) -> str:
    return html.escape(text, quote=True)


__all__ = ["Edge", "layout", "place_labels", "network_svg"]
