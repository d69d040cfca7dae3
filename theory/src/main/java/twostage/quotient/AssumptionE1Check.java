package twostage.quotient;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import twostage.check.CheckContext;
import twostage.ledger.CheckResult;
import twostage.ledger.Evidence;
import twostage.ledger.Role;
import twostage.linalg.Mat;
import twostage.linalg.PseudoInverse;
import twostage.random.RandomMatrices;
import twostage.random.Rng;
import twostage.residual.TheoryCheck;

/**
 * Assumption E.1 (p. 44): on an open set where the action is smooth, free and proper, an orbit-invariant descriptor D
 * is a local chart of the quotient (D = Dbar o pi with Dbar a diffeomorphism onto an open set of the descriptor
 * manifold); consequences: local orbit separation and a smooth lift s with D(s(M)) = M.
 *
 * <p>Validator on the linear instance psi(x, A) = A x, A in R^{k x d}, O(k) acting on the left, D(A) = A^T A (the
 * spectral case's structure), 15 (CI) / 60 (PAPER) random A of full row rank with (d, k) in {(4,2), (5,3), (6,2)}:
 * <ul>
 *   <li>(i) orbit-constancy ||D(QA) - D(A)|| (Haar Q, reflections included);</li>
 *   <li>free action: the stabiliser algebra {Xi skew : Xi A = 0} has dimension 0;</li>
 *   <li>(ii) chart: the Jacobian J of D at A (d^2 x kd) has rank dim M_{d,k} = dk - k(k-1)/2 (checked against the
 *   geometry package's dimension), vanishes on the vertical space {Xi A} and is injective on its orthogonal complement
 *   (the horizontal space): rank of J restricted to it = dim M;</li>
 *   <li>orbit separation: for A' = Q A and for A' = s(D(A)) (the section's representative), g = A' A^+ is orthogonal
 *   and A' = g A;</li>
 *   <li>lifts: D(s(M)) = M for the eigen-section and the reference section of H.1.</li>
 * </ul>
 * Exact tolerances 1e-10 scaled by ||A||^2. Negative controls: a non-invariant descriptor A^T W A (W = diag(1..k))
 * breaks (i); the invariant but non-separating descriptor tr(A^T A) has Jacobian rank 1 < dim M; an A of rank k - 1 has
 * a non-trivial stabiliser (the reflection across ker A^T).
 *
 * <p>Deterministic given the seed (exact comparisons and slope fits; no statistical false alarm).
 */
public final class AssumptionE1Check extends TheoryCheck {

    public AssumptionE1Check() {
        super("Assumption E.1", "local quotient chart by D(A) = A^T A for O(k) on A in R^{k x d}",
                "On an open set where G acts smoothly, freely and properly, D: U -> R^q is (i) constant on orbits and (ii) "
                        + "D = Dbar o pi with Dbar a C^k diffeomorphism from the quotient onto an open set; hence local orbit "
                        + "separation and a C^k lift s with D(s(M)) = M.");
    }

    /** The d^2 x kd Jacobian of A -> A^T A at A (columns: unit perturbations of the entries of A, row-major). */
    static DMatrixRMaj jacobian(DMatrixRMaj a) {
        int k = a.numRows;
        int d = a.numCols;
        DMatrixRMaj j = new DMatrixRMaj(d * d, k * d);
        for (int c = 0; c < k * d; c++) {
            DMatrixRMaj e = new DMatrixRMaj(k, d);
            e.set(c, 1);
            DMatrixRMaj dm = Mat.add(Mat.multTransA(e, a), Mat.multTransA(a, e));
            for (int r = 0; r < d * d; r++) {
                j.set(r, c, dm.get(r));
            }
        }
        return j;
    }

    /** An orthonormal basis (kd x k(k-1)/2) of the vertical space {Xi A : Xi skew} (as flat row-major vectors). */
    static DMatrixRMaj verticalSpan(DMatrixRMaj a) {
        int k = a.numRows;
        int d = a.numCols;
        int dim = k * (k - 1) / 2;
        DMatrixRMaj v = new DMatrixRMaj(k * d, dim);
        int c = 0;
        for (int i = 0; i < k; i++) {
            for (int l = i + 1; l < k; l++) {
                DMatrixRMaj xi = new DMatrixRMaj(k, k);
                xi.set(i, l, 1);
                xi.set(l, i, -1);
                DMatrixRMaj xa = Mat.mult(xi, a);
                for (int r = 0; r < k * d; r++) {
                    v.set(r, c, xa.get(r));
                }
                c++;
            }
        }
        return v;
    }

    /**
     * (k - rank A) + dim{Xi skew : Xi A = 0}: zero exactly when the stabiliser of A in O(k) is trivial (g A = A with
     * A of full row rank forces g = A A^+ = I).
     */
    static int freenessDefect(DMatrixRMaj a) {
        DMatrixRMaj vert = verticalSpan(a);
        return a.numRows - rank(a) + vert.numCols - rank(vert);
    }

    static int rank(DMatrixRMaj m) {
        return PseudoInverse.of(m).rank();
    }

