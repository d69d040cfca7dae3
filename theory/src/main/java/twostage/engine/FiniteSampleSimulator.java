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

    public static Replicate once(TwoStageProblem<?> problem, int m, int n, Rng rng) {
        if (m < 1 || n < 1) {
            throw new IllegalArgumentException("sample sizes must be >= 1, got m=" + m + ", n=" + n);
        }
        double[] w = problem.pretraining().estimate(m, rng);
        DownstreamModel down = problem.downstream();
        DMatrixRMaj x = down.sampleInputs(n, rng);
        DMatrixRMaj phi = problem.representation().features(w, x);
        PopulationMoments pm = down.moments(w);
        RiskParts parts = RiskDecomposition.of(pm, phi, down.target(x), down.noiseVariance()).times(n);
        int rankPop = PseudoInverse.of(pm.sigma()).rank();
        int rankEmp = PseudoInverse.of(Mat.multTransA(phi, phi)).rank();
        return new Replicate(parts, rankPop == rankEmp);
    }

    /** With m = round(alpha n). */
    public static Simulation run(TwoStageProblem<?> problem, double alpha, int n, int replications, CheckContext ctx,
                                 String stream) {
        LimitLaw.requireAlpha(alpha);
        return run(problem, (int) Math.max(1, Math.round(alpha * n)), n, replications, ctx, stream);
    }

    /** Runs the replications in parallel via {@link CheckContext#replicate}; identical for any thread count. */
    public static Simulation run(TwoStageProblem<?> problem, int m, int n, int replications, CheckContext ctx,
                                 String stream) {
        if (replications < 1) {
            throw new IllegalArgumentException("replications must be >= 1, got " + replications);
        }
        List<Replicate> reps = ctx.replicate(stream + "/m=" + m + "/n=" + n, replications,
                (r, rng) -> once(problem, m, n, rng));
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
