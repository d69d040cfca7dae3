package twostage.claims;

/**
 * One numbered item of the paper, exactly as the catalogue lists it.
 *
 * @param id     the paper's identifier exactly as printed, e.g. {@code "Lemma C.4"}
 * @param kind   the catalogue's primary check kind (EXACT, DERIVATIVE, ASYMPTOTIC, ...)
 * @param module the module that owns the item, e.g. {@code theory} or {@code casestudies/spectral}
 * @param page   the PDF page of the statement
 * @param title  a short title in the catalogue's words
 */
public record Claim(String id, String kind, String module, int page, String title) {
}
