package org.causalrx.data;

/** Disjoint train / validation / test row indices, each sorted ascending. */
public record SplitIndices(int[] train, int[] validation, int[] test) {
    public SplitIndices {
        train = train.clone();
        validation = validation.clone();
        test = test.clone();
    }

    @Override
    public int[] train() {
        return train.clone();
    }

    @Override
    public int[] validation() {
        return validation.clone();
    }

    @Override
    public int[] test() {
        return test.clone();
    }
}
