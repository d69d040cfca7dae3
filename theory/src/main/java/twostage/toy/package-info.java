/**
 * Toy instances with closed-form limits (CF15 and Section 4 of the catalogue): Toy-R (regular), Toy-NR and its
 * correlated variant (non-regular, B0 != {0}), a rescaled toy with L = 0, and a sign-flip toy with a genuine Z_2
 * symmetry; Gaussian linear features with exact moments and an exact equivalent design; and the end-to-end checks of
 * Theorem 5.1 and of the crossover alpha0.
 */
package twostage.toy;
