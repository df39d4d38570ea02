package org.causalrx.learn.linear;

import java.util.Arrays;

/**
 * The shift c minimising the elastic-net penalty {@code Σ_k [(1−α)/2 (b_k − c)² + α|b_k − c|]} of one feature's K
 * class coefficients: the mean for α = 0, a median for α = 1, in between otherwise. The multinomial likelihood is
 * unchanged when every class's coefficient moves by the same c, so subtracting it only lowers the objective.
 */
final class PenaltyCentre {
    private PenaltyCentre() {
    }

    /**
     * @param b     the K coefficients (not modified)
     * @param alpha mixing parameter in [0, 1]
     * @return the minimising shift; 0 whenever 0 is a minimiser (so zero coefficients stay zero)
     */
    static double of(double[] b, double alpha) {
        int k = b.length;
        double sum = 0;
        for (double v : b) {
            sum += v;
        }
        if (alpha == 0) {
            return sum / k;
        }
        double[] s = b.clone();
        Arrays.sort(s);
        double best = 0;
        double bestValue = penalty(b, 0, alpha);
        // candidates: the kinks b_k and, on each interval between kinks, the stationary point of the quadratic piece
        for (int m = 0; m <= k; m++) {
            if (m < k) {
                double value = penalty(b, s[m], alpha);
                if (value < bestValue - 1e-15 * Math.max(1, Math.abs(bestValue))) {
                    best = s[m];
                    bestValue = value;
                }
            }
            if (alpha < 1) {
                // m values below c, k − m above: f'(c) = −(1−α)(Σb − kc) − α(k − 2m) = 0
                double c = (sum + alpha * (k - 2 * m) / (1 - alpha)) / k;
                boolean inside = (m == 0 || c >= s[m - 1]) && (m == k || c <= s[m]);
                if (inside) {
                    double value = penalty(b, c, alpha);
                    if (value < bestValue - 1e-15 * Math.max(1, Math.abs(bestValue))) {
                        best = c;
                        bestValue = value;
                    }
                }
            }
        }
        return best;
    }

    private static double penalty(double[] b, double c, double alpha) {
        double f = 0;
        for (double v : b) {
            double e = v - c;
            f += (1 - alpha) / 2 * e * e + alpha * Math.abs(e);
        }
        return f;
    }
}
