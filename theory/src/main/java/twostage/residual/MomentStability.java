package twostage.residual;

import twostage.check.FalseAlarm;
import twostage.stats.MonteCarlo;

/**
 * A Monte Carlo proxy for "a moment is finite": its estimates from an independent sample of size N and one of size 2N
 * must agree, either within 10% relative change (the catalogue's rule for G.2) or within Z = 4.6 combined standard
 * errors (so Monte Carlo noise alone does not count as instability).
 *
 * @param small    the estimate from N draws
 * @param large    the estimate from 2N draws
 * @param relative |large - small| / |small|
 * @param stable   whether the rule holds
 */
public record MomentStability(MonteCarlo small, MonteCarlo large, double relative, boolean stable) {

    public static MomentStability of(MonteCarlo small, MonteCarlo large) {
        double diff = Math.abs(large.mean() - small.mean());
        double rel = diff / Math.max(1e-300, Math.abs(small.mean()));
        double se = Math.hypot(small.standardError(), large.standardError());
        boolean ok = Double.isFinite(diff) && (rel < 0.10 || diff <= FalseAlarm.Z * se);
        return new MomentStability(small, large, rel, ok);
    }
}
