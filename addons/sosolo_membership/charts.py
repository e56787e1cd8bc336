# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The follow-up figures as charts: pygal SVG, no script (DESIGN.md,
"Charts"). The table beside each chart carries its figures for screen
readers, so the SVG is hidden from them."""
import re

import pygal
from pygal.style import Style

STYLE = Style(
    background='white', plot_background='white', foreground='#222',
    foreground_strong='#000', foreground_subtle='#555',
    colors=('#1f5f8b',), font_family='sans-serif',
    label_font_size=14, value_font_size=14, major_label_font_size=14)


def sections(figures, labels):
    """[(key, [(label, count)])] of the kpi `figures` (kpi.kpi) with the
    words of `labels` (kpi.labels): one chart and table each."""
    members = figures['members']

    def rows(name, counts):
        return [(labels[name].get(k, k), v) for k, v in counts.items()]
    return [
        ('place', [(labels['place'][k], members[k])
                for k in ['inland', 'coast']]),
        ('gender', rows('gender', members['by_gender'])),
        ('first_time', rows('first_time', members['first_time'])),
        ('municipality', [(label, count)
                for label, count in rows('municipality',
                    members['by_municipality'])
                if count]),
        ('new', [(m['month'], m['new'])
                for m in members['new_per_month']]),
        ]


def bar_chart(rows):
    "An SVG bar chart of `rows` [(label, count)], hidden from readers."
    chart = pygal.HorizontalBar(js=[], style=STYLE, show_legend=False,
        disable_xml_declaration=True, print_values=True,
        width=640, height=80 + 36 * max(len(rows), 1))
    # HorizontalBar draws the first label at the bottom.
    chart.x_labels = [label for label, _ in reversed(rows)]
    chart.add('', [count for _, count in reversed(rows)])
    svg = chart.render(is_unicode=True)
    # pygal writes its configuration in a <script> even with js=[], and
    # the title "Pygal" that browsers show on hover: neither is wanted.
    svg = re.sub(r'<script[^>]*>.*?</script>|<title>Pygal</title>', '', svg,
        flags=re.S)
    return svg.replace('<svg ', '<svg aria-hidden="true" focusable="false" ',
        1)


def charts(figures, labels):
    "[(key, rows, SVG)] of `sections`, each with its bar chart."
    return [(key, rows, bar_chart(rows))
        for key, rows in sections(figures, labels)]
