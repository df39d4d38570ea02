package org.causalrx.bundle;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.causalrx.data.EncodingParts;
import org.causalrx.util.CausalRxException;

/**
 * The raw input a bundle needs ({@code schema.json}): the id column (or none: rows are numbered) and each
 * covariate column with its type, how the training file held it, and for categorical columns the levels seen in
 * training.
 *
 * @param idColumn patient id column of the study, or null (the 1-based data row is the id)
 * @param columns  the covariate columns the encoder reads, in feature order
 */
public record InputSchema(String idColumn, List<InputColumn> columns) {
    public InputSchema {
        columns = List.copyOf(columns);
    }

    /**
     * @param name        column name
     * @param categorical categorical (levels below) or numeric
     * @param readAsText  the training file held the column as text (false: as numbers)
     * @param levels      categorical: levels seen in training ("missing" when values were missing); else empty
     * @param missingSeen training data had missing values in this column (numeric: a missing indicator exists)
     */
    public record InputColumn(String name, boolean categorical, boolean readAsText, List<String> levels,
                              boolean missingSeen) {
        public InputColumn {
            levels = List.copyOf(levels);
        }
    }

    /** The schema of an encoding, with how each column was read in training. */
    static InputSchema of(String idColumn, List<EncodingParts.Item> items, Map<String, Boolean> textColumns) {
        List<InputColumn> cols = new ArrayList<>();
        for (EncodingParts.Item it : items) {
            boolean text = Boolean.TRUE.equals(textColumns.get(it.name()));
            cols.add(new InputColumn(it.name(), it.categorical(), text, it.categorical() ? it.levels() : List.of(),
                    it.categorical() ? it.levels().contains(EncodingParts.missingLevel()) : it.indicator()));
        }
        return new InputSchema(idColumn, cols);
    }

    ObjectNode toJson() {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        if (idColumn == null) {
            n.putNull("id_column");
        } else {
            n.put("id_column", idColumn);
        }
        var arr = n.putArray("columns");
        for (InputColumn c : columns) {
            ObjectNode o = arr.addObject().put("name", c.name())
                    .put("type", c.categorical() ? "categorical" : "numeric")
                    .put("read_as", c.readAsText() ? "text" : "numeric").put("missing_in_training", c.missingSeen());
            if (c.categorical()) {
                var lv = o.putArray("levels");
                c.levels().forEach(lv::add);
            }
        }
        return n;
    }

    static InputSchema fromJson(JsonNode n, String file) {
        JsonNode id = n.get("id_column");
        List<InputColumn> cols = new ArrayList<>();
        for (JsonNode c : BundleFiles.field(n, "columns", file)) {
            String type = BundleFiles.field(c, "type", file).asText();
            if (!type.equals("numeric") && !type.equals("categorical")) {
                throw new CausalRxException(file + ": column type must be numeric or categorical, found '" + type
                        + "'; re-run `causalrx run` to write the bundle again");
            }
            List<String> levels = new ArrayList<>();
            if (type.equals("categorical")) {
                BundleFiles.field(c, "levels", file).forEach(l -> levels.add(l.asText()));
            }
            cols.add(new InputColumn(BundleFiles.field(c, "name", file).asText(), type.equals("categorical"),
                    BundleFiles.field(c, "read_as", file).asText().equals("text"), levels,
                    BundleFiles.field(c, "missing_in_training", file).asBoolean()));
        }
        return new InputSchema(id == null || id.isNull() ? null : id.asText(), cols);
    }
}
