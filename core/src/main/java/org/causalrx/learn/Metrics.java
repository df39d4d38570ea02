package org.causalrx.learn;

import java.util.Arrays;
import java.util.Comparator;

/** Fit-quality metrics for regression and binary probability models (paper Tables 2 and S.3). */
public final class Metrics {
    private Metrics() {
    }

    public static double rmse(double[] y, double[] pred) {
        double s = 0;
        for (int i = 0; i < y.length; i++) {
            s += (y[i] - pred[i]) * (y[i] - pred[i]);
        }
        return Math.sqrt(s / y.length);
    }

    public static double mae(double[] y, double[] pred) {
        double s = 0;
        for (int i = 0; i < y.length; i++) {
            s += Math.abs(y[i] - pred[i]);
        }
        return s / y.length;
    }

    /** Coefficient of determination 1 − SSE/SST (SST about the mean of {@code y}); may be negative. */
    public static double r2(double[] y, double[] pred) {
        double m = 0;
        for (double v : y) {
            m += v;
        }
        m /= y.length;
        double sse = 0;
        double sst = 0;
        for (int i = 0; i < y.length; i++) {
            sse += (y[i] - pred[i]) * (y[i] - pred[i]);
            sst += (y[i] - m) * (y[i] - m);
        }
        return sst == 0 ? Double.NaN : 1 - sse / sst;
    }

    /** Mean squared difference between predicted probability and the 0/1 label. */
    public static double brier(int[] t, double[] p) {
        double s = 0;
        for (int i = 0; i < t.length; i++) {
            s += (p[i] - t[i]) * (p[i] - t[i]);
        }
        return s / t.length;
    }

    /**
     * Share of the null deviance that probabilities {@code p} explain for 0/1 labels {@code t}: 1 − deviance / null
     * deviance, the null model predicting the labels' mean (0 when all labels agree; p strictly inside (0, 1)).
     */
    public static double devianceExplained(int[] t, double[] p) {
        double mean = 0;
        for (int v : t) {
            mean += v;
        }
        mean /= t.length;
        double dev = 0;
        double nullDev = 0;
        for (int i = 0; i < t.length; i++) {
            dev -= 2 * Math.log(t[i] == 1 ? p[i] : 1 - p[i]);
            nullDev -= 2 * Math.log(t[i] == 1 ? mean : 1 - mean);
        }
        return nullDev > 0 ? 1 - dev / nullDev : 0;
    }

    /** Area under the ROC curve (Mann–Whitney, ties count one half); NaN when one class is absent. */
    public static double auroc(int[] t, double[] p) {
        Integer[] order = new Integer[t.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> p[i]));
        double rankSumPos = 0;
        long nPos = 0;
        int i = 0;
        while (i < order.length) {
            int j = i;
            while (j + 1 < order.length && p[order[j + 1]] == p[order[i]]) {
                j++;
            }
            double avgRank = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                if (t[order[k]] == 1) {
                    rankSumPos += avgRank;
                    nPos++;
                }
            }
            i = j + 1;
        }
        long nNeg = t.length - nPos;
        if (nPos == 0 || nNeg == 0) {
            return Double.NaN;
        }
        return (rankSumPos - nPos * (nPos + 1) / 2.0) / ((double) nPos * nNeg);
    }

    /** Confusion-matrix metrics at a probability threshold of 0.5. */
    public record Classification(double accuracy, double precision, double recall, double f1) {
    }

    public static Classification classification(int[] t, double[] p) {
        int tp = 0;
        int fp = 0;
        int tn = 0;
        int fn = 0;
        for (int i = 0; i < t.length; i++) {
            boolean predicted = p[i] > 0.5;
            if (predicted && t[i] == 1) {
                tp++;
            } else if (predicted) {
                fp++;
            } else if (t[i] == 1) {
                fn++;
            } else {
                tn++;
            }
        }
        double accuracy = (tp + tn) / (double) t.length;
        double precision = tp + fp == 0 ? 0 : tp / (double) (tp + fp);
        double recall = tp + fn == 0 ? 0 : tp / (double) (tp + fn);
        double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return new Classification(accuracy, precision, recall, f1);
    }
}
