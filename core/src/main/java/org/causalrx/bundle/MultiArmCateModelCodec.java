package org.causalrx.bundle;

import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.causalrx.causal.MultiArmCateModel;

/**
 * Writes and reads fitted K-arm CATE models (effects n × K against arm 0) of another module (the neural networks of
 * the {@code nn} module) in a K-arm model bundle, so that core need not know their classes: the K-arm counterpart of
 * {@link CateModelCodec}. Found with {@link java.util.ServiceLoader}: declare an implementation (public, with a
 * public no-argument constructor) in {@code META-INF/services/org.causalrx.bundle.MultiArmCateModelCodec}.
 * {@link MultiArmCateCodecs} offers a codec every K-arm CATE model it has no built-in case for (also ensemble and
 * consensus members and Conservative bootstrap refits), and hands it every JSON object whose {@code kind} the codec
 * declares. Encoding must be exact: the decoded model predicts bit-identically. Implementations hold no state.
 */
public interface MultiArmCateModelCodec {
    /**
     * The {@code kind} strings this codec writes and reads; they must not clash with the built-in K-arm kinds
     * ({@code multi_arm_t_learner}, {@code multi_arm_average}, …) or another K-arm codec's.
     */
    Set<String> kinds();

    /** Whether this codec writes {@code m} (typically: {@code m} is an instance of one of its model classes). */
    boolean encodes(MultiArmCateModel m);

    /**
     * {@code m} as a JSON object whose {@code kind} is one of {@link #kinds()}.
     *
     * @param name    the model's name in the run (e.g. {@code tarnet}, {@code tarnet_refit3}); for file-name stems
     *                ({@link CodecContext#stem}) and messages
     * @param m       a model {@link #encodes} accepted
     * @param context large arrays, extra files and the built-in (generalized) probability codecs
     * @throws NotBundleable when a part of {@code m} cannot be written (the message says which and why)
     */
    ObjectNode encode(String name, MultiArmCateModel m, CodecContext context) throws NotBundleable;

    /**
     * The K-arm model {@code n} describes ({@code n.kind} is one of {@link #kinds()}).
     *
     * @throws org.causalrx.util.CausalRxException naming the file ({@link CodecContext#damaged}) when {@code n} is
     *                                             malformed
     */
    MultiArmCateModel decode(JsonNode n, CodecContext context);
}
