package org.causalrx.learn.xgb;

import java.io.IOException;

import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;
import org.causalrx.util.CausalRxException;

/**
 * Fitted XGBoost models to bytes in XGBoost's own Universal Binary JSON model format ({@code ubj}) and back, for
 * the model bundle. The format stores every split and leaf value exactly, so a loaded model predicts bit for bit as
 * the saved one. No Java serialisation is involved.
 */
public final class BoosterFiles {
    /** The XGBoost model format used ({@code Booster.toByteArray(FORMAT)}). */
    public static final String FORMAT = "ubj";

    private BoosterFiles() {
    }

    public static byte[] save(XGBoostRegressor.Model m) {
        return bytes(m.booster());
    }

    public static byte[] save(XGBoostClassifier.Model m) {
        return bytes(m.booster());
    }

    public static byte[] save(XGBoostSoftprobClassifier.Model m) {
        return bytes(m.booster());
    }

    /**
     * @param classes number of classes K the booster was trained with
     * @param source  file name for error messages
     */
    public static XGBoostSoftprobClassifier.Model loadSoftprob(byte[] data, int classes, String source) {
        return new XGBoostSoftprobClassifier.Model(booster(data, source), classes);
    }

    /** @param source file name for error messages */
    public static XGBoostRegressor.Model loadRegressor(byte[] data, String source) {
        return new XGBoostRegressor.Model(booster(data, source));
    }

    /** @param source file name for error messages */
    public static XGBoostClassifier.Model loadClassifier(byte[] data, String source) {
        return new XGBoostClassifier.Model(booster(data, source));
    }

    private static byte[] bytes(Booster b) {
        try {
            synchronized (b) {
                return b.toByteArray(FORMAT);
            }
        } catch (XGBoostError e) {
            throw new IllegalStateException("cannot save an XGBoost model: " + e.getMessage(), e);
        }
    }

    private static Booster booster(byte[] data, String source) {
        try {
            Booster b = XGBoost.loadModel(data);
            // predictions of a loaded bundle run on the calling thread: `serve` scores requests on many threads at
            // once, and an OpenMP team per calling thread would oversubscribe the cores (values are the same)
            b.setParam("nthread", 1);
            return b;
        } catch (XGBoostError | IOException e) {
            throw new CausalRxException(source + ": not a readable XGBoost model (" + e.getMessage()
                    + "); re-run `causalrx run` to write the model bundle again");
        }
    }
}
