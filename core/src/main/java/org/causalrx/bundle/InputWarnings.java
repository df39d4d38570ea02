package org.causalrx.bundle;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.causalrx.data.Column;
import org.causalrx.data.Table;
import org.causalrx.study.DuplicateIds;

/**
 * What {@code causalrx recommend} accepts but a person should look at, one line each: repeated or blank patient ids
 * in the input (a recommendation is then ambiguous, or keyed by row number), and files in the bundle folder that
 * its manifest does not list (they are not checked and not used).
 */
public final class InputWarnings {
    private InputWarnings() {
    }

    /** Warnings for applying {@code bundle} to {@code input}; empty when there are none. */
    public static List<String> of(ModelBundle bundle, Table input) {
        return of(bundle.schema(), bundle.dir(), input);
    }

    /** Warnings for applying the K-arm {@code bundle} to {@code input}; empty when there are none. */
    public static List<String> of(MultiArmBundle bundle, Table input) {
        return of(bundle.schema(), bundle.dir(), input);
    }

    private static List<String> of(InputSchema schema, Path dir, Table input) {
        List<String> out = new ArrayList<>();
        String idName = schema.idColumn();
        Column id = idName == null ? null : input.find(idName).orElse(null);
        if (id != null) {
            String[] ids = new String[id.size()];
            List<Integer> blank = new ArrayList<>();
            for (int i = 0; i < ids.length; i++) {
                ids[i] = id.isMissing(i) ? null : id.text(i);
                if (ids[i] == null) {
                    blank.add(i + 1);
                }
            }
            String dup = DuplicateIds.describe(ids, null);
            if (dup != null) {
                out.add(input.source() + ": id column '" + idName + "' repeats " + dup + "; their recommendations "
                        + "cannot be told apart by id: remove the duplicate rows or fix the ids");
            }
            if (!blank.isEmpty()) {
                out.add(input.source() + ": id column '" + idName + "' is blank in " + blank.size() + " rows (rows "
                        + Recommender.rowList(blank) + "); those rows are "
                        + "identified by their row number in the output: fill in the ids");
            }
        }
        List<String> extra = unlistedFiles(dir);
        if (!extra.isEmpty()) {
            out.add(dir + ": " + extra.size() + (extra.size() == 1 ? " file is" : " files are") + " not listed"
                    + " in " + BundleFormat.MANIFEST + " (" + String.join(", ", extra.subList(0, Math.min(5,
                    extra.size()))) + (extra.size() > 5 ? ", …" : "") + "), so they are neither checked nor used: "
                    + "remove them, or re-run `causalrx run` if the bundle was meant to include them");
        }
        return List.copyOf(out);
    }

    /** Names of the entries of {@code dir} that its manifest does not list (the manifest itself excluded), sorted. */
    static List<String> unlistedFiles(Path dir) {
        Set<String> listed = new TreeSet<>();
        try {
            JsonNode m = BundleFiles.JSON.readTree(Files.readAllBytes(dir.resolve(BundleFormat.MANIFEST)));
            JsonNode files = m == null ? null : m.get("files");
            if (files != null) {
                for (Iterator<String> it = files.fieldNames(); it.hasNext(); ) {
                    listed.add(it.next());
                }
            }
        } catch (IOException e) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        try (Stream<Path> entries = Files.list(dir)) {
            entries.map(p -> p.getFileName().toString())
                    .filter(n -> !n.equals(BundleFormat.MANIFEST) && !listed.contains(n))
                    .sorted().forEach(out::add);
        } catch (IOException e) {
            return List.of();
        }
        return out;
    }
}
