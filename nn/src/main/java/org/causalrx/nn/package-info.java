/**
 * Neural CATE estimators on DJL's PyTorch CPU engine: {@link org.causalrx.nn.TarNet},
 * {@link org.causalrx.nn.DragonNet} and {@link org.causalrx.nn.XMultiTask} (seed paper 000), with continuous, binary
 * and categorical outcomes, and their K-arm forms {@link org.causalrx.nn.MultiArmTarNet},
 * {@link org.causalrx.nn.MultiArmDragonNet} (softmax propensity head) and {@link org.causalrx.nn.MultiArmXMultiTask}
 * (K heads per stage; effects of every arm against arm 0). Training runs offline and single-threaded
 * ({@code DjlRuntime}); fitted models hold their weights on the Java heap and predict in plain Java. Registered with
 * the estimator catalogue and as K-arm variants by {@link org.causalrx.nn.NnEstimators}; written into and read from
 * model bundles by {@link org.causalrx.nn.NnBundleCodec} and, for K arms, {@link org.causalrx.nn.MultiArmNnBundleCodec}
 * (all through {@link java.util.ServiceLoader}).
 */
package org.causalrx.nn;
