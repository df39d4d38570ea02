package org.causalrx.bundle;

import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.causalrx.causal.CateModel;

/**
 * Writes and reads fitted CATE models of another module (the neural networks of the {@code nn} module) in a model
 * bundle, so that core need not know their classes. Found with {@link java.util.ServiceLoader}: declare an
 * implementation (public, with a public no-argument constructor) in
 * {@code META-INF/services/org.causalrx.bundle.CateModelCodec}. {@link ModelCodecs} offers a codec every CATE
 * model it has no built-in case for (also bootstrap refits and ensemble members), and hands it every JSON object
 * whose {@code kind} the codec declares. Encoding must be exact: the decoded model predicts bit-identically.
 * Implementations hold no state.
 */
public interface CateModelCodec {
    /**
     * The {@code kind} strings this codec writes and reads; they must not clash with the built-in kinds
     * ({@code t_learner}, {@code ensemble}, …) or another codec's.
     */
    Set<String> kinds();

    /** Whether this codec writes {@code m} (typically: {@code m} is an instance of one of its model classes). */
    boolean encodes(CateModel m);

    /**
     * {@code m} as a JSON object whose {@code kind} is one of {@link #kinds()}.
     *
     * @param name    the model's name in the run (e.g. {@code tarnet}, {@code tarnet_refit3}); for file-name stems
     *                ({@link CodecContext#stem}) and messages
     * @param m       a model {@link #encodes} accepted
     * @param context large arrays, extra files and the built-in probability codecs
     * @throws NotBundleable when a part of {@code m} cannot be written (the message says which and why)
     */
    ObjectNode encode(String name, CateModel m, CodecContext context) throws NotBundleable;

    /**
     * The model {@code n} describes ({@code n.kind} is one of {@link #kinds()}).
     *
     * @throws org.causalrx.util.CausalRxException naming the file ({@link CodecContext#damaged}) when {@code n} is
     *                                             malformed
     */
    CateModel decode(JsonNode n, CodecContext context);
}
