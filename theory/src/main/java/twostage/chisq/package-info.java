/**
 * The weighted chi-square law Q = sum_l w_l chi2(k_l, delta_l) (w_l &gt;= 0), the exact limit law of the interaction
 * term of Theorem 5.1 (claims.md CF3), and its affine image sigma^2 d_act + Q / alpha.
 *
 * <ul>
 *   <li>{@link twostage.chisq.WeightedChiSquare}: the law (cdf, survival, density, quantiles, moments, sampler);</li>
 *   <li>{@link twostage.chisq.ShiftedWeightedChiSquare}: shift + scale * Q;</li>
 *   <li>ContourInversion: Imhof's inversion integral along a parabolic contour through the saddle point (relative
 *       accuracy in the upper tail); ChiSquareMixtureSeries: the positive chi-square mixture series for the lower
 *       tail (relative accuracy there); GaussLegendrePanels: the adaptive quadrature;</li>
 *   <li>{@link twostage.chisq.WeightedChiSquareReferenceCheck}: the check of all of this against the reference table
 *       {@code twostage/reference/weighted-chisq.tsv}, exact chi-square tails, the series, and sampling.</li>
 * </ul>
 */
package twostage.chisq;
