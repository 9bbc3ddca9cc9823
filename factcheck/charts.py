"""Server-rendered SVG charts: plain Python producing escaped SVG markup, no JavaScript.

Every chart is an accessible image (`role="img"`, a `<title>` and a `<desc>`), scales with its
container (`viewBox`, width 100%), and gives each mark a `<title>` tooltip with its exact number.
Labels come from the database and are always escaped; the page shows the same numbers as a table.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

FONT = 'font-family="system-ui, sans-serif"'
INK, MUTED, GRID = "#1f2328", "#59636e", "#d1d9e0"
DEFAULT_COLOUR = "#0b5cad"
_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")


@dataclass(frozen=True)
class Bar:
    label: str
    value: int
    colour: str = DEFAULT_COLOUR


@dataclass(frozen=True)
class Part:
    name: str
    value: int
    colour: str = DEFAULT_COLOUR


@dataclass(frozen=True)
class StackedRow:
    label: str
    parts: Sequence[Part] = field(default_factory=tuple)

    @property
    def total(self) -> int:
        return sum(part.value for part in self.parts)


def _colour(value: str) -> str:
    """Only #rrggbb reaches the markup, whatever is stored."""
    return value if _COLOUR.match(value or "") else DEFAULT_COLOUR


def _num(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


def _shorten(text: str, limit: int) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _svg(width: int, height: int, title: str, desc: str, body: list[str]) -> SafeString:
    head = (
        f'<svg class="chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'width="100%" role="img" aria-label="{escape(title)}" preserveAspectRatio="xMinYMin meet">'
        f"<title>{escape(title)}</title><desc>{escape(desc)}</desc>"
    )
    return mark_safe(head + "".join(body) + "</svg>")  # noqa: S308 - every interpolated text is escaped


def _empty(width: int, title: str) -> SafeString:
    return _svg(width, 40, title, "No data yet.", [
        f'<text x="0" y="24" {FONT} font-size="14" fill="{MUTED}">No published verdicts yet.</text>'
    ])


def bar_chart(bars: Sequence[Bar], *, title: str, unit: str = "claims", width: int = 640) -> SafeString:
    """Horizontal bars, one per label, longest = largest value."""
    if not bars or not any(bar.value for bar in bars):
        return _empty(width, title)
    label_w, row_h, gap, value_w = 150, 26, 8, 70
    plot_w = width - label_w - value_w
    top = max(bar.value for bar in bars) or 1
    total = sum(bar.value for bar in bars) or 1
    body = []
    for index, bar in enumerate(bars):
        y = index * (row_h + gap)
        w = plot_w * bar.value / top
        share = 100 * bar.value / total
        tip = f"{bar.label}: {bar.value} {unit} ({_num(share)}%)"
        body.append(
            f'<g><title>{escape(tip)}</title>'
            f'<text x="{label_w - 8}" y="{y + row_h * 0.68:.1f}" text-anchor="end" {FONT} font-size="13" fill="{INK}">'
            f"{escape(_shorten(bar.label, 22))}</text>"
            f'<rect x="{label_w}" y="{y}" width="{max(w, 1.5):.1f}" height="{row_h}" rx="3" fill="{_colour(bar.colour)}"/>'
            f'<text x="{label_w + w + 6:.1f}" y="{y + row_h * 0.68:.1f}" {FONT} font-size="12" fill="{MUTED}">'
            f"{bar.value} · {_num(share)}%</text></g>"
        )
    height = len(bars) * (row_h + gap) - gap
    desc = "; ".join(f"{bar.label}: {bar.value}" for bar in bars)
    return _svg(width, height, title, desc, body)


def stacked_bar_chart(rows: Sequence[StackedRow], *, title: str, width: int = 640) -> SafeString:
    """One 100%-wide bar per row, split into its parts by share, with the row's total at the end."""
    rows = [row for row in rows if row.total]
    if not rows:
        return _empty(width, title)
    label_w, row_h, gap, total_w = 190, 24, 10, 60
    plot_w = width - label_w - total_w
    body = []
    for index, row in enumerate(rows):
        y = index * (row_h + gap)
        body.append(
            f'<text x="{label_w - 8}" y="{y + row_h * 0.68:.1f}" text-anchor="end" {FONT} font-size="13" fill="{INK}">'
            f"<title>{escape(row.label)}</title>{escape(_shorten(row.label, 22))}</text>"
        )
        x = float(label_w)
        for part in row.parts:
            if not part.value:
                continue
            w = plot_w * part.value / row.total
            tip = f"{row.label} — {part.name}: {part.value} of {row.total} ({_num(100 * part.value / row.total)}%)"
            body.append(
                f'<rect x="{x:.1f}" y="{y}" width="{w:.1f}" height="{row_h}" fill="{_colour(part.colour)}">'
                f"<title>{escape(tip)}</title></rect>"
            )
            x += w
        body.append(
            f'<text x="{label_w + plot_w + 6}" y="{y + row_h * 0.68:.1f}" {FONT} font-size="12" fill="{MUTED}">'
            f"{row.total}</text>"
        )
    height = len(rows) * (row_h + gap) - gap
    desc = "; ".join(
        f"{row.label}: " + ", ".join(f"{part.name} {part.value}" for part in row.parts if part.value) for row in rows
    )
    return _svg(width, height, title, desc, body)


def column_chart(points: Sequence[tuple[str, int]], *, title: str, unit: str = "verdicts", width: int = 640,
                 height: int = 220) -> SafeString:
    """Vertical columns over time (oldest left), with a value axis and every few labels shown."""
    if not points or not any(value for _, value in points):
        return _empty(width, title)
    left, bottom, top_pad = 40, 26, 10
    plot_w, plot_h = width - left - 6, height - bottom - top_pad
    top = max(value for _, value in points) or 1
    step = plot_w / len(points)
    body = []
    for fraction in (0, 0.5, 1) if top >= 4 else (0, 1):
        y = top_pad + plot_h * (1 - fraction)
        body.append(
            f'<line x1="{left}" x2="{width}" y1="{y:.1f}" y2="{y:.1f}" stroke="{GRID}" stroke-width="1"/>'
            f'<text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end" {FONT} font-size="11" fill="{MUTED}">'
            f"{_num(top * fraction)}</text>"
        )
    every = max(1, round(len(points) / 8))
    for index, (label, value) in enumerate(points):
        h = plot_h * value / top
        x = left + index * step
        bar_w = min(max(step * 0.76, 1), 48)
        body.append(
            f'<rect x="{x + (step - bar_w) / 2:.1f}" y="{top_pad + plot_h - h:.1f}" width="{bar_w:.1f}" '
            f'height="{h:.1f}" fill="{DEFAULT_COLOUR}"><title>{escape(f"{label}: {value} {unit}")}</title></rect>'
        )
        if index % every == 0:
            body.append(
                f'<text x="{x + step / 2:.1f}" y="{height - 8}" text-anchor="middle" {FONT} font-size="11" '
                f'fill="{MUTED}">{escape(label)}</text>'
            )
    desc = "; ".join(f"{label}: {value}" for label, value in points)
    return _svg(width, height, title, desc, body)
