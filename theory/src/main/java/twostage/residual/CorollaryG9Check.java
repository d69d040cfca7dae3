package twostage.residual;

import java.util.List;
import org.ejml.data.DMatrixRMaj;
import twostage.check.CheckContext;
import twostage.ledger.Attachment;
import twostage.ledger.CheckResult;
import twostage.ledger.Evidence;
import twostage.ledger.Role;
import twostage.linalg.Mat;
import twostage.random.Rng;

/**
 * Corollary G.9 (p. 58): ||e_exp(v) - L(v)|| <= omega(||v||) ||v|| with omega(t) -> 0.
 *
 * <p>The modulus is tabulated as omega^(t) = max over 50 random unit v of ||e_exp(tv) - L(tv)|| / t for
 * t in {1e-1, 3e-2, 1e-2, 3e-3, 1e-3} on the instances of {@link LemmaG7Check} (Toy-NR, correlated Toy-NR, curved
 * G-GAUSS, G-LIN tanh). Claims: omega^ is non-increasing as t decreases (no increase beyond 1e-9 relative), and
 * still shrinking at the smallest steps, omega^(1e-3) <= 0.5 omega^(3e-3) (it tends to 0; for C^2 features it is
 * O(t), ratio about 1/3; a modulus with a positive floor gives a ratio near 1). Deterministic.
 *
 * <p>Negative control: L scaled by 1.05 leaves omega^(t) -> 0.05 ||L|| > 0: the ratio approaches 1.
 */
public final class CorollaryG9Check extends TheoryCheck {

    private static final double[] T = {1e-1, 3e-2, 1e-2, 3e-3, 1e-3};

    public CorollaryG9Check() {
        super("Corollary G.9", "deterministic remainder modulus omega(t) = max ||e - L|| / t decreases to 0",
                "There is omega with omega(t) -> 0 as t -> 0 such that ||e_exp(v) - L(v)||_L2 <= omega(||v||) ||v|| near 0.");
    }

    static double[] modulus(ResidualMap r, List<double[]> dirs, double lScale) {
        double[] out = new double[T.length];
        for (int i = 0; i < T.length; i++) {
            double t = T[i];
            for (double[] u : dirs) {
                double[] v = Instances.scaled(t, u);
                DMatrixRMaj gap = Mat.sub(r.residual(v), Mat.scale(lScale, r.linear(v)));
                out[i] = Math.max(out[i], r.space().norm(gap) / t);
            }
        }
        return out;
    }

    @Override
    public CheckResult run(CheckContext ctx) {
        CheckResult.Builder res = result(ctx);
        Rng rng = ctx.rng(claimId(), 0);
        int dirsCount = ctx.scale().pick(50, 200);
        StringBuilder table = new StringBuilder("instance,t,omega_hat\n");
        double plantedBest = Double.POSITIVE_INFINITY;
        for (ResidualMap r : LemmaG7Check.instances(rng)) {
            int k = r.curve().tangentDimension();
            List<double[]> dirs = new java.util.ArrayList<>();
            for (int j = 0; j < dirsCount; j++) {
                dirs.add(Instances.unitVector(k, rng));
            }
            double[] w = modulus(r, dirs, 1.0);
            int increases = 0;
            for (int i = 1; i < T.length; i++) {
                if (w[i] > w[i - 1] * (1 + 1e-9)) {
                    increases++;
                }
                table.append(r.curve().name()).append(',').append(T[i]).append(',').append(w[i]).append('\n');
            }
            String name = r.curve().name();
            res.add(Evidence.zero(name + ": increases of omega^ as t decreases", Role.CLAIM, increases, 0,
                    dirsCount + " unit directions"));
            int last = T.length - 1;
            res.add(Evidence.atMost(name + ": omega^(1e-3) / omega^(3e-3)", Role.CLAIM, w[last] / w[last - 1], 0.5,
                    "omega^(1e-1) = " + w[0] + ", omega^(1e-3) = " + w[last]));
            double[] p = modulus(r, dirs, 1.05);
            plantedBest = Math.min(plantedBest, p[last] / p[last - 1]);
        }
        res.add(Evidence.plantedErrorCaught("L scaled by 1.05",
                Evidence.atMost("smallest omega^(1e-3)/omega^(3e-3) over instances with 1.05 L", Role.CONTROL,
                        plantedBest, 0.5, "")));
        res.attach(Attachment.csv("g9-modulus.csv", table.toString()));
        return res.build();
    }
}
