package twostage.engine;

import java.util.List;
import org.ejml.data.DMatrixRMaj;
import twostage.check.CheckContext;
import twostage.linalg.Mat;
import twostage.linalg.PseudoInverse;
import twostage.ls.PopulationMoments;
import twostage.ls.RiskDecomposition;
import twostage.ls.RiskParts;
import twostage.random.Rng;

/**
 * Simulates the two-stage pipeline at finite (m, n) and returns the exact scaled conditional excess risk
 * E_{m,n} = n (R(D_pre, X_{1:n}) - sigma^2) with its parts (CF1): w_hat = estimate(m), X = n fresh inputs,
 * Phi = psi(X, w_hat), and n Rep, n Leak, n Var from {@link RiskDecomposition} with the population moments at w_hat.
 * The labels never need simulating: R is already averaged over them.
 */
public final class FiniteSampleSimulator {

    private FiniteSampleSimulator() {
    }

    /**
     * One replication.
     *
     * @param scaled    n Rep, n Leak, n Var (their sum is E_{m,n})
     * @param wellPosed whether Im Sigma_n(w_hat) = Im Sigma(w_hat) (Assumption G.1's event; compared through ranks)
     */
    public record Replicate(RiskParts scaled, boolean wellPosed) {
    }

    /**
     * The replications of one (m, n), in replication order.
     *
     * @param m             pre-training sample size
     * @param n             downstream sample size
     * @param total         E_{m,n}
     * @param rep           n Rep(w_hat)
     * @param leak          n Leak_n
     * @param var           n Var_n
     * @param illPosed      number of replications with Im Sigma_n != Im Sigma
     */
    public record Simulation(int m, int n, double[] total, double[] rep, double[] leak, double[] var, int illPosed) {
    }

    /** How the downstream design is drawn. */
    public enum Design {
        /** n inputs from {@link DownstreamModel#sampleInputs}: the pipeline as written. */
        SAMPLED_INPUTS,
        /**
         * An equivalent design from {@link EquivalentDesign} when the downstream model offers one (exact in law, cost
         * independent of n), else sampled inputs.
         */
        EQUIVALENT
    }

    /** One replication with sampled inputs. */
    public static Replicate once(TwoStageProblem<?> problem, int m, int n, Rng rng) {
        return once(problem, m, n, rng, Design.SAMPLED_INPUTS);
    }

    public static Replicate once(TwoStageProblem<?> problem, int m, int n, Rng rng, Design design) {
        if (m < 1 || n < 1) {
            throw new IllegalArgumentException("sample sizes must be >= 1, got m=" + m + ", n=" + n);
        }
        double[] w = problem.pretraining().estimate(m, rng);
        DownstreamModel down = problem.downstream();
        DMatrixRMaj x = design == Design.EQUIVALENT && down instanceof EquivalentDesign eq
                ? eq.sampleEquivalentDesign(n, rng) : down.sampleInputs(n, rng);
        DMatrixRMaj phi = problem.representation().features(w, x);
        PopulationMoments pm = down.moments(w);
        RiskParts parts = scaledRisk(pm, phi, down.target(x), down.noiseVariance(), n);
        int rankPop = PseudoInverse.of(pm.sigma()).rank();
        int rankEmp = PseudoInverse.of(Mat.multTransA(phi, phi)).rank();
        return new Replicate(parts, rankPop == rankEmp);
    }

    /**
     * n (Rep, Leak_n, Var_n) for a design phi that stands for n inputs: either n sampled rows, or an equivalent design
     * with another row count (Rep and Leak depend on the design only through (Sigma_n, c_n); Var = (sigma^2 / rows)
     * tr(Sigma Sigma_n^+) is rescaled from the design's row count to n).
     */
    public static RiskParts scaledRisk(PopulationMoments pm, DMatrixRMaj phi, double[] fStar, double sigma2, int n) {
        RiskParts r = RiskDecomposition.of(pm, phi, fStar, sigma2);
        return new RiskParts(r.rep(), r.leak(), r.var() * phi.numRows / n).times(n);
    }

    /** With m = round(alpha n), sampled inputs. */
    public static Simulation run(TwoStageProblem<?> problem, double alpha, int n, int replications, CheckContext ctx,
                                 String stream) {
        return run(problem, alpha, n, replications, ctx, stream, Design.SAMPLED_INPUTS);
    }

    /** With m = round(alpha n). */
    public static Simulation run(TwoStageProblem<?> problem, double alpha, int n, int replications, CheckContext ctx,
                                 String stream, Design design) {
        LimitLaw.requireAlpha(alpha);
        long m = Math.max(1, Math.round(alpha * n));
        if (m > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("m = alpha n overflows: " + m);
        }
        return run(problem, (int) m, n, replications, ctx, stream, design);
    }

    /** Sampled inputs. */
    public static Simulation run(TwoStageProblem<?> problem, int m, int n, int replications, CheckContext ctx,
                                 String stream) {
        return run(problem, m, n, replications, ctx, stream, Design.SAMPLED_INPUTS);
    }

    /** Runs the replications in parallel via {@link CheckContext#replicate}; identical for any thread count. */
    public static Simulation run(TwoStageProblem<?> problem, int m, int n, int replications, CheckContext ctx,
                                 String stream, Design design) {
        if (replications < 1) {
            throw new IllegalArgumentException("replications must be >= 1, got " + replications);
        }
        List<Replicate> reps = ctx.replicate(stream + "/m=" + m + "/n=" + n, replications,
                (r, rng) -> once(problem, m, n, rng, design));
        double[] total = new double[replications];
        double[] rep = new double[replications];
        double[] leak = new double[replications];
        double[] var = new double[replications];
        int ill = 0;
        for (int i = 0; i < replications; i++) {
            RiskParts p = reps.get(i).scaled();
            total[i] = p.excess();
            rep[i] = p.rep();
            leak[i] = p.leak();
            var[i] = p.var();
            ill += reps.get(i).wellPosed() ? 0 : 1;
        }
        return new Simulation(m, n, total, rep, leak, var, ill);
    }
}
