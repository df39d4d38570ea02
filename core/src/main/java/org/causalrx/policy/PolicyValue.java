package org.causalrx.policy;

/**
 * Held-out policy value by self-normalised IPW and by doubly robust estimation (TRS App. D, Eq. 5), for decisions
 * in {DEFER, 0..K−1}: w_i = 1[t_i = pi(x_i)] / p*(t_i | x_i) over recommended patients;
 * V_IPW(rec) = Σ w y / Σ w; V_DR(rec) = Σ w (y − ŷ^pi) / Σ w + mean(ŷ^pi);
 * deferred patients contribute their factual outcome, and the two parts are mixed by their shares.
 * Every sum may carry a multiplicity c_i (bootstrap counts); c = 1 gives the point estimate.
 */
public final class PolicyValue {
    private PolicyValue() {
    }

    /** Both estimates for one weighting of the patients. */
    public record Values(double dr, double ipw) {
    }

    /**
     * @param decisions per patient: an arm 0..K−1 or {@link PolicyDecisions#DEFER}
     * @param counts    multiplicity of each patient (bootstrap counts), or null for all ones
     * @return DR and IPW values; IPW is NaN when no recommended patient got the recommended arm
     */
    public static Values evaluate(HeldOut data, int[] decisions, int[] counts) {
        checkDecisions(decisions, data.size(), data.arms());
        double nTot = 0;
        double sumDeferred = 0;
        double nRec = 0;
        double sumW = 0;
        double sumWy = 0;
        double sumWres = 0;
        double sumPlug = 0;
        double[] y = data.y();
        double[][] mu = data.mu();
        int n = y.length;
        for (int i = 0; i < n; i++) {
            int c = counts == null ? 1 : counts[i];
            if (c == 0) {
                continue;
            }
            nTot += c;
            int d = decisions[i];
            if (d == PolicyDecisions.DEFER) {
                sumDeferred += c * y[i];
                continue;
            }
            nRec += c;
            double plug = mu[i][d];
            sumPlug += c * plug;
            if (data.t()[i] == d) {
                double w = c / data.observedPropensity(i);
                sumW += w;
                sumWy += w * y[i];
                sumWres += w * (y[i] - plug);
            }
        }
        return finish(nTot, sumDeferred, nRec, sumW, sumWy, sumWres, sumPlug);
    }

    /** Fails unless there is one decision per patient, each DEFER or an arm 0..arms−1. */
    static void checkDecisions(int[] decisions, int n, int arms) {
        if (decisions.length != n) {
            throw new IllegalArgumentException(decisions.length + " decisions for " + n + " held-out patients");
        }
        for (int i = 0; i < n; i++) {
            int d = decisions[i];
            if (d != PolicyDecisions.DEFER && (d < 0 || d >= arms)) {
                throw new IllegalArgumentException("decision " + d + " for patient " + i + " is neither DEFER nor an "
                        + "arm 0.." + (arms - 1));
            }
        }
    }

    /**
     * The two estimates from the weighted sums accumulated over patients in index order (shared with the
     * bootstrap kernels in {@link Bootstrap} and {@link RankCurve}, which must give bit-identical values).
     */
    static Values finish(double nTot, double sumDeferred, double nRec, double sumW, double sumWy, double sumWres,
            double sumPlug) {
        if (nRec == 0) {
            double v = sumDeferred / nTot;
            return new Values(v, v);
        }
        double ipwRec = sumW > 0 ? sumWy / sumW : Double.NaN;
        double drRec = (sumW > 0 ? sumWres / sumW : 0) + sumPlug / nRec;
        return new Values((sumDeferred + nRec * drRec) / nTot, (sumDeferred + nRec * ipwRec) / nTot);
    }

    /**
     * Per-patient constants of the held-out data, computed once for many evaluations: the factual outcome, the
     * plug-ins flattened patient-major ({@code mu[i * arms + a]} = mu_a(x_i)), p*(t_i | x_i) and the DR residual
     * y − ŷ^{t_i} (a matched patient's plug-in is that of the arm they received).
     */
    record Prepared(int arms, double[] y, int[] t, double[] mu, double[] pObs, double[] resid) {
        static Prepared of(HeldOut data) {
            int n = data.size();
            int k = data.arms();
            double[] y = data.y();
            int[] t = data.t();
            double[][] m = data.mu();
            double[] mu = new double[n * k];
            double[] pObs = new double[n];
            double[] resid = new double[n];
            for (int i = 0; i < n; i++) {
                System.arraycopy(m[i], 0, mu, i * k, k);
                pObs[i] = data.observedPropensity(i);
                resid[i] = y[i] - m[i][t[i]];
            }
            return new Prepared(k, y, t, mu, pObs, resid);
        }
    }
}
