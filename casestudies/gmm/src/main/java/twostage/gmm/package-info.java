/**
 * Case study: the Gaussian-mixture example of Section 6.3 and Appendices J and K of Tinati and Tu (COLT 2026).
 *
 * <h2>Model and code map</h2>
 * <ul>
 *   <li>{@link twostage.gmm.MixtureModel}: K equal-weight N(u*_i, I_d) components, the negative log-likelihood with its
 *       score and Hessian (Lemma J.4), sampling; input validation (K &gt;= 2, d &gt;= 1, finite and distinct centres,
 *       beta &gt; 0).</li>
 *   <li>{@link twostage.gmm.EmEstimator}: EM with tolerance, iteration cap, k-means++ restarts (best likelihood kept)
 *       and the catalogue's "started at the truth" shortcut; {@link twostage.gmm.LabelAlignment}: the permutation
 *       minimising sum ||u_hat_g(i) - u*_i||^2.</li>
 *   <li>{@link twostage.gmm.CentredSubspace}: S(U), P_U (leading r*-eigenprojector, eigengap enforced) and the analytic
 *       DP_U; {@link twostage.gmm.FeatureMap}: the responsibilities (6.3), the features (6.4), their reduced
 *       isometric coordinates, the analytic directional derivative D_U psi[V] and the gradient of theta^T psi_U.</li>
 *   <li>{@link twostage.gmm.InteractionLimit}: Gamma, V = I(U*)^-1, E||L(Z)||^2 = tr(Gamma V) with stage-wise Monte
 *       Carlo SEs, and the weights of the weighted chi-square law; {@link twostage.gmm.TwoStageReplication}: one run
 *       of Appendix K's finite-sample protocol with the exact Proposition B.1 risk.</li>
 *   <li>{@link twostage.gmm.MixtureProblem}: the instance as a {@code twostage.engine.TwoStageProblem<int[]>}
 *       ({@link twostage.gmm.PermutationGroup}, {@link twostage.gmm.SortedCentresDescriptor}).</li>
 * </ul>
 *
 * <h2>Settings the paper leaves unstated, and the values used</h2>
 * <ul>
 *   <li>Noise variance sigma^2 = 0.25: Figure 3(c) draws the limit sigma^2 d_eff as a jump at 4.0 (vector data of the
 *       PDF) and d_eff = K(r*+1) = 16 for K = 4, r* = 3.</li>
 *   <li>theta* normalised to unit Euclidean norm in R^{K(d+1)}, as Appendix K states; block i pairs with centre
 *       beta e_i. The downstream law of X is the mixture itself (Lemma J.1).</li>
 *   <li>EM for Figures 3/4: started at the truth, tolerance 1e-6 on the largest centre move, cap 1000 iterations;
 *       Lemma J.5's check shows k-means++ restarts reach the same optimum.</li>
 *   <li>Population moments Sigma(U_hat), c(U_hat), E f*^2 on one fixed evaluation sample (common random numbers),
 *       2e5 draws at PAPER scale as Appendix K, 2e4 at CI.</li>
 *   <li>Limit CDFs: exact (weighted chi-square by Imhof inversion); the paper used 2e4 Monte Carlo draws.</li>
 * </ul>
 *
 * <h2>Paper figures</h2>
 * The plotted values of Figures 2-4 are read from the PDF's vector data by {@code tools/digitise_paper_figures.py} into
 * {@code twostage/gmm/paper-figures.tsv} (header: provenance and reading uncertainty).
 */
package twostage.gmm;
