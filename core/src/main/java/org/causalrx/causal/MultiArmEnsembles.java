package org.causalrx.causal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.ToDoubleFunction;

import org.causalrx.util.Seeds;

/**
 * The Average and Majority ensembles for K arms: per patient and arm, the mean (Average) or the median (Majority) of
 * the members' effects against the reference; with two arms they are {@link Ensembles}' average and majority (the
 * median effect's sign is the members' majority vote). Member m is fit with seed {@code Seeds.derive(seed, m)}, as in
 * {@link Ensembles}. {@link Consensus} keeps named fitted members for the consensus policy (MultiArmConsensus in the
 * policy package).
 */
public final class MultiArmEnsembles {
    private MultiArmEnsembles() {
    }

    /** An estimator fitting every member and averaging their n × K effect matrices. */
    public static MultiArmCateEstimator average(String name, List<MultiArmCateEstimator> members) {
        return new Average(name, members, false);
    }

    /** An estimator fitting every member and taking the median of their n × K effect matrices, entry by entry. */
    public static MultiArmCateEstimator majority(String name, List<MultiArmCateEstimator> members) {
        return new Average(name, members, true);
    }

    /** The average of already fitted members (all with the same number of arms). */
    public static MultiArmCateModel averageFitted(List<MultiArmCateModel> fitted) {
        return new Averaged(fitted);
    }

    /** The entry-by-entry median of already fitted members (all with the same number of arms). */
    public static MultiArmCateModel majorityFitted(List<MultiArmCateModel> fitted) {
        return new Median(fitted);
    }

    /** @param median the median of the members (Majority) rather than their mean (Average) */
    private record Average(String name, List<MultiArmCateEstimator> members, boolean median)
            implements MultiArmCateEstimator {
        Average {
            members = List.copyOf(members);
            if (members.isEmpty()) {
                throw new IllegalArgumentException("ensemble '" + name + "' has no members");
            }
        }

        @Override
        public MultiArmCateModel fit(double[][] x, int[] t, int k, double[] y, long seed) {
            List<MultiArmCateModel> fitted = new ArrayList<>();
            for (int m = 0; m < members.size(); m++) {
                fitted.add(members.get(m).fit(x, t, k, y, Seeds.derive(seed, m)));
            }
            return median ? new Median(fitted) : new Averaged(fitted);
        }
    }

    /**
     * Fitted members averaged per patient and arm.
     *
     * @param members fitted members, each with the same K
     */
    public record Averaged(List<MultiArmCateModel> members) implements MultiArmCateModel {
        public Averaged {
            members = checked(members);
        }

        @Override
        public int arms() {
            return members.get(0).arms();
        }

        /** n × K: the mean over members of each entry (summed as {@link Ensembles.Combined} sums). */
        @Override
        public double[][] effects(double[][] x) {
            return perEntry(members, x, cell -> Arrays.stream(cell).average().orElse(Double.NaN));
        }
    }

    /**
     * Fitted members combined per patient and arm by the median ({@link Ensembles.Combined}'s median: the middle
     * value, or the mean of the two middle values for an even number of members).
     *
     * @param members fitted members, each with the same K
     */
    public record Median(List<MultiArmCateModel> members) implements MultiArmCateModel {
        public Median {
            members = checked(members);
        }

        @Override
        public int arms() {
            return members.get(0).arms();
        }

        /** n × K: the median over members of each entry; column 0 is 0. */
        @Override
        public double[][] effects(double[][] x) {
            return perEntry(members, x, Ensembles::median);
        }
    }

    /** Whether {@code m} combines other fitted models into one effect (Average or Majority). */
    public static boolean isEnsemble(MultiArmCateModel m) {
        return m instanceof Averaged || m instanceof Median;
    }

    private static List<MultiArmCateModel> checked(List<MultiArmCateModel> members) {
        List<MultiArmCateModel> out = List.copyOf(members);
        if (out.isEmpty()) {
            throw new IllegalArgumentException("an ensemble needs at least one member");
        }
        int k = out.get(0).arms();
        for (MultiArmCateModel m : out) {
            if (m.arms() != k) {
                throw new IllegalArgumentException("ensemble members disagree on the number of arms: "
                        + k + " and " + m.arms());
            }
        }
        return out;
    }

    /** n × K: per patient and non-reference arm, {@code combine} of the members' effects (it may not keep them). */
    private static double[][] perEntry(List<MultiArmCateModel> members, double[][] x,
                                       ToDoubleFunction<double[]> combine) {
        int k = members.get(0).arms();
        double[][][] all = new double[members.size()][][];
        for (int m = 0; m < all.length; m++) {
            all[m] = members.get(m).effects(x);
        }
        double[][] out = new double[x.length][k];
        double[] cell = new double[all.length];
        for (int i = 0; i < x.length; i++) {
            for (int a = 1; a < k; a++) {
                for (int m = 0; m < all.length; m++) {
                    cell[m] = all[m][i][a];
                }
                out[i][a] = combine.applyAsDouble(cell);
            }
        }
        return out;
    }

    /**
     * The fitted members of a consensus policy, by name: the policy decides from each member's effects (the arm every
     * member picks, else defer); {@link #effects} is their average, shown with the decision.
     *
     * @param names   the members' estimator names, in member order
     * @param members the fitted members, each with the same K
     */
    public record Consensus(List<String> names, List<MultiArmCateModel> members) implements MultiArmCateModel {
        public Consensus {
            names = List.copyOf(names);
            members = List.copyOf(members);
            if (names.size() != members.size() || members.size() < 2) {
                throw new IllegalArgumentException("a consensus needs at least two named members, got "
                        + names.size() + " names and " + members.size() + " models");
            }
            new Averaged(members);
        }

        @Override
        public int arms() {
            return members.get(0).arms();
        }

        /** n × K: the mean over members, as {@link Averaged}. */
        @Override
        public double[][] effects(double[][] x) {
            return new Averaged(members).effects(x);
        }

        /** Each member's n × K effects, in member order. */
        public List<double[][]> memberEffects(double[][] x) {
            return members.stream().map(m -> m.effects(x)).toList();
        }
    }
}
