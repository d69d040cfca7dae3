package twostage.spectral;

import twostage.stats.LogLogSlope;
import org.ejml.data.DMatrixRMaj;
import twostage.check.CheckContext;
import twostage.ledger.CheckResult;
import twostage.ledger.Evidence;
import twostage.ledger.Role;
import twostage.linalg.Mat;
import twostage.random.RandomMatrices;
import twostage.random.Rng;

/**
 * Lemma H.15 (p. 85), (H.33): DPi(B*)[Bdot] = U2 (G / Delta) U1^T + U1 (G / Delta)^T U2^T with G = U2^T Bdot U1 and
 * Delta_ai = lambda_i - lambda_{k+a}. Taylor-remainder slope test: r(h) = ||Pi(B* + h Bdot) - Pi(B*) - h DPi[Bdot]||_F
 * over h = 1e-1 .. 1e-4 (direction scaled to 0.1 x the eigengap) must have log-log slope 2 (accepted: within 0.25).
 * Three families: generic spectrum, rank-k B* (lambda_{k+a} = 0) and negative trailing eigenvalues.
 * Negative control: Delta_ai = lambda_i + lambda_{k+a} (wrong sign) must give slope about 1 and be caught.
 */
public final class LemmaH15Check extends SpectralCheck {

    @Override public String claimId() { return "Lemma H.15"; }
    @Override public String name() { return "derivative of the top-k projector (H.33): Taylor slope test"; }
    @Override public String statement() {
        return "For symmetric B* = U diag(L1, L2) U^T with lambda_k > lambda_{k+1} and symmetric Bdot: DPi(B*)[Bdot] = "
                + "U2 (G / Delta) U1^T + U1 (G / Delta)^T U2^T, G = U2^T Bdot U1, Delta_ai = lambda_i - lambda_{k+a}.";
    }

    @Override
    public CheckResult run(CheckContext ctx) {
        CheckResult.Builder res = result(ctx);
        int tries = ctx.scale().pick(12, 60);
        String[] fam = {"generic spectrum", "rank k (lambda_{k+a} = 0)", "negative trailing eigenvalues"};
        for (int f = 0; f < 3; f++) {
            double minSlope = Double.POSITIVE_INFINITY;
            double maxSlope = Double.NEGATIVE_INFINITY;
            double plantedMax = Double.NEGATIVE_INFINITY;
            for (int t = 0; t < tries; t++) {
                Rng rng = ctx.rng(claimId() + "/" + f, t);
                int d = rng.nextInt(3, 6);
                int k = rng.nextInt(1, d - 1);
                double[] lam = new double[d];
                for (int i = 0; i < d; i++) {
                    if (i < k) {
                        lam[i] = 1 + rng.nextDouble();
                    } else {
                        lam[i] = switch (f) {
                            case 0 -> 0.2 + 0.5 * rng.nextDouble();
                            case 1 -> 0;
                            default -> -0.2 - rng.nextDouble();
                        };
                    }
                }
                java.util.Arrays.sort(lam);
                reverse(lam);
                double gap = lam[k - 1] - lam[k];
                DMatrixRMaj b = RandomMatrices.withEigenvalues(RandomMatrices.haarOrthogonal(d, rng), lam);
                DMatrixRMaj dir0 = randomSymmetric(d, rng);
                DMatrixRMaj dir = Mat.scale(0.1 * gap / Mat.frob(dir0), dir0);
                DMatrixRMaj p0 = ProjectorDerivative.projector(b, k);
                DMatrixRMaj dp = ProjectorDerivative.derivative(b, k, dir);
                DMatrixRMaj wrong = ProjectorDerivative.derivative(b, k, dir, (li, lj) -> li + lj);
                double s = LogLogSlope.taylor(h -> Mat.frob(Mat.sub(Mat.sub(ProjectorDerivative.projector(
                        Mat.add(b, Mat.scale(h, dir)), k), p0), Mat.scale(h, dp))), 1e-13);
                double sw = LogLogSlope.taylor(h -> Mat.frob(Mat.sub(Mat.sub(ProjectorDerivative.projector(
                        Mat.add(b, Mat.scale(h, dir)), k), p0), Mat.scale(h, wrong))), 1e-13);
                minSlope = Math.min(minSlope, s);
                maxSlope = Math.max(maxSlope, s);
                plantedMax = Math.max(plantedMax, sw);
            }
            String note = fam[f] + ", " + tries + " instances, d in [3,6]";
            res.add(Evidence.atLeast("min fitted slope of the first-order remainder (" + fam[f] + ")", Role.CLAIM,
                    minSlope, 1.75, note));
            res.add(Evidence.atMost("max fitted slope of the first-order remainder (" + fam[f] + ")", Role.CLAIM,
                    maxSlope, 2.25, note));
            if (f != 1) {
                res.add(Evidence.plantedErrorCaught("Delta_ai = lambda_i + lambda_{k+a} (" + fam[f] + ")",
                        Evidence.atLeast("max slope with the wrong Delta", Role.CONTROL, plantedMax, 1.75, note)));
            }
        }
        return res.build();
    }

    private static void reverse(double[] a) {
        for (int i = 0, j = a.length - 1; i < j; i++, j--) {
            double t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}
