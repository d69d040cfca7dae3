package twostage.properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import twostage.linalg.Mat;
import twostage.random.RandomMatrices;
import twostage.testing.Property;

/** The seeded generators produce what they promise (the property harness itself is tested here). */
class HarnessSmokeTest {

    @Test
    void haarMatricesAreOrthogonal() {
        Property.forAll("harness: Haar orthogonal", rng -> RandomMatrices.haarOrthogonal(rng.nextInt(1, 8), rng), q -> {
            DMatrixRMaj qtq = Mat.multTransA(q, q);
            assertTrue(Mat.dist(qtq, Mat.identity(q.numRows)) < 1e-12 * q.numRows, "Q^T Q != I");
        });
    }

    @Test
    void permutationsArePermutations() {
        Property.forAll("harness: permutation", rng -> RandomMatrices.permutation(rng.nextInt(1, 12), rng), p -> {
            boolean[] seen = new boolean[p.length];
            for (int v : p) {
                seen[v] = true;
            }
            for (boolean s : seen) {
                assertTrue(s);
            }
            assertEquals(p.length, RandomMatrices.permutationMatrix(p).numRows);
        });
    }
}
