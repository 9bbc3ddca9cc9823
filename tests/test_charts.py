"""Server-rendered SVG charts: well-formed, escaped, honest about their numbers."""

import xml.etree.ElementTree as ET

from factcheck.charts import Bar, Part, StackedRow, bar_chart, column_chart, stacked_bar_chart

SVG = "{http://www.w3.org/2000/svg}"


def parse(svg: str) -> ET.Element:
    return ET.fromstring(str(svg))


def test_bar_chart_scales_bars_to_the_largest_value():
    root = parse(bar_chart([Bar("True", 10, "#1a7f37"), Bar("False", 5, "#a40e26")], title="Ratings"))
    widths = [float(rect.get("width")) for rect in root.iter(f"{SVG}rect")]
    assert widths[0] == 2 * widths[1]
    assert root.get("role") == "img" and root.find(f"{SVG}title").text == "Ratings"
    assert "True: 10" in root.find(f"{SVG}desc").text


def test_stacked_bars_split_each_row_by_share():
    rows = [StackedRow("Daily Planet", [Part("True", 3, "#1a7f37"), Part("False", 1, "#a40e26")])]
    root = parse(stacked_bar_chart(rows, title="Per outlet"))
    widths = [float(rect.get("width")) for rect in root.iter(f"{SVG}rect")]
    assert abs(widths[0] - 3 * widths[1]) < 0.2
    tips = [t.text for t in root.iter(f"{SVG}title")]
    assert "Daily Planet — True: 3 of 4 (75%)" in tips


def test_column_chart_has_one_column_per_point():
    root = parse(column_chart([("Jan 2025", 2), ("Feb 2025", 0), ("Mar 2025", 4)], title="Over time"))
    rects = list(root.iter(f"{SVG}rect"))
    assert len(rects) == 3
    assert float(rects[2].get("height")) == 2 * float(rects[0].get("height"))
    assert float(rects[1].get("height")) == 0


def test_labels_are_escaped_and_colours_sanitised():
    svg = str(bar_chart([Bar('<script>alert(1)</script>"&', 3, 'red" onload="alert(1)')], title="<b>x</b>"))
    assert "<script>" not in svg and "onload" not in svg
    root = parse(svg)
    assert root.find(f"{SVG}title").text == "<b>x</b>"
    assert next(root.iter(f"{SVG}rect")).get("fill") == "#0b5cad"


def test_empty_data_says_so():
    for svg in (bar_chart([], title="t"), stacked_bar_chart([], title="t"), column_chart([], title="t"),
                bar_chart([Bar("True", 0)], title="t")):
        assert "No published verdicts yet." in str(svg)
        parse(svg)
