# Usage: python3 weighted-chisq-reference.py CASES  (CASES: one case per line, x|weights|dofs|noncentralities,
# comma lists); prints x|weights|dofs|nc|P(Q<=x)|P(Q>x)|method|(|A - B| when method B applies).
# Independent high-precision reference values for Q = sum_l w_l chi2(k_l, delta_l).
# Method A (all cases): Imhof's (1961) real-line inversion integral
#   P(Q > x) = 1/2 + (1/pi) int_0^inf sin(theta(u)) / (u rho(u)) du,
#   theta(u) = (1/2) sum_l [k_l atan(w_l u) + delta_l w_l u / (1 + w_l^2 u^2)] - x u / 2,
#   rho(u) = prod_l (1 + w_l^2 u^2)^(k_l/4) exp((1/2) sum_l delta_l w_l^2 u^2 / (1 + w_l^2 u^2)),
# integrated with mpmath at 40 digits (oscillatory quadrature over half-periods).
# Method B (central, all k_l even): exact finite sum of residues of M(s) e^{-sx}/s at the poles 1/(2 w_l).
import mpmath as mp
import sys
mp.mp.dps = 40

def imhof(w, k, d, x):
    w = [mp.mpf(v) for v in w]; d = [mp.mpf(v) for v in d]; x = mp.mpf(x)
    def f(u):
        if u == 0:
            return (sum(wl*(kl+dl) for wl, kl, dl in zip(w, k, d)) - x) / 2
        th = sum(kl*mp.atan(wl*u) + dl*wl*u/(1+wl**2*u**2) for wl, kl, dl in zip(w, k, d))/2 - x*u/2
        lr = sum(mp.mpf(kl)/4*mp.log(1+wl**2*u**2) + dl*wl**2*u**2/(2*(1+wl**2*u**2)) for wl, kl, dl in zip(w, k, d))
        return mp.sin(th) / (u * mp.exp(lr))
    # zeros of sin(-x u / 2) are spaced 2 pi / x; integrate over many such periods
    period = 2*mp.pi/x
    val = mp.quadosc(f, [0, mp.inf], zeros=lambda n: n*period)
    return mp.mpf(1)/2 + val/mp.pi

def residues(w, k, x):
    # central, even k: P(Q > x) = - sum over poles p_l = 1/(2 w_l) of Res[M(s) e^{-sx} / s]
    x = mp.mpf(x)
    # merge equal weights
    pole = {}
    for wl, kl in zip(w, k):
        pole[mp.mpf(wl)] = pole.get(mp.mpf(wl), 0) + kl
    total = mp.mpf(0)
    for wl, kl in pole.items():
        m = kl // 2
        p = 1/(2*wl)
        def g(s, wl=wl, p=p):
            # (s - p)^m M(s) e^{-sx}/s with the l-th factor's pole removed: (1 - 2 w s)^-m = (-2w)^-m (s-p)^-m
            val = (-2*wl)**(-m)
            for wj, kj in pole.items():
                if wj != wl:
                    val *= (1 - 2*wj*s)**(-(kj//2))
            return val * mp.exp(-s*x) / s
        total += mp.diff(g, p, m-1) / mp.factorial(m-1)
    return -total

cases = [line.strip().split('|') for line in open(sys.argv[1]) if line.strip() and not line.startswith('#')]
for c in cases:
    x, w, k, d = c[0], [float(v) for v in c[1].split(',')], [int(v) for v in c[2].split(',')], [float(v) for v in c[3].split(',')]
    a = imhof(w, k, d, x)
    b = residues(w, k, x) if all(v == 0 for v in d) and all(kk % 2 == 0 for kk in k) else None
    cdf = 1 - a
    print('|'.join([c[0], c[1], c[2], c[3], mp.nstr(cdf, 17), mp.nstr(a, 17), 'B' if b is not None else 'A', mp.nstr(abs(a-b), 3) if b is not None else '']))
