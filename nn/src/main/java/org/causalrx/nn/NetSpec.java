package org.causalrx.nn;

import java.util.ArrayList;
import java.util.List;

/**
 * Shape of a multi-head network: a shared ELU trunk (the representation), {@code heads} ELU heads with
 * {@code outputs} linear outputs each, and optionally a linear propensity head on the representation plus the
 * epsilons of targeted regularisation (DragonNet). With two heads the propensity head is one logit (sigmoid) and
 * there is one epsilon; with K ≥ 3 heads it is K class logits (softmax) and there are K − 1 epsilons, one per
 * non-reference arm. Parameters are laid out in one list in this order: trunk (W, b) per layer; per head (W, b)
 * per hidden layer then (W, b) of the output layer; propensity (W, b); epsilons (1 × epsilons). W is in × out,
 * row-major.
 *
 * @param inputs      number of input features
 * @param hidden      trunk width
 * @param sharedDepth trunk layers
 * @param headHidden  head hidden width
 * @param headDepth   hidden layers per head
 * @param heads       number of heads (one per arm), ≥ 2
 * @param outputs     outputs per head (1 for a value or a logit, K for class logits or per-class effects)
 * @param propensity  whether a propensity head and epsilon are present
 */
record NetSpec(int inputs, int hidden, int sharedDepth, int headHidden, int headDepth, int heads, int outputs,
               boolean propensity) {

    static NetSpec of(NnSettings s, int inputs, int heads, int outputs, boolean propensity) {
        return new NetSpec(inputs, s.hidden(), s.sharedDepth(), s.headHidden(), s.headDepth(), heads, outputs,
                propensity);
    }

    /** Shapes {rows, cols} of every parameter in layout order (biases and epsilon are {1, cols}). */
    List<int[]> shapes() {
        List<int[]> out = new ArrayList<>();
        int in = inputs;
        for (int l = 0; l < sharedDepth; l++) {
            out.add(new int[] {in, hidden});
            out.add(new int[] {1, hidden});
            in = hidden;
        }
        for (int h = 0; h < heads; h++) {
            int hin = hidden;
            for (int l = 0; l < headDepth; l++) {
                out.add(new int[] {hin, headHidden});
                out.add(new int[] {1, headHidden});
                hin = headHidden;
            }
            out.add(new int[] {hin, outputs});
            out.add(new int[] {1, outputs});
        }
        if (propensity) {
            out.add(new int[] {hidden, propensityOutputs()});
            out.add(new int[] {1, propensityOutputs()});
            out.add(new int[] {1, epsilons()});
        }
        return out;
    }

    /** Logits of the propensity head: 1 (P(T = 1), sigmoid) for two arms, K (softmax) for K ≥ 3 arms. */
    int propensityOutputs() {
        return heads == 2 ? 1 : heads;
    }

    /** Epsilons of targeted regularisation: one per non-reference arm (K − 1). */
    int epsilons() {
        return heads - 1;
    }

    /** Index of the first parameter of head h. */
    int headStart(int h) {
        return 2 * sharedDepth + h * 2 * (headDepth + 1);
    }

    /** Index of the propensity weight matrix (bias follows, then the epsilons). */
    int propensityStart() {
        return headStart(heads);
    }
}
