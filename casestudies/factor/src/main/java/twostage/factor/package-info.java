/**
 * Case study: the latent factor model of Section 6.2 and Appendix I (Tinati and Tu, COLT 2026).
 *
 * <p>Model and algorithms: {@link twostage.factor.FactorModel} (x = A* h + mu, y = beta*^T h + nu, Gaussian
 * conditioning for f* and sigma^2), {@link twostage.factor.PpcaLikelihood} (Gaussian NLL, derivatives in A and M),
 * {@link twostage.factor.PpcaEstimator} (closed-form MLE (I.4)), {@link twostage.factor.WishartSampler} (Bartlett
 * shortcut and direct sampler), {@link twostage.factor.FactorSection}, {@link twostage.factor.FactorPipeline} (PPCA
 * then min-norm OLS, exact conditional risk), {@link twostage.factor.FactorProblem} (the engine's
 * {@link twostage.engine.TwoStageProblem}), {@link twostage.factor.PpcaTangentLaw} (closed-form H*, Sigma*, V and
 * Cov(Z) of (I.7)-(I.9)).
 *
 * <p>Checks: Lemma I.1, I.2, I.3; Corollary 6.4 (limit law vs engine and simulation; noise variance of the setup;
 * proof steps (I.12)-(I.14); factor-strength sweep; comparison with Ge et al. 2024).
 *
 * <p>Findings recorded as DISCREPANCY: the printed sigma^2 is ill-typed (the k x k form is the conditional variance);
 * the interaction constant of Corollary 6.4 should be sum_i a_i^2 / (sigma_i^2 (1 + sigma_i)) rather than
 * sum_i a_i^2 / (1 + sigma_i) (engine and simulation agree; the proof drops the section-dependent term of DU*[v]);
 * consequently the stated sharper rate alpha^-1 D^2 (d - k) does not hold (the term grows like sigma_min(A*)^-2).
 */
package twostage.factor;
