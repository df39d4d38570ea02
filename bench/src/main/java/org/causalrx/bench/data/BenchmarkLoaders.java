package org.causalrx.bench.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.causalrx.data.Column;
import org.causalrx.data.CovariateEncoder;
import org.causalrx.data.CovariateSpec;
import org.causalrx.data.Encoding;
import org.causalrx.data.Table;
import org.causalrx.data.TableReader;
import org.causalrx.util.CausalRxException;

/** Loaders for the IHDP (CEVAE / CFRNet layout) and ACIC 2016 benchmark files. */
public final class BenchmarkLoaders {
    private BenchmarkLoaders() {
    }

    /**
     * IHDP replication {@code rep}: {@code DIR/ihdp_npci_<rep>.csv}, no header, columns treatment, y_factual,
     * y_cfactual, mu0, mu1, x1..x25.
     */
    public static BenchmarkData ihdp(Path dir, int rep) {
        Path file = dir.resolve("ihdp_npci_" + rep + ".csv");
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new CausalRxException(file + ": cannot read IHDP replication " + rep + " (" + e.getMessage()
                    + "); pass --data pointing at the folder with ihdp_npci_<rep>.csv", e);
        }
        List<double[]> rows = new ArrayList<>();
        for (int ln = 0; ln < lines.size(); ln++) {
            String line = lines.get(ln).trim();
            if (line.isEmpty()) {
                continue;
            }
            String[] f = line.split(",");
            if (f.length < 6) {
                throw new CausalRxException(file + ": line " + (ln + 1) + " has " + f.length + " fields; expected "
                        + "treatment, y_factual, y_cfactual, mu0, mu1, x1..x25");
            }
            double[] v = new double[f.length];
            for (int j = 0; j < f.length; j++) {
                try {
                    v[j] = Double.parseDouble(f[j].trim());
                } catch (NumberFormatException e) {
                    throw new CausalRxException(file + ": line " + (ln + 1) + ", field " + (j + 1) + " is '" + f[j]
                            + "', not a number; IHDP files have no header");
                }
            }
            rows.add(v);
        }
        int n = rows.size();
        double[][] x = new double[n][];
        int[] t = new int[n];
        double[] y = new double[n];
        double[] mu0 = new double[n];
        double[] mu1 = new double[n];
        for (int i = 0; i < n; i++) {
            double[] v = rows.get(i);
            t[i] = (int) v[0];
            y[i] = v[1];
            mu0[i] = v[3];
            mu1[i] = v[4];
            x[i] = java.util.Arrays.copyOfRange(v, 5, v.length);
        }
        return new BenchmarkData("ihdp-" + rep, x, t, y, mu0, mu1);
    }

    /**
     * ACIC 2016 setting {@code k}: covariates {@code DIR/x.csv} (text columns one-hot encoded) and
     * {@code DIR/zymu_<k>.csv} with z, y0, y1, mu0, mu1; observed y = y1 where z = 1 else y0.
     */
    public static BenchmarkData acic(Path dir, int setting) {
        Table xt = TableReader.read(dir.resolve("x.csv"));
        List<CovariateSpec> specs = new ArrayList<>();
        for (Column c : xt.columns()) {
            specs.add(new CovariateSpec(c.name(), c instanceof Column.Text, false));
        }
        int[] all = java.util.stream.IntStream.range(0, xt.rowCount()).toArray();
        Encoding enc = CovariateEncoder.fit(xt, all, specs);
        double[][] x = enc.transform(xt);
        Table z = TableReader.read(dir.resolve("zymu_" + setting + ".csv"));
        if (z.rowCount() != xt.rowCount()) {
            throw new CausalRxException(dir.resolve("zymu_" + setting + ".csv") + ": " + z.rowCount()
                    + " rows but x.csv has " + xt.rowCount() + "; the files must be row-aligned");
        }
        double[] zz = num(z, "z");
        double[] y0 = num(z, "y0");
        double[] y1 = num(z, "y1");
        int n = zz.length;
        int[] t = new int[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = (int) zz[i];
            y[i] = t[i] == 1 ? y1[i] : y0[i];
        }
        return new BenchmarkData("acic-" + setting, x, t, y, num(z, "mu0"), num(z, "mu1"));
    }

    private static double[] num(Table t, String col) {
        Column c = t.column(col);
        if (!(c instanceof Column.Numeric n)) {
            throw new CausalRxException(t.source() + ": column '" + col + "' must be numeric");
        }
        return n.toArray();
    }
}
