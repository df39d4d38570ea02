package org.causalrx.bundle;

import java.util.HashMap;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.causalrx.util.CausalRxException;

/**
 * The model codecs of other modules found with {@link ServiceLoader} ({@link CateModelCodec},
 * {@link MultiArmCateModelCodec}), by the {@code kind} strings they declare. Loading fails when a kind is declared
 * twice or is a built-in kind. Immutable.
 *
 * @param <C> the codec interface
 */
final class CodecRegistry<C> {
    private final Map<String, C> byKind;
    private final Function<C, Set<String>> kinds;

    private CodecRegistry(Map<String, C> byKind, Function<C, Set<String>> kinds) {
        this.byKind = Map.copyOf(byKind);
        this.kinds = kinds;
    }

    /**
     * The registered implementations of {@code type}.
     *
     * @param kinds   a codec's declared kinds
     * @param builtIn kinds the built-in cases decode, which no codec may declare
     */
    static <C> CodecRegistry<C> load(Class<C> type, Function<C, Set<String>> kinds, Set<String> builtIn) {
        Map<String, C> m = new HashMap<>();
        for (C c : ServiceLoader.load(type)) {
            for (String kind : kinds.apply(c)) {
                C other = m.putIfAbsent(kind, c);
                if (other != null || builtIn.contains(kind)) {
                    throw new CausalRxException("bundle kind '" + kind + "' of " + c.getClass().getName()
                            + " is already taken by "
                            + (other == null ? "a built-in codec" : other.getClass().getName()));
                }
            }
        }
        return new CodecRegistry<>(m, kinds);
    }

    /** The codec that reads {@code kind}, or null. */
    C forKind(String kind) {
        return byKind.get(kind);
    }

    /** The first codec that {@code accepts}, or null; in kind order, so the choice does not depend on loading. */
    C first(Predicate<C> accepts) {
        return byKind.entrySet().stream().sorted(Map.Entry.comparingByKey()).map(Map.Entry::getValue)
                .filter(accepts).findFirst().orElse(null);
    }

    /** {@code n}, after checking that {@code codec} wrote one of its own kinds. */
    ObjectNode checked(C codec, ObjectNode n) {
        String kind = n.path("kind").asText();
        if (!kinds.apply(codec).contains(kind)) {
            throw new IllegalStateException(codec.getClass().getName() + " wrote kind '" + kind
                    + "', not one of its kinds " + kinds.apply(codec));
        }
        return n;
    }
}
