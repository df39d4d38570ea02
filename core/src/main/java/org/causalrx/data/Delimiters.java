package org.causalrx.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.causalrx.util.CausalRxException;

/**
 * Detects a CSV exported with another separator than the one CausalRx reads (e.g. ';' with decimal commas, as
 * spreadsheet programs write in many locales) from its header line, before the file is parsed.
 */
final class Delimiters {
    private static final char[] CANDIDATES = {';', '\t', '|', ','};

    private Delimiters() {
    }

    /**
     * Throws when the header line of {@code file} has no {@code expected} separator but another candidate
     * (';', tab, '|', ',') splits it into several names; does nothing when the header cannot be read.
     *
     * @throws CausalRxException naming the separator found and how to export the file
     */
    static void checkHeader(Path file, char expected) {
        String header;
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            header = r.readLine();
        } catch (IOException | RuntimeException e) {
            return;
        }
        if (header == null || header.indexOf(expected) >= 0) {
            return;
        }
        for (char c : CANDIDATES) {
            if (c != expected && header.indexOf(c) >= 0) {
                long count = header.chars().filter(ch -> ch == c).count();
                throw new CausalRxException(file + ": the header line is separated by " + name(c) + " (" + count
                        + " of them), not by " + name(expected) + "; export the data as a " + name(expected)
                        + "-separated file with '.' as the decimal point"
                        + (expected == ',' ? " (or save it with the .tsv extension if it is tab-separated)" : ""));
            }
        }
    }

    private static String word(char c) {
        return c == ',' ? "comma" : c == '\t' ? "tab" : name(c);
    }

    private static String name(char c) {
        return switch (c) {
            case '\t' -> "tabs";
            case ';' -> "';'";
            case '|' -> "'|'";
            default -> "'" + c + "'";
        };
    }
}
