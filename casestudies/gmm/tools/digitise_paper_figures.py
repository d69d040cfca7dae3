#!/usr/bin/env python3
"""Digitises Figures 2, 3 and 4 of Tinati & Tu (COLT 2026) from the vector data of the PDF.

Usage: pdftocairo -svg -f 12 -l 12 tinati26a.pdf p12.svg   (also pages 13 and 112), then
       python3 digitise_paper_figures.py p12.svg p13.svg p112.svg > paper-figures.tsv

Markers and curves are vector paths; their page coordinates are mapped to data coordinates through the axes'
gridlines/ticks (whose data values are the printed tick labels). Written for this project; no code is copied.
"""
import math, re, sys

def paths(svg):
    for m in re.finditer(r'<path style="([^"]*)" d="([^"]*)"(?: transform="matrix\(([^)]*)\)")?', svg):
        st, d, tr = m.groups()
        v = list(map(float, re.findall(r'-?\d+\.?\d*(?:e-?\d+)?', d)))
        p = list(zip(v[0::2], v[1::2]))
        if tr:
            a, b, c, dd, e, f = map(float, tr.split(','))
            p = [(a * x + c * y + e, b * x + dd * y + f) for x, y in p]
        yield st, p, tr

def lin(p0, v0, p1, v1):
    return lambda p: v0 + (p - p0) * (v1 - v0) / (p1 - p0)

rows = []
def out(fig, panel, series, x, y, lo='', hi='', how='', unc=''):
    f = lambda z: z if isinstance(z, str) else '%.6g' % z
    rows.append('\t'.join([fig, panel, series, f(x), f(y), f(lo), f(hi), how, unc]))

def fig2(svg):
    dots = []
    for st, p, tr in paths(svg):
        if 'fill:rgb(12.156677%,10.588074%,56.077576%)' in st:
            xs = [q[0] for q in p]; ys = [q[1] for q in p]
            dots.append(((min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2))
    # gridline page coordinates (from the transformed gridlines of each panel)
    pa = [d for d in dots if 110 < d[0] < 230 and not (120 < d[0] < 122 and d[1] < 116)]  # drop the legend marker
    pb = [d for d in dots if 260 < d[0] < 372 and not (265 < d[0] < 268 and d[1] < 116)]
    pc = [d for d in dots if 405 < d[0] < 520 and not (462 < d[0] < 464 and d[1] < 116)]
    ka = lin(117.3125, 2, 117.3125 + 12 * 8.771, 14)   # K ticks 2..14 every 25.94*0.33812 pt per 2
    ya = lin(181.575, 0.02, 105.795, 0.10)
    for x, y in sorted(pa):
        out('Figure 2', '(a) d=30 beta=2', 'E||L(Z)||^2 vs K', round(ka(x), 3), ya(y), how='vector marker centre',
            unc='+-0.0001 (0.02 pt)')
    lb = lin(287.539, 1.0, 368.438, 2.0)
    yb = lin(187.742, 0.015, 103.783, 0.022)
    for x, y in sorted(pb):
        out('Figure 2', '(b) K=4 beta=2', 'E||L(Z)||^2 vs d', 10 ** lb(x), yb(y), how='vector marker centre',
            unc='+-0.00002 (0.02 pt)')
    lc = lin(436.314, 0.0, 472.723, 0.30)
    yc = lin(182.351, -1.0, 105.546, 2.0)
    for x, y in sorted(pc):
        out('Figure 2', '(c) K=4 d=20', 'E||L(Z)||^2 vs beta', 10 ** lc(x), 10 ** yc(y), how='vector marker centre',
            unc='relative +-0.2% (0.02 pt on a log axis)')

def crossing(p, level_y):
    for (x0, y0), (x1, y1) in zip(p, p[1:]):
        if (y0 - level_y) * (y1 - level_y) <= 0 and y0 != y1:
            return x0 + (level_y - y0) * (x1 - x0) / (y1 - y0)
        if y0 == level_y:
            return x0
    return float('nan')

def fig3(svg):
    series = {'12.156677%': 'n=100', '28.234863%': 'n=1000', '44.313049%': 'n=10000', '60.391235%': 'n=100000'}
    panels = [('(a) total', lin(131.449, 6, 218.992, 14)), ('(b) pre-training', lin(276.363, 2, 354.582, 8)),
              ('(c) variance', lin(404.422, 4, 504.090, 8))]
    cdf_y = lin(206.742, 0.0, 126.289, 1.0)
    inv = lambda c: 206.742 + c * (126.289 - 206.742)
    for st, p, tr in paths(svg):
        m = re.search(r'stroke:rgb\(([0-9.]+%)', st)
        if not m or len(p) < 4:
            continue
        xs = [q[0] for q in p]
        name = series.get(m.group(1))
        if 'dasharray' in st:
            name = 'limit'
        if name is None:
            continue
        idx = 0 if max(xs) < 240 else (1 if max(xs) < 380 else 2)
        pname, xmap = panels[idx]
        for c in (0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95):
            out('Figure 3', pname, name, c, xmap(crossing(p, inv(c))), how='x where the plotted CDF curve crosses level'
                ' (x column = CDF level, y column = abscissa)', unc='+-0.01 abscissa units (0.1 pt)')

def fig4(svg):
    ymap = lin(246.520, 0.0, 111.816, 1.0)
    nmap = lambda x: 10 ** (2 + (x - 196.363) / (278.016 - 196.363))
    marks = {}
    caps = {}
    for st, p, tr in paths(svg):
        if not tr or tr.startswith('0.50357,0,0,-0.50357,154.801'):
            continue
        e, f = map(float, tr.split(',')[4:])
        fill = re.search(r'fill:rgb\(([0-9.]+%)', st)
        col = re.search(r'stroke:rgb\(([0-9.]+%)', st).group(1)
        key = {'87.84179': 'KS total', '12.156677%': 'KS pre-training', '0%': 'p_var'}
        k = [v for kk, v in key.items() if col.startswith(kk)][0]
        ys = [q[1] for q in p]
        flat = max(ys) - min(ys) < 0.05
        if flat and fill is None:
            caps.setdefault((k, round(e, 1)), []).append(f)
        else:
            marks[(k, round(e, 1))] = f
    for (k, x), f in sorted(marks.items()):
        c = sorted(caps.get((k, x), [f, f]))
        out('Figure 4', '(d)', k, round(nmap(x), -len(str(int(nmap(x)))) + 3), ymap(f), ymap(c[-1]), ymap(c[0]),
            how='vector marker centre; lo/hi = error-bar caps', unc='+-0.001 (0.1 pt)')

def main():
    print('# Figures 2-4 of Tinati & Tu, COLT 2026 (tinati26a.pdf pp. 12, 13, 112), read by'
          ' tools/digitise_paper_figures.py from the PDF vector data (pdftocairo -svg).')
    print('# Axis calibration: gridline/tick page coordinates with the printed tick labels; log axes in log10.')
    print('# Reading uncertainty: column unc (marker/curve position +-0.02 to 0.1 pt).')
    print('# Figure 3 rows: x = CDF level, y = abscissa where the plotted curve reaches that level.')
    print('# Figure 4 rows: lo/hi = the plotted error-bar ends (the paper does not say what they are).')
    print('figure\tpanel\tseries\tx\ty\ty_lo\ty_hi\thow_read\treading_uncertainty')
    fig2(open(sys.argv[1]).read()); fig3(open(sys.argv[2]).read()); fig4(open(sys.argv[3]).read())
    print('\n'.join(rows))

main()
