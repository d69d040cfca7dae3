package twostage.properties;

import twostage.check.Check;
import twostage.check.CheckContext;
import twostage.ledger.CheckResult;
import twostage.ledger.Evidence;
import twostage.ledger.Role;

/**
 * Assumption E.1 as a randomized property over every instance: the descriptor is constant on orbits,
 * D(g.w) = D(w) for random g (reflections and all permutations included) and random w near w*; and it separates
 * orbits locally, seen through the section: s(D(w)) lies on the orbit of w (equal feature Gram matrices).
 * Exact properties: no false alarms by design (tolerance 1e-9 relative, scaled by sqrt(dimension)).
 * Negative control: the representative used as its own descriptor must be caught on every symmetric instance.
 */
public final class DescriptorPropertiesCheck implements Check {

    @Override public String claimId() { return "Assumption E.1"; }
    @Override public String name() { return "property: descriptor constant on orbits and separating them (all instances)"; }
    @Override public String module() { return "properties"; }
    @Override public String statement() {
        return "D(g.w) = D(w) for every group element g, and near w* D(w) = D(w') only if w' is in the orbit of w "
                + "(checked through the section s: s(D(w)) has the same feature Gram matrix as w).";
    }

    @Override
    public CheckResult run(CheckContext ctx) {
        CheckResult.Builder res = result(ctx);
        for (Subject<?> s : Subjects.all()) {
            Tries.Worst inv = Tries.run(ctx, claimId() + "/inv/" + s.name(),
                    rng -> OrbitProperties.descriptorInvariance(s, s.problem().descriptor(), rng));
            res.add(Evidence.atMost("max |D(g.w) - D(w)| in units of tol [" + s.name() + "]", Role.CLAIM, inv.violation(),
                    1.0, inv.where()));
            Tries.Worst sec = Tries.run(ctx, claimId() + "/sec/" + s.name(), rng -> OrbitProperties.sectionOnOrbit(s, rng));
            res.add(Evidence.atMost("max |Gram(psi(w)) - Gram(psi(s(D(w))))| in units of tol [" + s.name() + "]",
                    Role.CLAIM, sec.violation(), 1.0, sec.where()));
            if (s.symmetric()) {
                Tries.Worst planted = Tries.run(ctx, claimId() + "/planted/" + s.name(),
                        rng -> OrbitProperties.descriptorInvariance(s,
                                PlantedErrors.identityDescriptor(s.problem().descriptor()), rng));
                res.add(Evidence.plantedErrorCaught("descriptor D(w) = w, not orbit-invariant [" + s.name() + "]",
                        Evidence.atMost("max |D(g.w) - D(w)| in units of tol", Role.CONTROL, planted.violation(), 1.0,
                                planted.where())));
            }
        }
        return res.build();
    }
}
