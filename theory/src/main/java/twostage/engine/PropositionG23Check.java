package twostage.engine;

import java.util.List;
import org.ejml.data.DMatrixRMaj;
import twostage.check.Check;
import twostage.check.CheckContext;
import twostage.ledger.CheckResult;
import twostage.ledger.Evidence;
import twostage.ledger.Role;
import twostage.linalg.Mat;
import twostage.linalg.PseudoInverse;
import twostage.toy.ToyNonRegular;
import twostage.toy.ToyRegular;
import twostage.toy.ToyRescaled;
import twostage.toy.ToySignFlip;

/**
 * Proposition G.23 (p. 70): d_base >= d_eff(Omega*), with equality iff L = 0; in the regular case
 * DPi*[v] f* = (I - Pi*) h_v with h_v = theta*^T D phi[v].
 *
 * <p>Instances: Toy-R (d_base = 2 > 1), Toy-NR (2 > 1), the sign-flip toy (3 > 2), all with L != 0, and the rescaled
 * toy psi = (1 + omega) x (d_base = d_eff = 1, L = 0). d_base is the rank (relative cut 1e-8) of the L2 Gram of
 * {psi_j(w*)} and {theta*^T d psi / d w_i}, computed by the engine from the population moments; "L = 0" means
 * max |Gamma| <= 1e-8 (the first-principles Gram is accurate to about 1e-10). The identity is checked on the regular
 * toys with exact L2 norms: || (Pi_{w*+eps v} f* - Pi_{w*-eps v} f*)/(2 eps) - (I - Pi*) h_v || (Richardson in eps).
 *
 * <p>Negative controls: (a) d_base computed without the derivative directions (rank of H* alone) must break the
 * "equality iff L = 0" statement; (b) dropping (I - Pi*) from the identity must be caught on the sign-flip toy, where
 * h_v has a component inside H*.
 */
public final class PropositionG23Check implements Check {

    @Override public String claimId() { return "Proposition G.23"; }
    @Override public String name() { return "dimension gap d_base >= d_eff, equality iff L = 0 (toys)"; }
    @Override public String module() { return "theory"; }

    @Override
    public String statement() {
        return "d_base >= d_eff(Omega*), and d_base = d_eff iff L = 0; in the regular case L(v) = -(I - Pi*) h_v and "
                + "DPi*[v] f* = (I - Pi*) h_v.";
    }

    @Override
    public CheckResult run(CheckContext ctx) {
        CheckResult.Builder res = result(ctx);
        List<TwoStageProblem<?>> toys = List.of(ToyRegular.standard(), ToyNonRegular.standard(),
                ToyNonRegular.correlated(), ToySignFlip.standard(), ToyRescaled.standard());
        boolean iffHolds = true;
        boolean iffPlanted = true;
        for (TwoStageProblem<?> toy : toys) {
            LimitLaw law = LimitLawEngine.compute(toy, ctx.rng(claimId(), 0));
            double gamma = LimitLawEngine.maxAbs(law.gram());
            boolean lZero = gamma <= 1e-8;
            res.add(Evidence.atLeast("d_base - d_eff (" + toy.name() + ")", Role.CLAIM, law.dBase() - law.dEff(), 0,
                    "d_base = " + law.dBase() + ", d_eff = " + law.dEff() + ", max |Gamma| = " + gamma));
            res.add(Evidence.close("d_base over all q0 coordinates vs over tangent directions (" + toy.name() + ")",
                    Role.CONTROL, law.dBase(), law.dBaseTangent(), 0, "orbit directions add nothing outside H*"));
            iffHolds &= (law.dBase() == law.dEff()) == lZero;
            // planted: "d_base" from the features alone is always d_eff
            iffPlanted &= (law.dEff() == law.dEff()) == lZero;
        }
        res.add(Evidence.condition("on every toy: d_base = d_eff exactly when L = 0 (max |Gamma| <= 1e-8)",
                Role.CLAIM, iffHolds, "toys: Toy-R, Toy-NR, Toy-NR correlated, sign-flip (L != 0), rescaled (L = 0)"));
        res.add(Evidence.plantedErrorCaught("d_base computed without the derivative directions",
                Evidence.condition("d_base' = d_eff exactly when L = 0", Role.CONTROL, iffPlanted, "")));

        double worst = 0;
        for (TwoStageProblem<?> toy : List.of(ToyRegular.standard(), ToySignFlip.standard())) {
            worst = Math.max(worst, identityResidual(toy, true));
        }
        res.add(Evidence.zero("max ||DPi*[v] f* - (I - Pi*) h_v||_L2 (Toy-R, sign-flip; unit v)", Role.CLAIM, worst,
                1e-6, "central differences with one Richardson step, eps = 1e-3"));
        res.add(Evidence.plantedErrorCaught("(I - Pi*) dropped: DPi*[v] f* vs h_v",
                Evidence.zero("||DPi*[v] f* - h_v||_L2 (sign-flip)", Role.CONTROL,
                        identityResidual(ToySignFlip.standard(), false), 1e-6, "")));
        return res.build();
    }

    /** ||DPi[v] f* - (I - Pi*) h_v|| (or - h_v if project is false), for the tangent direction e_1. */
    static double identityResidual(TwoStageProblem<?> toy, boolean project) {
        DownstreamModel down = toy.downstream();
        int p = toy.representation().featureDimension();
        double[] w = toy.pretraining().truth();
        DescriptorManifold man = toy.descriptor();
        double[] omega = man.descriptor(w);
        double[] e = LimitLawEngine.column(man.tangentBasis(omega), 0);
        double eps = 1e-3;
        L2Span span = new L2Span(down, p);
        int star = span.add(w);
        double[] steps = {eps, -eps, eps / 2, -eps / 2};
        int[] pts = new int[4];
        for (int j = 0; j < 4; j++) {
            pts[j] = span.add(man.section(man.retract(omega, LimitLawEngine.scaled(e, steps[j]))));
        }
        DMatrixRMaj theta = Mat.mult(PseudoInverse.pinv(down.crossMoment(w, w)), down.targetMoment(w));
        DMatrixRMaj[] proj = new DMatrixRMaj[4];
        DMatrixRMaj[] feat = new DMatrixRMaj[4];
        for (int j = 0; j < 4; j++) {
            double[] wj = man.section(man.retract(omega, LimitLawEngine.scaled(e, steps[j])));
            DMatrixRMaj coef = Mat.mult(PseudoInverse.pinv(down.crossMoment(wj, wj)), down.targetMoment(wj));
            proj[j] = span.block(pts[j], coef);
            feat[j] = span.block(pts[j], theta);
        }
        DMatrixRMaj dPi = richardson(proj, eps);
        DMatrixRMaj h = richardson(feat, eps);
        DMatrixRMaj hStar = span.block(star, Mat.identity(p));
        DMatrixRMaj rhs = project ? Mat.sub(h, span.project(hStar, h)) : h;
        DMatrixRMaj diff = Mat.sub(dPi, rhs);
        return Math.sqrt(Math.max(0, span.inner(diff, diff).get(0)));
    }

    private static DMatrixRMaj richardson(DMatrixRMaj[] f, double eps) {
        DMatrixRMaj d1 = Mat.scale(1 / (2 * eps), Mat.sub(f[0], f[1]));
        DMatrixRMaj d2 = Mat.scale(1 / eps, Mat.sub(f[2], f[3]));
        return Mat.add(Mat.scale(4.0 / 3, d2), Mat.scale(-1.0 / 3, d1));
    }
}