    @Override
    public CheckResult run(CheckContext ctx) {
        CheckResult.Builder res = result(ctx);
        int tries = ctx.scale().pick(15, 60);
        int[][] shapes = {{4, 2}, {5, 3}, {6, 2}};
        double worstConst = 0;
        double worstSep = 0;
        double worstLift = 0;
        double worstVertical = 0;
        int stabiliser = 0;
        int rankMismatch = 0;
        int horizontalMismatch = 0;
        double plantedConst = 0;
        int plantedRankGap = 0;
        int plantedStabiliser = 0;
        double worstFixedReflection = 0;
        for (int t = 0; t < tries; t++) {
            Rng rng = ctx.rng(claimId(), t);
            int d = shapes[t % 3][0];
            int k = shapes[t % 3][1];
            LinearOrthogonalModel model = new LinearOrthogonalModel(d, k);
            DMatrixRMaj a = model.randomRepresentative(rng);
            double scale = Math.max(1, Mat.frob(a) * Mat.frob(a));
            DMatrixRMaj q = RandomMatrices.haarOrthogonal(k, rng);
            DMatrixRMaj m = model.descriptor(a);
            worstConst = Math.max(worstConst, Mat.dist(model.descriptor(model.act(q, a)), m) / scale);
            DMatrixRMaj w = new DMatrixRMaj(k, k);
            for (int i = 0; i < k; i++) {
                w.set(i, i, i + 1);
            }
            DMatrixRMaj qa = model.act(q, a);
            plantedConst = Math.max(plantedConst, Mat.dist(Mat.mult(Mat.transpose(qa), w, qa),
                    Mat.mult(Mat.transpose(a), w, a)) / scale);
            DMatrixRMaj vert = verticalSpan(a);
            stabiliser += freenessDefect(a);
            DMatrixRMaj j = jacobian(a);
            int dimM = model.manifold().dimension();
            rankMismatch += rank(j) != dimM ? 1 : 0;
            worstVertical = Math.max(worstVertical, Mat.frob(Mat.mult(j, vert)) / scale);
            DMatrixRMaj pv = Mat.mult(vert, PseudoInverse.pinv(vert));
            DMatrixRMaj horizontal = Mat.sub(Mat.identity(k * d), pv);
            horizontalMismatch += rank(Mat.mult(j, horizontal)) != dimM ? 1 : 0;
            DMatrixRMaj trace = new DMatrixRMaj(1, k * d);
            for (int c = 0; c < k * d; c++) {
                trace.set(0, c, 2 * a.get(c));
            }
            plantedRankGap = Math.max(plantedRankGap, dimM - rank(trace));
            for (DMatrixRMaj other : new DMatrixRMaj[] {qa, model.eigenSection(m),
                ReferenceSection.at(m, k).section(m)}) {
                DMatrixRMaj g = model.relate(other, a);
                worstSep = Math.max(worstSep, Math.max(LinearOrthogonalModel.orthogonalityDefect(g),
                        Mat.dist(Mat.mult(g, a), other) / Math.sqrt(scale)));
                if (other != qa) {
                    worstLift = Math.max(worstLift, Mat.dist(model.descriptor(other), m) / scale);
                }
            }
            DMatrixRMaj deficient = Mat.mult(RandomMatrices.gaussian(k, k - 1, rng),
                    RandomMatrices.gaussian(k - 1, d, rng));
            plantedStabiliser = Math.max(plantedStabiliser, freenessDefect(deficient));
            DMatrixRMaj u = twostage.residual.PsdRoots.kernelBasis(Mat.multTransB(deficient, deficient));
            DMatrixRMaj refl = Mat.sub(Mat.identity(k), Mat.scale(2, Mat.multTransB(u, u)));
            worstFixedReflection = Math.max(worstFixedReflection, Mat.dist(Mat.mult(refl, deficient), deficient));
        }
        String inst = tries + " random A (d,k) in {(4,2),(5,3),(6,2)}";
        res.add(Evidence.zero("(i) max ||D(QA) - D(A)|| / ||A||^2", Role.CLAIM, worstConst, 1e-12, inst));
        res.add(Evidence.zero("free action: total freeness defect (k - rank A + dim stabiliser algebra)", Role.CLAIM,
                stabiliser, 0, inst));
        res.add(Evidence.zero("(ii) instances with rank dD != dim M_{d,k} = dk - k(k-1)/2", Role.CLAIM, rankMismatch, 0,
                "dim M from twostage.geometry.FixedRankPsdGeometry"));
        res.add(Evidence.zero("(ii) max ||dD . vertical|| / ||A||^2", Role.CLAIM, worstVertical, 1e-12,
                "D is constant along orbits to first order"));
        res.add(Evidence.zero("(ii) instances with rank of dD on the horizontal space != dim M", Role.CLAIM,
                horizontalMismatch, 0, "injective on the horizontal space"));
        res.add(Evidence.zero("separation: max over A' in [A] of ||g^T g - I||, ||gA - A'|| with g = A'A+", Role.CLAIM,
                worstSep, 1e-10, "A' = QA, eigen-section and reference-section representatives"));
        res.add(Evidence.zero("lifts: max ||D(s(M)) - M|| / ||M|| (eigen-section, H.1 section)", Role.CLAIM, worstLift,
                1e-10, ""));
        res.add(Evidence.plantedErrorCaught("non-invariant descriptor A^T diag(1..k) A",
                Evidence.zero("max ||D'(QA) - D'(A)|| / ||A||^2", Role.CONTROL, plantedConst, 1e-12, "")));
        res.add(Evidence.plantedErrorCaught("invariant but non-separating descriptor tr(A^T A)",
                Evidence.zero("max (dim M - rank d tr)", Role.CONTROL, plantedRankGap, 0, "")));
        res.add(Evidence.plantedErrorCaught("rank-deficient A (action not free)",
                Evidence.zero("max freeness defect at rank k-1", Role.CONTROL, plantedStabiliser, 0, "")));
        res.add(Evidence.info("max ||R A - A|| for the reflection R across ker A^T at rank k-1", worstFixedReflection,
                "a non-trivial stabiliser element"));
        return res.build();
    }
}
