package org.causalrx.nn;

import java.util.ArrayList;
import java.util.List;

/**
 * Shape of a multi-head network: a shared ELU trunk (the representation), {@code heads} ELU heads with
 * {@code outputs} linear outputs each, and optionally a linear propensity head on the representation plus the
 * scalar epsilon of targeted regularisation (DragonNet). Parameters are laid out in one list in this order:
 * trunk (W, b) per layer; per head (W, b) per hidden layer then (W, b) of the output layer; propensity (W, b);
 * epsilon. W is in × out, row-major.
 *
 * @param inputs      number of input features
 * @param hidden      trunk width
 * @param sharedDepth trunk layers
 * @param headHidden  head hidden width
 * @param headDepth   hidden layers per head
 * @param heads       number of heads (one per arm)
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
            out.add(new int[] {hidden, 1});
            out.add(new int[] {1, 1});
            out.add(new int[] {1, 1});
        }
        return out;
    }

    /** Index of the first parameter of head h. */
    int headStart(int h) {
        return 2 * sharedDepth + h * 2 * (headDepth + 1);
    }

    /** Index of the propensity weight matrix (bias follows, then epsilon). */
    int propensityStart() {
        return headStart(heads);
    }
}
