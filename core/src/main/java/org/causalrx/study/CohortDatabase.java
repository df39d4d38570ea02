package org.causalrx.study;

import java.util.Locale;

import org.causalrx.cohort.CohortSpec;
import org.causalrx.util.CausalRxException;

/**
 * Reads the {@code database:} entry of a cohort block ({url, user, password_env, fetch_size}) and the {@code table:}
 * key of its tables. A password written into the study (a {@code password} key, or one inside the URL) is refused:
 * the study names the environment variable that holds it.
 */
final class CohortDatabase {
    /** Rows per round trip when none is given. */
    static final int DEFAULT_FETCH_SIZE = 10_000;

    private CohortDatabase() {
    }

    static CohortSpec.Database read(YamlNode n) {
        if (n.has("password")) {
            throw new CausalRxException(n.file() + ": '" + n.where("password") + "' would put a password in the "
                    + "study; remove it and give password_env: NAME, the environment variable that holds it");
        }
        n.allowOnly("url", "user", "password_env", "fetch_size");
        String url = n.text("url");
        if (!url.startsWith("jdbc:postgresql:")) {
            throw new CausalRxException(n.file() + ": '" + n.where("url") + "' is '" + url + "'; cohort tables can "
                    + "be read from PostgreSQL: give a URL like jdbc:postgresql://host:5432/dbname");
        }
        if (url.toLowerCase(Locale.ROOT).contains("password=")) {
            throw new CausalRxException(n.file() + ": '" + n.where("url") + "' holds a password; remove it from "
                    + "the URL and give password_env: NAME, the environment variable that holds it");
        }
        long fetch = n.integer("fetch_size", DEFAULT_FETCH_SIZE);
        if (fetch <= 0 || fetch > Integer.MAX_VALUE) {
            throw new CausalRxException(n.file() + ": '" + n.where("fetch_size") + "' is " + fetch + "; give a "
                    + "positive number of rows, e.g. 10000");
        }
        return new CohortSpec.Database(url, n.text("user", null), n.text("password_env", null), (int) fetch);
    }

    /** The {@code table:} of a tables entry when the block has a database (then required), else null. */
    static String relation(YamlNode t, boolean database) {
        if (database && t.has("path")) {
            throw new CausalRxException(t.file() + ": '" + t.where("path") + "' names a file, but the cohort reads "
                    + "its tables from 'database'; give table: schema.name instead (all tables come from the "
                    + "database)");
        }
        if (!database && t.has("table")) {
            throw new CausalRxException(t.file() + ": '" + t.where("table") + "' names a database table, but the "
                    + "cohort block has no 'database' entry; add database: {url: jdbc:postgresql://..., user: ..., "
                    + "password_env: ...} or give path: FILE instead");
        }
        if (!database) {
            return null;
        }
        String name = t.text("table");
        if (name.isBlank() || name.startsWith(".") || name.endsWith(".") || name.contains("..")) {
            throw new CausalRxException(t.file() + ": '" + t.where("table") + "' is '" + name + "'; give a table "
                    + "name, optionally with its schema, e.g. mimiciv_hosp.labevents");
        }
        return name;
    }
}
