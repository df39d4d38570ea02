/**
 * Neural CATE estimators on DJL's PyTorch CPU engine: {@link org.causalrx.nn.TarNet},
 * {@link org.causalrx.nn.DragonNet} and {@link org.causalrx.nn.XMultiTask} (seed paper 000), with continuous, binary
 * and categorical outcomes. Training runs offline and single-threaded ({@code DjlRuntime}); fitted models hold their
 * weights on the Java heap and predict in plain Java. Registered with the estimator catalogue by
 * {@link org.causalrx.nn.NnEstimators}; written into and read from model bundles by
 * {@link org.causalrx.nn.NnBundleCodec} (both through {@link java.util.ServiceLoader}).
 */
package org.causalrx.nn;
