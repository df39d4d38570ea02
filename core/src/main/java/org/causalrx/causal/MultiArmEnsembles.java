package org.causalrx.causal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.causalrx.util.Seeds;

/**
 * The Average ensemble for K arms: per patient and arm, the mean of the members' effects against the reference.
 * Member m is fit with seed {@code Seeds.derive(seed, m)}, as in {@link Ensembles}. {@link Consensus} keeps named
 * fitted members for the consensus policy (MultiArmConsensus in the policy package).
 */
public final class MultiArmEnsembles {
    private MultiArmEnsembles() {
    }

    /** An estimator fitting every member and averaging their n × K effect matrices. */
    public static MultiArmCateEstimator average(String name, List<MultiArmCateEstimator> members) {
        return new Average(name, members);
    }

    /** The average of already fitted members (all with the same number of arms). */
    public static MultiArmCateModel averageFitted(List<MultiArmCateModel> fitted) {
        return new Averaged(fitted);
    }

    private record Average(String name, List<MultiArmCateEstimator> members) implements MultiArmCateEstimator {
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
            return new Averaged(fitted);
        }
    }

    /**
     * Fitted members averaged per patient and arm.
     *
     * @param members fitted members, each with the same K
     */
    public record Averaged(List<MultiArmCateModel> members) implements MultiArmCateModel {
        public Averaged {
            members = List.copyOf(members);
            if (members.isEmpty()) {
                throw new IllegalArgumentException("an ensemble needs at least one member");
            }
            int k = members.get(0).arms();
            for (MultiArmCateModel m : members) {
                if (m.arms() != k) {
                    throw new IllegalArgumentException("ensemble members disagree on the number of arms: "
                            + k + " and " + m.arms());
                }
            }
        }

        @Override
        public int arms() {
            return members.get(0).arms();
        }

        /** n × K: the mean over members of each entry (summed as {@link Ensembles.Combined} sums). */
        @Override
        public double[][] effects(double[][] x) {
            int k = arms();
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
                    out[i][a] = Arrays.stream(cell).average().orElse(Double.NaN);
                }
            }
            return out;
        }
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
