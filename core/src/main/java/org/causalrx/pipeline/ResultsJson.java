package org.causalrx.pipeline;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;

/**
 * Serialises a {@link RunResult} to the {@code results.json} contract: snake_case keys, pretty-printed,
 * stable field order, so the same run gives byte-identical output. A value that does not exist (NaN or an
 * infinity: the SD of a category row, the estimated value of the oracle policy) is written as JSON {@code null},
 * never as the string "NaN" that JSON readers would take for text.
 */
public final class ResultsJson {
    private ResultsJson() {
    }

    public static ObjectMapper mapper() {
        SimpleModule finite = new SimpleModule("finite-or-null");
        finite.addSerializer(Double.class, new FiniteOrNull());
        finite.addSerializer(double.class, new FiniteOrNull());
        finite.addSerializer(double[].class, new FiniteArray());
        return new ObjectMapper()
                .registerModule(finite)
                .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .enable(SerializationFeature.INDENT_OUTPUT);
    }

    public static String write(RunResult result) {
        try {
            return mapper().writeValueAsString(result) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise results: " + e.getMessage(), e);
        }
    }

    /** Serialises a K-arm run's result with the same conventions. */
    public static String write(MultiArmResult result) {
        try {
            return mapper().writeValueAsString(result) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise results: " + e.getMessage(), e);
        }
    }

    private static void number(double v, JsonGenerator gen) throws IOException {
        if (Double.isFinite(v)) {
            gen.writeNumber(v);
        } else {
            gen.writeNull();
        }
    }

    private static final class FiniteOrNull extends JsonSerializer<Double> {
        @Override
        public void serialize(Double value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
            number(value, gen);
        }
    }

    private static final class FiniteArray extends JsonSerializer<double[]> {
        @Override
        public void serialize(double[] value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
            gen.writeStartArray(value, value.length);
            for (double v : value) {
                number(v, gen);
            }
            gen.writeEndArray();
        }
    }
}
